"""A clerk registers a paper document: its metadata, the scanned pages and the register it
goes into, all in one form. The window queues the three as one chain
(``app.changes.register_paper``), so the document arrives with its số đến.

Each scanned file is checked when it is added (a file that is not a readable PDF, JPEG or
PNG never enters the list, and the message names it); the form stays open, filled, when
the rules refuse what it holds (``FormDialog``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from eoffice_client.core.app.records import Directory
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import SECRECY_LABELS, URGENCY_LABELS, label
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.dialogs.form import FormDialog
from eoffice_client.ui.dialogs.messages import dialog_buttons
from eoffice_client.ui.file_dialogs import open_files
from eoffice_client.ui.tasks import TaskRunner

#: checks one scanned file; returns its page count, raises a ClientError naming it
ScanCheck = Callable[[Path], int]


class RegisterPaperDialog(FormDialog):
    """Metadata, scanned PDFs or JPEG/PNG pages, and the register; ``check_scan`` checks
    each file as it is added."""

    fileChecked = Signal(str, bool)  # the file's path, whether it was listed

    def __init__(self, directory: Directory, parent: QWidget | None = None,
                 check_scan: ScanCheck | None = None, runner: TaskRunner | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a paper document"))
        self.doc_id = str(uuid.uuid4())  # the same document however often it is submitted
        self.check_scan, self.runner = check_scan, runner
        self.checking: list[Path] = []  # files whose check runs now
        self.registers = list(directory.registers.values())
        self.type_code = QComboBox(self)
        for t in directory.types.values():
            self.type_code.addItem(t.name, t.code)
        self.organizations = {fold(o.name): o for o in directory.organizations.values()
                              if o.name}
        self.issuer = self._sender_field(sorted(o.name for o in self.organizations.values()))
        self.code_number = QSpinBox(self)
        self.code_number.setRange(0, 999999)
        self.code_number.setSpecialValueText(self.tr("none"))
        self.code_notation = QLineEdit(self)
        self.code_notation.setPlaceholderText("QĐ-UBND")
        self.issued_date = self._date(0)
        self.arrival_date = self._date(0)
        self.due_date = self._date(7)
        self.has_due = QCheckBox(self.tr("Has a deadline"), self)
        self.has_due.toggled.connect(self.due_date.setEnabled)
        self.due_date.setEnabled(False)
        self.subject = QPlainTextEdit(self)
        self.subject.setTabChangesFocus(True)
        self.subject.setMaximumHeight(80)
        self.urgency = QComboBox(self)
        self.secrecy = QComboBox(self)
        lang = QApplication.instance().property("eofficeLanguage") or "vi"  # type: ignore[union-attr]
        for value in range(5):
            self.urgency.addItem(label(URGENCY_LABELS, value, str(lang)), value)
        for value in range(4):
            self.secrecy.addItem(label(SECRECY_LABELS, value, str(lang)), value)
        self.register = QComboBox(self)
        self.register.setPlaceholderText(self.tr("Choose a register"))
        self.files = QListWidget(self)
        self.files.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add scanned files…"), self)
        self.add_button.clicked.connect(self._add_files)
        self.remove_button = QPushButton(self.tr("Remove from list"), self)
        self.remove_button.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        self.secret_note = QLabel(self.tr(
            "A secret document is kept on paper: its pages are not scanned into eOffice. "
            "Register its details here and hand the paper over as the secrecy rules say."),
            self)
        self.secret_note.setObjectName("hint")
        self.secret_note.setWordWrap(True)
        self.secrecy.currentIndexChanged.connect(self._secrecy_changed)
        # a message about the fields goes once the user changes them
        self.subject.textChanged.connect(lambda: self.show_problem(""))
        self.issuer.textEdited.connect(lambda _t: self.show_problem(""))
        self._lay_out()
        self._secrecy_changed()
        self.setMinimumWidth(600)

    def _sender_field(self, names: list[str]) -> QLineEdit:
        """Free text (a company, a citizen, an agency not in the catalogue) with the
        catalogue's organisations as suggestions; empty at first."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("Who sent it: an agency, a company or a person"))
        completer = QCompleter(names, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(10)
        edit.setCompleter(completer)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        for caption, widget in (
            (self.tr("Type"), self.type_code), (self.tr("Sender"), self.issuer),
            (self.tr("Number"), self.code_number), (self.tr("Notation"), self.code_notation),
            (self.tr("Issued on"), self.issued_date), (self.tr("Arrived on"), self.arrival_date),
            (self.tr("Subject"), self.subject), (self.tr("Urgency"), self.urgency),
            (self.tr("Secrecy"), self.secrecy), (self.tr("Register"), self.register),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_date, 1)
        form.addRow(self.tr("Deadline"), due_row)
        self.files.setAccessibleName(self.tr("Scanned files"))
        form.addRow(self.tr("Scanned files"), self.files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.secret_note)
        form.addRow(self.error)
        form.addRow(dialog_buttons(self, self.tr("Register"), self.tr("Cancel")))

    def _date(self, days: int) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        day = today_vietnam() + dt.timedelta(days=days)
        edit.setDate(QDate(day.year, day.month, day.day))
        return edit

    def secret(self) -> bool:
        return int(self.secrecy.currentData() or 0) >= 1

    def _secrecy_changed(self, *_: object) -> None:
        """The registers that fit (this year, secret or not); a secret document's pages
        stay on paper."""
        chosen = self.register.currentData()
        self.register.clear()
        doc = {"direction": "incoming", "secrecy": int(self.secrecy.currentData() or 0)}
        today = today_vietnam()
        for register in self.registers:
            if workflow.register_fits(doc, register.as_json(), today):
                self.register.addItem(register.name, register.id)
        index = self.register.findData(chosen)
        self.register.setCurrentIndex(index if index >= 0 else
                                      (0 if self.register.count() == 1 else -1))
        secret = self.secret()
        for widget in (self.files, self.add_button, self.remove_button):
            widget.setEnabled(not secret)
        self.secret_note.setVisible(secret)

    # --- files -----------------------------------------------------------------------------
    def _add_files(self) -> None:
        for path in open_files(self, self.tr("Add scanned files…"),
                               self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"), purpose="scans"):
            self.add_file(path)

    def add_file(self, path: Path) -> None:
        """Checks the file (in a worker when the form has a runner: an image is decoded)
        and lists it; a file that cannot be joined is not listed, and the message says
        which and why. ``fileChecked`` tells when the check is over."""
        if path in self.file_paths() or path in self.checking:
            return
        if self.check_scan is None:
            self._file_checked(path, 0)
            return
        check = self.check_scan
        if self.runner is None:
            try:
                self._file_checked(path, check(path))
            except Exception as exc:  # the message names the file; nothing is listed
                self._file_refused(path, exc)
            return
        self.checking.append(path)
        self.runner.run(lambda _t: check(path), lambda pages: self._file_checked(path, pages),
                        lambda exc: self._file_refused(path, exc), label="scan",
                        show_progress=False)

    def _file_refused(self, path: Path, exc: BaseException) -> None:
        if path in self.checking:
            self.checking.remove(path)
        if isinstance(exc, ClientError):
            text = exc.message()
        else:
            text = self.tr("The file «%1» cannot be read: choose another copy.").replace(
                "%1", str(path))
        self.show_problem(text)
        self.fileChecked.emit(str(path), False)

    def _file_checked(self, path: Path, pages: int) -> None:
        if path in self.checking:
            self.checking.remove(path)
        text = path.name if not pages else self.tr("%1 (%n page(s))", "", pages).replace(
            "%1", path.name)
        item = QListWidgetItem(text)
        item.setToolTip(str(path))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.files.addItem(item)
        self.show_problem("")
        self.fileChecked.emit(str(path), True)

    def file_paths(self) -> list[Path]:
        if self.secret():
            return []
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.files.count())]

    # --- values ----------------------------------------------------------------------------
    def issuer_ref(self) -> dict[str, str]:
        """The sender as typed; a catalogue organisation's id when the name is one."""
        name = " ".join(self.issuer.text().split())
        known = self.organizations.get(fold(name))
        return {"org_id": known.id if known else "", "org_name": name}

    def register_id(self) -> str | None:
        value = self.register.currentData()
        return str(value) if value else None

    def body(self) -> dict[str, Any]:
        """The create fields of contract section 6 for an incoming document."""
        body: dict[str, Any] = {
            "id": self.doc_id,
            "direction": "incoming",
            "type_code": self.type_code.currentData(),
            "subject": self.subject.toPlainText().strip(),
            "issuer": self.issuer_ref(),
            "code_notation": self.code_notation.text().strip(),
            "issued_date": self.issued_date.date().toString("yyyy-MM-dd"),
            "arrival_date": self.arrival_date.date().toString("yyyy-MM-dd"),
            "urgency": self.urgency.currentData(),
            "secrecy": self.secrecy.currentData(),
        }
        if self.code_number.value():
            body["code_number"] = self.code_number.value()
        if self.has_due.isChecked():
            body["due_date"] = self.due_date.date().toString("yyyy-MM-dd")
        return body

    def problems(self) -> list[str]:
        problems = []
        body = self.body()
        if not 1 <= len(body["subject"]) <= 500:
            problems.append(self.tr("Write the subject (1 to 500 characters)."))
        if not body["issuer"]["org_name"]:
            problems.append(self.tr("Type the sender, or choose one of the suggestions."))
        if self.register_id() is None:
            problems.append(self.tr("Choose the register it goes into."))
        if self.checking:
            problems.append(self.tr("Wait a moment: the scanned files are being checked."))
        elif not self.file_paths() and not self.secret():
            problems.append(self.tr("Add the scanned pages (PDF, JPEG or PNG)."))
        return problems

    def field_named(self, name: str) -> QWidget | None:
        """The widget of a create field (to point at what the rules refused)."""
        fields: dict[str, QWidget] = {
            "type_code": self.type_code, "subject": self.subject, "issuer": self.issuer,
            "code_number": self.code_number, "code_notation": self.code_notation,
            "issued_date": self.issued_date, "arrival_date": self.arrival_date,
            "urgency": self.urgency, "secrecy": self.secrecy, "due_date": self.due_date,
            "register_id": self.register, "files": self.files}
        return fields.get(name)

    def caption_of(self, name: str) -> str:
        widget = self.field_named(name)
        return widget.accessibleName() if widget is not None else name

    def explain(self, exc: ClientError) -> tuple[str, QWidget | None]:
        """What a refusal of the core means for this form, and the field it is about."""
        key, values = exc.key, exc.values
        if key == "sync.bad_value":
            name = str(values.get("field") or "")
            return (self.tr("Check «%1»: its value is not accepted.").replace(
                "%1", self.caption_of(name)), self.field_named(name))
        if key == "sync.incoming_needs_issuer":
            return (self.tr("Type the sender, or choose one of the suggestions."), self.issuer)
        if key == "sync.unknown_type":
            return (self.tr("This type of document is not in the catalogue: choose another."),
                    self.type_code)
        if key in ("sync.invalid_params", "sync.not_allowed") and "register" in str(
                values.get("action") or ""):
            return (self.tr("The register «%1» does not take this document (its year or "
                            "secrecy): choose another.").replace("%1", self.register.currentText()),
                    self.register)
        if key.startswith("documents.") or key in ("sync.no_such_file", "sync.file_too_large",
                                                    "sync.secret_file"):
            return (exc.message() + " " + self.tr("Remove it from the list, or add a good copy."),
                    self.files)
        return exc.message(), None
