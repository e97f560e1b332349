"""Signing in and out from the window: nothing on the GUI thread waits for the network,
nothing queued is wiped or handed to another person (the CLI's exit 11 rules, asked of
the same core functions), and an unreachable server, a cancelled sign-in and a new
server in the settings are each said plainly."""

from __future__ import annotations

import socket
import threading
from typing import Any

from PySide6.QtCore import Qt, QTimer

from eoffice_client.core.app.session import SessionApi
from eoffice_client.core.messages import tr
from eoffice_client.core.store import meta
from eoffice_client.core.sync import state
from tests.gui.conftest import shoot

SERVER = "https://eoffice.example.gov.vn"


def tie_cache(controller: Any, username: str = "vanthu", server: str = SERVER) -> None:
    """The sample cache as one a sign-in of ``username`` at ``server`` filled."""
    with controller.window.app.context.store.write() as conn:
        meta.set_meta(conn, state.SERVER, server)
        meta.set_meta(conn, state.USERNAME, username)


def unsent(controller: Any) -> int:
    return len(controller.client.reads.outbox())


def queue_changes(controller: Any, count: int = 3) -> list[str]:
    """``count`` changes queued offline (read marks), as a person's work waiting to go."""
    app = controller.window.app
    return [app.changes.act(doc_id, "mark_read", {})
            for doc_id in controller.window.documents.model.ids[:count]]


def test_wipe_refused_while_queued_with_the_clis_message(filled_profile: Any,
                                                        open_window: Any) -> None:
    controller = open_window(filled_profile(30))
    window, session = controller.window, controller.window.session_controller
    queue_changes(controller)
    queued = unsent(controller)
    assert queued == 3
    refused: list[str] = []
    session.refuse = lambda _title, text: refused.append(text)
    session.do_sign_out(True)
    assert refused == [tr("logout.queued", count=queued)]  # the CLI's exit-11 text
    assert session.sign_out_task is None and unsent(controller) == queued
    assert controller.profile.db_path.is_file()
    assert window.isVisible()


def test_wipe_refused_while_the_count_is_unknown(filled_profile: Any, open_window: Any,
                                                monkeypatch: Any) -> None:
    controller = open_window(filled_profile(20))
    session = controller.window.session_controller
    refused: list[str] = []
    session.refuse = lambda _title, text: refused.append(text)
    monkeypatch.setattr(SessionApi, "unsent_count", lambda _self: None)
    session.do_sign_out(True)
    assert refused == [tr("logout.queued_unknown")]
    assert controller.profile.db_path.is_file()


def test_sign_out_runs_off_the_gui_thread_and_wipes_when_nothing_waits(
        filled_profile: Any, open_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    controller = open_window(filled_profile(20))
    window, session = controller.window, controller.window.session_controller
    for entry in controller.client.reads.outbox():
        controller.client.changes.cancel(entry.id)
    assert unsent(controller) == 0
    threads: list[bool] = []
    logout = SessionApi.logout

    def watched(self: SessionApi, **kwargs: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return logout(self, **kwargs)

    monkeypatch.setattr(SessionApi, "logout", watched)
    window.interactive = False
    with qtbot.waitSignal(session.signedOut, timeout=20000) as blocker:
        session.do_sign_out(True)
        assert session.sign_out_task is not None
        assert session.sign_out_task.label == "Đang đăng xuất…"
    assert threads == [False] and blocker.args == [True]
    assert window.app.session.status().documents == 0  # the window reads an empty cache
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: session.sign_in_dialog is not None, timeout=5000)
    session.sign_in_dialog.reject()


def test_sign_in_as_another_user_is_refused_and_the_queue_survives(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    controller = open_window(filled_profile(30))
    window, session = controller.window, controller.window.session_controller
    tie_cache(controller)
    queue_changes(controller)
    before = [e.id for e in controller.client.reads.outbox()]
    assert len(before) == 3
    session.ask_sign_in(SERVER)
    dialog = session.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("lanhdao")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    # refused before the server is asked: no task, the reason and the way out
    assert session.sign_in_task is None and not window.runner.busy()
    assert dialog.isVisible()
    assert dialog.error.text() == tr("sync.other_identity", user="vanthu", server=SERVER)
    assert dialog.other_profile.isVisible() and dialog.username.text() == "lanhdao"
    shoot(dialog, "sign-in-refused-other-user")
    assert [e.id for e in controller.client.reads.outbox()] == before
    dialog.reject()
    assert [e.id for e in controller.client.reads.outbox()] == before


def test_unreachable_server_plain_message_the_dialog_grows(filled_profile: Any,
                                                           open_window: Any,
                                                           qtbot: Any) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = open_window(filled_profile(10))
    session = controller.window.session_controller
    session.ask_sign_in(f"http://127.0.0.1:{port}")
    dialog = session.sign_in_dialog
    dialog.username.setText("vanthu")
    qtbot.keyClicks(dialog.password, "demo")
    short = dialog.height()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=20000)
    text = dialog.error.text()
    assert text.startswith("Không kết nối được máy chủ") and "Error" not in text, text
    assert "ConnectionError" not in text and "Exception" not in text  # no class names
    assert dialog.isVisible() and dialog.username.text() == "vanthu"
    assert dialog.height() > short  # grown to show the message in full
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
    shoot(dialog, "sign-in-unreachable")
    dialog.reject()


def test_cancel_while_the_server_says_nothing_then_not_signed_in(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    silent = socket.socket()  # accepts connections and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    controller = open_window(filled_profile(10))
    window, session = controller.window, controller.window.session_controller
    try:
        session.ask_sign_in(f"http://127.0.0.1:{silent.getsockname()[1]}")
        dialog = session.sign_in_dialog
        dialog.username.setText("vanthu")
        qtbot.keyClicks(dialog.password, "demo")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert session.sign_in_task is not None and not dialog.sign_in_button.isEnabled()
        cancel = next(b for b in dialog.buttons.buttons() if b is not dialog.sign_in_button
                      and b is not dialog.other_profile)
        assert cancel.isEnabled()
        cancel.click()
        assert not dialog.isVisible() and session.sign_in_task is None  # at once
        assert window.status_bar.online_label.text() == "Chưa đăng nhập"
        assert window.status_bar.sign_in_button.isVisible()
        assert "Đăng nhập" in window.status_bar.currentMessage()
        shoot(window, "not-signed-in")
    finally:
        silent.close()
    window.wait_idle(20)
    assert not controller.window.app.session.signed_in()


def test_sync_now_while_signed_out_says_so(filled_profile: Any, open_window: Any,
                                           qtbot: Any) -> None:
    controller = open_window(filled_profile(10))
    window = controller.window
    window.commands.sync.trigger()
    assert window.sync_controller.task is None  # nothing tried
    assert window.status_bar.currentMessage().startswith("Chưa đăng nhập")
    qtbot.waitUntil(lambda: window.session_controller.sign_in_dialog is not None
                    and window.session_controller.sign_in_dialog.isVisible(), timeout=5000)
    window.session_controller.sign_in_dialog.reject()
    assert window.status_bar.sign_in_button.isVisible()


def test_settings_refuse_http_and_say_a_new_server_needs_a_sign_in(
        filled_profile: Any, open_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from eoffice_client.ui.dialogs.settings import SettingsDialog

    controller = open_window(filled_profile(10))
    window, session = controller.window, controller.window.session_controller
    tie_cache(controller)
    queue_changes(controller, 1)
    settings = controller.profile.load_settings()
    settings.server = SERVER
    controller.profile.save_settings(settings)
    session.settings = settings
    dialog = SettingsDialog(settings, window, check_server=session._check_new_server)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText("http://eoffice.other.gov.vn")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.notice.text() == tr("api.insecure_server", server="http://eoffice.other.gov.vn")
    # another server while this profile holds unsent changes: the sign-in rule, at once
    dialog.server.setText("https://eoffice.other.gov.vn")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.notice.text() == tr("sync.other_identity", user="vanthu", server=SERVER)
    for entry in controller.client.reads.outbox():
        controller.client.changes.cancel(entry.id)
    dialog.accept()  # now: what it means, said before anything is saved
    assert dialog.isVisible() and "https://eoffice.other.gov.vn" in dialog.notice.text()
    assert dialog.save_button.text() == "Lưu và đăng nhập"
    shoot(dialog, "settings-new-server")
    assert controller.profile.load_settings().server == SERVER  # nothing saved yet
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_settings_new_server_asks_for_the_sign_in(filled_profile: Any, open_window: Any,
                                                  qtbot: Any, monkeypatch: Any) -> None:
    from eoffice_client.ui.dialogs import settings as settings_module

    controller = open_window(filled_profile(10))
    session = controller.window.session_controller
    for entry in controller.client.reads.outbox():
        controller.client.changes.cancel(entry.id)
    loopback = "http://127.0.0.1:8765"  # plain http is allowed on this machine

    class Typed(settings_module.SettingsDialog):
        def exec(self) -> int:
            self.server.setText(loopback)
            self.accept()
            self.accept()  # the second Save confirms the new server
            return self.result()

    monkeypatch.setattr(settings_module, "SettingsDialog", Typed)
    session.edit_settings()
    assert controller.profile.load_settings().server == loopback
    qtbot.waitUntil(lambda: session.sign_in_dialog is not None
                    and session.sign_in_dialog.isVisible(), timeout=5000)
    assert session.sign_in_dialog.server.text() == loopback
    session.sign_in_dialog.reject()


def _answer_box(qtbot: Any, button_text: str) -> list[str]:
    """Clicks ``button_text`` in the next message box once it is open; its text is kept."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(20, click)
    return seen


def test_profile_switch_keeps_the_queue_and_offers_to_sync_first(
        filled_profile: Any, open_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from eoffice_client.core.app.application import App

    controller = open_window(filled_profile(20))
    first = controller.profile
    second = filled_profile(10, user="lanhdao", name="second")
    session = controller.window.session_controller
    queued = queue_changes(controller, 2)
    chosen: list[str] = []

    def choose(*_args: Any) -> str:
        chosen.append("asked")
        return str(second.root)

    monkeypatch.setattr("eoffice_client.ui.window.session_controller.QFileDialog"
                        ".getExistingDirectory", choose)
    said = _answer_box(qtbot, "Đồng bộ trước")
    with qtbot.waitSignal(session.syncWanted, timeout=5000):
        session.switch_profile()
    assert said and "2 thay đổi" in said[0] and not chosen  # no switch: sync first
    said = _answer_box(qtbot, "Đổi hồ sơ, giữ chúng ở đây")
    with qtbot.waitSignal(session.profileSwitchRequested, timeout=5000) as blocker:
        session.switch_profile()
    assert chosen and blocker.args == [str(second.root)]
    qtbot.waitUntil(lambda: controller.profile.root == second.root, timeout=10000)
    with App(first) as old:  # the queue stayed where it was made
        assert [e.id for e in old.reads.outbox()] == queued


def test_sign_out_waits_for_the_core_to_know_the_queue(filled_profile: Any, open_window: Any,
                                                      qtbot: Any) -> None:
    controller = open_window(filled_profile(10), wait=False)
    window = controller.window
    assert not window.app.opened  # the first paint comes before the core
    window.session_controller.sign_out()  # no question, no wipe: the queue is not known
    assert window.status_bar.currentMessage().startswith("Dữ liệu trên máy đang được nạp")
    assert window.session_controller.sign_out_task is None
    qtbot.waitUntil(lambda: window.core_ready, timeout=30000)


def test_a_refused_wipe_offers_to_sync_first(filled_profile: Any, open_window: Any,
                                             qtbot: Any) -> None:
    controller = open_window(filled_profile(10))
    session = controller.window.session_controller
    queue_changes(controller, 1)
    said = _answer_box(qtbot, "Đồng bộ ngay")
    with qtbot.waitSignal(session.syncWanted, timeout=5000):
        session.do_sign_out(True)
    assert said == [tr("logout.queued", count=1)] and unsent(controller) == 1
