"""Sync states a person understands: the first sync fills the list as pages land, progress
in words, a conflict's badge on the sync button (and no warning without one), plain words,
a change already done elsewhere is a note and not a conflict, the default button can
succeed. Against the REAL sandbox server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from eoffice_client.config import Profile
from eoffice_client.core.app.types import OutboxEntry
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.ui.sync_issues import SyncIssuesDialog
from tests.gui.conftest import Caller, shoot
from tests.gui.test_window_sandbox import SYNC_TIMEOUT_MS, find_document, signed_in_window, sync


def test_first_sync_shows_documents_arriving_and_fills_as_pages_land(
        sandbox_factory: Any, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    server = sandbox_factory(documents=1600)
    profile = Profile.at(tmp_path / "first")
    settings = profile.load_settings()
    settings.server = server.url
    profile.save_settings(settings)
    window = open_window(profile, interactive=True, wait=False).window
    qtbot.waitUntil(lambda: window.session_controller.sign_in_dialog is not None
                    and window.session_controller.sign_in_dialog.isVisible(), timeout=30000)
    assert window.toolbar.conflicts == 0 and window.commands.sync_issues.icon().isNull()
    window.sync_controller.landed.setInterval(0)  # every page, so the test sees them
    hints: list[str] = []
    rows_during_sync: list[int] = []
    progress: list[str] = []
    window.sync_controller.arrivingChanged.connect(
        lambda on: hints.append(window.documents.hint.text()) if on else None)
    window.documents.listLoaded.connect(lambda: rows_during_sync.append(
        window.documents.model.rowCount()) if window.sync_controller.task else None)
    window.sync_controller.pagesLanded.connect(
        lambda: progress.append(window.status_bar.progress_label.text()))
    dialog = window.session_controller.sign_in_dialog
    qtbot.keyClicks(dialog.username, "vanthu")
    qtbot.keyClicks(dialog.password, "demo")
    with qtbot.waitSignal(window.sync_controller.finished, timeout=SYNC_TIMEOUT_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert hints == ["Văn bản đang về từ máy chủ…"]
    assert rows_during_sync and rows_during_sync[-1] > 0, rows_during_sync
    assert progress and progress[0].startswith("Đang nhận văn bản: đã nhận"), progress
    assert all(p.startswith(("Đang nhận văn bản", "Đang tải tệp")) for p in progress), progress
    assert not any("pull" in p or "files" in p for p in progress)
    qtbot.waitUntil(lambda: window.documents.hint.text().endswith("văn bản"), timeout=10000)
    assert "đang về" not in window.documents.hint.text()


def test_progress_is_in_words_beside_the_bar(filled_profile: Any, open_window: Any) -> None:
    bar = open_window(filled_profile(20)).window.status_bar
    bar.show_progress(236, 634, "files")
    assert bar.progress_label.text() == "Đang tải tệp: 236 / 634"
    assert not bar.progress.isTextVisible()  # no text drawn over the bar's colours
    bar.show_progress(1536, 6144, "files:kb")
    assert bar.progress_label.text() == "Đang tải tệp: 1,5 / 6,0 MB"
    bar.show_progress(500, 0, "pull")
    assert bar.progress_label.text() == "Đang nhận văn bản: đã nhận 500"
    bar.show_progress(0, 3, "push")
    assert bar.progress_label.text() == "Đang gửi thay đổi của bạn: 0 / 3"


def _conflict(sandbox: Any, window: Any, controller: Any, qtbot: Any) -> dict[str, Any]:
    me = controller.client.session.me().as_json()
    doc = find_document(controller, lambda d: "extend" in workflow.allowed_actions(d, me))
    later = (today_vietnam() + dt.timedelta(days=30)).isoformat()
    Caller(sandbox, "lanhdao").act(doc, "extend", {"due_date": later})
    window.sync_controller.online = False  # the test drives the sync
    mine = (today_vietnam() + dt.timedelta(days=31)).isoformat()
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        window.actions_controller.queue("extend", [doc], {"due_date": mine})
    sync(window, qtbot)
    return doc


def test_a_conflict_is_a_badge_on_the_sync_button_in_plain_words(
        sandbox: Any, open_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "lanhdao")
    window = controller.window
    plain_icon = window.commands.sync.icon().cacheKey()
    assert window.toolbar.conflicts == 0 and window.commands.sync_issues.icon().isNull()
    assert window.commands.sync_issues not in window.toolbar.actions()  # no warning button
    _conflict(sandbox, window, controller, qtbot)
    assert window.toolbar.conflicts == 1
    assert window.commands.sync.icon().cacheKey() != plain_icon  # the badge
    assert "cần bạn quyết định" in window.commands.sync.toolTip()
    assert window.commands.sync_issues.text() == "Sự cố đồng bộ (1)"
    assert "cần bạn quyết định" in window.status_bar.currentMessage()
    shoot(window.toolbar, "toolbar-conflict-badge")
    window.sync_controller.show_issues()
    dialog = window.sync_controller.issues_dialog
    details = dialog.details.toPlainText()
    assert "phiên bản" not in details.lower() and "version" not in details.lower()
    assert "Áp dụng lại" in details  # what the user can do
    assert dialog.retry_button.isDefault()  # the document merely changed: applying again works
    shoot(dialog, "sync-issues-plain-words")
    monkeypatch.setattr("eoffice_client.ui.window.sync_controller.confirm", lambda *a, **k: True)
    dialog.drop_button.click()
    dialog.close()
    qtbot.waitUntil(lambda: window.toolbar.conflicts == 0, timeout=10000)
    assert window.commands.sync.icon().cacheKey() != window.commands.sync_issues.icon().cacheKey()
    assert window.commands.sync_issues.icon().isNull()


def test_a_refusal_by_the_rules_defaults_to_dropping(qtbot: Any) -> None:
    dialog = SyncIssuesDialog()
    qtbot.addWidget(dialog)
    entry = OutboxEntry(id="o1", document_id="d1", action="start", kind="action", params={},
                        state="conflict", error_code="invalid_transition", error_detail=None,
                        created_at="2026-12-02T01:30:00Z", attempts=1, subject="Về việc A",
                        local={"status": "assigned", "updated_at": "2026-12-02T01:30:00Z"},
                        server={"status": "completed", "updated_at": "2026-12-02T02:00:00Z"})
    queued = OutboxEntry(id="o2", document_id="d2", action="comment", kind="action",
                         params={}, state="queued", error_code=None, error_detail=None,
                         created_at="2026-12-02T01:31:00Z", attempts=0)
    dialog.set_entries([queued, entry])
    assert dialog.current() == entry  # the one that needs the user first
    assert dialog.drop_button.isDefault() and not dialog.retry_button.isDefault()
    text = dialog.details.toPlainText()
    assert "09:00 02/12/2026" in text and "phiên bản" not in text.lower()
    assert dialog.table.item(1, 3).text() == "08:30 02/12/2026"
    dialog.select("o2")
    assert dialog.close_button.isDefault()


def test_a_change_already_done_elsewhere_is_a_note_not_a_conflict(
        sandbox: Any, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "lanhdao")
    window, client = controller.window, controller.client
    me = client.session.me().as_json()
    doc = find_document(controller, lambda d: "extend" in workflow.allowed_actions(d, me))
    same = (today_vietnam() + dt.timedelta(days=25)).isoformat()
    window.sync_controller.online = False
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        window.actions_controller.queue("extend", [doc], {"due_date": same, "reason": "x"})
    Caller(sandbox, "lanhdao").act(doc, "extend", {"due_date": same, "reason": "x"})
    report = sync(window, qtbot)
    assert report.already_done == 1 and report.conflicts == 0
    assert client.reads.outbox() == []
    message = window.status_bar.currentMessage()
    assert "đã được thực hiện từ trước" in message and "cần bạn quyết định" not in message
    assert window.toolbar.conflicts == 0
