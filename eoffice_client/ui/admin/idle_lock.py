"""The idle lock (policy ``IdleLockMinutes``, setting ``idle_lock_min``; 0: never).

An event filter on the application notes the time of the last key, click, wheel or touch
in any of its windows. Once nobody has touched the app for the policy's minutes, every
window of the app is covered by an opaque sheet (the list and the document pane are also
hidden, so nothing of them can be read, grabbed or spoken), and a modal lock screen asks
for the signed-in person's password, checked off the GUI thread by
``app.session.unlock(password)`` (the verifier kept at sign-in, else the server). The
lock screen also offers to sign out. Open dialogs and forms are covered, never closed:
nothing typed is lost. The password lives in the field until it is checked, then the
field is cleared; it is never logged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from eoffice_client.config import Settings
from eoffice_client.ui.admin.lock_screen import LockScreen
from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App

LOG = logging.getLogger("eoffice.ui.admin.idle_lock")
#: what counts as somebody using the app (mouse moves too: reading is using)
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.Shortcut,
})
#: how often the idle time is looked at, at most (a short lock interval looks more often)
CHECK_EVERY_S = 15.0


class Cover(QWidget):
    """An opaque sheet over one window's whole client area, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#idleCover { background: #e9edf2; }"
                           "QLabel { color: #52606d; font-size: 14pt; }")
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False


class IdleLock(QObject):
    """Counts idle time and locks; ``locked``/``unlocked`` tell the rest of the window."""

    locked = Signal()
    unlocked = Signal()
    signOutRequested = Signal()

    def __init__(self, window: QWidget, app_getter: Callable[[], App | None],
                 settings: Settings, runner: TaskRunner, *,
                 idle_seconds: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._app_getter, self._runner = app_getter, runner
        self._idle_override = idle_seconds
        self.idle_seconds = 0.0
        self.last_input = time.monotonic()
        self.screen: LockScreen | None = None
        self._covers: list[Cover] = []
        self._hidden: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._filtering = False
        self.apply_settings(settings)

    # --- the policy ----------------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Takes a changed ``idle_lock_min`` (a policy refreshed, the settings dialog)."""
        minutes = max(0, int(settings.idle_lock_min))
        self.idle_seconds = (self._idle_override if self._idle_override is not None
                             else minutes * 60.0)
        self._watch_input(self.idle_seconds > 0)
        if self.idle_seconds > 0:
            self.last_input = time.monotonic()
            self._timer.start(int(1000 * min(CHECK_EVERY_S, max(0.05, self.idle_seconds / 4))))
        else:
            self._timer.stop()

    def _watch_input(self, on: bool) -> None:
        """The filter sees every event of the app: installed only while the policy is on."""
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def stop(self) -> None:
        """Counts no more (the window is closing, or its profile is going away)."""
        self._timer.stop()
        self._watch_input(False)

    @property
    def watching(self) -> bool:
        """Whether idle time is being counted (the policy is on)."""
        return self._timer.isActive()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.screen is None:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        """Locks once the idle time reached the policy's (somebody must be signed in: a
        window nobody signed in to holds nothing to protect and no password to ask)."""
        if self.screen is not None or self.idle_seconds <= 0:
            return
        if time.monotonic() - self.last_input < self.idle_seconds:
            return
        app = self._app_getter()
        if app is None or app.session.me() is None:
            self.last_input = time.monotonic()
            return
        self.lock()

    # --- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.screen is not None:
            return
        LOG.info("window locked after %.0f s without input", self.idle_seconds)
        self._cover_windows()
        app = self._app_getter()
        me = app.session.me() if app is not None else None
        screen = LockScreen(self._check_password, who=me.full_name if me else "",
                            username=me.username if me else "",
                            minutes=self.idle_seconds / 60.0, parent=self.window)
        screen.unlockedOk.connect(self.unlock)
        screen.signOutChosen.connect(self._sign_out)
        self.screen = screen
        screen.show()  # not open(): that would make it modal to the main window only
        screen.raise_()
        screen.activateWindow()
        screen.password.setFocus()
        self.locked.emit()

    def _cover_windows(self) -> None:
        """Every window of the app, and the main one even when it is minimised or in the
        tray: brought back, it must show the cover, not the list."""
        targets = [top for top in QApplication.topLevelWidgets()
                   if top.isVisible() and top.isWindow() and not isinstance(top, LockScreen)]
        if self.window not in targets:
            targets.append(self.window)
        for top in targets:
            cover = Cover(top)
            cover.label.setText(self.tr("eOffice is locked"))
            cover.show()
            cover.raise_()
            self._covers.append(cover)
        central = getattr(self.window, "centralWidget", None)
        content = central() if callable(central) else None
        if isinstance(content, QWidget) and not content.isHidden():
            content.hide()
            self._hidden.append(content)

    def unlock(self) -> None:
        """Gives the windows back as they were."""
        for content in self._hidden:
            content.show()
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._hidden.clear()
        self._covers.clear()
        if self.screen is not None:
            self.screen.done(0)
            self.screen.deleteLater()
            self.screen = None
        self.last_input = time.monotonic()
        LOG.info("window unlocked")
        self.unlocked.emit()

    def _sign_out(self) -> None:
        self.unlock()
        self.signOutRequested.emit()

    def _check_password(self, password: str, answer: Callable[[bool | BaseException], None]
                        ) -> None:
        app = self._app_getter()
        if app is None:
            answer(False)
            return
        self._runner.run(lambda _task: app.session.unlock(password), answer, answer,
                         label=self.tr("Checking the password…"), show_progress=False)
