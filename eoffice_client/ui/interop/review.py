"""The review of one edXML file before anything is queued: the fields as the new incoming
document will hold them, its files, and what could not be mapped (kept in the original
file, which is attached too)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.domain.enums import URGENCY_LABELS, label
from eoffice_client.core.messages import current_language

if TYPE_CHECKING:
    from eoffice_client.core.app.interop import (
        EdxmlDocument,
        EdxmlPreview,
        EdxmlStatus,
    )
    from eoffice_client.core.app.records import Directory


def day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


class ReviewPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("docTitle")
        self.heading.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.fields = self._table(2)
        self.files = self._table(4)
        self.files_title, self.notes_title = QLabel(self), QLabel(self)
        for title in (self.files_title, self.notes_title):
            title.setObjectName("sectionTitle")
        self.notes = QListWidget(self)
        self.notes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.error, self.fields, self.files_title, self.files,
                       self.notes_title, self.notes):
            layout.addWidget(widget)
        layout.setStretch(2, 3)
        layout.setStretch(4, 1)
        layout.setStretch(6, 1)
        layout.addStretch(0)  # takes the room while only a heading or an error shows
        self.box = layout
        self.clear(self.tr("Drop .edxml files here, or choose them with the button below."))

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(columns - 1 if columns == 2 else 0,
                                    QHeaderView.ResizeMode.Stretch)
        return table

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped values take the height the value column's new width gives them."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        self.fields.resizeRowsToContents()
        self.files.resizeRowsToContents()

    def clear(self, text: str = "") -> None:
        self.heading.setText(text)
        self.error.hide()
        for widget in (self.fields, self.files, self.files_title, self.notes, self.notes_title):
            widget.hide()
        self.box.setStretch(7, 1)

    def show_error(self, name: str, message: str) -> None:
        self.clear(name)
        self.error.setText(message)
        self.error.show()

    def show_preview(self, preview: EdxmlPreview, directory: Directory) -> None:
        self.clear()
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        if preview.kind == "status":
            status: EdxmlStatus = preview.found  # type: ignore[assignment]
            self.heading.setText(self.tr("Status message %1 from %2").replace(
                "%1", status.code).replace("%2", status.sender.name or status.sender.org_id))
            self._fill(self.status_rows(preview, status))
        else:
            document: EdxmlDocument = preview.found  # type: ignore[assignment]
            self.heading.setText(document.draft.subject)
            self._fill(self.document_rows(document, directory))
            self._files(document)
        self._notes(preview.notes)

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        self.box.setStretch(7, 0)
        self.fields.setRowCount(0)
        for name, value in rows:
            row = self.fields.rowCount()
            self.fields.insertRow(row)
            self.fields.setItem(row, 0, QTableWidgetItem(name))
            self.fields.setItem(row, 1, QTableWidgetItem(value))
        self.fields.resizeColumnToContents(0)
        self.fields.show()
        QTimer.singleShot(0, self._fit_rows)

    def document_rows(self, document: EdxmlDocument, directory: Directory
                      ) -> list[tuple[str, str]]:
        draft = document.draft
        issuer = draft.issuer.name or draft.issuer.org_id
        if draft.issuer.org_id and draft.issuer.name:
            issuer += f" ({draft.issuer.org_id})"
        number = f"{draft.code_number}/{draft.code_notation}" if draft.code_number else (
            draft.code_notation)
        signer = draft.signer
        rows = [
            (self.tr("Issuing body"), issuer),
            (self.tr("Number and notation"), number),
            (self.tr("Document type"), directory.type_name(draft.type_code)),
            (self.tr("Subject"), draft.subject),
            (self.tr("Issued on"), ", ".join(x for x in (draft.place, day(draft.issued_date))
                                             if x)),
            (self.tr("Signed by"), " ".join(x for x in (
                signer.competence_text, signer.position, signer.full_name) if x)
             if signer else ""),
            (self.tr("Urgency"), label(URGENCY_LABELS, draft.urgency, current_language())),
            (self.tr("Due"), day(draft.due_date)),
            (self.tr("Pages"), str(draft.page_count or "")),
            (self.tr("Copies"), str(draft.copies or "")),
            (self.tr("In reply to"), " ".join(x for x in (
                draft.in_reply_to.code, day(draft.in_reply_to.issued_date)) if x)
             if draft.in_reply_to else ""),
            (self.tr("Sent to"), "; ".join(name for _, name in draft.recipients)),
        ]
        if document.business.value != "new":
            rows.insert(0, (self.tr("Kind"), self.business_text(document.business.value)))
        return [(name, value) for name, value in rows if value]

    def business_text(self, kind: str) -> str:
        return {"revocation": self.tr("Revokes a document sent before"),
                "update": self.tr("Updates a document sent before"),
                "replacement": self.tr("Replaces a document sent before")}.get(kind, kind)

    def status_rows(self, preview: EdxmlPreview, status: EdxmlStatus) -> list[tuple[str, str]]:
        rows = [
            (self.tr("About the document"), status.about.code),
            (self.tr("Reported"), preview.summary),
            (self.tr("Description"), status.description),
            (self.tr("Handled by"), ", ".join(x for x in (status.staff.staff,
                                                          status.staff.department) if x)),
        ]
        return [(name, value) for name, value in rows if value]

    def _files(self, document: EdxmlDocument) -> None:
        self.files_title.setText(self.tr("Files (%1), and the original .edxml file").replace(
            "%1", str(len(document.attachments))))
        self.files.setHorizontalHeaderLabels(
            [self.tr("File name"), self.tr("Type"), self.tr("Size"), self.tr("Role")])
        self.files.setRowCount(0)
        for attachment in document.attachments:
            row = self.files.rowCount()
            self.files.insertRow(row)
            role = self.tr("Main") if attachment.role == "main" else self.tr("Appendix")
            for column, text in enumerate((attachment.file_name, attachment.content_type,
                                           size_text(attachment.size), role)):
                self.files.setItem(row, column, QTableWidgetItem(text))
        self.files.resizeColumnsToContents()
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files_title.show()
        self.files.show()

    def _notes(self, notes: tuple[str, ...]) -> None:
        self.notes.clear()
        self.notes_title.setText(self.tr("Not mapped (%1): kept in the original file").replace(
            "%1", str(len(notes))) if notes else self.tr("Every field was mapped."))
        self.notes_title.show()
        if notes:
            self.notes.addItems(list(notes))
            self.notes.show()
