"""Writing edXML for another agency: an issued document with its final PDF, or a status
message (01-06) about a document received from it. One small dialog for both: where to
save (the Documents folder by default), and for a status its code; written in the
background; the core's message when it refuses (not issued, a code that does not fit)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.interop import EdxmlExport

Mode = Literal["document", "status"]
STATUS_CODES = ("01", "02", "03", "04", "05", "06")


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def file_stem(doc: dict[str, object]) -> str:
    """``05-QD-UBND`` from the document's number and notation, else its id."""
    code = f"{doc.get('code_number') or ''}-{doc.get('code_notation') or ''}".strip("-")
    plain = re.sub(r"[^0-9A-Za-z]+", "-", code.replace("Đ", "D").replace("đ", "d")).strip("-")
    return plain or str(doc.get("id") or "van-ban")


class EdxmlExportDialog(QDialog):
    """``written(Path)``: the file was saved."""

    written = Signal(object)

    def __init__(self, app: App, runner: TaskRunner, doc_id: str, mode: Mode = "document",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.runner, self.doc_id, self.mode = app, runner, doc_id, mode
        self.busy = False
        self.saved: EdxmlExport | None = None
        doc = app.reads.document_json(doc_id) or {"id": doc_id}
        self.setWindowTitle(self.tr("Export as edXML") if mode == "document"
                            else self.tr("Status message (edXML)"))
        self.setMinimumWidth(560)
        self.subject = QLabel(str(doc.get("subject") or doc_id), self)
        self.subject.setWordWrap(True)
        self.code = QComboBox(self)
        for code in STATUS_CODES:
            self.code.addItem(f"{code} – {self.status_label(code)}", code)
        self.path = QLineEdit(self)
        suffix = "" if mode == "document" else "-trang-thai"
        self.path.setText(str(documents_folder() / f"{file_stem(doc)}{suffix}.edxml"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.subject)
        if mode == "status":
            form.addRow(self.tr("Status"), self.code)
        else:
            self.code.hide()
        form.addRow(self.tr("File"), row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def status_label(self, code: str) -> str:
        return {"01": self.tr("received"), "02": self.tr("refused"),
                "03": self.tr("accepted"), "04": self.tr("assigned"),
                "05": self.tr("in progress"), "06": self.tr("completed")}[code]

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.path.text(),
                                                self.tr("edXML files (*.edxml)"))
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".edxml")
                              else f"{chosen}.edxml")

    def save(self) -> None:
        if self.busy:
            return
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose where to save the file."))
            return
        out = Path(text).expanduser()
        code = str(self.code.currentData())
        self.busy = True
        self.save_button.setEnabled(False)
        self.error.setText("")
        self.status.setText(self.tr("Writing…"))
        if self.mode == "document":
            def work(_task: object) -> EdxmlExport:
                return self.app.interop.export_edxml(self.doc_id, out)
        else:
            def work(_task: object) -> EdxmlExport:
                return self.app.interop.status_edxml(self.doc_id, code, out)
        self.runner.run(work, self._saved, self._failed, label="edxml-export")

    def _saved(self, result: EdxmlExport) -> None:
        self.busy, self.saved = False, result
        self.save_button.setEnabled(True)
        lines = [self.tr("Saved: %1").replace("%1", str(result.path))]
        lines += list(result.warnings)
        self.status.setText("\n".join(lines))
        self.written.emit(result.path)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.status.setText("")
        self.error.setText(error_text(exc))
