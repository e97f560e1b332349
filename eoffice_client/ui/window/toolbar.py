"""The toolbar: sync, register a paper document, print (a menu), sync issues; on the right
the search box and the filters' switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from eoffice_client.ui.resources import icon
from eoffice_client.ui.window.commands import WindowCommands

SEARCH_BOX_WIDTH = 300


class MainToolbar(QToolBar):
    """``search`` is the search box the document list listens to."""

    def __init__(self, commands: WindowCommands, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addActions([commands.sync, commands.compose_new, commands.register_paper])
        self.print_button = QToolButton(self)
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.print_menu.addActions([commands.print_document, commands.print_slip,
                                    commands.print_list])
        self.print_button.setMenu(self.print_menu)
        self.addWidget(self.print_button)
        self.addAction(commands.sync_issues)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(SEARCH_BOX_WIDTH)
        self.addWidget(self.search)
        self.filter_button = QToolButton(self)
        self.filter_button.setDefaultAction(commands.filters)
        self.addWidget(self.filter_button)

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print"))
        self.search.setPlaceholderText(self.tr("Search number, subject, issuer… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search documents"))
