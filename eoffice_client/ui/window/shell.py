"""The main window: boxes on the left, the document list in the middle, the document on
the right (or below, on narrow windows), the commands above, sync state in the status
bar. This module composes the parts and wires their signals; each part lives in its
own module of this package:

- ``commands``: every QAction (menus, toolbar, keys, context menu), ``toolbar``;
- ``box_list``, ``document_list`` (with ``filter_bar``), ``document_pane``, ``status_bar``;
- ``sync_controller`` (syncs, sync issues), ``session_controller`` (sign-in and out,
  settings, profiles), ``actions_controller`` (actions, paper documents, printing, files).
Every part calls the application API (``core/app``, :class:`App`) directly. The first
list is painted before the core is loaded (``core_loading``); what needs the core waits
for ``coreReady``.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Directory, Person
from eoffice_client.core.app.types import BOXES, BoxCount, Reminders
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.ui.actions.offered import enabled_actions, may_register_paper, role_offered
from eoffice_client.ui.compose.controller import ComposeController, openable
from eoffice_client.ui.dialogs.messages import inform
from eoffice_client.ui.resources import icon
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.tray import Tray
from eoffice_client.ui.window.actions_controller import ActionsController
from eoffice_client.ui.window.box_list import BoxList
from eoffice_client.ui.window.commands import WindowCommands
from eoffice_client.ui.window.core_loading import CoreLoader
from eoffice_client.ui.window.document_list import DocumentList
from eoffice_client.ui.window.document_pane import DocumentPane
from eoffice_client.ui.window.errors import error_text, report_background_error
from eoffice_client.ui.window.features import install_features
from eoffice_client.ui.window.reading import ReadingLayout, ReadMarker, first_size
from eoffice_client.ui.window.session_controller import SessionController
from eoffice_client.ui.window.status_bar import StatusBar
from eoffice_client.ui.window.sync_controller import SyncController
from eoffice_client.ui.window.toolbar import MainToolbar

LOG = logging.getLogger("eoffice.ui")
#: window width, in font heights, from which the document sits right of the list
WIDE_LAYOUT_EM = 95


class MainWindow(QMainWindow):
    firstPaint = Signal()
    coreReady = Signal()
    profileSwitchRequested = Signal(str)
    languageChangeRequested = Signal(str)
    exportDiagnosticsRequested = Signal()

    def __init__(self, app: App, profile: Profile, settings: Settings,
                 lang: str = "vi", runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.app, self.lang = app, lang
        self.runner = runner or TaskRunner(self)
        self.directory = Directory()
        self.interactive = True  # False: no sync timer, no sign-in dialog (tests, probes)
        self.core_ready = False
        self.loader = CoreLoader(app, self)
        self.loader.loaded.connect(self._core_loaded)
        self.loader.failed.connect(lambda exc: inform(
            self, self.tr("The local data cannot be opened"), error_text(exc), warning=True))
        self._arranged = False
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.commands = WindowCommands(self)
        self.commands.fill_menu_bar(self.menuBar())
        self.toolbar = MainToolbar(self.commands, self)
        self.addToolBar(self.toolbar)
        self.search = self.toolbar.search
        # boxes | list | document (the document below the list on narrow windows)
        # [a notice bar] over boxes | pages: the list and the document, or another page
        self.center = QWidget(self)
        self.center_layout = QVBoxLayout(self.center)
        self.center_layout.setContentsMargins(0, 0, 0, 0)
        self.center_layout.setSpacing(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.center)
        self.center_layout.addWidget(self.splitter, 1)
        self.boxes = BoxList(self.splitter)
        self.pages = QStackedWidget(self.splitter)
        self.content = QSplitter(Qt.Orientation.Horizontal, self.pages)
        self.pages.addWidget(self.content)
        self.documents = DocumentList(app, self.runner, self.search, self.content)
        self.pane = DocumentPane(self.content)
        self._lay_out_center()
        self.status_bar = StatusBar(self)
        self.setStatusBar(self.status_bar)
        self.tray = Tray(icon("app"), self)
        self.sync_controller = SyncController(app, self.runner, self.status_bar, self)
        self.session_controller = SessionController(app, self.runner, profile, settings, self)
        self.actions_controller = ActionsController(app, self.runner, self.boxes,
                                                    self.documents, self.pane.view, self)
        self.reader = ReadMarker(self.actions_controller.mark_read, self)
        self.reader.apply_settings(settings)
        self.compose = ComposeController(app, self.runner, self)
        self._wire_compose()
        self._wire_commands()
        self._wire_parts()
        self.features = install_features(self, settings)
        self.sync_controller.apply_settings(settings)
        self.retranslate()
        self.resize(first_size(self))

    # --- building --------------------------------------------------------------------------
    def _lay_out_center(self) -> None:
        """The document goes below the list on narrow windows, so the subject column
        always has room (see resizeEvent)."""
        self.content.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([262, 1098])
        self.setCentralWidget(self.center)
        QWidget.setTabOrder(self.search, self.boxes)
        QWidget.setTabOrder(self.boxes, self.documents.table)
        QWidget.setTabOrder(self.documents.table, self.pane.view.tabs)

    def _wire_commands(self) -> None:
        commands, actions = self.commands, self.actions_controller
        session, sync = self.session_controller, self.sync_controller
        commands.sync.triggered.connect(sync.sync_now)
        commands.sync_issues.triggered.connect(sync.show_issues)
        commands.cancel_unsent.triggered.connect(sync.show_issues)
        commands.register_paper.triggered.connect(actions.register_paper)
        commands.print_document.triggered.connect(lambda: actions.print_current("document"))
        commands.print_slip.triggered.connect(lambda: actions.print_current("slip"))
        commands.print_list.triggered.connect(lambda: actions.print_current("list"))
        commands.open.triggered.connect(actions.open_current)
        for name, action in commands.document_actions.items():
            action.triggered.connect(lambda _=False, n=name: actions.run(n))
        commands.settings.triggered.connect(session.edit_settings)
        commands.sign_in.triggered.connect(lambda: session.ask_sign_in())
        commands.sign_out.triggered.connect(session.sign_out)
        commands.switch_profile.triggered.connect(session.switch_profile)
        commands.about.triggered.connect(session.show_about)
        commands.diagnostics.triggered.connect(self.exportDiagnosticsRequested)
        commands.quit.triggered.connect(self.close)
        commands.filters.toggled.connect(self.documents.filters.setVisible)
        self.reading = ReadingLayout(commands.reading_layout, (self.boxes, self.documents),
                                     self.documents.table, self.pane, self._reading_started,
                                     self)
        commands.find.triggered.connect(self._focus_search)

    def _wire_compose(self) -> None:
        """The compose window: a new document, or the selected draft (ui/compose)."""
        self.commands.compose_new.triggered.connect(self.compose.compose_new)
        self.commands.open_draft.triggered.connect(
            lambda: self.compose.open_draft(self.documents.selected_documents()))
        self.compose.changed.connect(self.refresh_all)
        self.compose.syncWanted.connect(self._sync_if_online)

    def _wire_parts(self) -> None:
        documents, sync = self.documents, self.sync_controller
        session, actions = self.session_controller, self.actions_controller
        show_message = self.status_bar.showMessage
        self.boxes.boxChanged.connect(documents.show_box)
        documents.currentChanged.connect(self.show_current_document)
        documents.openRequested.connect(actions.open_current)
        documents.contextMenuRequested.connect(self._context_menu)
        documents.firstPaint.connect(self.firstPaint)
        self.pane.actionRequested.connect(actions.run)
        for part in (documents, sync, actions):
            part.message.connect(show_message)
        self.status_bar.queue_button.clicked.connect(sync.show_issues)
        self.status_bar.cancel_button.clicked.connect(self.runner.cancel_all)
        self.runner.started.connect(self.status_bar.task_started)
        self.runner.ended.connect(self._task_ended)
        sync.runningChanged.connect(lambda running: self.commands.sync.setEnabled(not running))
        sync.finished.connect(self._synced)
        sync.documentsChanged.connect(self.refresh_all)
        sync.pagesLanded.connect(self.refresh_all)
        sync.arrivingChanged.connect(documents.set_arriving)
        sync.conflictsChanged.connect(self.toolbar.show_conflicts)
        sync.signInNeeded.connect(lambda: session.ask_sign_in())
        session.message.connect(show_message)
        session.syncWanted.connect(sync.sync_now)
        self.status_bar.sign_in_button.clicked.connect(lambda: session.ask_sign_in())
        session.signedIn.connect(self._signed_in)
        session.signedOut.connect(self._signed_out)
        session.settingsChanged.connect(sync.apply_settings)
        session.settingsChanged.connect(self.reader.apply_settings)
        session.languageChangeRequested.connect(self.languageChangeRequested)
        session.profileSwitchRequested.connect(self.profileSwitchRequested)
        actions.changed.connect(self.refresh_all)
        actions.readMarked.connect(self._read_marked)
        actions.syncWanted.connect(self._sync_if_online)
        self.tray.openRequested.connect(self._raise)
        self.tray.syncRequested.connect(sync.sync_now)
        self.tray.quitRequested.connect(self.close)

    # --- loading ---------------------------------------------------------------------------
    def start(self, interactive: bool = True) -> None:
        """The first list from the quick reader, then the core, then (``interactive``)
        the sign-in dialog or a first sync."""
        self.interactive = interactive
        if not interactive:
            self.sync_controller.timer.stop()
        self.reload_directory()
        self.documents.reload()
        self.loader.load_after(self.firstPaint)

    def _core_loaded(self) -> None:
        if self.core_ready:
            return
        self.core_ready = True
        self.documents.core_loaded()
        self.sync_controller.core_ready = True
        self.tray.activate()
        self.reload_directory()
        # The whole box first, then the boxes' counts: run together, the two queries
        # share the cores and the list, which the user waits for, comes later.
        self.documents.listLoaded.connect(self.reload_counts,
                                          Qt.ConnectionType.SingleShotConnection)
        self.documents.refresh()
        self.show_current_document()
        self.coreReady.emit()
        if not self.interactive:
            return
        if not self.app.session.signed_in():
            QTimer.singleShot(0, lambda: self.session_controller.ask_sign_in())
        else:
            QTimer.singleShot(0, self.sync_controller.start)

    def reload_directory(self) -> None:
        """Names of users, units, registers and types, for every part that shows them."""
        try:
            self.directory = self.app.reads.directory() if self.core_ready else Directory()
        except Exception as exc:  # an empty store has nothing yet
            LOG.info("directory not loaded: %s", exc)
            self.directory = Directory()
        self.documents.set_directory(self.directory)
        self.pane.set_directory(self.directory)
        self.actions_controller.directory = self.directory
        self.sync_controller.directory = self.directory
        self._apply_role()

    def _apply_role(self) -> None:
        """What the signed-in user's roles may do decides what the window offers."""
        me = self.me()
        self.boxes.show_to_sign(me is not None and me.has_role("leader"))
        self.commands.set_role(role_offered(me), may_register_paper(me))
        self.features.apply_role(me)

    def me(self) -> Person | None:
        """The signed-in person; before the core is loaded, as the cache file says."""
        return self.loader.me()

    def refresh_all(self) -> None:
        """After a sync or an action: rows, counts, the document shown."""
        self.documents.refresh()
        self.reload_counts()
        self.show_current_document()

    def reload_counts(self) -> None:
        """The boxes' counts and the tray's reminders, read together off the GUI thread."""
        if not self.core_ready:
            return
        self.runner.run(lambda _t: (self.app.reads.box_counts(),
                                    self.app.reads.reminders(today_vietnam())),
                        self._counts_arrived,
                        lambda exc: report_background_error(exc, self.status_bar.showMessage),
                        label="counts", show_progress=False)

    def _counts_arrived(self, result: tuple[dict[str, BoxCount], Reminders]) -> None:
        counts, reminders = result
        self.boxes.set_counts({box: counts.get(box, BoxCount()) for box in BOXES})
        self.tray.update(reminders, today_vietnam(), self.sync_controller.take_new_urgent())
        self._update_title()
        self.sync_controller.update_status()

    def show_current_document(self) -> None:
        """The document of the current row in the pane; the actions the selection allows."""
        doc_id = self.documents.current_id()
        self.pane.show_document(self.app.reads.document(doc_id)
                                if doc_id and self.core_ready else None)
        docs = self.documents.selected_documents()  # as the workflow's rules read them
        me = self.app.session.me() if self.core_ready else None
        self.reader.shown(docs[0] if len(docs) == 1 else None, me)
        allowed = enabled_actions(docs, me)
        self.commands.set_document_state(allowed, bool(docs))
        self.commands.open_draft.setEnabled(openable(docs))
        self.pane.set_allowed(allowed)

    def _read_marked(self) -> None:
        """A document opened became read: its row turns plain and the counts follow; the
        list keeps it (in the unread box too) until the user moves on."""
        self.documents.model.refresh_rows()
        self.reload_counts()
        self.show_current_document()

    def _reading_started(self) -> None:
        """The reading layout shows the document's file first."""
        self.pane.view.show_files_first()
        self.pane.view.tabs.setFocus()

    # --- what the parts tell ---------------------------------------------------------------
    def _synced(self, outcome: object) -> None:
        if not isinstance(outcome, BaseException):
            self.reload_directory()
        self.refresh_all()

    def _signed_in(self, _user: object) -> None:
        self.reload_directory()
        self._update_title()
        self.sync_controller.update_status()
        self.sync_controller.start()

    def _signed_out(self, _wiped: bool) -> None:
        self.sync_controller.update_status()
        self._apply_role()
        self.pane.show_document(None)
        self.refresh_all()
        self._update_title()

    def _sync_if_online(self) -> None:
        if self.sync_controller.online:
            QTimer.singleShot(0, self.sync_controller.start)

    def _task_ended(self, _task: object) -> None:
        if not self.runner.busy():
            self.status_bar.tasks_ended()

    def _context_menu(self, position: QPoint) -> None:
        unsent = any(d.get("pending_changes") for d in self.documents.selected_documents())
        menu = self.commands.context_menu(self, unsent)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(position)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # --- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.lang = self.lang if self.lang in ("vi", "en") else "vi"
        self.commands.retranslate()
        self.toolbar.retranslate()
        self.boxes.retranslate()
        self.documents.retranslate(self.lang)
        self.pane.retranslate(self.lang)
        self.status_bar.retranslate()
        self.tray.retranslate()
        self.sync_controller.lang = self.actions_controller.lang = self.lang
        self.compose.lang = self.lang
        self._update_title()
        if self.isVisible():  # texts changed length: the bars lay their buttons out again
            for bar in (self.toolbar, self.status_bar):
                for child in bar.findChildren(QWidget):
                    child.updateGeometry()
                layout = bar.layout()
                if layout is not None:
                    layout.invalidate()

    def _update_title(self) -> None:
        """The person's name and, in words, how many documents need attention (their
        kinds in the status bar's tooltip)."""
        me = self.me()
        reminders = self.tray.reminders
        title = "eOffice"
        if me is not None:
            title += f" — {me.full_name or me.username}"
        if reminders.total:
            title += " — " + self.tr("%n item(s) need attention", "", reminders.total)
        self.setWindowTitle(title)
        self.status_bar.show_reminders(reminders)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the window itself -----------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_content()

    def _arrange_content(self) -> None:
        """Document pane on the right from WIDE_LAYOUT_EM font heights wide, else below."""
        wide = self.width() >= self.fontMetrics().height() * WIDE_LAYOUT_EM
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.content.orientation() != orientation or not self._arranged:
            self._arranged = True
            self.content.setOrientation(orientation)
            self.content.setSizes([640, 360] if wide else [480, 520])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.features.close()
        self.sync_controller.timer.stop()
        self.reader.timer.stop()
        self.runner.close()
        self.tray.icon.hide()
        super().closeEvent(event)

    def wait_idle(self, timeout_s: float = 10.0) -> None:
        """For tests and the probe: waits for background tasks to end."""
        end = time.monotonic() + timeout_s
        while self.runner.busy() and time.monotonic() < end:
            self.runner.wait(50)
