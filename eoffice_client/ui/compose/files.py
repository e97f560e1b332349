"""The draft's files: the main PDF for approval (made in the background from the form, or
a PDF made elsewhere), the appendices, and the preview of the main PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.records import AttachmentInfo
from eoffice_client.ui.pdf_pane import PdfPane

#: Rows of the file list shown without scrolling.
FILE_ROWS = 3


class FilesPanel(QWidget):
    """``makePdf``, ``attachPdf`` and ``addAppendix`` ask the window to do it."""

    makePdf = Signal()
    attachPdf = Signal()
    addAppendix = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.make_button = QPushButton(self)
        self.make_button.clicked.connect(self.makePdf)
        self.attach_button = QPushButton(self)
        self.attach_button.clicked.connect(self.attachPdf)
        self.appendix_button = QPushButton(self)
        self.appendix_button.clicked.connect(self.addAppendix)
        self.list = QListWidget(self)
        self.list.setFixedHeight(self.fontMetrics().height() * (FILE_ROWS + 1))
        self.pdf = PdfPane(self)
        self._converter: str | None = None
        self._secret = False
        self._busy = False
        self._read_only = False
        self._missing = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.appendix_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.list)
        layout.addWidget(self.pdf, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.make_button.setText(self.tr("Make the PDF for approval"))
        self.attach_button.setText(self.tr("Attach a PDF made elsewhere…"))
        self.appendix_button.setText(self.tr("Add an appendix…"))
        self.list.setAccessibleName(self.tr("Files of the draft"))
        self._update_note()

    def set_converter(self, name: str | None) -> None:
        """The program that makes the PDF; None: the window says none is installed."""
        self._converter = name
        self._enable()
        self._update_note()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable()

    def _enable(self) -> None:
        free = not self._busy and not self._secret
        self.make_button.setEnabled(free and self._converter is not None)
        self.attach_button.setEnabled(free)
        self.appendix_button.setEnabled(free)

    def set_secret(self, secret: bool) -> None:
        """A secret document has no files on this machine (contract section 4)."""
        self._secret = secret
        self.set_converter(self._converter)

    def _update_note(self) -> None:
        if self._secret:
            text = self.tr("A secret document carries no files here: the leader approves it "
                           "on paper.")
        elif self._missing:
            text = self.tr("The PDF is not on this computer yet: it is fetched when the "
                           "server can be reached.")
        elif self._read_only:
            text = self.tr("The PDF the leader approves:")
        elif self._converter is None:
            text = self.tr("Neither LibreOffice nor Microsoft Word is installed, so the PDF "
                           "cannot be made here. Make it on another computer and attach it.")
        else:
            text = self.tr("The PDF is made with %1 from what the form holds.").replace(
                "%1", self._converter)
        self.note.setText(text)

    def show_files(self, attachments: Sequence[AttachmentInfo], queued: int) -> None:
        self.list.clear()
        roles = {"main": self.tr("Main"), "appendix": self.tr("Appendix"),
                 "draft": self.tr("Draft"), "signed": self.tr("Signed"),
                 "final": self.tr("Final")}
        for attachment in attachments:
            text = f"{roles.get(attachment.role, attachment.role)}: {attachment.file_name}"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
        if queued:
            self.list.addItem(self.tr("%n file(s) not sent yet: they go at the next sync.", "",
                                      queued))
        if not attachments:
            self.list.addItem(self.tr("No files yet."))

    def preview(self, path: Path | None) -> None:
        self._missing = False
        if path is None:
            self.pdf.clear()
        else:
            self.pdf.load(path)
        self._update_note()

    def show_missing(self) -> None:
        """The main PDF is not cached and could not be fetched now."""
        self.pdf.clear()
        self._missing = True
        self._update_note()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button in (self.make_button, self.attach_button, self.appendix_button):
            button.setVisible(not read_only)
        self._update_note()
