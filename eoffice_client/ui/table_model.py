"""The document table: holds only the box's ids and builds rows lazily, page by page.

As Anki's browser: the model knows the ids of the box in order; a row is fetched from
the store the first time the view paints it, together with the rest of its page, and
kept in a bounded cache. Sorting asks the owner to query the ids again in the new order.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from eoffice_client.core.app.types import SORT_KEYS, Row
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import (
    CLOSED_STATUSES,
    SECRECY_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    label,
)
from eoffice_client.ui.resources import icon_path

PAGE_SIZE = 100
MAX_CACHED_PAGES = 40
OVERDUE_COLOR = QColor("#b3261e")
DUE_TODAY_COLOR = QColor("#b26a00")
URGENT_COLOR = QColor("#b3261e")
PENDING_COLOR = QColor("#8a5a00")
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_ROW_ID = int(ROW_ID_ROLE)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)

Index = QModelIndex | QPersistentModelIndex
# what reads the table rows of some ids, by id
RowReader = Callable[[Sequence[str]], Mapping[str, Row]]


class RowBadges(Protocol):
    """A mark beside a row's number that is found in the background (the signature
    badge, ui/signing/badge.py)."""

    def request(self, doc_ids: Sequence[str]) -> None: ...

    def shown(self, doc_id: str) -> tuple[QIcon, str] | None: ...


def format_date(value: str | None) -> str:
    """``2026-02-05`` -> ``05/02/2026`` (the Vietnamese way).

    Formatted from the date's fields: ``strftime`` imports ``time`` on every call, and
    each import goes through PySide6's import hook, which costs five times the formatting.
    """
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


class DocumentTableModel(QAbstractTableModel):
    """Columns: urgency (độ khẩn), số/ký hiệu, trích yếu (a padlock for a secret document:
    độ mật), cơ quan ban hành, ngày, hạn xử lý, status."""

    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, rows: RowReader, parent: Any = None) -> None:
        """``rows`` reads the rows of a page of ids (the application API's, or the first
        page's reader before the core is loaded)."""
        super().__init__(parent)
        self.read_rows = rows
        self.ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, _Cells | Row]] = OrderedDict()
        self.lang = "vi"
        self.today = today_vietnam()
        self.page_loads = 0
        self._last_page = -1
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(0)
        self._prefetch.timeout.connect(self._prefetch_neighbours)
        self._bold = QFont()
        self._bold.setBold(True)
        self._pending_icon = QIcon(str(icon_path("pending")))
        self._secret_icon = QIcon(str(icon_path("secret")))
        self._content_icon = QIcon(str(icon_path("search")))
        self.badges: RowBadges | None = None

    def set_badges(self, badges: RowBadges) -> None:
        """Marks found in the background beside the number; ``badges_arrived`` repaints."""
        self.badges = badges

    def badges_arrived(self, doc_ids: Sequence[str]) -> None:
        for doc_id in doc_ids:
            position = self.position_of(doc_id)
            if position >= 0:
                self.dataChanged.emit(self.index(position, 1), self.index(position, 1))

    # --- content ---------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._pages.clear()
        self._last_page = -1
        self.today = today_vietnam()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget the cached rows (after a sync or an action) and repaint the visible ones."""
        self._pages.clear()
        self._last_page = -1
        self.today = today_vietnam()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, 6))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.refresh_rows()

    def row_at(self, position: int) -> Row | None:
        cells = self._cells_at(position)
        return cells.row if cells is not None else None

    def _cells_at(self, position: int) -> _Cells | None:
        if not 0 <= position < len(self.ids):
            return None
        page_no = position // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no, eager=False)
        elif page_no != self._last_page:
            self._pages.move_to_end(page_no)
        if page_no != self._last_page:
            self._last_page = page_no
            self._prefetch.start()  # the neighbours, once the event loop is idle
        doc_id = self.ids[position]
        entry = page.get(doc_id)
        if entry is None or isinstance(entry, _Cells):
            return entry
        cells = page[doc_id] = self._make_cells(entry)  # a page loaded in a paint: row by row
        return cells

    def _prefetch_neighbours(self) -> None:
        """Loads the pages around the last one shown, so scrolling on finds them ready."""
        for page_no in (self._last_page + 1, self._last_page - 1):
            if 0 <= page_no * PAGE_SIZE < len(self.ids) and page_no not in self._pages:
                self._load_page(page_no, eager=True)
                if self._last_page in self._pages:  # keep the shown page the newest
                    self._pages.move_to_end(self._last_page)
                return  # one page per idle turn keeps each turn short

    def cached_pages(self) -> int:
        """How many pages of rows are kept (at most MAX_CACHED_PAGES)."""
        return len(self._pages)

    def position_of(self, doc_id: str) -> int:
        try:
            return self.ids.index(doc_id)
        except ValueError:
            return -1

    def _load_page(self, page_no: int, eager: bool) -> dict[str, _Cells | Row]:
        """One query for a page of rows. Read ahead while idle (``eager``), its cells'
        texts, colours and tips are made at once; read for a paint, only the rows being
        painted get theirs then, the others when they are first painted (a viewport
        shows a tenth of a page, and a jump of the scroll bar lands on a page no one
        read ahead)."""
        start = page_no * PAGE_SIZE
        rows = self.read_rows(self.ids[start:start + PAGE_SIZE])
        page: dict[str, _Cells | Row] = (
            {doc_id: self._make_cells(row) for doc_id, row in rows.items()} if eager
            else dict(rows))
        self.page_loads += 1
        self._pages[page_no] = page
        if self.badges is not None:
            self.badges.request(list(rows))
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _make_cells(self, row: Row) -> _Cells:
        texts = tuple(self._display(row, column) for column in range(7))
        colours = tuple(self._foreground(row, column) for column in range(7))
        tips = tuple(self._tooltip(row, column) for column in range(7))
        spoken = texts
        if row.secrecy:  # a screen reader hears the padlock
            spoken = (*texts[:2], f"{self._secrecy(row)}: {texts[2]}", *texts[3:])
        elif row.matched_by_content:  # and the magnifier
            spoken = (*texts[:2], f"{self._found_in_files()}: {texts[2]}", *texts[3:])
        return _Cells(row, texts, colours, tips, spoken)

    def _found_in_files(self) -> str:
        return self.tr("Found in the text of its files")

    def _secrecy(self, row: Row) -> str:
        return label(SECRECY_LABELS, row.secrecy, self.lang)

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section]
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("Urgency"), self.tr("Number/notation"), self.tr("Subject"),
            self.tr("Issuer"), self.tr("Date"), self.tr("Due"), self.tr("Status"),
        ]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every cell and role a paint needs (about 10 per cell): ints, no enums.
        slot = _SLOTS.get(role)
        if slot is None:
            return self.ids[index.row()] if role == _ROW_ID and index.isValid() else None
        cells = self._cells_at(index.row())  # an invalid index has row -1: None
        if cells is None:
            return None
        if slot == _TEXT:
            return cells.texts[index.column()]
        if slot == _SPOKEN:
            return cells.spoken[index.column()]
        if slot == _FONT:
            return None if cells.row.read else self._bold
        if slot == _BRUSH:
            return cells.colours[index.column()]
        if slot == _ICON:
            # "chờ đồng bộ": an icon that stays visible when the status text is cut; a
            # padlock before the subject of a secret document
            if index.column() == 6 and cells.row.pending_changes:
                return self._pending_icon
            if index.column() == 2 and cells.row.secrecy:
                return self._secret_icon
            if index.column() == 2 and cells.row.matched_by_content:
                return self._content_icon  # the search found it inside its files
            if index.column() == 1:
                return self._badge(cells.row.id, 0)
            return None
        if index.column() == 1 and (badge := self._badge(cells.row.id, 1)) is not None:
            return badge
        return cells.tips[index.column()]

    def _badge(self, doc_id: str, part: int) -> Any:
        """The badge's icon (0) or tooltip (1) beside the number, None without one."""
        shown = self.badges.shown(doc_id) if self.badges is not None else None
        return shown[part] if shown is not None else None

    def _display(self, row: Row, column: int) -> str:
        if column == 0:  # urgency only: secrecy is the mark on the subject
            return label(URGENCY_LABELS, row.urgency, self.lang) if row.urgency else ""
        if column == 1:
            return row.code
        if column == 2:
            return row.subject
        if column == 3:
            return row.issuer
        if column == 4:
            return format_date(row.date)
        if column == 5:
            if self._due_today(row):
                return self.tr("Today")
            return format_date(row.due_date)
        status = label(STATUS_LABELS, row.status, self.lang)
        if row.pending_changes:
            waiting = self.tr("waiting to sync")
            status = f"{status} · {waiting}"
        return status

    def _overdue(self, row: Row) -> bool:
        return bool(row.due_date) and row.status not in CLOSED_STATUSES and (
            self.today.isoformat() > (row.due_date or "")[:10])

    def _due_today(self, row: Row) -> bool:
        return bool(row.due_date) and row.status not in CLOSED_STATUSES and (
            (row.due_date or "")[:10] == self.today.isoformat())

    def _foreground(self, row: Row, column: int) -> QColor | None:
        """The text colour of a cell (the view's delegate takes a QColor as it takes a
        QBrush), None for the palette's."""
        if column == 5 and self._overdue(row):
            return OVERDUE_COLOR
        if column == 5 and self._due_today(row):
            return DUE_TODAY_COLOR
        if column == 0 and row.urgency:
            return URGENT_COLOR
        if column == 6 and row.pending_changes:
            return PENDING_COLOR
        return None

    def _tooltip(self, row: Row, column: int) -> str | None:
        if column == 5 and self._overdue(row):
            return self.tr("Overdue")
        if column == 5 and self._due_today(row):
            return self.tr("Due today")
        if column == 6 and row.pending_changes:
            return self.tr("%n change(s) waiting to be sent at the next sync", "",
                           row.pending_changes)
        if column == 2 and row.secrecy:
            return f"{self._secrecy(row)} — {row.subject}"
        if column == 2 and row.matched_by_content:
            return f"{self._found_in_files()} — {row.subject}"
        if column in (0, 1, 2, 3):
            return self._display(row, column) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sortRequested.emit(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)


class _Cells(NamedTuple):
    """One row as the view paints it, made once per page load."""

    row: Row
    texts: tuple[str, ...]
    colours: tuple[QColor | None, ...]
    tips: tuple[str | None, ...]
    spoken: tuple[str, ...]  # what a screen reader says (the secrecy mark in words)


_TEXT, _FONT, _BRUSH, _ICON, _TIP, _SPOKEN = range(6)
#: role (as the int Qt passes) -> what data() answers
_SLOTS = {
    int(Qt.ItemDataRole.DisplayRole): _TEXT, int(Qt.ItemDataRole.AccessibleTextRole): _SPOKEN,
    int(Qt.ItemDataRole.FontRole): _FONT, int(Qt.ItemDataRole.ForegroundRole): _BRUSH,
    int(Qt.ItemDataRole.DecorationRole): _ICON, int(Qt.ItemDataRole.ToolTipRole): _TIP,
}
