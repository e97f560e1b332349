"""A dashboard click in the window opens a list of exactly the documents its figure
counted, says so on a chip above the table, and the chip's ✕ (or another box, or the
dashboard again) shows the whole box again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from eoffice_client.ui.dashboard.charts import BarChart
from eoffice_client.ui.dashboard.selection import (
    card_selection,
    unit_selection,
    waiting_selection,
    week_selection,
)
from tests.gui.conftest import shoot


def open_dashboard(qtbot: Any, window: Any) -> Any:
    """The dashboard page with every figure counted."""
    page = window.features.dashboard
    if page.view is None:
        page.action.trigger()
        with qtbot.waitSignal(page.view.loaded, timeout=30000):
            pass
    else:
        page.view.figures = None
        with qtbot.waitSignal(page.view.loaded, timeout=30000):
            page.action.trigger()
            page.view.refresh()
    assert page.showing and page.view.figures is not None
    return page


def click_and_list(qtbot: Any, window: Any, click: Any) -> int:
    with qtbot.waitSignal(window.documents.listLoaded, timeout=15000):
        click()
    assert not window.features.dashboard.showing
    return int(window.documents.model.rowCount())


def click_bar(qtbot: Any, chart: BarChart, index: int) -> None:
    rect = chart.bar_rects()[index]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def remove_chip(qtbot: Any, window: Any) -> int:
    chip = window.documents.chip
    assert chip.isVisible()
    return click_and_list(qtbot, window, lambda: qtbot.mouseClick(
        chip.remove_button, Qt.MouseButton.LeftButton))


@pytest.fixture
def window(open_window: Any, filled_profile: Any, vietnamese_ui: None) -> Any:
    return open_window(filled_profile(300, "lanhdao"), lang="vi").window


def test_a_unit_bar_lists_that_units_overdue_documents(qtbot: Any, window: Any) -> None:
    page = open_dashboard(qtbot, window)
    units = page.view.figures.overdue_by_unit
    assert len(units) >= 2  # so one unit is less than the whole box
    first = units[0]
    rows = click_and_list(qtbot, window, lambda: click_bar(qtbot, page.view.by_unit, 0))
    documents = window.documents
    assert window.boxes.current_box() == "overdue"
    assert rows == first.count > 0
    name = first.name or "Chưa giao đơn vị"
    assert documents.chip.isVisible() and documents.chip.text == f"Đơn vị: {name}"
    assert documents.query.unit is not None and documents.query.unit.unit_id == first.unit_id
    shoot(window, "dashboard-unit-narrowed-list")
    whole = remove_chip(qtbot, window)
    assert whole == window.app.reads.box_counts()["overdue"].total == page.view.figures.overdue
    assert whole > rows and not documents.chip.isVisible() and documents.query.unit is None


def test_the_unread_card_lists_the_unread_incoming(qtbot: Any, window: Any) -> None:
    page = open_dashboard(qtbot, window)
    figures = page.view.figures
    rows = click_and_list(qtbot, window, page.view.cards["unread_incoming"].click)
    documents = window.documents
    assert window.boxes.current_box() == "incoming"
    assert rows == figures.unread_incoming > 0
    assert documents.chip.text == "Chỉ chưa đọc" and documents.query.unread_only
    shown = window.app.reads.rows(list(documents.model.ids))
    assert len(shown) == rows and not any(row.read for row in shown.values())
    whole = remove_chip(qtbot, window)
    assert whole == window.app.reads.box_counts()["incoming"].total >= rows
    assert not documents.query.unread_only and not documents.chip.isVisible()


def test_clear_filters_also_drops_the_dashboards_narrowing(qtbot: Any, window: Any) -> None:
    page = open_dashboard(qtbot, window)
    rows = click_and_list(qtbot, window, page.view.cards["unread_incoming"].click)
    documents = window.documents
    assert documents.chip.isVisible() and documents.query.unread_only
    whole = click_and_list(qtbot, window, lambda: qtbot.mouseClick(
        documents.filters.clear_button, Qt.MouseButton.LeftButton))
    assert whole == window.app.reads.box_counts()["incoming"].total >= rows
    assert not documents.chip.isVisible() and not documents.query.unread_only


def test_the_due_soon_card_lists_what_is_due_soon(qtbot: Any, window: Any) -> None:
    page = open_dashboard(qtbot, window)
    figures = page.view.figures
    assert figures.due_soon_until is not None
    rows = click_and_list(qtbot, window, page.view.cards["due_soon"].click)
    documents = window.documents
    assert rows == figures.due_soon > 0
    assert documents.chip.text == "Hạn xử lý: {}–{}".format(
        figures.today.strftime("%d/%m"), figures.due_soon_until.strftime("%d/%m"))
    assert (documents.query.due_from, documents.query.due_to) == (figures.today,
                                                                   figures.due_soon_until)
    whole = remove_chip(qtbot, window)
    assert whole == window.app.reads.box_counts()["all"].total > rows


def test_a_waiting_bar_lists_those_waiting_that_long(qtbot: Any, window: Any) -> None:
    page = open_dashboard(qtbot, window)
    buckets = page.view.figures.waiting_on_leaders
    index = next(n for n, bucket in enumerate(buckets) if bucket.count)
    bucket = buckets[index]
    rows = click_and_list(qtbot, window, lambda: click_bar(qtbot, page.view.waiting, index))
    assert rows == bucket.count
    assert window.documents.query.waiting_on_leader == (bucket.min_days, bucket.max_days)
    assert window.documents.chip.text.startswith("Chờ lãnh đạo: ")


def test_another_box_or_the_dashboard_again_clears_the_narrowing(qtbot: Any,
                                                                 window: Any) -> None:
    page = open_dashboard(qtbot, window)
    click_and_list(qtbot, window, lambda: click_bar(qtbot, page.view.by_unit, 0))
    documents = window.documents
    assert documents.narrowing and documents.chip.isVisible()
    row = next(n for n in range(window.boxes.count())
               if window.boxes.item(n).data(Qt.ItemDataRole.UserRole) == "all")
    with qtbot.waitSignal(documents.listLoaded, timeout=15000):
        window.boxes.setCurrentRow(row)
    assert not documents.narrowing and not documents.chip.isVisible()
    assert documents.model.rowCount() == window.app.reads.box_counts()["all"].total
    click_and_list(qtbot, window, page.view.cards["unread_incoming"].click)
    assert documents.chip.isVisible()
    page.action.trigger()  # the dashboard again
    assert page.showing and not documents.narrowing and not documents.chip.isVisible()


def test_the_chip_speaks_english(qtbot: Any, open_window: Any, filled_profile: Any,
                                 english_ui: None) -> None:
    window = open_window(filled_profile(120, "lanhdao", name="en"), lang="en").window
    page = open_dashboard(qtbot, window)
    click_and_list(qtbot, window, page.view.cards["unread_incoming"].click)
    assert window.documents.chip.text == "Unread only"
    assert window.documents.chip.remove_button.toolTip() == "Show the whole box again"


def test_every_selection_queries_as_many_documents_as_its_figure(qtbot: Any,
                                                                 window: Any) -> None:
    page = open_dashboard(qtbot, window)
    figures, reads = page.view.figures, window.app.reads
    counts = {"unread_incoming": figures.unread_incoming, "to_sign": figures.to_sign,
              "to_process": figures.to_process, "overdue": figures.overdue,
              "due_soon": figures.due_soon}
    selections = [(card_selection(key, figures.today, key, figures.due_soon_until), count)
                  for key, count in counts.items()]
    selections += [(unit_selection(u.unit_id, u.name, u.name), u.count)
                   for u in figures.overdue_by_unit]
    selections += [(waiting_selection(b.min_days, b.max_days, b.key), b.count)
                   for b in figures.waiting_on_leaders]
    selections += [(week_selection(w.week_start, ""), w.count) for w in figures.weekly_intake]
    assert len(selections) > len(counts) and sum(count for _, count in selections) > 0
    for selection, count in selections:
        query = selection.filters.list_query(selection.box)
        assert len(reads.document_ids(query)) == count, selection
