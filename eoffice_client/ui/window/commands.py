"""Every command of the window as a QAction (menus, toolbar, context menu and keys), its
text and its shortcut. What a command does is wired by the shell (``shell.py``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from eoffice_client.ui.actions.offered import OFFERED, action_label
from eoffice_client.ui.resources import icon


class WindowCommands(QObject):
    """The window's QActions, made once; ``document_actions`` has one per offered action."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.sync = QAction(icon("sync"), "", window)
        self.sync.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.register_paper = QAction(icon("new"), "", window)
        self.compose_new = QAction(icon("new"), "", window)  # the compose window
        self.compose_new.setShortcut(QKeySequence.StandardKey.New)
        self.open_draft = QAction("", window)
        self.print_document = QAction(icon("print"), "", window)
        self.print_document.setShortcut(QKeySequence.StandardKey.Print)
        self.print_slip = QAction("", window)
        self.print_list = QAction("", window)
        self.sync_issues = QAction("", window)  # a warning icon only with a conflict
        self.settings = QAction(icon("settings"), "", window)
        self.sign_in = QAction("", window)
        self.sign_out = QAction("", window)
        self.switch_profile = QAction("", window)
        self.quit = QAction("", window)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.diagnostics = QAction("", window)
        self.about = QAction("", window)
        self.filters = QAction("", window)
        self.filters.setCheckable(True)
        # the document takes the whole window (boxes and list hidden) so a PDF is readable
        self.reading_layout = QAction(icon("read"), "", window)
        self.reading_layout.setCheckable(True)
        self.reading_layout.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.open = QAction("", window)
        self.find = QAction("", window)  # no menu entry: the search box says Ctrl+F
        self.find.setShortcut(QKeySequence.StandardKey.Find)
        window.addAction(self.find)
        self.cancel_unsent = QAction("", window)
        self.document_actions = {name: QAction("", window) for name in OFFERED}
        self.file_menu = QMenu(window)
        self.document_menu = QMenu(window)
        self.sync_menu = QMenu(window)
        self.tools_menu = QMenu(window)
        self.help_menu = QMenu(window)

    def fill_menu_bar(self, bar: QMenuBar) -> None:
        for action in (self.compose_new, self.register_paper, None, self.print_document,
                       self.print_slip, self.print_list, None, self.switch_profile, self.sign_in,
                       self.sign_out, None, self.quit):
            if action is None:
                self.file_menu.addSeparator()
            else:
                self.file_menu.addAction(action)
        self.document_menu.addAction(self.open_draft)
        self.document_menu.addActions(list(self.document_actions.values()))
        self.sync_menu.addActions([self.sync, self.sync_issues])
        self.tools_menu.addActions([self.filters, self.reading_layout, self.settings])
        self.help_menu.addActions([self.diagnostics, self.about])
        for menu in (self.file_menu, self.document_menu, self.sync_menu, self.tools_menu,
                     self.help_menu):
            bar.addMenu(menu)

    def context_menu(self, parent: QWidget, unsent_changes: bool) -> QMenu:
        """The document table's menu: the actions the selection allows (no others), and
        cancelling what is not sent yet."""
        menu = QMenu(parent)
        menu.addAction(self.open)
        if self.open_draft.isEnabled():
            menu.addAction(self.open_draft)
        menu.addSeparator()
        menu.addActions([a for a in self.document_actions.values() if a.isEnabled()])
        menu.addSeparator()
        menu.addActions([self.print_document, self.print_slip])
        if unsent_changes:
            menu.addSeparator()
            menu.addAction(self.cancel_unsent)
        return menu

    def set_role(self, offered: set[str], may_register_paper: bool) -> None:
        """Shows only what the user's roles may ever do (menus, toolbar, keys): the
        document actions in ``offered``, registering a paper document for clerks."""
        for name, action in self.document_actions.items():
            action.setVisible(name in offered)
        self.register_paper.setVisible(may_register_paper)
        self.register_paper.setEnabled(may_register_paper)

    def set_document_state(self, allowed: set[str], has_document: bool) -> None:
        """Enables the actions the selected documents allow, and printing a document."""
        for name, action in self.document_actions.items():
            action.setEnabled(name in allowed)
        self.print_document.setEnabled(has_document)
        self.print_slip.setEnabled(has_document)

    def retranslate(self) -> None:
        self.sync.setText(self.tr("Sync now"))
        self.sync.setToolTip(self.tr("Sync now (F5)"))
        self.register_paper.setText(self.tr("Register paper document"))
        self.compose_new.setText(self.tr("Compose document"))
        self.compose_new.setToolTip(self.tr("Compose a new outgoing or internal document"))
        self.open_draft.setText(self.tr("Open draft"))
        self.print_document.setText(self.tr("Print the document"))
        self.print_slip.setText(self.tr("Print the processing slip"))
        self.print_list.setText(self.tr("Print the list"))
        self.sync_issues.setText(self.tr("Sync issues"))
        self.settings.setText(self.tr("Settings…"))
        self.sign_in.setText(self.tr("Sign in…"))
        self.sign_out.setText(self.tr("Sign out…"))
        self.switch_profile.setText(self.tr("Switch profile…"))
        self.quit.setText(self.tr("Quit"))
        self.diagnostics.setText(self.tr("Export diagnostics bundle…"))
        self.about.setText(self.tr("About eOffice"))
        self.filters.setText(self.tr("Filters"))
        self.reading_layout.setText(self.tr("Reading layout"))
        self.reading_layout.setToolTip(self.tr(
            "Show the document in the whole window, for reading (F11; Esc goes back; "
            "Alt+Down and Alt+Up: the next and the previous document)"))
        self.open.setText(self.tr("Open"))
        self.cancel_unsent.setText(self.tr("Cancel changes not yet sent…"))
        for name, action in self.document_actions.items():
            action.setText(action_label(name))
        self.file_menu.setTitle(self.tr("&File"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
