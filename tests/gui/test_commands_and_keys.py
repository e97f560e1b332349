"""``gui --self-test``, ``--startup-probe`` and ``--demo``; keyboard; registering a paper
document; switching profiles."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import ROOT, shoot


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", EOFFICE_QM_CACHE=str(tmp_path / "qm"),
               HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    return env


def test_self_test_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "eoffice_client", "gui", "--self-test"],
                          cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert done.returncode == 0, done.stdout + done.stderr
    names = [line.split()[1].rstrip(":") for line in lines]
    assert {"resources", "database", "translations", "pdf"} <= set(names)
    assert all(line.startswith("ok") for line in lines)


def test_startup_probe_command(filled_profile: Any, tmp_path: Path) -> None:
    profile = filled_profile(50)
    done = subprocess.run([sys.executable, "-m", "eoffice_client", "--profile",
                           str(profile.root), "gui", "--startup-probe"], cwd=ROOT,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    word, number = done.stdout.split()
    assert word == "first-paint-ms" and 0 < int(number) < 60_000
    # Qt's own chatter (the offscreen plugin's propagateSizeHints) goes to the log only
    assert "propagateSizeHints" not in done.stderr, done.stderr
    log = (profile.logs_dir / "eoffice-gui.log").read_text(encoding="utf-8")
    assert "eoffice.qt" in log


def test_demo_starts_sandbox_and_signs_in(tmp_path: Path, monkeypatch: Any) -> None:
    from eoffice_client.cli import cmd_gui
    from eoffice_client.cli.context import CliContext
    from eoffice_client.core.app.application import App

    seen: dict[str, Any] = {}

    def fake_run_gui(profile: Any, lang: str) -> int:
        with App(profile) as client:
            seen["user"] = client.session.me()
            seen["server"] = profile.load_settings().server
            seen["restored"] = client.session.restore()
        return 0

    monkeypatch.setattr("eoffice_client.ui.app.run_gui", fake_run_gui)
    args = argparse.Namespace(self_test=False, startup_probe=False, demo=True,
                              user="lanhdao", documents=12)
    assert cmd_gui.run(args, CliContext(profile_arg=str(tmp_path / "unused"), lang="vi")) == 0
    assert seen["user"].username == "lanhdao"
    assert seen["server"].startswith("http://127.0.0.1:") and seen["restored"]


def test_keyboard(filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    """Ctrl+F searches, Enter opens (and marks read), F5 syncs (here: says to sign in)."""
    controller = open_window(filled_profile(60, user="vanthu"))
    window = controller.window
    window.activateWindow()
    window.documents.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=5000)
    window.documents.table.setFocus()
    window.documents.table.selectRow(0)
    doc_id = window.documents.model.ids[0]
    assert not controller.client.reads.document_json(doc_id)["read"]
    with qtbot.waitSignal(window.actions_controller.queued, timeout=10000):
        qtbot.keyClick(window.documents.table, Qt.Key.Key_Return)
    assert [e.action for e in controller.client.reads.outbox()] == ["mark_read"]
    assert controller.client.reads.document_json(doc_id)["read"]
    window.interactive = True
    qtbot.keyClick(window, Qt.Key.Key_F5)  # no session on this profile: it says so
    assert window.sync_controller.task is None
    assert window.status_bar.currentMessage().startswith("Chưa đăng nhập")
    qtbot.waitUntil(lambda: window.session_controller.sign_in_dialog is not None
                    and window.session_controller.sign_in_dialog.isVisible(), timeout=10000)
    window.session_controller.sign_in_dialog.reject()


def test_register_paper_document(filled_profile: Any, open_window: Any, qtbot: Any,
                                 tmp_path: Path) -> None:
    """The one form of a paper document, from the toolbar: refused with reasons while
    empty, then queued as one chain (create, upload, register)."""
    controller = open_window(filled_profile(40, user="vanthu"))
    window, client = controller.window, controller.client
    window.commands.register_paper.trigger()
    dialog = window.actions_controller.form
    assert dialog is not None and dialog.isVisible()
    dialog.accept()  # nothing filled in: refused with reasons
    assert dialog.isVisible() and dialog.error.text()
    dialog.subject.setPlainText("Về việc tổ chức hội nghị tổng kết công tác văn thư năm 2026")
    assert not dialog.error.text()  # the reasons go once the user starts fixing them
    dialog.issuer.setText("Sở Nội vụ")
    dialog.code_notation.setText("KH-SNV")
    dialog.code_number.setValue(27)
    page = QImage(600, 800, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    scan = tmp_path / "trang1.jpg"
    assert page.save(str(scan))
    with qtbot.waitSignal(dialog.fileChecked, timeout=20000):
        dialog.add_file(scan)
    assert dialog.files.item(0).text().startswith("trang1.jpg") and dialog.file_paths() == [scan]
    shoot(dialog, "register-paper-dialog")
    with qtbot.waitSignal(window.actions_controller.queued, timeout=20000):
        dialog.accept()
    assert not dialog.isVisible()
    kinds = [e.action for e in client.reads.outbox()]
    assert kinds == ["create", "upload", "register"]
    doc = client.reads.document_json(dialog.doc_id)
    assert doc["status"] == "registered" and doc["code_number"] == 27
    qtbot.waitUntil(lambda: window.documents.model.position_of(dialog.doc_id) >= 0,
                    timeout=10000)


def test_switch_profile(filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    controller = open_window(filled_profile(30, user="vanthu", name="first"))
    second = filled_profile(25, user="lanhdao", name="second")
    first_window = controller.window
    controller.switch_profile(str(second.root))
    window = controller.window
    assert window is not first_window and controller.profile.root == second.root
    window.start(interactive=False)
    qtbot.waitUntil(lambda: window.core_ready and bool(window.boxes.counts), timeout=30000)
    assert controller.client.session.me().username == "lanhdao"


def test_first_paint_shows_the_inbox_then_the_core_loads(filled_profile: Any,
                                                         qtbot: Any) -> None:
    """The inbox's first rows are painted before the core is loaded (read straight from
    the cache file); the whole box, the counts and the actions follow once it is."""
    from eoffice_client.ui.app import Controller
    from eoffice_client.ui.window.document_list import FIRST_PAGE_ROWS

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = Controller(app, filled_profile(500, user="vanthu"), "vi", crash_handler=False)
    window = controller.window
    seen: dict[str, Any] = {}

    def at_first_paint() -> None:
        seen.update(rows=window.documents.model.rowCount(), ready=window.core_ready)

    window.firstPaint.connect(at_first_paint)  # before start() connects the core's loading
    try:
        window.show()
        window.start(interactive=False)
        qtbot.waitUntil(lambda: "rows" in seen, timeout=30000)
        assert seen == {"rows": FIRST_PAGE_ROWS, "ready": False}
        qtbot.waitUntil(lambda: window.core_ready and bool(window.boxes.counts),
                        timeout=30000)
        incoming = window.boxes.counts["incoming"].total
        assert incoming > FIRST_PAGE_ROWS
        qtbot.waitUntil(lambda: window.documents.model.rowCount() == incoming, timeout=10000)
        window.documents.table.selectRow(0)
        assert any(a.isEnabled() for a in window.commands.document_actions.values())
    finally:
        controller.close()
        window.deleteLater()
