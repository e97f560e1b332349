"""The dashboard against the REAL sandbox: its cards equal the boxes' counts, its charts
add up, a click on a card or a bar asks for the right list, and it counts off the GUI
thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt

from eoffice_client.core.app.application import App
from eoffice_client.ui.dashboard import DashboardView, ListFilters
from tests.gui.conftest import sandbox, sandbox_factory, shoot
from tests.gui.dash_support import apps, runner, vietnamese

__all__ = ["apps", "runner", "sandbox", "sandbox_factory"]


@pytest.fixture(params=["lanhdao"])
def board(request: pytest.FixtureRequest, sandbox_factory: Callable[..., Any],
          apps: Callable[[Any, str], App], runner: Any, qtbot: Any
          ) -> tuple[DashboardView, App]:
    server = sandbox_factory(documents=120, seed=7)
    app = apps(server, request.param)
    vietnamese()
    view = DashboardView(lambda: app, runner)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        view.refresh()
    return view, app


@pytest.mark.parametrize("board", ["lanhdao", "vanthu", "chuyenvien"], indirect=True)
def test_cards_equal_the_boxes(board: tuple[DashboardView, App]) -> None:
    view, app = board
    boxes = app.reads.box_counts()
    shown = {key: card.count for key, card in view.cards.items()}
    assert shown["unread_incoming"] == boxes["incoming"].unread
    assert shown["to_sign"] == boxes["to-sign"].total
    assert shown["to_process"] == boxes["to-process"].total
    assert shown["overdue"] == boxes["overdue"].total
    assert shown["overdue"] and shown["unread_incoming"]  # the sample has some of each
    figures = view.figures
    assert figures is not None
    assert sum(u.count for u in figures.overdue_by_unit) == boxes["overdue"].total
    assert sum(b.count for b in view.by_unit.bars) == boxes["overdue"].total
    assert view.cards["overdue"].title_label.text() == "Quá hạn"
    shoot(view, f"dashboard-{app.session.me().username}")  # type: ignore[union-attr]


def test_a_card_click_asks_for_its_box(board: tuple[DashboardView, App], qtbot: Any) -> None:
    view, _ = board
    expected = {"unread_incoming": "incoming", "to_sign": "to-sign",
                "to_process": "to-process", "overdue": "overdue", "due_soon": "all"}
    for key, box in expected.items():
        with qtbot.waitSignal(view.openList, timeout=2000) as blocker:
            qtbot.mouseClick(view.cards[key], Qt.MouseButton.LeftButton)
        assert blocker.args[0] == box, key
        assert isinstance(blocker.args[1], ListFilters)
    with qtbot.waitSignal(view.openList, timeout=2000) as blocker:
        qtbot.mouseClick(view.cards["unread_incoming"], Qt.MouseButton.LeftButton)
    assert blocker.args[1].unread_only


def test_a_bar_click_asks_for_that_unit(board: tuple[DashboardView, App], qtbot: Any) -> None:
    view, _ = board
    chart = view.by_unit
    first = view.figures.overdue_by_unit[0] if view.figures else None
    assert first is not None
    centre = chart.bar_rects()[0].center()
    with qtbot.waitSignal(view.openList, timeout=2000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPointF(
            chart.bar_rects()[0].left() + 1, centre.y()).toPoint())
    box, filters = blocker.args
    assert box == "overdue" and filters.by_unit and filters.unit_id == first.unit_id
    week = view.intake
    with qtbot.waitSignal(view.openList, timeout=2000) as blocker:
        qtbot.mouseClick(week, Qt.MouseButton.LeftButton,
                         pos=week.bar_rects()[-1].center().toPoint())
    box, filters = blocker.args
    assert box == "incoming" and filters.date_from == view.figures.weekly_intake[-1].week_start


def test_counting_runs_off_the_gui_thread(board: tuple[DashboardView, App], qtbot: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    view, app = board
    calls: list[tuple[threading.Thread, bool]] = []
    counted = app.reports.dashboard

    def spy(charts: bool = True) -> Any:
        calls.append((threading.current_thread(), charts))
        return counted(charts)

    monkeypatch.setattr(app.reports, "dashboard", spy)
    with qtbot.waitSignal(view.countsShown, timeout=30000):
        view.refresh()
        view.refresh()  # asked again while counting: counted once more afterwards
    qtbot.waitUntil(lambda: not view.busy and len(calls) == 4, timeout=30000)
    assert [charts for _, charts in calls] == [False, True, False, True]  # cards first
    assert all(thread is not threading.main_thread() for thread, _ in calls)


def test_many_units_end_with_other_units(runner: Any, qtbot: Any) -> None:
    import datetime as dt

    from eoffice_client.core.reports.dashboard import AgeBucket, Dashboard, UnitCount

    units = tuple(UnitCount(f"u{n}", f"Phòng {n}", 20 - n) for n in range(12))
    figures = Dashboard(dt.date(2026, 12, 3), 1, 2, 3, sum(u.count for u in units), 4, 3,
                        units, (AgeBucket("0-1", 0, 1, 2),), ())
    vietnamese()
    view = DashboardView(lambda: None, runner)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    view.show_figures(figures)
    chart = view.by_unit
    assert len(chart.bars) == 8 and chart.bars[-1].label == "Các đơn vị khác"
    assert sum(b.count for b in chart.bars) == figures.overdue
    with qtbot.waitSignal(view.openList, timeout=2000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=chart.bar_rects()[-1].center().toPoint())
    assert blocker.args[0] == "overdue" and not blocker.args[1].by_unit
    view.refresh()  # no application API yet: says so, counts nothing
    assert not view.busy and "dữ liệu" in view.state.text()
