"""The idle lock: after the policy's idle time the window's content is hidden and a lock
screen asks for the password (checked by the core), or offers to sign out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
)

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.sandbox.testing import SandboxServer
from eoffice_client.ui.admin import install_admin
from eoffice_client.ui.admin.idle_lock import Cover, IdleLock
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.admin_support import vi_ui_fixture  # noqa: F401
from tests.gui.conftest import shoot

SECRET_SUBJECT = "Kế hoạch kiểm tra đột xuất quý IV"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=5, seed=9) as running:
        yield running


@pytest.fixture
def signed_in(server: SandboxServer, tmp_path: Path) -> Iterator[App]:
    app = App(Profile.at(tmp_path / "p"), Settings(server=server.url))
    app.session.sign_in("vanthu", "demo")
    yield app
    app.close()


def a_window(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    table = QTableWidget(3, 2, window)
    table.setItem(0, 0, QTableWidgetItem(SECRET_SUBJECT))
    window.setCentralWidget(table)
    window.resize(900, 560)
    qtbot.addWidget(window)
    window.show()
    return window


def make_lock(window: QMainWindow, app: App, seconds: float) -> IdleLock:
    return IdleLock(window, lambda: app, Settings(idle_lock_min=5), TaskRunner(window),
                    idle_seconds=seconds)


def visible_texts(window: QMainWindow) -> str:
    """What a person could read in the window now (visible labels and table cells)."""
    found = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    for table in window.findChildren(QTableWidget):
        if table.isVisible():
            found += [table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(table.columnCount()) if table.item(r, c)]
    return " ".join(found)


def test_input_keeps_it_open_then_it_locks_and_unlocks(qtbot: Any, vi_ui: Any,
                                                       signed_in: App) -> None:
    window = a_window(qtbot)
    lock = make_lock(window, signed_in, 0.6)
    end = time.monotonic() + 1.2
    while time.monotonic() < end:  # somebody moving the mouse: no lock
        qtbot.mouseMove(window.centralWidget(), QPoint(10 + int(time.monotonic() * 50) % 200,
                                                       40))
        qtbot.wait(100)
        assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    screen = lock.screen
    assert screen is not None and screen.isVisible() and screen.isModal()
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert not window.centralWidget().isVisible()
    assert SECRET_SUBJECT not in visible_texts(window)
    shoot(window, "admin_idle_locked_window")
    shoot(screen, "admin_idle_lock_screen")
    screen.reject()  # Escape: stays locked
    assert lock.is_locked and screen.isVisible()

    screen.password.setText("wrong")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.checking, timeout=10000)
    assert lock.is_locked and screen.error.isVisible()
    assert screen.error.text() == "Mật khẩu không đúng với tài khoản này. Hãy thử lại."
    assert screen.password.text() == ""
    shoot(screen, "admin_idle_lock_wrong_password")

    screen.password.setText("demo")
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not lock.is_locked and window.centralWidget().isVisible()
    assert SECRET_SUBJECT in visible_texts(window)
    lock.stop()


def test_an_open_form_is_covered_never_closed(qtbot: Any, vi_ui: Any, signed_in: App) -> None:
    window = a_window(qtbot)
    form = QDialog(window)
    field = QLineEdit(form)
    field.setText("Ý kiến đang soạn dở")
    form.show()
    lock = make_lock(window, signed_in, 60)
    lock.lock()
    covers = [c for c in form.findChildren(Cover) if c.isVisible()]
    assert form.isVisible() and len(covers) == 1 and covers[0].geometry() == form.rect()
    assert field.text() == "Ý kiến đang soạn dở"
    lock.unlock()
    assert form.isVisible() and not [c for c in form.findChildren(Cover) if c.isVisible()]
    assert field.text() == "Ý kiến đang soạn dở"
    lock.stop()


def test_a_window_in_the_tray_comes_back_covered(qtbot: Any, vi_ui: Any,
                                                 signed_in: App) -> None:
    window = a_window(qtbot)
    window.hide()  # "minimise to the tray"
    lock = make_lock(window, signed_in, 60)
    lock.lock()
    window.show()
    assert not window.centralWidget().isVisible()
    assert [c for c in window.findChildren(Cover) if c.isVisible()]
    lock.unlock()
    assert window.centralWidget().isVisible()
    lock.stop()


def test_sign_out_from_the_lock_screen(qtbot: Any, vi_ui: Any, signed_in: App) -> None:
    window = a_window(qtbot)
    signed_out: list[bool] = []
    parts = install_admin(window, lambda: signed_in, Settings(idle_lock_min=5),
                          TaskRunner(window))
    lock = parts.idle_lock
    lock.signOutRequested.connect(lambda: signed_out.append(True))
    lock.lock()
    assert lock.screen is not None
    with qtbot.waitSignal(lock.signOutRequested, timeout=3000):
        qtbot.mouseClick(lock.screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert signed_out == [True] and not lock.is_locked
    lock.stop()


def test_no_lock_without_the_policy_or_without_a_sign_in(qtbot: Any, tmp_path: Path) -> None:
    window = a_window(qtbot)
    off = IdleLock(window, lambda: None, Settings(idle_lock_min=0), TaskRunner(window))
    assert off.idle_seconds == 0 and not off.watching
    app = App(Profile.at(tmp_path / "nobody"), Settings())
    current: list[App | None] = [app]
    nobody = IdleLock(window, lambda: current[0], Settings(idle_lock_min=5), TaskRunner(window),
                      idle_seconds=0.2)
    qtbot.wait(800)
    assert not nobody.is_locked  # nobody signed in: nothing to protect, no password to ask
    nobody.stop()
    current[0] = None  # the window's App is gone before it is closed
    app.close()
    assert QApplication.instance() is not None
