"""The middle of the window: the filter bar, the document table and the hint under it
("191 documents"), and the search box's debounce. The table's model holds only the ids
of the box (``ui/table_model.py``); this part asks the application API for them, and
for the rows: until the core is loaded (:meth:`DocumentList.core_loaded`), from the
first page's reader (``App.first_page``). A dashboard click narrows the list further
(:meth:`DocumentList.narrow`: unread only, a unit, a due window, waiting on a leader) until
the chip's ✕, another box or the dashboard again."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Directory
from eoffice_client.core.app.types import DocumentQuery, JsonObject, Row
from eoffice_client.ui.table_model import DocumentTableModel
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import report_background_error
from eoffice_client.ui.window.filter_bar import FilterBar
from eoffice_client.ui.window.narrowing_chip import NarrowingChip

SEARCH_DEBOUNCE_MS = 250
#: rows of the very first list, read straight from the cache file (more than a screenful)
FIRST_PAGE_ROWS = 100
#: column -> a text as wide as that column's usual content (its width follows the font)
COLUMN_SAMPLES = {0: "Thượng khẩn", 1: "2034/GM-SKHĐT", 3: "Sở Tài nguyên và M",
                  4: "27/11/2026", 5: "27/11/2026", 6: "Chờ phân công"}
DATE_COLUMN = 4
#: on a narrow table these columns are hidden first, in this order; the subject, the
#: deadline and the status always stay
HIDE_ORDER = (3, 4, 0, 1)
#: the subject keeps at least this many font heights
SUBJECT_MIN_EM = 12


class DocumentList(QWidget):
    """The box's documents, filtered, searched and sorted; the newest query's answer wins."""

    listLoaded = Signal()
    firstPaint = Signal()  # the table painted its first list (one event-loop turn later)
    currentChanged = Signal()  # the selection or the current row changed
    openRequested = Signal()  # Enter or a double click on a row
    contextMenuRequested = Signal(QPoint)  # global position
    message = Signal(str, int)  # a status-bar text and how long it shows (ms)

    def __init__(self, app: App, runner: TaskRunner, search: QLineEdit,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.app, self.runner, self.search = app, runner, search
        self.core_ready = False  # until then the first page's reader answers
        self.box = "incoming"
        self.query = DocumentQuery(box=self.box, limit=None)
        self.list_loaded = False
        self.arriving = False  # the first sync is bringing the documents
        self._generation = 0  # of the newest query asked
        self.filters = FilterBar(self)
        self.filters.changed.connect(self._search_soon)
        self.filters.clearRequested.connect(self.clear_filters)
        self.narrowing: dict[str, Any] = {}  # DocumentQuery fields a dashboard click set
        self.chip = NarrowingChip(self)
        self.chip.removed.connect(self.clear_narrowing)
        self.model = DocumentTableModel(self._rows, self)
        self.widths: dict[int, int] = {}  # column -> its width from the sample texts
        self.table = QTableView(self)
        self._build_table()
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.chip)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_soon)
        self.search.returnPressed.connect(self.reload)
        self._bind_keys()
        self._paint_watch = _FirstPaintWatch(self)
        self.table.viewport().installEventFilter(self._paint_watch)
        self._resize_watch = _ResizeWatch(self.fit_columns, self)
        self.table.installEventFilter(self._resize_watch)

    def _build_table(self) -> None:
        table = self.table
        table.setObjectName("documentTable")
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        # after the first sort indicator, which is the query's order and not a user's sort
        self.model.sortRequested.connect(self._sort_by)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda at: self.contextMenuRequested.emit(table.viewport().mapToGlobal(at)))
        table.doubleClicked.connect(lambda _index: self.openRequested.emit())
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.selectionModel().selectionChanged.connect(lambda *_: self.currentChanged.emit())
        # The style sheet's rule for the table (its background and border) turns the
        # viewport's own background off, so Qt must repaint the whole viewport on every
        # scroll step. With the viewport filling its background again (the same white)
        # it is opaque: Qt moves its pixels and paints only the rows that come into view.
        # (After the style's polish, which is what turns it off.)
        table.ensurePolished()
        table.viewport().setAutoFillBackground(True)

    def _bind_keys(self) -> None:
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.openRequested)
        # Delete is never destructive: it does nothing to documents here, but says so.
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.message.emit(self.tr(
            "Documents are never deleted with the Delete key; use the actions instead."), 5000))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)

    # --- the list --------------------------------------------------------------------------
    def show_box(self, box: str) -> None:
        self.box = box
        self.clear_narrowing(reload=False)
        self.reload()

    def narrow(self, fields: dict[str, Any], text: str) -> None:
        """Narrows the list by these DocumentQuery fields (the dashboard's), shown on the
        chip as ``text``, from the next :meth:`reload` on."""
        self.narrowing = dict(fields)
        self.chip.show_text(text)

    def clear_narrowing(self, reload: bool = True) -> None:
        """The whole box again (the chip's ✕)."""
        if not self.narrowing:
            return
        self.narrowing = {}
        self.chip.clear()
        if reload:
            self.reload()

    def core_loaded(self) -> None:
        """The application API answers from now on (the shell loaded the core)."""
        self.core_ready = True

    def _rows(self, ids: Sequence[str]) -> dict[str, Row]:
        if self.core_ready:  # the search says which rows it found inside their files
            return self.app.reads.rows(ids, self.query.search)
        return self.app.first_page.rows(ids)

    def current_query(self) -> DocumentQuery:
        return DocumentQuery(box=self.box, search=self.search.text().strip() or None,
                             **self.filters.values(), **self.narrowing, sort=self.query.sort,
                             descending=self.query.descending, limit=None)

    def reload(self) -> None:
        """Asks for the ids of the current query off the GUI thread; the newest answer wins.
        The very first list is the first page of a plain box, read from the cache file on
        this thread (the window paints it before the core is loaded: see the shell)."""
        self.search_timer.stop()
        query = self.current_query()
        self._generation += 1
        generation = self._generation
        if not self.core_ready:
            first = self.app.first_page
            ids = first.first_ids(query, FIRST_PAGE_ROWS) if first.can_list(query) else []
            self._list_arrived(generation, query, ids)
            return
        self.runner.run(lambda _task: self.app.reads.document_ids(query),
                        lambda ids: self._list_arrived(generation, query, ids),
                        self._list_failed, label="list", show_progress=False)

    def refresh(self) -> None:
        """After a sync or an action: the rows' contents again, and the list."""
        self.model.refresh_rows()
        self.reload()

    def clear_filters(self) -> None:
        """The filter bar's "Clear filters": its filters and a dashboard narrowing go."""
        self.filters.clear()
        self.clear_narrowing(reload=False)
        self.reload()

    def _search_soon(self, *_: Any) -> None:
        self.search_timer.start()

    def _sort_by(self, key: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.reload()

    def _list_arrived(self, generation: int, query: DocumentQuery, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        selected = self.selected_ids()
        self.query = query
        self.model.set_ids(ids)
        self.list_loaded = True
        self._reselect(selected)
        self._update_hint()
        self.listLoaded.emit()

    def _list_failed(self, exc: BaseException) -> None:
        report_background_error(exc, self.message.emit)

    def _reselect(self, ids: list[str]) -> None:
        for doc_id in ids[:1]:
            position = self.model.position_of(doc_id)
            if position >= 0:
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))
                return
        self.currentChanged.emit()

    def set_arriving(self, arriving: bool) -> None:
        """During the first sync an empty box is not empty: its documents are on the way."""
        self.arriving = arriving
        if arriving and self.list_loaded:  # when they have arrived, the next list says so
            self._update_hint()

    def _update_hint(self) -> None:
        count = len(self.model.ids)
        if self.arriving:
            self.hint.setText(self.tr("%n document(s) so far; more are arriving from the "
                                      "server…", "", count) if count else self.tr(
                "Documents are arriving from the server…"))
        elif count:
            self.hint.setText(self.tr("%n document(s)", "", count))
        elif self.query.search or self.filters.is_filtered() or self.narrowing:
            self.hint.setText(self.tr("No documents match."))
        else:
            self.hint.setText(self.tr("This box is empty."))

    # --- the selection ---------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def current_id(self) -> str | None:
        """The document to show: the current row when it is selected, else the first
        selected one."""
        ids = self.selected_ids()
        current = self.table.currentIndex()
        if current.isValid() and current.row() < len(self.model.ids):
            doc_id = self.model.ids[current.row()]
            return ids[0] if ids and doc_id not in ids else doc_id
        return ids[0] if ids else None

    def selected_documents(self, limit: int = 500) -> list[JsonObject]:
        """The selected documents in the contract's shape (what the workflow's rules
        read), none before the core is loaded."""
        if not self.core_ready:
            return []
        found = (self.app.reads.document_json(doc_id) for doc_id in self.selected_ids()[:limit])
        return [doc for doc in found if doc is not None]

    # --- texts -----------------------------------------------------------------------------
    def set_directory(self, directory: Directory) -> None:
        self.filters.set_directory(directory)

    def retranslate(self, lang: str) -> None:
        self.table.setAccessibleName(self.tr("Documents"))
        self.filters.retranslate(lang)
        self.chip.retranslate()
        self.model.set_language(lang)
        if self.list_loaded:
            self._update_hint()
        self.size_columns()

    def size_columns(self) -> None:
        """Widths from sample texts in the current font (so 125%/150% scaling still fits)."""
        bold = self.table.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header = self.table.horizontalHeader()
        for column, sample in COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.widths[column] = width + 32  # + the sort arrow and padding
            header.resizeSection(column, self.widths[column])
        self.fit_columns()

    def fit_columns(self) -> None:
        """Hides the columns of least use (HIDE_ORDER) while the table is too narrow for
        them all, so the deadline and the status never leave the screen."""
        if not self.widths:
            return
        room = (self.table.width() - 2 * self.table.frameWidth()
                - self.table.verticalScrollBar().sizeHint().width())
        subject = self.table.fontMetrics().height() * SUBJECT_MIN_EM
        hidden: set[int] = set()
        for column in HIDE_ORDER:
            needed = subject + sum(w for c, w in self.widths.items() if c not in hidden)
            if needed <= room:
                break
            hidden.add(column)
        header = self.table.horizontalHeader()
        for column in self.widths:
            if header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
                if column not in hidden:
                    header.resizeSection(column, self.widths[column])


class _ResizeWatch(QObject):
    """Calls ``changed`` when the watched widget is resized."""

    def __init__(self, changed: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.changed = changed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.changed()
        return False


class _FirstPaintWatch(QObject):
    """Tells once when the table's viewport paints after the first list arrived."""

    def __init__(self, documents: DocumentList) -> None:
        super().__init__(documents)
        self.documents = documents

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.documents.list_loaded:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.documents.firstPaint.emit)
        return False
