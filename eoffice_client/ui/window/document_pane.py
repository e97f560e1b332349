"""The right (or lower) pane: the buttons of the actions the selected documents allow, and
the document itself (``ui/document_view.py``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from eoffice_client.core.app.records import Directory, DocumentDetail
from eoffice_client.ui.actions.offered import OFFERED, action_label
from eoffice_client.ui.document_view import DocumentView
from eoffice_client.ui.flow_layout import FlowLayout


class DocumentPane(QWidget):
    """``actionRequested`` names the action whose button was clicked."""

    actionRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.action_bar = QFrame(self)
        self.action_bar.setObjectName("actionBar")
        bar_layout = FlowLayout(self.action_bar)  # wraps: the pane stays narrow
        bar_layout.setContentsMargins(6, 4, 6, 4)
        self.action_buttons: dict[str, QPushButton] = {}
        for name in OFFERED:
            button = QPushButton(self.action_bar)
            button.clicked.connect(lambda _=False, n=name: self.actionRequested.emit(n))
            button.setVisible(False)  # shown for the actions the selection allows
            bar_layout.addWidget(button)
            self.action_buttons[name] = button
        self.view = DocumentView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.view, 1)

    def show_document(self, doc: DocumentDetail | None) -> None:
        """The document (None: a hint to choose one); the file shown stays when the same
        document comes again (after a sync, say)."""
        self.view.show_document(doc, keep_file=True)

    def set_allowed(self, allowed: set[str]) -> None:
        """Shows the buttons of the actions allowed on the selected documents."""
        for name, button in self.action_buttons.items():
            button.setEnabled(name in allowed)
            button.setVisible(name in allowed)

    def set_directory(self, directory: Directory) -> None:
        self.view.directory = directory

    def retranslate(self, lang: str) -> None:
        for name, button in self.action_buttons.items():
            button.setText(action_label(name))
            button.setAccessibleName(action_label(name))
        self.view.lang = lang
        self.view.retranslate()
