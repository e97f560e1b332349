"""Painted cells kept between paints, and the rows next to the viewport painted ahead.

Painting one viewport of the document table lays out and draws about seventy Vietnamese
texts (Qt's text layout and raster drawing: 5-9 ms a viewport on a 2-core machine, several
times that when the machine is busy). :class:`CachedCellDelegate` keeps every cell it
paints as a pixmap, keyed by everything that changes how the cell looks (its row and
column, its size, the selection, focus and hover state, the screen's pixel ratio, and the
model's *generation*), and while the event loop is idle it paints the rows just below and
above the viewport into the cache. Scrolling then copies pixmaps instead of laying out
text. Any change of the model's data, rows or layout, of the view's font, palette or style
starts a new generation, so an image never shows stale data; the cache is bounded by
bytes (least recently used first out).

A pixmap starts as what the view paints under a cell (the viewport's background and the
row's alternate colour), so text keeps the same antialiasing as when painted directly.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCursor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

Index = QModelIndex | QPersistentModelIndex

#: the QStyle.StateFlag bits a cell's look depends on (ints: no enum work per paint)
_ENABLED, _HAS_FOCUS, _MOUSE_OVER, _SELECTED, _ACTIVE = 0x1, 0x100, 0x2000, 0x8000, 0x10000
_STATE_MASK = _ENABLED | _SELECTED | _ACTIVE
_UNCACHED = _HAS_FOCUS | _MOUSE_OVER
_PANEL_ROW = QStyle.PrimitiveElement.PE_PanelItemViewRow
_ALTERNATE = 0x2  # QStyleOptionViewItem.ViewItemFeature.Alternate
#: bytes of cell images kept at least (more when a few viewports need more)
MIN_CACHE_BYTES = 8 << 20
#: viewports' worth of images kept: the one shown, two ahead, one behind, one spare
VIEWPORTS_KEPT = 5
#: the longest one idle turn spends painting ahead (keeps the window responsive)
IDLE_BUDGET_S = 0.012
_RESET_EVENTS = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                 QEvent.Type.LanguageChange)

CellKey = tuple[int, int, int, int, int, float, int]


class CachedCellDelegate(QStyledItemDelegate):
    """The table's delegate: paints a cell once, then copies its image (see the module)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.generation = 0
        self.min_bytes = MIN_CACHE_BYTES
        self.hits = 0
        self.misses = 0
        self.fast_paints = 0
        self._images: OrderedDict[CellKey, QPixmap] = OrderedDict()
        self._bytes = 0
        self._last_first = 0
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self.paint_ahead)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged,
                       model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                       model.columnsInserted, model.columnsRemoved, model.columnsMoved):
            signal.connect(self.invalidate)
        view.verticalScrollBar().valueChanged.connect(self._schedule_ahead)
        self._watch = _StyleWatch(self)
        view.installEventFilter(self._watch)
        view.viewport().installEventFilter(self._watch)

    # --- the cache ------------------------------------------------------------------------
    def invalidate(self, *_args: Any) -> None:
        """Forgets every image (the data, the rows or the look changed)."""
        self.generation += 1
        self._images.clear()
        self._bytes = 0

    def cached_cells(self) -> int:
        return len(self._images)

    def cached_bytes(self) -> int:
        return self._bytes

    def has_row(self, row: int) -> bool:
        """Whether some image of ``row`` of this generation is kept."""
        return any(key[0] == row and key[-1] == self.generation for key in self._images)

    def budget(self) -> int:
        """Bytes of images kept: a few viewports at the screen's pixel ratio."""
        viewport = self.view.viewport()
        ratio = viewport.devicePixelRatioF()
        one = viewport.width() * viewport.height() * 4 * ratio * ratio
        return max(self.min_bytes, int(one * VIEWPORTS_KEPT))

    def _keep(self, key: CellKey, image: QPixmap, budget: int) -> None:
        self._images[key] = image
        self._bytes += image.width() * image.height() * 4
        while self._bytes > budget and len(self._images) > 1:
            _old, dropped = self._images.popitem(last=False)
            self._bytes -= dropped.width() * dropped.height() * 4

    # --- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = option.state.value
        if state & _UNCACHED:  # the focused or hovered cell: one cell, painted as is
            super().paint(painter, option, index)
            return
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        # (the alternate colour follows the row: the row is in the key)
        key = (index.row(), index.column(), rect.width(), rect.height(), state & _STATE_MASK,
               ratio, self.generation)
        image = self._images.get(key)
        if image is None:
            self.misses += 1
            self._render_row(index.row(), option, ratio)
            image = self._images.get(key)
            self._ahead.start()
        else:
            self.hits += 1
            self._images.move_to_end(key)
        if image is None:  # the view's columns and this cell disagree: paint it as is
            super().paint(painter, option, index)
            return
        if ratio == 1.0:
            painter.drawPixmap(rect, image)  # the same size: a plain copy, the fastest call
        else:
            painter.drawPixmap(rect.topLeft(), image)

    def _render_row(self, row: int, option: QStyleOptionViewItem, ratio: float) -> None:
        """Paints every column of ``row`` with ``option``'s state into one image (one
        painter: starting a painter costs more than a cell), keeps a cut of it per cell."""
        view, model = self.view, self.view.model()
        columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        widths = [view.columnWidth(c) for c in columns]
        height = option.rect.height()
        image = QPixmap(QSize(math.ceil(sum(widths) * ratio), math.ceil(height * ratio)))
        image.setDevicePixelRatio(ratio)
        viewport = view.viewport()
        image.fill(viewport.palette().color(viewport.backgroundRole()))
        local = QStyleOptionViewItem(option)
        painter = QPainter(image)
        style = view.style()
        rects = []
        try:
            left = 0
            for column, width in zip(columns, widths, strict=True):
                local.rect = QRect(left, 0, width, height)
                style.drawPrimitive(_PANEL_ROW, local, painter, view)
                QStyledItemDelegate.paint(self, painter, local, model.index(row, column))
                rects.append(QRect(round(left * ratio), 0, math.ceil(width * ratio),
                                   image.height()))
                left += width
        finally:
            painter.end()
        state = option.state.value & _STATE_MASK
        budget = self.budget()
        for column, width, cut in zip(columns, widths, rects, strict=True):
            cell = image.copy(cut)
            cell.setDevicePixelRatio(ratio)
            self._keep((row, column, width, height, state, ratio, self.generation), cell,
                       budget)

    # --- a whole viewport from the cache --------------------------------------------------
    def paint_from_cache(self, event: QPaintEvent) -> bool:
        """Paints the exposed cells as ``QTableView.paintEvent`` would (row panel, then the
        delegate), copying cached images in one pass, with no call into Python per cell
        from Qt. False, painting nothing, when a cell is not cached or the table uses what
        this pass does not draw (grid, moved sections, right to left): Qt paints it then."""
        view = self.view
        if (view.showGrid() or view.isRightToLeft() or view.verticalHeader().sectionsMoved()
                or view.horizontalHeader().sectionsMoved()):
            return False
        plan = self._plan(event.rect())
        if plan is None:
            return False
        cells, special = plan
        painter = QPainter(view.viewport())
        try:
            for target, image in cells:
                painter.drawPixmap(target, image)
            for option, index in special:  # the focused or hovered cell, as the view does
                view.style().drawPrimitive(_PANEL_ROW, option, painter, view)
                QStyledItemDelegate.paint(self, painter, option, index)
        finally:
            painter.end()
        self.hits += len(cells)
        self.fast_paints += 1
        return True

    def _plan(self, area: QRect) -> tuple[list[tuple[QRect, QPixmap]],
                                          list[tuple[QStyleOptionViewItem, QModelIndex]]] | None:
        """The exposed cells' images and rectangles, or None when one is not cached."""
        view, model = self.view, self.view.model()
        first, last = view.rowAt(area.top()), view.rowAt(area.bottom())
        left, right = view.columnAt(area.left()), view.columnAt(area.right())
        if first < 0 or left < 0:
            return None  # only empty space exposed, or nothing known: Qt's own paint
        last = model.rowCount() - 1 if last < 0 else last
        right = model.columnCount() - 1 if right < 0 else right
        columns = [(c, view.columnViewportPosition(c), view.columnWidth(c))
                   for c in range(left, right + 1) if not view.isColumnHidden(c)]
        ratio = view.viewport().devicePixelRatioF()
        base = QStyleOptionViewItem()
        view.initViewItemOption(base)
        state = base.state.value & _STATE_MASK & ~_SELECTED
        selection = view.selectionModel()
        special = self._special_cells(view)
        cells: list[tuple[QRect, QPixmap]] = []
        uncached: list[tuple[QStyleOptionViewItem, QModelIndex]] = []
        for row in range(first, last + 1):
            if view.isRowHidden(row):
                continue
            top, height = view.rowViewportPosition(row), view.rowHeight(row)
            whole_row = selection is not None and selection.isRowSelected(row, QModelIndex())
            some = not whole_row and selection is not None and selection.rowIntersectsSelection(
                row, QModelIndex())
            for column, x, width in columns:
                selected = whole_row or (some and selection.isSelected(model.index(row, column)))
                cell_state = state | _SELECTED if selected else state
                if (row, column) in special:
                    uncached.append(self._special_option(base, row, column, x, top, width,
                                                         height, selected, special))
                    continue
                image = self._images.get((row, column, width, height, cell_state, ratio,
                                          self.generation))
                if image is None:
                    return None
                cells.append((QRect(x, top, width, height), image))
        return cells, uncached

    @staticmethod
    def _special_cells(view: QTableView) -> dict[tuple[int, int], int]:
        """The cells the view paints with focus or hover (never from the cache)."""
        found: dict[tuple[int, int], int] = {}
        current = view.currentIndex()
        if current.isValid() and (view.hasFocus() or view.viewport().hasFocus()):
            found[(current.row(), current.column())] = _HAS_FOCUS
        viewport = view.viewport()
        if viewport.testAttribute(Qt.WidgetAttribute.WA_Hover) and viewport.underMouse():
            hovered = view.indexAt(viewport.mapFromGlobal(QCursor.pos()))
            if hovered.isValid():
                key = (hovered.row(), hovered.column())
                found[key] = found.get(key, 0) | _MOUSE_OVER
        return found

    def _special_option(self, base: QStyleOptionViewItem, row: int, column: int, x: int,
                        top: int, width: int, height: int, selected: bool,
                        special: dict[tuple[int, int], int]
                        ) -> tuple[QStyleOptionViewItem, QModelIndex]:
        state = base.state.value | special[(row, column)] | (_SELECTED if selected else 0)
        option = self._option_for(base, row, QRect(x, top, width, height), state)
        return option, self.view.model().index(row, column)

    # --- painting ahead -------------------------------------------------------------------
    def _schedule_ahead(self, *_args: Any) -> None:
        self._ahead.start()  # (without the scroll value: start(int) would set the interval)

    def paint_ahead(self) -> None:
        """Paints the rows below, then above, the viewport into the cache, a slice at a time."""
        view = self.view
        rows = view.model().rowCount()
        first = view.rowAt(0)
        if rows == 0 or first < 0 or not view.isVisible():
            return
        last = view.rowAt(view.viewport().height() - 1)
        last = rows - 1 if last < 0 else last
        shown = last - first + 1
        upwards = first < self._last_first
        self._last_first = first
        # where the user goes: two viewports (slack for a turn cut short), then one back
        below = range(last + 1, min(rows, last + 1 + shown * (1 if upwards else 2)))
        above = range(first - 1, max(-1, first - 1 - shown * (2 if upwards else 1)), -1)
        wanted = [*above, *below] if upwards else [*below, *above]
        deadline = time.perf_counter() + IDLE_BUDGET_S
        base = QStyleOptionViewItem()
        view.initViewItemOption(base)
        ratio = view.viewport().devicePixelRatioF()
        for row in wanted:
            option = self._row_option(base, row)
            key = (row, 0, view.columnWidth(0), option.rect.height(),
                   option.state.value & _STATE_MASK, ratio, self.generation)
            if key in self._images:
                continue
            if time.perf_counter() > deadline:
                self._ahead.start()  # the rest at the next idle turn
                return
            self._render_row(row, option, ratio)

    def _row_option(self, base: QStyleOptionViewItem, row: int) -> QStyleOptionViewItem:
        """The option the view would paint ``row`` with (its selection, its colour)."""
        view = self.view
        state = base.state.value & ~(_SELECTED | _UNCACHED)
        selection = view.selectionModel()
        if selection is not None and selection.isRowSelected(row, QModelIndex()):
            state |= _SELECTED
        return self._option_for(base, row, QRect(0, 0, view.columnWidth(0),
                                                 view.rowHeight(row)), state)

    def _option_for(self, base: QStyleOptionViewItem, row: int, rect: QRect, state: int
                    ) -> QStyleOptionViewItem:
        """``base`` for a cell of ``row``: its rectangle, its state, the row's colour."""
        option = QStyleOptionViewItem(base)
        option.rect = rect
        option.state = QStyle.StateFlag(state)
        features = option.features.value & ~_ALTERNATE
        if self.view.alternatingRowColors() and row & 1:
            features |= _ALTERNATE
        option.features = QStyleOptionViewItem.ViewItemFeature(features)
        return option


class _StyleWatch(QObject):
    """A new font, palette, style or language changes how every cell looks."""

    def __init__(self, delegate: CachedCellDelegate) -> None:
        super().__init__(delegate)
        self.delegate = delegate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _RESET_EVENTS:
            self.delegate.invalidate()
        return False
