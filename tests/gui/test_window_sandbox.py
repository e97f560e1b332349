"""The window against the REAL sandbox server: sign in, first sync, a document and its PDF,
acting offline and draining the queue, a conflict shown and resolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from eoffice_client.config import Profile
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from tests.gui.conftest import Caller, shoot

SYNC_TIMEOUT_MS = 60_000


def signed_in_window(open_window: Any, qtbot: Any, sandbox: Any, folder: Path,
                     username: str) -> Any:
    """A new profile pointed at the sandbox; the user signs in through the dialog."""
    profile = Profile.at(folder / username)
    settings = profile.load_settings()
    settings.server = sandbox.url
    profile.save_settings(settings)
    controller = open_window(profile, interactive=True, wait=False)
    window = controller.window
    qtbot.waitUntil(lambda: window.session_controller.sign_in_dialog is not None
                    and window.session_controller.sign_in_dialog.isVisible(), timeout=30000)
    dialog = window.session_controller.sign_in_dialog
    assert dialog.server.text() == sandbox.url
    if username == "vanthu":
        shoot(dialog, "sign-in-dialog")
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, "demo")
    with qtbot.waitSignal(window.sync_controller.finished, timeout=SYNC_TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not isinstance(blocker.args[0], BaseException), blocker.args[0]
    qtbot.waitUntil(lambda: not dialog.isVisible() and window.documents.model.rowCount() > 0,
                    timeout=SYNC_TIMEOUT_MS)
    return controller


def sync(window: Any, qtbot: Any) -> Any:
    qtbot.waitUntil(lambda: window.sync_controller.task is None, timeout=SYNC_TIMEOUT_MS)
    with qtbot.waitSignal(window.sync_controller.finished, timeout=SYNC_TIMEOUT_MS) as blocker:
        window.sync_controller.start()
    return blocker.args[0]


def has_ink(widget: Any) -> bool:
    image = widget.grab().toImage()
    return any(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


def find_document(controller: Any, predicate: Any) -> dict[str, Any]:
    client = controller.client
    from eoffice_client.core.app.types import DocumentQuery

    for doc_id in client.reads.document_ids(DocumentQuery(limit=None, box="all")):
        doc = client.reads.document_json(doc_id)
        if doc is not None and predicate(doc):
            return doc
    raise AssertionError("no such document in the sample data")


def select(window: Any, qtbot: Any, doc_id: str) -> None:
    if window.documents.model.position_of(doc_id) < 0:
        with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
            window.boxes.setCurrentRow(7)  # all documents
    qtbot.waitUntil(lambda: window.documents.model.position_of(doc_id) >= 0, timeout=10000)
    window.documents.table.selectRow(window.documents.model.position_of(doc_id))
    qtbot.waitUntil(lambda: getattr(window.pane.view.doc, "id", None) == doc_id,
                    timeout=10000)


def test_sign_in_first_sync_document_and_pdf(sandbox: Any, open_window: Any, qtbot: Any,
                                            tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "vanthu")
    window = controller.window
    assert window.sync_controller.online is True
    qtbot.waitUntil(lambda: "all" in window.boxes.counts and window.boxes.counts["all"].total > 0,
                    timeout=10000)
    assert window.boxes.counts["incoming"].total == window.documents.model.rowCount()
    assert window.status_bar.online_label.text() == "Trực tuyến"
    assert not window.status_bar.sign_in_button.isVisible()  # signed in: no "Sign in…"
    assert f"— {controller.client.session.me().full_name}" in window.windowTitle()
    doc = find_document(controller, lambda d: d["attachments"] and not d["secrecy"])
    select(window, qtbot, doc["id"])
    window.pane.view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.pane.view.pdf.document.pageCount() > 0, timeout=20000)
    assert window.pane.view.pdf.page_label.text().startswith("Trang 1/")
    window.pane.view.pdf.zoom_in()

    qtbot.waitUntil(lambda: has_ink(window.pane.view.pdf.view), timeout=20000)  # rendered
    shoot(window, "document-with-pdf")
    window.pane.view.tabs.setCurrentIndex(3)
    from eoffice_client.ui.actions.offered import action_label

    first = window.pane.view.doc.history[0].action
    assert action_label(first) in window.pane.view.history.toPlainText()


def test_act_offline_then_queue_drains(sandbox: Any, open_window: Any, qtbot: Any,
                                       tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "vanthu")
    window, client = controller.window, controller.client
    doc = find_document(controller, lambda d: d["status"] == "received" and not d["secrecy"])
    year = today_vietnam().year
    register = next(r for r in client.reads.directory().registers.values()
                    if r.direction == "incoming" and r.year == year and not r.secret)
    sandbox.stop()
    window.reader.timer.setInterval(0)  # the read mark of the document opened, at once
    select(window, qtbot, doc["id"])
    qtbot.waitUntil(lambda: bool(client.reads.document_json(doc["id"])["read"]), timeout=10000)
    assert window.commands.document_actions["register"].isEnabled()
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        window.actions_controller.queue("register", [doc], {"register_id": register.id})
    outcome = sync(window, qtbot)
    assert isinstance(outcome, BaseException)
    assert window.sync_controller.online is False
    assert window.sync_controller.retry.isActive()  # a quiet round again in a minute
    assert window.status_bar.online_label.text() == "Ngoại tuyến"
    position = window.documents.model.position_of(doc["id"])
    model = window.documents.model
    qtbot.waitUntil(lambda: "chờ đồng bộ" in (model.data(
        model.index(model.position_of(doc["id"]), 6)) or ""), timeout=10000)
    assert position >= 0
    assert client.reads.document_json(doc["id"])["status"] == "registered"  # the optimistic effect
    # the register, and the read mark of the document opened when it was unread
    queued = 1 if doc["read"] else 2
    assert f"{queued} thay đổi chờ đồng bộ" in window.status_bar.queue_button.text()
    shoot(window, "queued-offline")
    sandbox.start()
    with qtbot.waitSignal(window.sync_controller.finished, timeout=60000) as back:
        window.sync_controller.retry.start(10)  # the minute has passed: the retry's round
    assert not isinstance(back.args[0], BaseException), back.args[0]
    assert not window.sync_controller.retry.isActive()
    assert client.reads.outbox() == []
    fresh = client.reads.document_json(doc["id"])
    assert fresh["status"] == "registered" and fresh["arrival_number"]
    assert fresh["pending_changes"] == 0
    assert window.status_bar.online_label.text() == "Trực tuyến"
    qtbot.waitUntil(lambda: "Không có thay đổi" in window.status_bar.queue_button.text(),
                    timeout=10000)


def test_conflict_shown_and_applied_again(sandbox: Any, open_window: Any, qtbot: Any,
                                          tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "lanhdao")
    window, client = controller.window, controller.client
    me = client.session.me().as_json()
    doc = find_document(controller, lambda d: "extend" in workflow.allowed_actions(d, me))
    # Someone changes the document on the server after this client last saw it.
    other = Caller(sandbox, "lanhdao")
    later = (today_vietnam() + dt.timedelta(days=20)).isoformat()
    other.act(doc, "extend", {"due_date": later, "reason": "Theo đề nghị của đơn vị"})
    mine = (today_vietnam() + dt.timedelta(days=10)).isoformat()
    select(window, qtbot, doc["id"])
    window.sync_controller.online = False  # no sync right after queueing: the test drives it
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        window.actions_controller.queue("extend", [doc],
                                        {"due_date": mine, "reason": "Cần thêm thời gian"})
    sync(window, qtbot)
    entries = client.reads.outbox()
    assert [e.state for e in entries] == ["conflict"]
    assert "1 sự cố đồng bộ" in window.status_bar.queue_button.text()
    window.sync_controller.show_issues()
    dialog = window.sync_controller.issues_dialog
    assert dialog.table.rowCount() == 1 and dialog.retry_button.isEnabled()
    details = dialog.details.toPlainText()
    assert "Trên máy chủ" in details and "Bản trên máy bạn" in details
    shoot(dialog, "sync-issues-conflict")
    with qtbot.waitSignal(window.sync_controller.finished, timeout=SYNC_TIMEOUT_MS):
        dialog.retry_button.click()  # a new request on the server's current state
    qtbot.waitUntil(lambda: window.sync_controller.task is None, timeout=SYNC_TIMEOUT_MS)
    assert client.reads.outbox() == []
    assert client.reads.document_json(doc["id"])["due_date"] == mine
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10000)
    dialog.close()


def test_conflict_dropped(sandbox: Any, open_window: Any, qtbot: Any, tmp_path: Path,
                          monkeypatch: Any) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "lanhdao")
    window, client = controller.window, controller.client
    me = client.session.me().as_json()
    doc = find_document(controller, lambda d: "extend" in workflow.allowed_actions(d, me))
    later = (today_vietnam() + dt.timedelta(days=30)).isoformat()
    mine = (today_vietnam() + dt.timedelta(days=31)).isoformat()  # another date: a conflict
    Caller(sandbox, "lanhdao").act(doc, "extend", {"due_date": later})
    window.sync_controller.online = False
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        window.actions_controller.queue("extend", [doc], {"due_date": mine})
    sync(window, qtbot)
    [entry] = client.reads.outbox()
    assert entry.state == "conflict"
    monkeypatch.setattr("eoffice_client.ui.window.sync_controller.confirm", lambda *a, **k: True)
    window.sync_controller.show_issues()
    window.sync_controller.issues_dialog.drop_button.click()
    assert client.reads.outbox() == []
    assert client.reads.document_json(doc["id"])["due_date"] == later  # the server's state is kept
    window.sync_controller.issues_dialog.close()
