"""Importing edXML files (QCVN 102:2016) from other agencies: drop them or choose them,
review what each maps to, then register it.

Each file is read in the background by ``app.interop.preview_edxml`` (parse and map,
nothing queued). The clerk reviews the fields, the files and what could not be mapped;
"Register" then queues that reviewed preview (``register_edxml``: the create with its
files, and the original file, as one chain) or, for a status message, records it on the
outgoing document it is about. A file that is not usable edXML shows the core's message
naming what is wrong, and nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.file_dialogs import open_files
from eoffice_client.ui.interop.review import ReviewPane
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.interop import EdxmlImport, EdxmlPreview

State = Literal["reading", "ready", "refused", "registering", "done"]
SUFFIXES = (".edxml", ".xml")


@dataclass
class Entry:
    path: Path
    state: State = "reading"
    preview: EdxmlPreview | None = None
    message: str = ""
    result: EdxmlImport | None = None


class EdxmlImportDialog(QDialog):
    """``imported(doc_id)``: a new incoming document was queued (or a status message was
    recorded on the outgoing document ``doc_id``); the lists may refresh and sync."""

    imported = Signal(str)

    def __init__(self, app: App, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.runner = app, runner
        self.entries: list[Entry] = []
        self.directory = app.reads.directory()
        me = app.session.me()
        self.is_clerk = me is not None and me.has_role("clerk")
        self.setWindowTitle(self.tr("Import edXML documents"))
        self.setAcceptDrops(True)
        self.resize(1000, 640)
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        self.file_list = QListWidget(self)
        self.file_list.currentRowChanged.connect(self._show_current)
        self.file_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.file_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review = ReviewPane(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.file_list)
        splitter.addWidget(self.review)
        splitter.setSizes([280, 720])
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose files…"), self)
        self.choose_button.clicked.connect(self.choose_files)
        self.register_button = QPushButton(self.tr("Register"), self)
        self.register_button.setProperty("primary", True)
        self.register_button.clicked.connect(self.register_current)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    # --- adding files ---------------------------------------------------------------------
    def choose_files(self) -> None:
        self.add_files(open_files(self, self.tr("Choose edXML files"),
                                  self.tr("edXML files (*.edxml *.xml);;All files (*)"),
                                  purpose="edxml"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(url.toLocalFile()) for url in event.mimeData().urls()
                        if url.isLocalFile()])
        event.acceptProposedAction()

    def add_files(self, paths: list[Path]) -> None:
        """Lists each new file and reads it in the background (a file already listed is
        selected instead of read twice)."""
        known = {entry.path.resolve(): i for i, entry in enumerate(self.entries)}
        for path in paths:
            index = known.get(path.resolve())
            if index is not None:
                self.file_list.setCurrentRow(index)
                continue
            entry = Entry(path)
            self.entries.append(entry)
            known[path.resolve()] = len(self.entries) - 1
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            self.file_list.addItem(item)
            self._render(entry)
            self._read(entry)
        if self.entries and self.file_list.currentRow() < 0:
            self.file_list.setCurrentRow(0)

    def _read(self, entry: Entry) -> None:
        path = entry.path
        self.runner.run(lambda _task: self.app.interop.preview_edxml(path),
                        partial(self._previewed, entry), partial(self._refused, entry),
                        label="edxml-preview", show_progress=False)

    def _previewed(self, entry: Entry, preview: EdxmlPreview) -> None:
        entry.state, entry.preview = "ready", preview
        self._render(entry)

    def _refused(self, entry: Entry, exc: BaseException) -> None:
        entry.state, entry.message = "refused", error_text(exc)
        self._render(entry)

    # --- showing --------------------------------------------------------------------------
    def state_text(self, entry: Entry) -> str:
        return {"reading": self.tr("reading…"), "ready": self.tr("to review"),
                "refused": self.tr("refused"), "registering": self.tr("registering…"),
                "done": self.tr("registered")}[entry.state]

    def _render(self, entry: Entry) -> None:
        index = self.entries.index(entry)
        item = self.file_list.item(index)
        item.setText(f"{entry.path.name}\n{self.state_text(entry)}")
        item.setForeground(Qt.GlobalColor.darkRed if entry.state == "refused"
                           else Qt.GlobalColor.black)
        if index == self.file_list.currentRow():
            self._show_current(index)

    def current(self) -> Entry | None:
        row = self.file_list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_current(self, _row: int = -1) -> None:
        entry = self.current()
        if entry is None:
            self.review.clear(self.tr("Drop .edxml files here, or choose them with the "
                                      "button below."))
        elif entry.state == "refused":
            self.review.show_error(entry.path.name, entry.message)
        elif entry.preview is None:
            self.review.clear(self.tr("Reading %1…").replace("%1", entry.path.name))
        else:
            self.review.show_preview(entry.preview, self.directory)
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.current()
        ready = entry is not None and entry.state == "ready" and entry.preview is not None
        document = ready and entry is not None and entry.preview is not None and (
            entry.preview.kind == "document")
        allowed = ready and (self.is_clerk or not document)
        self.register_button.setEnabled(allowed)
        self.register_button.setText(self.tr("Record on the document")
                                     if ready and not document else self.tr("Register"))
        if entry is not None and entry.state == "done":
            self.hint.setText(entry.message)
        elif ready and document and not self.is_clerk:
            self.hint.setText(self.tr("Only a clerk (văn thư) registers incoming documents."))
        elif ready:
            self.hint.setText(self.tr("Check the fields above; nothing is registered until "
                                      "you press the button."))
        else:
            self.hint.setText("")

    # --- registering ----------------------------------------------------------------------
    def register_current(self) -> None:
        entry = self.current()
        if entry is None or entry.state != "ready" or entry.preview is None:
            return
        preview = entry.preview
        entry.state = "registering"
        self._render(entry)
        self.runner.run(lambda _task: self.app.interop.register_edxml(preview),
                        partial(self._registered, entry), partial(self._register_failed, entry),
                        label="edxml-import")

    def _registered(self, entry: Entry, result: EdxmlImport) -> None:
        entry.state, entry.result = "done", result
        if result.kind == "status":
            entry.message = self.tr("Recorded on the outgoing document: %1").replace(
                "%1", result.summary)
        else:
            entry.message = self.tr("Queued as a new incoming document with %1 files and "
                                    "the original edXML file; it is sent at the next sync."
                                    ).replace("%1", str(result.attachments))
        self._render(entry)
        self.imported.emit(result.document_id)

    def _register_failed(self, entry: Entry, exc: BaseException) -> None:
        entry.state = "ready"
        self._render(entry)
        self.hint.setText(error_text(exc))
