"""The main window: boxes on the left, the document table in the middle, the document on the
right, actions above it, sync state in the status bar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import logging
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFontMetrics,
    QIcon,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.config import Profile, Settings
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import SECRECY_LABELS, STATUS_LABELS, URGENCY_LABELS, label
from eoffice_client.core.errors import ClientError
from eoffice_client.ui import actions as ui_actions
from eoffice_client.ui.backend import (
    BOXES,
    Backend,
    BoxCount,
    Cancelled,
    Directory,
    ListQuery,
    SyncReport,
)
from eoffice_client.ui.flow_layout import FlowLayout
from eoffice_client.ui.resources import icon_path
from eoffice_client.ui.table_model import DocumentTableModel
from eoffice_client.ui.tasks import Task, TaskRunner
from eoffice_client.ui.tray import Tray

if TYPE_CHECKING:  # imported where used: none of them is needed for the first paint
    from collections.abc import Callable

    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QComboBox

    from eoffice_client.ui.dialogs import SignInDialog
    from eoffice_client.ui.document_view import DocumentView
    from eoffice_client.ui.sync_issues import SyncIssuesDialog

LOG = logging.getLogger("eoffice.ui")
SEARCH_DEBOUNCE_MS = 250
FIRST_PAINT_ROWS = 100  # rows read before the first paint (more than a screenful)
WIDE_LAYOUT_EM = 95  # window width, in font heights, from which the document sits on the right
BOX_ICONS = {"incoming": "inbox", "outgoing": "outbox", "internal": "internal",
             "to-sign": "sign", "to-process": "todo", "overdue": "overdue", "unread": "unread",
             "all": "all"}


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    """dialogs.confirm, imported on first use."""
    from eoffice_client.ui import dialogs

    return dialogs.confirm(parent, title, text, yes=yes)


def inform(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    """dialogs.inform, imported on first use."""
    from eoffice_client.ui import dialogs

    dialogs.inform(parent, title, text, warning=warning)


def icon(name: str) -> QIcon:
    return QIcon(str(icon_path(name)))


def viewport_of(view: QAbstractItemView) -> QWidget:
    """``view.viewport()``, found by its object name: the first ``viewport()`` call makes
    shiboken resolve every QWidget subclass of QtWidgets (about 20 ms before the first
    paint); ``findChild`` does not."""
    found = view.findChild(QWidget, "qt_scrollarea_viewport",
                           Qt.FindChildOption.FindDirectChildrenOnly)  # not a header's
    return found if isinstance(found, QWidget) else view.viewport()


class DocumentTableView(QTableView):
    """The document table; once the cell cache is installed (after the first paint), a
    viewport whose cells are all cached is painted from it in one pass
    (``CachedCellDelegate.paint_from_cache``), else as Qt paints a table."""

    paint_hook: Callable[[QPaintEvent], bool] | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        hook = self.paint_hook
        if hook is None or not hook(event):
            super().paintEvent(event)


class _PaintWatcher(QObject):
    """Tells once when the table's viewport paints after the first list arrived."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window.list_loaded:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.window.firstPaint.emit)
        return False


class MainWindow(QMainWindow):
    firstPaint = Signal()
    listLoaded = Signal()
    backendReady = Signal()
    documentShown = Signal(str)
    fileShown = Signal(str, object)  # attachment id, path or None
    syncFinished = Signal(object)  # SyncReport or the exception
    actionQueued = Signal(str, int)  # action, how many documents
    signedIn = Signal(object)
    signedOut = Signal(bool)
    profileSwitchRequested = Signal(str)
    languageChangeRequested = Signal(str)
    exportDiagnosticsRequested = Signal()

    def __init__(self, backend: Backend, profile: Profile, settings: Settings,
                 lang: str = "vi", runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.backend, self.profile, self.settings, self.lang = backend, profile, settings, lang
        self.runner = runner or TaskRunner(self)
        self.query = ListQuery(box="incoming")
        self.list_loaded = False
        self.online: bool | None = None
        self.last_sync: dt.datetime | None = None
        self.sync_task: Task | None = None
        self._query_generation = 0
        self.directory = Directory([], [], {})
        self.counts: dict[str, BoxCount] = {}
        self.issues_dialog: SyncIssuesDialog | None = None
        self._arranged = False
        self.interactive = True
        self.backend_ready = False
        self._backend_loading = False
        self._building = True  # the header's first sort indicator is not a user's sort
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_center()
        self._build_status_bar()
        self._after_paint_done = False  # keys and action buttons: _after_first_paint
        self.tray = Tray(icon("app"), self)
        self.runner.started.connect(self._task_started)
        self.runner.ended.connect(self._task_ended)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.reload_list)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.start_sync)
        self.apply_settings(settings)
        viewport_of(self.table).installEventFilter(_PaintWatcher(self))
        self.retranslate()
        self.resize(1360, 820)
        self._building = False

    # --- building --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.sync_action = QAction(icon("sync"), "", self)
        self.sync_action.triggered.connect(self.start_sync)
        self.register_action = QAction(icon("new"), "", self)
        self.register_action.triggered.connect(self.register_paper)
        self.print_doc_action = QAction(icon("print"), "", self)
        self.print_doc_action.triggered.connect(lambda: self.print_current("document"))
        self.print_slip_action = QAction("", self)
        self.print_slip_action.triggered.connect(lambda: self.print_current("slip"))
        self.print_list_action = QAction("", self)
        self.print_list_action.triggered.connect(lambda: self.print_current("list"))
        self.issues_action = QAction(icon("warning"), "", self)
        self.issues_action.triggered.connect(self.show_sync_issues)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.triggered.connect(self.edit_settings)
        self.sign_in_action = QAction("", self)
        self.sign_in_action.triggered.connect(self.ask_sign_in)
        self.sign_out_action = QAction("", self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.switch_profile_action = QAction("", self)
        self.switch_profile_action.triggered.connect(self.switch_profile)
        self.quit_action = QAction("", self)
        self.quit_action.triggered.connect(self.close)
        self.diagnostics_action = QAction("", self)
        self.diagnostics_action.triggered.connect(self.exportDiagnosticsRequested)
        self.about_action = QAction("", self)
        self.about_action.triggered.connect(self.show_about)
        self.filter_action = QAction("", self)
        self.filter_action.setCheckable(True)
        self.filter_action.toggled.connect(lambda on: self.filter_bar.setVisible(on))  # builds
        self.act_actions: dict[str, QAction] = {}
        for name in ui_actions.OFFERED:
            action = QAction("", self)
            action.triggered.connect(lambda _=False, n=name: self.run_action(n))
            self.act_actions[name] = action
        self.open_action = QAction("", self)
        self.open_action.triggered.connect(self.open_current)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.register_action, None, self.print_doc_action,
                       self.print_slip_action, self.print_list_action, None,
                       self.switch_profile_action, self.sign_in_action, self.sign_out_action,
                       None, self.quit_action):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.doc_menu = bar.addMenu("")
        for action in self.act_actions.values():
            self.doc_menu.addAction(action)
        self.sync_menu = bar.addMenu("")
        self.sync_menu.addAction(self.sync_action)
        self.sync_menu.addAction(self.issues_action)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addAction(self.filter_action)
        self.tools_menu.addAction(self.settings_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.diagnostics_action)
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)  # first, so its widgets are made where they stay
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.sync_action)
        self.toolbar.addAction(self.register_action)
        self.print_button = QToolButton(self.toolbar)
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        for action in (self.print_doc_action, self.print_slip_action, self.print_list_action):
            self.print_menu.addAction(action)
        self.print_button.setMenu(self.print_menu)
        self.toolbar.addWidget(self.print_button)
        self.toolbar.addAction(self.issues_action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        self.toolbar.addWidget(spacer)
        self.search = QLineEdit(self.toolbar)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.toolbar.addWidget(self.search)
        self.filter_button = QToolButton(self.toolbar)
        self.filter_button.setDefaultAction(self.filter_action)
        self.toolbar.addWidget(self.filter_button)

    def _build_center(self) -> None:
        # Widgets are made in their final parents: moving a styled widget tree into a
        # splitter afterwards polishes it all again (about 15 ms before the first paint).
        # The document goes right of the list on wide windows and below it on narrow ones,
        # so the subject column always has room (see resizeEvent).
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.box_list = QListWidget(self.splitter)
        self.box_list.setObjectName("boxList")
        self.box_list.setMinimumWidth(200)
        self.box_list.setWordWrap(True)
        self.box_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.box_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.box_list.setIconSize(self.box_list.iconSize() * 1.1)
        for box in BOXES:
            item = QListWidgetItem(icon(BOX_ICONS[box]), "")
            item.setData(Qt.ItemDataRole.UserRole, box)
            self.box_list.addItem(item)
        self.box_list.setCurrentRow(0)
        self.box_list.currentItemChanged.connect(self._box_changed)
        self.content = QSplitter(Qt.Orientation.Horizontal, self.splitter)
        middle = QWidget(self.content)
        right = QWidget(self.content)
        self.model = DocumentTableModel(self.backend, self)
        self.model.sortRequested.connect(self._sort_requested)
        self.table = DocumentTableView(middle)
        self.table.setObjectName("documentTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._size_columns()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_hint = QLabel(middle)
        self.list_hint.setObjectName("hint")
        # The filters (hidden until asked for) are built right after the first paint.
        self._filter_bar: QWidget | None = None
        self._middle = middle
        self._middle_layout = middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 6)
        middle_layout.addWidget(self.table, 1)
        middle_layout.addWidget(self.list_hint)
        self.action_bar = QFrame(right)
        self.action_bar.setObjectName("actionBar")
        self._action_layout = FlowLayout(self.action_bar)  # wraps: the pane stays narrow
        self._action_layout.setContentsMargins(6, 4, 6, 4)
        # made right after the first paint (_build_action_buttons): none shows before a
        # document is selected
        self.action_buttons: dict[str, QPushButton] = {}
        # The document pane (and QtPdf) is built when first needed, normally right after
        # the first paint; until then a label says what the pane will show.
        self._doc_view: DocumentView | None = None
        self._doc_placeholder = QLabel(right)
        self._doc_placeholder.setObjectName("docTitle")
        self._doc_placeholder.setWordWrap(True)
        self._doc_placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._doc_placeholder.setContentsMargins(6, 6, 6, 6)
        self._right_layout = right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.action_bar)
        right_layout.addWidget(self._doc_placeholder, 1)
        self.content.addWidget(middle)
        self.content.addWidget(right)
        self.content.setChildrenCollapsible(False)
        self.splitter.addWidget(self.box_list)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([262, 1098])
        self.setCentralWidget(self.splitter)
        QWidget.setTabOrder(self.search, self.box_list)
        QWidget.setTabOrder(self.box_list, self.table)

    @property
    def doc_view(self) -> DocumentView:
        """The document pane, built on first use (see _build_center)."""
        if self._doc_view is None:
            self._doc_view = self._build_doc_view()
        return self._doc_view

    def _build_doc_view(self) -> DocumentView:
        from eoffice_client.ui.document_view import DocumentView

        view = DocumentView(self._doc_placeholder.parentWidget())
        view.fileRequested.connect(self._file_requested)
        view.openExternally.connect(self._open_file_externally)
        view.lang = self.lang
        view.directory = self.directory
        view.retranslate()
        self._right_layout.replaceWidget(self._doc_placeholder, view)
        self._doc_placeholder.hide()
        self._doc_placeholder.deleteLater()
        QWidget.setTabOrder(self.table, view.tabs)
        return view

    def _size_columns(self) -> None:
        """Widths from sample texts in the current font (so 125%/150% scaling still fits)."""
        bold = self.table.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        samples = {0: "Thượng khẩn", 1: "2034/GM-SKHĐT", 3: "Sở Tài nguyên và M",
                   4: "27/11/2026", 5: "27/11/2026", 6: "Chờ phân công"}
        header = self.table.horizontalHeader()
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 32)  # + the sort arrow and padding

    @property
    def filter_bar(self) -> QWidget:
        """The filters above the table, built on first use (see _build_center): right after
        the first paint, or when asked for. Until then no filter is set."""
        if self._filter_bar is None:
            bar = self._build_filter_bar(self._middle)
            bar.setVisible(False)
            self._middle_layout.insertWidget(0, bar)
            self._filter_bar = bar
            self._retranslate_filters()
        return self._filter_bar

    def _build_filter_bar(self, parent: QWidget) -> QWidget:
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit

        bar = QWidget(parent)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 4)
        self.type_filter = QComboBox(bar)
        self.urgency_filter = QComboBox(bar)
        self.secrecy_filter = QComboBox(bar)
        self.status_filter = QComboBox(bar)
        self.date_filter = QCheckBox(bar)
        self.date_from = QDateEdit(bar)
        self.date_to = QDateEdit(bar)
        today = today_vietnam()
        for edit, date in ((self.date_from, today - dt.timedelta(days=30)),
                           (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(date.year, date.month, date.day))
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.search_timer.start())
        self.date_filter.toggled.connect(self.date_from.setEnabled)
        self.date_filter.toggled.connect(self.date_to.setEnabled)
        self.date_filter.toggled.connect(lambda _on: self.search_timer.start())
        for combo in (self.type_filter, self.urgency_filter, self.secrecy_filter,
                      self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.search_timer.start())
            layout.addWidget(combo)
        layout.addWidget(self.date_filter)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        self.clear_filters_button = QPushButton(bar)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        layout.addWidget(self.clear_filters_button)
        layout.addStretch(1)
        return bar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.online_label = QLabel(status)
        self.last_sync_label = QLabel(status)
        self.queue_button = QPushButton(status)
        self.queue_button.setFlat(True)
        self.queue_button.clicked.connect(self.show_sync_issues)
        self.progress = QProgressBar(status)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(status)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_sync)
        # permanent widgets stay visible while a message shows on the left
        for widget in (self.progress, self.cancel_button, self.queue_button,
                       self.last_sync_label, self.online_label):
            status.addPermanentWidget(widget)

    def _after_first_paint(self) -> None:
        """What the first frame does not show, made right after it (once)."""
        if self._after_paint_done:
            return
        self._after_paint_done = True
        self._bind_keys()
        self._build_action_buttons()

    def _build_action_buttons(self) -> None:
        """The action bar's buttons, shown for the selected documents' allowed actions."""
        for name in ui_actions.OFFERED:
            button = QPushButton(self.action_bar)
            button.clicked.connect(lambda _=False, n=name: self.run_action(n))
            button.setVisible(False)
            text = ui_actions.action_label(name)
            button.setText(text)
            button.setAccessibleName(text)
            self._action_layout.addWidget(button)
            self.action_buttons[name] = button
        self._update_action_states()

    def _bind_keys(self) -> None:
        """The keyboard shortcuts, bound right after the first paint (no key can reach the
        window before it shows; QKeySequence's and QShortcut's classes cost ~3 ms)."""
        from PySide6.QtGui import QKeySequence, QShortcut

        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.print_doc_action.setShortcut(QKeySequence.StandardKey.Print)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.open_current)
        # Delete is never destructive: it does nothing to documents here, but says so.
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.statusBar().showMessage(self.tr(
            "Documents are never deleted with the Delete key; use the actions instead."), 5000))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)

    # --- texts -----------------------------------------------------------------------------
    def box_name(self, box: str) -> str:
        return {
            "incoming": self.tr("Incoming"), "outgoing": self.tr("Outgoing"),
            "internal": self.tr("Internal"), "to-sign": self.tr("To sign"),
            "to-process": self.tr("To process"), "overdue": self.tr("Overdue"),
            "unread": self.tr("Unread"), "all": self.tr("All documents"),
        }[box]

    def retranslate(self) -> None:
        self.lang = self.lang if self.lang in ("vi", "en") else "vi"
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(self.tr("Sync now (F5)"))
        self.register_action.setText(self.tr("Register paper document"))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print"))
        self.print_doc_action.setText(self.tr("Print the document"))
        self.print_slip_action.setText(self.tr("Print the processing slip"))
        self.print_list_action.setText(self.tr("Print the list"))
        self.issues_action.setText(self.tr("Sync issues"))
        self.settings_action.setText(self.tr("Settings…"))
        self.sign_in_action.setText(self.tr("Sign in…"))
        self.sign_out_action.setText(self.tr("Sign out…"))
        self.switch_profile_action.setText(self.tr("Switch profile…"))
        self.quit_action.setText(self.tr("Quit"))
        self.diagnostics_action.setText(self.tr("Export diagnostics bundle…"))
        self.about_action.setText(self.tr("About eOffice"))
        self.filter_action.setText(self.tr("Filters"))
        self.open_action.setText(self.tr("Open"))
        self.file_menu.setTitle(self.tr("&File"))
        self.doc_menu.setTitle(self.tr("&Document"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.search.setPlaceholderText(self.tr("Search number, subject, issuer… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search documents"))
        self.box_list.setAccessibleName(self.tr("Boxes"))
        self.table.setAccessibleName(self.tr("Documents"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.queue_button.setToolTip(self.tr("Open the list of queued changes and sync issues"))
        for name, action in self.act_actions.items():
            action.setText(ui_actions.action_label(name))
        for name, button in self.action_buttons.items():
            button.setText(ui_actions.action_label(name))
            button.setAccessibleName(ui_actions.action_label(name))
        self._retranslate_filters()
        self.model.set_language(self.lang)
        if self._doc_view is not None:
            self._doc_view.lang = self.lang
            self._doc_view.retranslate()
        else:
            self._doc_placeholder.setText(QCoreApplication.translate(
                "DocumentView", "Choose a document in the list to see it here."))
        self.tray.retranslate()
        self._update_box_texts()
        self._update_status()
        self._update_title()
        if self.list_loaded:
            self._update_list_hint(self.query)
        if self._building:
            return  # nothing is laid out yet
        self._size_columns()
        # texts changed length: let the bars lay their buttons out again
        for bar in (self.toolbar, self.statusBar()):
            for child in bar.findChildren(QWidget):
                child.updateGeometry()
            layout = bar.layout()
            if layout is not None:
                layout.invalidate()

    def _retranslate_filters(self) -> None:
        if self._filter_bar is None:
            return
        self.clear_filters_button.setText(self.tr("Clear filters"))
        self.date_filter.setText(self.tr("Dates"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self._fill_filter_combos()

    def _fill_filter_combos(self) -> None:
        if self._filter_bar is None:
            return
        catalog = self.directory
        specs: list[tuple[QComboBox, str, list[tuple[str, Any]]]] = [
            (self.type_filter, self.tr("All types"),
             sorted(((str(t.get("name")), code) for code, t in catalog.types.items()),
                    key=lambda p: p[0].casefold())),
            (self.urgency_filter, self.tr("Any urgency"),
             [(label(URGENCY_LABELS, v, self.lang), v) for v in range(5)]),
            (self.secrecy_filter, self.tr("Any secrecy"),
             [(label(SECRECY_LABELS, v, self.lang), v) for v in range(4)]),
            (self.status_filter, self.tr("Any status"),
             [(label(STATUS_LABELS, s, self.lang), s) for s in STATUS_LABELS]),
        ]
        for combo, everything, items in specs:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.setAccessibleName(everything)
            combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading ---------------------------------------------------------------------------
    def start(self, interactive: bool = True) -> None:
        """First paint from the quick reader, then the full backend, then (interactive)
        sign-in or a first sync."""
        self.interactive = interactive
        if not interactive:
            self.sync_timer.stop()
        self.reload_directory()
        self.reload_list()
        if getattr(self.backend, "load", None) is None:
            gc.enable()  # the CLI starts the window with the GC off (cli.main)
            self._backend_loading = True
            QTimer.singleShot(0, lambda: self._backend_ready(None))
            return
        self.firstPaint.connect(self._load_backend)
        QTimer.singleShot(3000, self._load_backend)  # not shown, or nothing painted yet

    def _load_backend(self) -> None:
        if self._backend_loading:
            return
        self._backend_loading = True
        self._after_first_paint()
        self.tray.activate()
        self.tray.openRequested.connect(self._raise)
        self.tray.syncRequested.connect(self.start_sync)
        self.tray.quitRequested.connect(self.close)
        self._watch_network()
        # On this (the GUI) thread: PySide6 hooks every import, and an import on a worker
        # thread while this thread runs Python can crash the process (shiboken's import
        # hook is not thread-safe). So the core is imported here, once, after the first
        # paint; the workers then only run code that is already loaded.
        try:
            self.backend.load()  # type: ignore[attr-defined]  # a StartupBackend
        except Exception as exc:  # an unreadable cache: say so, keep the window
            gc.enable()
            self._backend_failed(exc)
            return
        self._backend_ready(None)
        # what is loaded now stays: later collections need not walk it (shorter GC pauses)
        gc.freeze()
        gc.enable()  # the CLI starts the window with the GC off (cli.main)

    def _backend_failed(self, exc: BaseException) -> None:
        LOG.error("the local cache could not be opened: %r", exc)
        inform(self, self.tr("The local data cannot be opened"), self.error_text(exc),
               warning=True)

    def _backend_ready(self, _backend: Any) -> None:
        if self.backend_ready:
            return
        self.backend_ready = True
        self._after_first_paint()
        _ = self.filter_bar  # built now that the first paint is done
        _ = self.doc_view  # built now that the first paint is done
        self._cache_cells()
        self.reload_directory()
        self.refresh_all()
        self.backendReady.emit()
        if not self.interactive:
            return
        if self.backend.me() is None:
            QTimer.singleShot(0, self.ask_sign_in)
        else:
            QTimer.singleShot(0, self.start_sync)

    def _cache_cells(self) -> None:
        """The table keeps painted cells and paints the next rows ahead when idle
        (ui/cell_cache.py): scrolling copies images instead of laying out text."""
        from eoffice_client.ui.cell_cache import CachedCellDelegate

        cache = CachedCellDelegate(self.table)
        self.table.setItemDelegate(cache)
        self.table.paint_hook = cache.paint_from_cache

    def reload_directory(self) -> None:
        try:
            catalog = self.backend.catalog()
            self.directory = Directory(self.backend.users(), self.backend.units(), catalog)
        except Exception as exc:  # an empty store has nothing yet
            LOG.info("directory not loaded: %s", exc)
            self.directory = Directory([], [], {})
        if self._doc_view is not None:
            self._doc_view.directory = self.directory
        self._fill_filter_combos()
        me = self.backend.me()
        is_leader = bool(me and "leader" in (me.get("roles") or []))
        self.box_list.item(BOXES.index("to-sign")).setHidden(not is_leader)

    def current_query(self) -> ListQuery:
        box_item = self.box_list.currentItem()
        box = box_item.data(Qt.ItemDataRole.UserRole) if box_item else "incoming"
        return ListQuery(box=box, search=self.search.text().strip(), **self._filter_values(),
                         sort=self.query.sort, descending=self.query.descending)

    def _filter_values(self) -> dict[str, Any]:
        """ListQuery's filter fields; none before the filters are built (filter_bar)."""
        if self._filter_bar is None:
            return {}
        dates = self.date_filter.isChecked()
        return {
            "type_code": self.type_filter.currentData(),
            "urgency": self.urgency_filter.currentData(),
            "secrecy": self.secrecy_filter.currentData(),
            "status": self.status_filter.currentData(),
            "date_from": self.date_from.date().toPython() if dates else None,
            "date_to": self.date_to.date().toPython() if dates else None,
        }

    def reload_list(self) -> None:
        """Asks the store for the box's ids off the GUI thread; the newest answer wins."""
        self.search_timer.stop()
        query = self.current_query()
        self._query_generation += 1
        generation = self._query_generation
        quick = getattr(self.backend, "quick", None)
        if not self.list_loaded and quick is not None and quick.can_list(query):
            # the very first list, straight from the file and one page long: no thread to
            # wait for; the whole box follows once the core is loaded (_backend_ready)
            self._list_arrived(generation, query, quick.document_ids(query, FIRST_PAINT_ROWS))
            return
        self.runner.run(lambda _task: self.backend.document_ids(query),
                        lambda ids: self._list_arrived(generation, query, ids),
                        self._background_error, label="list", show_progress=False)

    def _list_arrived(self, generation: int, query: ListQuery, ids: list[str]) -> None:
        if generation != self._query_generation:
            return  # a newer query is on its way
        selected = self.selected_ids()
        self.query = query
        self.model.set_ids(ids)
        self.list_loaded = True
        self._reselect(selected)
        self._update_list_hint(query)
        self.listLoaded.emit()

    def _update_list_hint(self, query: ListQuery) -> None:
        count = len(self.model.ids)
        if count:
            self.list_hint.setText(self.tr("%n document(s)", "", count))
        elif query.search or self._filtered():
            self.list_hint.setText(self.tr("No documents match."))
        else:
            self.list_hint.setText(self.tr("This box is empty."))

    def _filtered(self) -> bool:
        if self._filter_bar is None:
            return False
        return any(c.currentData() is not None for c in (
            self.type_filter, self.urgency_filter, self.secrecy_filter, self.status_filter)
        ) or self.date_filter.isChecked()

    def _reselect(self, ids: list[str]) -> None:
        for doc_id in ids[:1]:
            position = self.model.position_of(doc_id)
            if position >= 0:
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))
                return
        self._selection_changed()

    def reload_counts(self) -> None:
        if not self.backend_ready:
            return
        self.runner.run(lambda _t: (self.backend.box_counts(),
                                    self.backend.reminders(today_vietnam())),
                        self._counts_arrived, self._background_error, label="counts",
                        show_progress=False)

    def _counts_arrived(self, result: tuple[dict[str, BoxCount], Any]) -> None:
        self.counts, reminders = result
        self._update_box_texts()
        self.tray.update(reminders, today_vietnam(), getattr(self, "_new_urgent", 0))
        self._new_urgent = 0
        self._update_title()
        self._update_status()

    def _update_box_texts(self) -> None:
        for row, box in enumerate(BOXES):
            item = self.box_list.item(row)
            count = self.counts.get(box, BoxCount())
            text = self.box_name(box)
            details = []
            if count.unread and box not in ("unread", "overdue"):
                details.append(self.tr("%n unread", "", count.unread))
            if count.overdue and box != "overdue":
                details.append(self.tr("%n overdue", "", count.overdue))
            if box in ("unread", "overdue", "to-process", "to-sign") and count.total:
                text = f"{text} ({count.total})"
            item.setText(text + ("\n" + " · ".join(details) if details else ""))
            item.setToolTip(self.tr("%1: %2 documents, %3 unread, %4 overdue")
                            .replace("%1", self.box_name(box)).replace("%2", str(count.total))
                            .replace("%3", str(count.unread)).replace("%4", str(count.overdue)))
            if count.overdue and box != "overdue":
                item.setForeground(Qt.GlobalColor.black)

    def _update_title(self) -> None:
        me = self.backend.me()
        total = self.tray.reminders.total
        title = "eOffice"
        if me:
            title += f" — {me.get('full_name') or me.get('username')}"
        if total:
            title = f"({total}) {title}"
        self.setWindowTitle(title)

    def refresh_all(self) -> None:
        """After a sync or an action: rows, counts, the document shown."""
        self.model.refresh_rows()
        self.reload_list()
        self.reload_counts()
        self._show_current_document()

    # --- selection and document ------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def selected_documents(self) -> list[dict[str, Any]]:
        docs = []
        for doc_id in self.selected_ids()[:500]:
            doc = self.backend.document(doc_id)
            if doc is not None:
                docs.append(doc)
        return docs

    def _selection_changed(self, *_: Any) -> None:
        self._show_current_document()

    def _show_current_document(self) -> None:
        ids = self.selected_ids()
        current = self.table.currentIndex()
        doc_id = None
        if current.isValid() and current.row() < len(self.model.ids):
            doc_id = self.model.ids[current.row()]
            if doc_id not in ids and ids:
                doc_id = ids[0]
        elif ids:
            doc_id = ids[0]
        doc = self.backend.document(doc_id) if doc_id else None
        if doc is not None or self._doc_view is not None:  # else the placeholder says it
            self.doc_view.show_document(doc, keep_file=True)
        self._update_action_states()
        if doc is not None:
            self.documentShown.emit(doc["id"])

    def _update_action_states(self) -> None:
        docs = self.selected_documents()
        me = self.backend.me() if self.backend_ready else None
        allowed = ui_actions.enabled_actions(docs, me)
        for name in ui_actions.OFFERED:
            on = name in allowed
            self.act_actions[name].setEnabled(on)
            button = self.action_buttons.get(name)  # none before the first paint
            if button is not None:
                button.setEnabled(on)
                button.setVisible(on)
        has_doc = bool(docs)
        self.print_doc_action.setEnabled(has_doc)
        self.print_slip_action.setEnabled(has_doc)

    def open_current(self) -> None:
        """Enter: show the document, mark it read, and move to its pane."""
        docs = self.selected_documents()
        if len(docs) != 1:
            return
        doc = docs[0]
        if not doc.get("read") and "mark_read" in ui_actions.enabled_actions(
                [doc], self.backend.me()):
            self.queue_action("mark_read", [doc], {})
        self.doc_view.tabs.setFocus()

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for action in self.act_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.print_doc_action)
        menu.addAction(self.print_slip_action)
        if any(d.get("pending_changes") for d in self.selected_documents()):
            menu.addSeparator()
            menu.addAction(self.tr("Cancel changes not yet sent…"), self.show_sync_issues)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # --- files -----------------------------------------------------------------------------
    def _file_requested(self, request: str) -> None:
        fetch = request.startswith("fetch:")
        attachment_id = request.removeprefix("fetch:")
        attachment = self.doc_view.attachment(attachment_id)
        doc = self.doc_view.doc
        if attachment is None or doc is None:
            return
        path = self.backend.cached_file(attachment)
        if path is not None or not fetch or self.doc_view.secret():
            self.doc_view.show_file(attachment_id, path)
            self.fileShown.emit(attachment_id, path)
            return
        doc_id = doc["id"]
        self.runner.run(lambda _t: self.backend.fetch_file(doc_id, attachment),
                        lambda p: self._file_arrived(attachment_id, p),
                        self._background_error, label="file")

    def _file_arrived(self, attachment_id: str, path: Path) -> None:
        self.doc_view.show_file(attachment_id, path)
        self.fileShown.emit(attachment_id, path)

    def _open_file_externally(self, attachment_id: str) -> None:
        attachment = self.doc_view.attachment(attachment_id)
        path = self.backend.cached_file(attachment) if attachment else None
        if path is not None:
            DocumentView.open_path(path)

    # --- actions ---------------------------------------------------------------------------
    def run_action(self, action: str) -> None:
        docs = self.selected_documents()
        me = self.backend.me()
        if not docs or me is None or action not in ui_actions.enabled_actions(docs, me):
            return
        catalog = dict(self.backend.catalog())
        catalog["_units"] = list(self.directory.units.values())
        from eoffice_client.ui.action_dialogs import ask_params

        params = ask_params(action, docs, me, list(self.directory.users.values()), catalog, self)
        if params is None:
            return
        self.queue_action(action, docs, params)

    def queue_action(self, action: str, docs: list[dict[str, Any]],
                     params: dict[str, Any]) -> None:
        """Queues the action on every document (works offline), then refreshes."""
        ids = [d["id"] for d in docs]

        def work(task: Task) -> int:
            done = 0
            for doc_id in ids:
                if task.cancelled():
                    raise Cancelled()
                own = dict(params)
                if action == "comment":
                    import uuid

                    own["id"] = own.get("id") if len(ids) == 1 else str(uuid.uuid4())
                self.backend.act(doc_id, action, own)
                done += 1
                task.report(done, len(ids), ui_actions.action_label(action))
            return done

        self.runner.run(work, lambda n: self._action_queued(action, n),
                        self._action_failed, label=ui_actions.action_label(action))

    def _action_queued(self, action: str, count: int) -> None:
        self.statusBar().showMessage(self.tr(
            "%1: %n document(s) queued; sent at the next sync.", "", count).replace(
            "%1", ui_actions.action_label(action)), 6000)
        self.actionQueued.emit(action, count)
        self.refresh_all()
        if self.online:
            QTimer.singleShot(0, self.start_sync)

    def _action_failed(self, exc: BaseException) -> None:
        self.refresh_all()
        if isinstance(exc, Cancelled):
            return
        inform(self, self.tr("Action not queued"), self.error_text(exc), warning=True)

    def register_paper(self) -> None:
        from eoffice_client.ui.dialogs import RegisterPaperDialog

        dialog = RegisterPaperDialog(self.backend.catalog(), self)
        if dialog.exec() != RegisterPaperDialog.DialogCode.Accepted:
            return
        self.submit_paper(dialog.body(), dialog.file_paths())

    def submit_paper(self, body: dict[str, Any], files: list[Path]) -> None:
        from eoffice_client.ui.scans import join_scans

        def work(_task: Task) -> str:
            folder = Path(tempfile.mkdtemp(prefix="eoffice-scan-"))
            pdf = folder / "scan.pdf"
            if files:
                join_scans(files, pdf)
            name = f"{body.get('code_notation') or 'van-ban-den'}.pdf".replace("/", "-")
            return self.backend.register_paper(body, pdf if files else Path(), name)

        self.runner.run(work, self._paper_registered, self._action_failed,
                        label=self.tr("Register paper document"))

    def _paper_registered(self, doc_id: str) -> None:
        self.statusBar().showMessage(self.tr("The document was registered and queued."), 6000)
        self.actionQueued.emit("create", 1)
        self.refresh_all()

    # --- sync ------------------------------------------------------------------------------
    def start_sync(self) -> None:
        if not self.backend_ready or self.sync_task is not None or self.backend.me() is None:
            return
        self.sync_action.setEnabled(False)
        self.sync_task = self.runner.run(
            lambda task: self.backend.sync(task.report, task.cancelled),
            self._sync_done, self._sync_failed, label=self.tr("Syncing"))
        self.sync_task.signals.progress.connect(self._progress)
        self.statusBar().showMessage(self.tr("Syncing…"))

    def cancel_sync(self) -> None:
        for task in list(self.runner._running):
            task.cancel()

    def _sync_done(self, report: SyncReport) -> None:
        self.sync_task = None
        self.sync_action.setEnabled(True)
        self.online = True
        self.last_sync = report.finished_at or dt.datetime.now(dt.UTC)
        self._new_urgent = len(report.new_urgent)
        self.statusBar().showMessage(self.tr("Sync finished."), 4000)
        self.reload_directory()
        self.refresh_all()
        if self.issues_dialog is not None:
            self.issues_dialog.set_entries(self.backend.outbox())
        self._update_status()
        self.syncFinished.emit(report)

    def _sync_failed(self, exc: BaseException) -> None:
        self.sync_task = None
        self.sync_action.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Sync cancelled."), 4000)
        elif isinstance(exc, ClientError) and int(exc.exit_code) == 3:
            self.online = False
            self.statusBar().showMessage(self.tr(
                "The server cannot be reached; your changes are kept and sent later."), 8000)
        elif isinstance(exc, ClientError) and int(exc.exit_code) == 5:
            self.statusBar().showMessage(self.tr("Please sign in again."), 8000)
            QTimer.singleShot(0, self.ask_sign_in)
        else:
            self.statusBar().showMessage(self.error_text(exc), 10000)
        self.refresh_all()
        self._update_status()
        self.syncFinished.emit(exc)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total if total > 0 else 0)
        self.progress.setValue(done)
        self.progress.setFormat(f"{what} %v/%m" if total else what)

    def _task_started(self, task: Task) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setToolTip(task.label)
        self.cancel_button.setVisible(True)

    def _task_ended(self, _task: Task) -> None:
        if not any(not t.finished for t in self.runner._running):
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)

    def _update_status(self) -> None:
        if self.online is None:
            self.online_label.setText(self.tr("Not synced yet"))
        elif self.online:
            self.online_label.setText(self.tr("Online"))
        else:
            self.online_label.setText(self.tr("Offline"))
        self.online_label.setToolTip(self.backend.server() if self.backend.me() else "")
        if self.last_sync:
            local = self.last_sync.astimezone()
            self.last_sync_label.setText(self.tr("Last sync: %1").replace(
                "%1", local.strftime("%H:%M %d/%m/%Y")))
        else:
            self.last_sync_label.setText("")
        try:
            status = self.backend.status()
        except Exception:  # before the first sign-in there is no status yet
            status = {}
        queued = int(status.get("pending_actions") or 0)
        conflicts = int(status.get("conflicts") or 0)
        text = self.tr("%n change(s) waiting to sync", "", queued) if queued else self.tr(
            "Nothing waiting to sync")
        if conflicts:
            text += " · " + self.tr("%n sync issue(s)", "", conflicts)
        self.queue_button.setText(text)
        for widget in (self.online_label, self.last_sync_label, self.queue_button):
            widget.setMinimumWidth(widget.sizeHint().width())  # never clipped in the bar

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend():
                info = QNetworkInformation.instance()
                info.reachabilityChanged.connect(self._reachability_changed)
        except (ImportError, RuntimeError) as exc:  # no backend on this platform
            LOG.info("network information unavailable: %s", exc)

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            QTimer.singleShot(2000, self.start_sync)

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.sync_timer.start(max(1, settings.sync_interval_min) * 60_000)

    # --- sync issues -----------------------------------------------------------------------
    def show_sync_issues(self) -> None:
        if self.issues_dialog is None:
            from eoffice_client.ui.sync_issues import SyncIssuesDialog

            self.issues_dialog = SyncIssuesDialog(self)
            self.issues_dialog.retryRequested.connect(lambda i: self._outbox_op("retry", i))
            self.issues_dialog.dropRequested.connect(lambda i: self._outbox_op("drop", i))
            self.issues_dialog.cancelRequested.connect(lambda i: self._outbox_op("cancel", i))
        self.issues_dialog.lang = self.lang
        self.issues_dialog.user_name = self.directory.user
        self.issues_dialog.register_name = lambda r: str(
            (self.directory.registers.get(r) or {}).get("name") or r)
        self.issues_dialog.set_entries(self.backend.outbox())
        self.issues_dialog.show()
        self.issues_dialog.raise_()

    def _outbox_op(self, op: str, outbox_id: str) -> None:
        if op == "drop" and not confirm(self, self.tr("Drop my change"), self.tr(
                "Your change will be forgotten and the server's state kept. Go on?")):
            return
        try:
            getattr(self.backend, op)(outbox_id)
        except ClientError as exc:
            inform(self, self.tr("Sync issues"), self.error_text(exc), warning=True)
        if self.issues_dialog is not None:
            self.issues_dialog.set_entries(self.backend.outbox())
        self.refresh_all()
        if op == "retry":
            self.start_sync()

    # --- sign-in, settings, profiles -------------------------------------------------------
    def ask_sign_in(self) -> None:
        from eoffice_client.config import locked_fields
        from eoffice_client.ui.dialogs import SignInDialog

        dialog = SignInDialog(self.backend.server() or self.settings.server,
                              str((self.backend.me() or {}).get("username", "")),
                              "server" in locked_fields(), self)
        dialog.submitted.connect(lambda: self._sign_in(dialog))
        self.sign_in_dialog = dialog
        dialog.open()

    def _sign_in(self, dialog: SignInDialog) -> None:
        server, username, password, remember = dialog.values()
        if not server or not username or not password:
            dialog.show_error(self.tr("Fill in the server address, user name and password."))
            return
        dialog.set_busy(True)
        self.runner.run(lambda _t: self.backend.sign_in(server, username, password, remember),
                        lambda user: self._signed_in(dialog, user, server),
                        lambda exc: dialog.show_error(self.error_text(exc)),
                        label=self.tr("Signing in…"))

    def _signed_in(self, dialog: SignInDialog, user: dict, server: str) -> None:
        from eoffice_client.config import locked_fields

        dialog.finish()
        if "server" not in locked_fields():
            self.settings.server = server
            self.profile.save_settings(self.settings)
        self.reload_directory()
        self._update_title()
        self.signedIn.emit(user)
        self.start_sync()

    def sign_out(self) -> None:
        from PySide6.QtWidgets import QCheckBox, QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sign out"))
        box.setText(self.tr("Sign out of eOffice on this computer?"))
        wipe = QCheckBox(self.tr("Also delete the cached documents and files of this profile"),
                         box)
        box.setCheckBox(wipe)
        yes = box.addButton(self.tr("Sign out"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        if wipe.isChecked() and not self._confirm_wipe():
            return
        self.do_sign_out(wipe.isChecked())

    def _confirm_wipe(self) -> bool:
        """Wiping drops changes not yet on the server: only after a clear yes (cf. CLI 11)."""
        try:
            status = self.backend.status()
        except Exception:  # nothing readable: nothing to lose either
            return True
        unsent = int(status.get("pending_actions") or 0) + int(status.get("conflicts") or 0)
        if not unsent:
            return True
        return confirm(self, self.tr("Sign out"), self.tr(
            "%n change(s) not yet on the server will be lost with the cached data. "
            "Delete them anyway?", "", unsent), yes=self.tr("Delete anyway"))

    def do_sign_out(self, wipe: bool) -> None:
        try:
            self.backend.sign_out(wipe)
        except ClientError as exc:
            inform(self, self.tr("Sign out"), self.error_text(exc), warning=True)
            return
        self.doc_view.show_document(None)
        self.refresh_all()
        self._update_title()
        self.signedOut.emit(wipe)
        QTimer.singleShot(0, self.ask_sign_in)

    def edit_settings(self) -> None:
        from eoffice_client.ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.profile.load_settings(), self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        settings = dialog.result_settings()
        self.profile.save_settings(settings)
        old_lang = self.settings.language
        self.apply_settings(settings)
        if settings.language != old_lang:
            self.languageChangeRequested.emit(settings.language)

    def switch_profile(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the profile folder"), str(self.profile.root.parent))
        if folder and Path(folder) != self.profile.root:
            self.profileSwitchRequested.emit(folder)

    def show_about(self) -> None:
        from eoffice_client import __version__

        inform(self, self.tr("About eOffice"), self.tr(
            "eOffice desktop client %1\nProfile: %2").replace("%1", __version__).replace(
            "%2", str(self.profile.root)))

    # --- printing --------------------------------------------------------------------------
    def print_current(self, what: str, pdf_path: Path | None = None) -> bool:
        from eoffice_client.ui import printing

        docs = self.selected_documents()
        if what == "list":
            rows = self.backend.rows(self.model.ids[:2000])
            ordered = [rows[i] for i in self.model.ids[:2000] if i in rows]
            title = self.box_name(self.query.box)
            markup = printing.list_html(title, ordered, self.lang)
        elif not docs:
            return False
        elif what == "slip":
            markup = printing.slip_html(docs[0], self.directory, self.lang)
        else:
            markup = printing.document_html(docs[0], self.directory, self.lang)
        return printing.print_html(markup, self, pdf_path)

    # --- misc ------------------------------------------------------------------------------
    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, ClientError):
            return exc.message()
        return self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)

    def _background_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        LOG.warning("background task failed: %r", exc)
        self.statusBar().showMessage(self.error_text(exc), 8000)

    def clear_filters(self) -> None:
        _ = self.filter_bar
        for combo in (self.type_filter, self.urgency_filter, self.secrecy_filter,
                      self.status_filter):
            combo.setCurrentIndex(0)
        self.date_filter.setChecked(False)
        self.reload_list()

    def _box_changed(self, *_: Any) -> None:
        self.reload_list()

    def _sort_requested(self, key: str, descending: bool) -> None:
        if self._building:
            return
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.reload_list()

    def _search_now(self) -> None:
        self.reload_list()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

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
        self.sync_timer.stop()
        self.cancel_sync()
        self.runner.wait(10000)
        self.tray.icon.hide()
        super().closeEvent(event)

    def wait_idle(self, timeout_s: float = 10.0) -> None:
        """For tests and the probe: waits for background tasks to end."""
        end = time.monotonic() + timeout_s
        while self.runner.busy() and time.monotonic() < end:
            self.runner.wait(50)
