"""The table's cell cache (ui/cell_cache.py): same pixels, fresh data, rows painted ahead."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from eoffice_client.ui.cell_cache import CachedCellDelegate


def _grab(table: QTableView) -> QImage:
    return table.viewport().grab().toImage()


def _painted_directly(table: QTableView) -> QImage:
    """The viewport as Qt's own delegate paints it (no cache)."""
    cached = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        return _grab(table)
    finally:
        table.setItemDelegate(cached)


def _cache_of(window: Any) -> CachedCellDelegate:
    delegate = window.documents.table.itemDelegate()
    assert isinstance(delegate, CachedCellDelegate)
    return delegate


def test_cached_cells_look_as_painted_directly(filled_profile: Any, open_window: Any,
                                               qtbot: Any) -> None:
    window = open_window(filled_profile(200)).window
    table, cache = window.documents.table, _cache_of(window)
    table.setFocus()
    table.selectRow(1)  # a selected row, the focused cell, plain and alternate rows
    first = _grab(table)
    hits, misses, fast = cache.hits, cache.misses, cache.fast_paints
    again = _grab(table)
    assert cache.misses == misses and cache.hits > hits  # the second paint copied images
    assert cache.fast_paints == fast + 1  # in one pass, the focused cell painted as is
    assert again == first == _painted_directly(table)


def test_a_change_of_data_is_never_shown_stale(filled_profile: Any, open_window: Any,
                                                qtbot: Any) -> None:
    window = open_window(filled_profile(120)).window
    table, cache = window.documents.table, _cache_of(window)
    vietnamese = _grab(table)
    generation = cache.generation
    window.documents.model.set_language("en")  # every status text changes
    english = _grab(table)
    assert cache.generation > generation
    assert english != vietnamese
    assert english == _painted_directly(table)


def test_rows_ahead_are_painted_while_idle(filled_profile: Any, open_window: Any,
                                           qtbot: Any) -> None:
    window = open_window(filled_profile(300)).window
    table, cache = window.documents.table, _cache_of(window)
    bar = table.verticalScrollBar()
    bar.setValue(0)
    _grab(table)
    rows_shown = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
    below = table.rowAt(table.viewport().height() - 1) + 1
    qtbot.waitUntil(lambda: all(cache.has_row(row) for row in range(below, below + rows_shown)),
                    timeout=5000)
    misses = cache.misses
    bar.setValue(bar.value() + bar.pageStep())
    after_scroll = _grab(table)
    assert cache.misses == misses  # the next viewport came from the cache
    assert after_scroll == _painted_directly(table)


def test_the_cache_stays_within_its_bytes(filled_profile: Any, open_window: Any,
                                          qtbot: Any) -> None:
    window = open_window(filled_profile(400)).window
    table, cache = window.documents.table, _cache_of(window)
    cache.min_bytes = 0  # the bound is then a few viewports
    bar = table.verticalScrollBar()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        table.viewport().repaint()
        QApplication.processEvents()
    assert 0 < cache.cached_bytes() <= cache.budget()
    model = window.documents.model
    assert cache.cached_cells() < model.rowCount() * model.columnCount()


def test_a_partly_exposed_viewport_is_painted_from_the_cache(filled_profile: Any,
                                                            open_window: Any,
                                                            qtbot: Any) -> None:
    """A scroll by a few rows repaints only the strip it exposes: the same pixels."""
    window = open_window(filled_profile(200)).window
    table, cache = window.documents.table, _cache_of(window)
    table.clearFocus()
    _grab(table)
    qtbot.waitUntil(lambda: cache.has_row(table.rowAt(table.viewport().height() - 1) + 3),
                    timeout=5000)
    fast = cache.fast_paints
    table.verticalScrollBar().setValue(table.verticalScrollBar().value() + 3)
    table.viewport().repaint(0, 0, table.viewport().width(), 40)
    after = _grab(table)
    assert cache.fast_paints >= fast + 2
    assert after == _painted_directly(table)

