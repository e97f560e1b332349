"""The features put in the window (ui/window/features.py): the dashboard page and its
way back to the list, and the registers', reports' and edXML commands by role."""

from __future__ import annotations

from typing import Any

from tests.gui.conftest import shoot


def test_the_dashboard_page_and_a_card_back_to_its_list(qtbot: Any, open_window: Any,
                                                        filled_profile: Any) -> None:
    window = open_window(filled_profile(200, "lanhdao")).window
    page = window.features.dashboard
    assert page.action.isVisible() and not page.showing
    assert page.view is None  # made when first shown, not at the window's start
    page.action.trigger()
    with qtbot.waitSignal(page.view.countsShown, timeout=20000):
        pass  # the counts, off the GUI thread
    assert page.showing and not window.documents.isVisible()
    counts = window.app.reads.box_counts()
    card = page.view.cards["to_sign"]
    assert counts["to-sign"].total > 0
    assert card.count == counts["to-sign"].total
    shoot(window, "window-dashboard")

    with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
        card.click()
    assert not page.showing and window.documents.isVisible()
    assert window.boxes.current_box() == "to-sign"
    assert window.documents.model.rowCount() == counts["to-sign"].total


def test_commands_follow_the_role(qtbot: Any, open_window: Any, filled_profile: Any) -> None:
    clerk = open_window(filled_profile(40, "vanthu", name="clerk")).window.features
    assert clerk.import_edxml.isVisible() and clerk.export_reports.isVisible()
    assert clerk.export_edxml.isVisible() and clerk.edxml_status.isVisible()
    officer = open_window(filled_profile(40, "chuyenvien", name="officer")).window.features
    assert not officer.import_edxml.isVisible() and not officer.export_reports.isVisible()
    assert not officer.export_edxml.isVisible()
    assert officer.dashboard.action.isVisible()
