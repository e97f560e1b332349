"""A clerk registers a paper document: its metadata and the scanned pages."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
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

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import SECRECY_LABELS, URGENCY_LABELS, label
from eoffice_client.ui.dialogs.messages import dialog_buttons


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
        form.addRow(dialog_buttons(self, self.tr("Register"), self.tr("Cancel")))
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
