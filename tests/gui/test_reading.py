"""Reading: opening marks read, the title's count explained, "Cần xử lý" holds what the
user can act on, the reading layout, and the window at 1366x768 and 1024x700."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from eoffice_client.config import Settings
from eoffice_client.core.domain import workflow
from eoffice_client.ui.window.document_list import HIDE_ORDER
from tests.gui.conftest import shoot

DUE, STATUS, SUBJECT = 5, 6, 2


def _first_unread(window: Any) -> int:
    model = window.documents.model
    return next(r for r in range(model.rowCount()) if not model.row_at(r).read)


def test_opening_a_document_marks_it_read_quietly(filled_profile: Any, open_window: Any,
                                                  qtbot: Any) -> None:
    window = open_window(filled_profile(60, user="chuyenvien")).window
    unread_before = window.boxes.counts["unread"].total
    row = _first_unread(window)
    doc_id = window.documents.model.ids[row]
    window.documents.table.selectRow(row)
    assert "mark_read" in {n for n, b in window.pane.action_buttons.items() if b.isVisible()}
    qtbot.waitUntil(lambda: window.documents.model.row_at(row).read, timeout=10000)
    assert window.documents.model.ids[row] == doc_id  # the list keeps it where it was
    qtbot.waitUntil(lambda: window.boxes.counts["unread"].total == unread_before - 1,
                    timeout=10000)
    assert window.pane.view.doc.read is True
    assert not window.pane.action_buttons["mark_read"].isVisible()
    assert "mark_read" in [e.action for e in window.app.reads.outbox()]  # queued, to be sent
    assert window.status_bar.currentMessage() == ""  # no message for each document read


def test_the_setting_turns_the_read_mark_off(filled_profile: Any, open_window: Any,
                                             qtbot: Any) -> None:
    window = open_window(filled_profile(60, user="chuyenvien")).window
    window.reader.apply_settings(Settings(mark_read_on_open=False))
    row = _first_unread(window)
    window.documents.table.selectRow(row)
    qtbot.wait(window.reader.timer.interval() + 500)
    window.wait_idle()
    assert not window.documents.model.row_at(row).read
    assert window.app.reads.outbox() == []


def test_arrowing_through_the_list_marks_only_where_the_user_stays(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    window = open_window(filled_profile(60, user="chuyenvien")).window
    model = window.documents.model
    unread = [r for r in range(model.rowCount()) if not model.row_at(r).read][:4]
    for row in unread:
        window.documents.table.selectRow(row)
        qtbot.wait(50)
    qtbot.waitUntil(lambda: model.row_at(unread[-1]).read, timeout=10000)
    assert [model.row_at(r).read for r in unread[:-1]] == [False] * (len(unread) - 1)


def test_the_title_count_says_what_it_counts(filled_profile: Any, open_window: Any) -> None:
    window = open_window(filled_profile(120, user="chuyenvien")).window
    total = window.tray.reminders.total
    assert total
    assert f"{total} việc cần chú ý" in window.windowTitle()
    label = window.status_bar.attention_label
    assert label.text() == f"{total} việc cần chú ý"
    tip = label.toolTip()
    assert "tiêu đề" in tip and ("quá hạn" in tip or "hôm nay" in tip or "khẩn" in tip)


@pytest.mark.parametrize("user", ["chuyenvien", "lanhdao", "vanthu"])
def test_to_process_holds_what_the_user_can_act_on(filled_profile: Any, open_window: Any,
                                                   qtbot: Any, user: str) -> None:
    window = open_window(filled_profile(150, user=user)).window
    with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
        window.boxes.setCurrentRow(4)
    assert window.documents.box == "to-process"
    me = window.app.session.me().as_json()
    ids = window.documents.model.ids
    assert ids
    for doc_id in ids:
        doc = window.app.reads.document_json(doc_id)
        acts = set(workflow.allowed_actions(doc, me)) - {"mark_read", "comment"}
        support = any(a.get("role") == "support" and a.get("status") != "done"
                      for a in doc.get("assignments") or [])
        assert acts or support, (doc["status"], doc.get("pending_with"))
    tip = window.boxes.item(4).toolTip()
    assert tip.startswith("Văn bản bạn có thể xử lý")


def test_reading_layout_gives_the_document_the_window(filled_profile: Any, open_window: Any,
                                                      qtbot: Any) -> None:
    window = open_window(filled_profile(40)).window
    window.resize(1350, 728)
    window.documents.table.selectRow(0)
    qtbot.wait(50)
    before = window.pane.height()
    window.commands.reading_layout.setChecked(True)
    qtbot.waitUntil(lambda: not window.documents.isVisible(), timeout=3000)
    QApplication.processEvents()
    assert not window.boxes.isVisible()
    central = window.centralWidget().height()
    assert window.pane.height() >= 0.95 * central > before
    shoot(window, "reading-layout-1366x768")
    first = window.pane.view.doc.id
    qtbot.keyClick(window.pane.view.tabs, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.pane.view.doc.id != first, timeout=3000)
    assert window.documents.current_id() == window.documents.model.ids[1]
    assert not window.documents.isVisible()  # still reading
    qtbot.keyClick(window.pane.view.tabs, Qt.Key.Key_Escape)
    assert not window.commands.reading_layout.isChecked()
    assert window.documents.isVisible() and window.boxes.isVisible()


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1024, 700)])
def test_the_window_fits_and_keeps_deadline_and_status(filled_profile: Any, open_window: Any,
                                                       qtbot: Any, size: QSize) -> None:
    window = open_window(filled_profile(40)).window
    hint = window.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height(), hint
    window.resize(size - QSize(16, 40))
    qtbot.waitUntil(lambda: window.width() <= size.width(), timeout=3000)
    QApplication.processEvents()
    table = window.documents.table
    header = table.horizontalHeader()
    for column in (SUBJECT, DUE, STATUS):
        assert not header.isSectionHidden(column)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= (
            table.viewport().width()), (column, size)
    assert header.sectionSize(SUBJECT) >= table.fontMetrics().height() * 10
    hidden = [c for c in HIDE_ORDER if header.isSectionHidden(c)]
    assert hidden == list(HIDE_ORDER[:len(hidden)])  # by priority
    shoot(window, f"window-{size.width()}x{size.height()}")
