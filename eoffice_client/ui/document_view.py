"""The right pane: one document's metadata, files (inline PDF preview), assignments,
directives and comments, and history, from the application API's
:class:`~eoffice_client.core.app.records.DocumentDetail`."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.records import AttachmentInfo, Directory, DocumentDetail
from eoffice_client.core.domain.enums import (
    ASSIGNMENT_ROLE_LABELS,
    COMMENT_KIND_LABELS,
    DIRECTION_LABELS,
    SECRECY_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    label,
)
from eoffice_client.core.domain.numbering import format_code
from eoffice_client.ui import display
from eoffice_client.ui.actions.offered import action_label
from eoffice_client.ui.pdf_pane import PdfPane
from eoffice_client.ui.resources import icon_path
from eoffice_client.ui.secret_note import secret_explanation
from eoffice_client.ui.table_model import format_date


def document_code(doc: dict[str, Any]) -> str:
    """số/ký hiệu as printed: ``05/QĐ-UBND``, or the notation alone before numbering."""
    number, notation = doc.get("code_number"), doc.get("code_notation") or ""
    if number:
        try:
            return format_code(int(number), notation)
        except (TypeError, ValueError):
            return f"{number}/{notation}"
    return notation


class DocumentView(QWidget):
    """Shows one document; asks the window to fetch or open files."""

    fileRequested = Signal(str)  # attachment id: fetch it (network) and show it
    openExternally = Signal(str)  # attachment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.doc: DocumentDetail | None = None
        self.directory = Directory()
        self._shown: tuple[str | None, Path | None] = (None, None)
        self.title = QLabel(self)
        self.title.setObjectName("docTitle")
        self.title.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.info = self._browser()
        self.comments = self._browser()
        self.history = self._browser()
        self.files_tab = QWidget(self)
        # one line to choose the file, so the preview keeps nearly all the height
        self.file_list = QComboBox(self.files_tab)
        self.file_list.setAccessibleName(self.tr("Attachments"))
        self.file_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.file_list.setMinimumContentsLength(20)
        self.file_list.currentIndexChanged.connect(self._file_chosen)
        self.file_note = QLabel(self.files_tab)
        self.file_note.setObjectName("hint")
        self.file_note.setWordWrap(True)
        self.download_button = QPushButton(self.tr("Download"), self.files_tab)
        self.download_button.clicked.connect(self._download)
        self.open_button = QPushButton(self.tr("Open with another app"), self.files_tab)
        self.open_button.clicked.connect(self._open_selected)
        self.pdf = PdfPane(self.files_tab)
        # a secret document's files never come here: where its paper is, instead
        self.secret_note = QLabel(self.files_tab)
        self.secret_note.setObjectName("secretNote")
        self.secret_note.setWordWrap(True)
        self.secret_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.secret_note.setVisible(False)
        choose = QHBoxLayout()
        choose.addWidget(self.file_list, 1)
        choose.addWidget(self.download_button)
        choose.addWidget(self.open_button)
        files_layout = QVBoxLayout(self.files_tab)
        files_layout.setContentsMargins(4, 4, 4, 4)
        files_layout.addLayout(choose)
        files_layout.addWidget(self.file_note)
        files_layout.addWidget(self.pdf, 1)
        files_layout.addWidget(self.secret_note, 1)
        self.tabs.addTab(self.info, "")
        self.tabs.addTab(self.files_tab, "")
        self.tabs.addTab(self.comments, "")
        self.tabs.addTab(self.history, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.show_document(None)

    def _browser(self) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setOpenLinks(False)
        return browser

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("Files"))
        self.tabs.setTabText(2, self.tr("Directives and comments"))
        self.tabs.setTabText(3, self.tr("History"))
        self.download_button.setText(self.tr("Download"))
        self.open_button.setText(self.tr("Open with another app"))
        self.file_list.setAccessibleName(self.tr("Attachments"))
        self.info.setAccessibleName(self.tr("Details"))
        self.comments.setAccessibleName(self.tr("Directives and comments"))
        self.history.setAccessibleName(self.tr("History"))
        self.pdf.fit_button.setText(self.tr("Fit width"))
        self.show_document(self.doc, keep_file=True)

    # --- content ---------------------------------------------------------------------------
    def show_document(self, doc: DocumentDetail | None, keep_file: bool = False) -> None:
        same = doc is not None and self.doc is not None and doc.id == self.doc.id
        self.doc = doc
        if doc is None:
            self.title.setText(self.tr("Choose a document in the list to see it here."))
            for browser in (self.info, self.comments, self.history):
                browser.clear()
            self.file_list.clear()
            self.pdf.clear()
            self._update_file_buttons()
            return
        code = doc.code
        self.title.setText(html.escape(f"{code} — {doc.subject}" if code else doc.subject))
        self.info.setHtml(self._info_html(doc))
        self.comments.setHtml(self._comments_html(doc))
        self.history.setHtml(self._history_html(doc))
        self._fill_files(doc, keep_current=same and keep_file)

    def _fill_files(self, doc: DocumentDetail, keep_current: bool) -> None:
        current = self.current_attachment_id() if keep_current else None
        self.file_list.blockSignals(True)
        self.file_list.clear()
        attach_icon = QIcon(str(icon_path("attach")))
        for attachment in doc.attachments:
            size_kb = max(1, attachment.size // 1024)
            self.file_list.addItem(attach_icon, f"{attachment.file_name} ({size_kb} KB)",
                                   attachment.id)
            index = self.file_list.count() - 1
            self.file_list.setItemData(index, attachment.file_name, Qt.ItemDataRole.ToolTipRole)
            if attachment.id == current:
                self.file_list.setCurrentIndex(index)
        self.file_list.setEnabled(self.file_list.count() > 0)
        self.file_list.blockSignals(False)
        if not keep_current:
            self.pdf.clear()
            if self.file_list.count():
                self.file_list.setCurrentIndex(0)
                self._file_chosen()
        self._update_file_buttons()

    def show_files_first(self) -> None:
        """The Files tab in front when the document has a file (the reading layout)."""
        if self.file_list.count():
            self.tabs.setCurrentWidget(self.files_tab)

    def current_attachment_id(self) -> str | None:
        value = self.file_list.currentData()
        return str(value) if value else None

    def attachment(self, attachment_id: str | None) -> AttachmentInfo | None:
        found = (a for a in (self.doc.attachments if self.doc else ()) if a.id == attachment_id)
        return next(found, None)

    def secret(self) -> bool:
        return self.doc is not None and self.doc.secret

    def show_file(self, attachment_id: str, path: Path | None) -> None:
        """The window calls this with the cached copy (or None when it is not cached)."""
        if attachment_id != self.current_attachment_id():
            return
        attachment = self.attachment(attachment_id)
        failed = False
        if path is None:
            self.pdf.clear()
        elif _is_pdf(attachment, path):
            failed = not self.pdf.load(path)
        self._update_file_buttons(path)
        if failed:
            self.file_note.setText(self.tr("This PDF cannot be shown."))
            self.file_note.setVisible(True)

    def _file_chosen(self, *_: Any) -> None:
        attachment_id = self.current_attachment_id()
        self.pdf.clear()
        if attachment_id:
            self.fileRequested.emit(attachment_id)
        self._update_file_buttons()

    def _open_selected(self) -> None:
        attachment_id = self.current_attachment_id()
        if attachment_id:
            self.openExternally.emit(attachment_id)

    def _download(self) -> None:
        attachment_id = self.current_attachment_id()
        if attachment_id:
            self.fileRequested.emit("fetch:" + attachment_id)

    def _update_file_buttons(self, path: Path | None = None) -> None:
        if path is not None:
            self._shown = (self.current_attachment_id(), path)
        has_file = self.current_attachment_id() is not None
        cached = self._shown[1] if self._shown[0] == self.current_attachment_id() else None
        shown = self.pdf.document.pageCount() > 0
        self.download_button.setVisible(has_file and cached is None and not self.secret())
        self.open_button.setEnabled(has_file and cached is not None)
        self._show_secret_note()
        if self.secret():
            note = ""
        elif not has_file:
            note = self.tr("No attachments.")
        elif not shown and cached is None:
            note = self.tr("The file is not on this computer yet.")
        else:
            note = ""
        self.file_note.setText(note)
        self.file_note.setVisible(bool(note))

    def _show_secret_note(self) -> None:
        """For a secret document, the pane says where its content is, not an empty preview."""
        secret = self.secret() and self.doc is not None
        self.pdf.setVisible(not secret)
        self.secret_note.setVisible(secret)
        if secret and self.doc is not None:
            register = self.directory.registers.get(self.doc.register_id or "")
            holder = ", ".join(self.directory.user_name(u) for u in self.doc.pending_with)
            self.secret_note.setText(secret_explanation(
                self.doc.direction, register.name if register else "", holder))

    @staticmethod
    def open_path(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- html ------------------------------------------------------------------------------
    def _info_html(self, doc: DocumentDetail) -> str:
        d = self.directory
        register = d.registers.get(doc.register_id or "")
        rows = [
            (self.tr("Direction"), label(DIRECTION_LABELS, doc.direction, self.lang)),
            (self.tr("Type"), d.type_name(doc.type_code)),
            (self.tr("Number/notation"), doc.code),
            (self.tr("Issuer"), doc.issuer_name),
            (self.tr("Issued on"), format_date(doc.issued_date)),
            (self.tr("Arrival number"), str(doc.arrival_number or "")),
            (self.tr("Arrived on"), format_date(doc.arrival_date)),
            (self.tr("Register"), register.name if register else ""),
            (self.tr("Urgency"), label(URGENCY_LABELS, doc.urgency, self.lang)),
            (self.tr("Secrecy"), label(SECRECY_LABELS, doc.secrecy, self.lang)),
            (self.tr("Due"), format_date(doc.due_date)),
            (self.tr("Status"), label(STATUS_LABELS, doc.status, self.lang)),
            (self.tr("Waiting on"), ", ".join(display.person(d, u) for u in doc.pending_with)),
            (self.tr("Signer"), doc.signer.text if doc.signer else ""),
            (self.tr("Unit"), display.unit(d, doc.unit_id)),
            (self.tr("Recipients"), ", ".join(doc.recipients)),
            (self.tr("Read by"), ", ".join(display.person(d, u) for u in doc.readers)),
        ]
        if doc.pending_changes:
            rows.append((self.tr("Waiting to sync"), self.tr(
                "%n change(s) waiting to be sent at the next sync", "", doc.pending_changes)))
        body = "".join(
            f"<tr><td style='color:#5f6b7a;padding:2px 12px 2px 0'>{html.escape(k)}</td>"
            f"<td style='padding:2px 0'>{html.escape(v)}</td></tr>" for k, v in rows if v)
        subject = html.escape(doc.subject)
        heading = html.escape(self.tr("Assignments"))
        return (f"<p><b>{subject}</b></p><table>{body}</table>"
                f"<h4 style='color:#2f5d8a'>{heading}</h4>"
                f"{self._assignments_html(doc)}")

    def _assignments_html(self, doc: DocumentDetail) -> str:
        items = doc.assignments
        if not items:
            return _hint(self.tr("No assignments."))
        status_names = {"pending": self.tr("Not started"), "in_progress": self.tr("In progress"),
                        "done": self.tr("Done")}
        lines = []
        for a in items:
            who = (display.unit(self.directory, a.assignee_id) if a.assignee_type == "unit"
                   else display.person(self.directory, a.assignee_id))
            role = label(ASSIGNMENT_ROLE_LABELS, a.role, self.lang)
            due = format_date(a.due_date)
            parts = [f"<b>{html.escape(role)}</b>: {html.escape(who)}",
                     html.escape(status_names.get(a.status, a.status))]
            if due:
                parts.append(html.escape(self.tr("due %1").replace("%1", due)))
            lines.append("<li>" + " — ".join(parts) + "</li>")
        return "<ul>" + "".join(lines) + "</ul>"

    def _comments_html(self, doc: DocumentDetail) -> str:
        if not doc.comments:
            return _hint(self.tr("No comments yet."))
        parts = []
        for c in doc.comments:
            kind = label(COMMENT_KIND_LABELS, c.kind, self.lang)
            color = "#b3261e" if c.kind == "directive" else "#2f5d8a"
            parts.append(
                f"<p><span style='color:{color};font-weight:600'>{html.escape(kind)}</span> · "
                f"{html.escape(display.person(self.directory, c.author_id))} · "
                f"<span style='color:#5f6b7a'>{html.escape(display.when(c.created_at))}"
                "</span>"
                f"<br>{html.escape(c.text)}</p>")
        return "".join(parts)

    def _history_html(self, doc: DocumentDetail) -> str:
        if not doc.history:
            return _hint(self.tr("No history yet."))
        cell = "<td style='padding:2px 10px 2px 0'>"
        rows = []
        for h in doc.history:
            who = display.person(self.directory, h.actor_id)
            detail = display.history_detail(self.directory, h.action, h.detail)
            rows.append(f"<tr><td style='color:#5f6b7a;padding:2px 10px 2px 0'>"
                        f"{html.escape(display.when(h.at))}</td>"
                        f"{cell}{html.escape(who)}</td>"
                        f"{cell}<b>{html.escape(action_name(h.action))}</b></td>"
                        f"<td>{html.escape(detail)}</td></tr>")
        return f"<table>{''.join(rows)}</table>"


def _hint(text: str) -> str:
    return f"<p style='color:#5f6b7a'>{html.escape(text)}</p>"


def _is_pdf(attachment: AttachmentInfo | None, path: Path) -> bool:
    return ((attachment is not None and attachment.content_type == "application/pdf")
            or path.suffix.lower() == ".pdf")


def action_name(action: str | None) -> str:
    """The translated name of a workflow action (or ``create``/``patch``)."""
    return action_label(action or "")
