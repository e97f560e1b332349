"""Dialogs: sign-in, assign, settings, crash report, register a paper document, and small
confirmations with our own (translated) button texts: Qt ships no Vietnamese qtbase."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.config import Settings, locked_fields
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import SECRECY_LABELS, URGENCY_LABELS, label


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setProperty("primary", True)
    ok.setDefault(True)
    if cancel_text is not None:
        box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    """A yes/no question with translated buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes or QApplication.translate("Dialogs", "Yes"),
                               QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(QApplication.translate("Dialogs", "No"),
                              QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(QApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


class SignInDialog(QDialog):
    """Server address, user name, password, remember me. The password never leaves here but
    to the sign-in call. "Sign in" emits :attr:`submitted`; the owner calls :meth:`finish`
    once the server said yes, or :meth:`show_error`."""

    submitted = Signal()

    def __init__(self, server: str = "", username: str = "", server_locked: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to eOffice"))
        self.server = QLineEdit(server, self)
        self.server.setPlaceholderText("https://eoffice.example.gov.vn")
        self.server.setEnabled(not server_locked)
        if server_locked:
            self.server.setToolTip(self.tr("Set by your IT department"))
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self.remember.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        heading = QLabel(self.tr("Sign in to eOffice"), self)
        heading.setObjectName("docTitle")
        form.addRow(heading)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        form.addRow(self.error)
        self.buttons = _buttons(self, self.tr("Sign in"), self.tr("Cancel"))
        form.addRow(self.buttons)
        for widget, name in ((self.server, self.tr("Server address")),
                             (self.username, self.tr("User name")),
                             (self.password, self.tr("Password"))):
            widget.setAccessibleName(name)
        self.setMinimumWidth(440)
        (self.password if username else self.username).setFocus()

    def accept(self) -> None:
        self.submitted.emit()

    def finish(self) -> None:
        self.password.clear()
        super().accept()

    def values(self) -> tuple[str, str, str, bool]:
        return (self.server.text().strip(), self.username.text().strip(), self.password.text(),
                self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Signing in…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.password.clear()
        self.password.setFocus()


class AssignDialog(QDialog):
    """Pick people or units as chủ trì / phối hợp / nhận để biết, a deadline and a directive."""

    ROLES = ("lead", "support", "info")

    def __init__(self, users: list[dict], units: list[dict] | None = None,
                 parent: QWidget | None = None, count: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign"))
        self.candidates: list[tuple[str, str, str]] = []  # (type, id, name)
        for unit in sorted(units or [], key=lambda u: str(u.get("name", "")).casefold()):
            if unit.get("active", True):
                self.candidates.append(("unit", unit["id"], self.tr("Unit: %1").replace(
                    "%1", str(unit.get("name")))))
        for user in sorted(users, key=lambda u: str(u.get("full_name", "")).casefold()):
            if user.get("active", True):
                name = str(user.get("full_name") or user.get("username"))
                title = user.get("title")
                self.candidates.append(("user", user["id"], f"{name} ({title})" if title
                                        else name))
        self.table = QTableWidget(len(self.candidates), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Person or unit"), self.tr("Role")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("People and units"))
        role_names = {"": self.tr("—"), "lead": self.tr("Lead (chủ trì)"),
                      "support": self.tr("Support (phối hợp)"),
                      "info": self.tr("For information")}
        self.role_boxes: list[QComboBox] = []
        for row, (_kind, _id, name) in enumerate(self.candidates):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            combo = QComboBox(self.table)
            for key in ("", *self.ROLES):
                combo.addItem(role_names[key], key)
            combo.setAccessibleName(self.tr("Role of %1").replace("%1", name))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.table.setCellWidget(row, 1, combo)
            self.role_boxes.append(combo)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a person or unit"))
        self.filter.setAccessibleName(self.tr("Find a person or unit"))
        self.filter.textChanged.connect(self._filter)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        today = today_vietnam() + dt.timedelta(days=7)
        self.due.setDate(QDate(today.year, today.month, today.day))
        self.due.setAccessibleName(self.tr("Deadline"))
        self.directive = QPlainTextEdit(self)
        self.directive.setTabChangesFocus(True)
        self.directive.setPlaceholderText(self.tr("Directive (bút phê), optional"))
        self.directive.setAccessibleName(self.tr("Directive"))
        self.directive.setMaximumHeight(90)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        layout = QVBoxLayout(self)
        if count > 1:
            layout.addWidget(QLabel(self.tr("%n document(s) selected", "", count), self))
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("Directive"), self.directive)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Assign"), self.tr("Cancel")))
        self.resize(620, 560)

    def _filter(self, text: str) -> None:
        from eoffice_client.core.domain.folding import fold

        needle = fold(text)
        for row, (_k, _i, name) in enumerate(self.candidates):
            self.table.setRowHidden(row, bool(needle) and needle not in fold(name))

    def set_role(self, assignee_id: str, role: str) -> None:
        for row, (_k, candidate, _n) in enumerate(self.candidates):
            if candidate == assignee_id:
                self.role_boxes[row].setCurrentIndex(self.role_boxes[row].findData(role))

    def params(self) -> dict[str, Any]:
        due = self.due.date().toString("yyyy-MM-dd")
        items = []
        for (kind, assignee_id, _n), combo in zip(self.candidates, self.role_boxes, strict=True):
            role = combo.currentData()
            if role:
                items.append({"assignee_type": kind, "assignee_id": assignee_id, "role": role,
                              "due_date": due})
        params: dict[str, Any] = {"assignments": items}
        directive = self.directive.toPlainText().strip()
        if directive:
            params["directive"] = directive
        return params

    def accept(self) -> None:
        if not any(a["role"] == "lead" for a in self.params()["assignments"]):
            self.error.setText(self.tr("Choose at least one lead (chủ trì)."))
            return
        super().accept()


class SettingsDialog(QDialog):
    """Server, sync interval, prefetch policy, language, extra CA bundle; policy fields locked."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.locked = locked_fields()
        self.server = QLineEdit(settings.server, self)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 240)
        self.interval.setValue(settings.sync_interval_min)
        self.interval.setSuffix(" " + self.tr("min"))
        self.prefetch = QComboBox(self)
        self.prefetch.addItem(self.tr("All files of non-secret documents"), "non_secret")
        self.prefetch.addItem(self.tr("Only when I open them"), "none")
        self.prefetch.setCurrentIndex(max(0, self.prefetch.findData(settings.prefetch)))
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.ca_bundle = QLineEdit(settings.ca_bundle, self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        form = QFormLayout(self)
        rows: list[tuple[str, str, Any]] = [
            ("server", self.tr("Server address"), self.server),
            ("sync_interval_min", self.tr("Sync every"), self.interval),
            ("prefetch", self.tr("Download files"), self.prefetch),
            ("language", self.tr("Language"), self.language),
            ("ca_bundle", self.tr("Extra CA certificates (PEM)"), ca_row),
        ]
        for name, caption, widget in rows:
            form.addRow(caption, widget)
            target = self.ca_bundle if name == "ca_bundle" else widget
            target.setAccessibleName(caption)
            if name in self.locked:
                target.setEnabled(False)
                target.setToolTip(self.tr("Set by your IT department"))
                if name == "ca_bundle":
                    browse.setEnabled(False)
        if self.locked & {r[0] for r in rows}:
            note = QLabel(self.tr("Greyed fields are set by your IT department."), self)
            note.setObjectName("hint")
            form.addRow(note)
        form.addRow(_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.setMinimumWidth(520)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Extra CA certificates (PEM)"),
                                              "", self.tr("Certificates (*.pem *.crt)"))
        if path:
            self.ca_bundle.setText(path)

    def result_settings(self) -> Settings:
        """The settings with the user's changes (policy fields untouched)."""
        values = {"server": self.server.text().strip(),
                  "sync_interval_min": self.interval.value(),
                  "prefetch": self.prefetch.currentData(),
                  "language": self.language.currentData(),
                  "ca_bundle": self.ca_bundle.text().strip()}
        for name, value in values.items():
            if name not in self.locked:
                setattr(self.settings, name, value)
        return self.settings


class CrashDialog(QDialog):
    """An unexpected error: what happened, where the report is, and the report to copy."""

    def __init__(self, report: str, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        intro = QLabel(self.tr(
            "An unexpected error happened. Your work is kept and the program goes on. "
            "Please send this report to your IT department."), self)
        intro.setWordWrap(True)
        where = QLabel(self.tr("Report saved at: %1").replace("%1", str(path)) if path
                       else self.tr("The report could not be saved."), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.text = QPlainTextEdit(report, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error report"))
        copy = QPushButton(self.tr("Copy report"), self)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(_buttons(self, self.tr("Close")))
        layout.addLayout(row)
        self.resize(640, 420)


class RegisterPaperDialog(QDialog):
    """A clerk registers a paper document: metadata plus scanned PDFs or JPEG/PNG pages."""

    def __init__(self, catalog: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a paper document"))
        self.type_code = QComboBox(self)
        for t in catalog.get("document_types") or []:
            self.type_code.addItem(str(t.get("name")), t.get("code"))
        self.issuer = QComboBox(self)
        self.issuer.setEditable(False)
        for org in sorted(catalog.get("organizations") or [],
                          key=lambda o: str(o.get("name", "")).casefold()):
            self.issuer.addItem(str(org.get("name")), org.get("id"))
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
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Scanned files"))
        self.files.setMaximumHeight(110)
        add = QPushButton(self.tr("Add scanned files…"), self)
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove from list"), self)
        remove.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        # a message about the subject or the files goes once the user changes them
        self.subject.textChanged.connect(self.error.clear)
        self.files.model().rowsInserted.connect(self.error.clear)
        form = QFormLayout(self)
        for caption, widget in (
            (self.tr("Type"), self.type_code), (self.tr("Issuer"), self.issuer),
            (self.tr("Number"), self.code_number), (self.tr("Notation"), self.code_notation),
            (self.tr("Issued on"), self.issued_date), (self.tr("Arrived on"), self.arrival_date),
            (self.tr("Subject"), self.subject), (self.tr("Urgency"), self.urgency),
            (self.tr("Secrecy"), self.secrecy),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_date, 1)
        form.addRow(self.tr("Deadline"), due_row)
        form.addRow(self.tr("Scanned files"), self.files)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.error)
        form.addRow(_buttons(self, self.tr("Register"), self.tr("Cancel")))
        self.setMinimumWidth(560)

    def _date(self, days: int) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        day = today_vietnam() + dt.timedelta(days=days)
        edit.setDate(QDate(day.year, day.month, day.day))
        return edit

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add scanned files…"), "",
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"))
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """The list shows the file's name; its folder is in the tool tip."""
        item = QListWidgetItem(path.name)
        item.setToolTip(str(path))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.files.addItem(item)

    def file_paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.files.count())]

    def body(self) -> dict[str, Any]:
        """The create body of contract section 6 for an incoming document."""
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "direction": "incoming",
            "type_code": self.type_code.currentData(),
            "subject": self.subject.toPlainText().strip(),
            "issuer": {"org_id": self.issuer.currentData(), "org_name": self.issuer.currentText()},
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

    def accept(self) -> None:
        problems = []
        body = self.body()
        if not 1 <= len(body["subject"]) <= 500:
            problems.append(self.tr("Write the subject (1 to 500 characters)."))
        if not body["issuer"]["org_id"]:
            problems.append(self.tr("Choose the issuer."))
        if not self.file_paths() and int(body["secrecy"] or 0) == 0:
            problems.append(self.tr("Add the scanned pages (PDF, JPEG or PNG)."))
        self.error.setText("\n".join(problems))
        if problems:
            self.adjustSize()  # room for every line of the message, none of it clipped
            return
        super().accept()
