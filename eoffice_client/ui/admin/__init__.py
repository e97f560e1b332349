"""The window's pieces for administration and security: the audit trail viewer, the idle
lock, the upgrade notice bar, Qt's own dialogs in Vietnamese, and file dialogs that open
in Documents.

One call puts them in the main window (``MainWindow.__init__``, after the menus and the
central widget exist)::

    from eoffice_client.ui.admin import backend_app, install_admin

    self.admin = install_admin(self, lambda: backend_app(self.backend), settings)

It does, where the window has the named parts (duck-typed, so a refactored window still
works; ``place=False`` does none of it and leaves the placing to the caller):

- Help menu: adds ``admin.audit_action`` ("Nhật ký thao tác…" / "Audit trail…") before
  the last entry ("About") of ``window.commands.help_menu``;
- notice bar: puts ``admin.notice_bar`` above the central widget (the central widget is
  wrapped in a container holding the bar, then it, in a vertical layout);
- sign-out from the lock screen: ``window.session_controller.do_sign_out(False)`` (a
  plain sign-out: queued work stays in the cache);
- settings: ``window.session_controller.settingsChanged`` -> ``admin.apply_settings``;
- after each sync round: ``window.sync_controller.finished`` -> ``admin.sync_finished``
  (a refusal as too old, exit 12, shows the notice at once; else the bar asks again);
- the window's close stops the idle lock's and the notice bar's timers and takes the Qt
  texts' catalogue out (``admin.close()``).

Still the caller's: the call sites of ``QFileDialog`` switched to
:mod:`eoffice_client.ui.admin.file_dialogs` (``open_file``, ``open_files``, ``save_file``,
``choose_folder``: they start in Documents).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QVBoxLayout, QWidget

from eoffice_client.config import Settings
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.ui.admin.audit_viewer import AuditViewer, show_audit_viewer
from eoffice_client.ui.admin.idle_lock import IdleLock
from eoffice_client.ui.admin.qt_texts import QtDialogTexts
from eoffice_client.ui.admin.update_notice import UpdateNoticeBar
from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App

__all__ = ["AdminParts", "backend_app", "install_admin"]
LOG = logging.getLogger("eoffice.ui.admin")


def backend_app(backend: object) -> App | None:
    """The App behind the window's backend (a StartupBackend's full one once loaded)."""
    full = getattr(backend, "full", backend)
    app = getattr(full, "app", None)
    if app is None:
        return None
    from eoffice_client.core.app.application import App  # loaded with the backend

    return app if isinstance(app, App) else None


class AdminParts(QObject):
    """What :func:`install_admin` made; the window keeps it (``self.admin``)."""

    def __init__(self, window: QWidget, app_getter: Callable[[], App | None],
                 settings: Settings, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.runner = window, runner
        self._app_getter = app_getter
        self.audit_action = QAction("", window)
        self.audit_action.setObjectName("auditTrailAction")
        self.audit_action.triggered.connect(self.show_audit)
        self.notice_bar = UpdateNoticeBar(app_getter, runner, window)
        self.idle_lock = IdleLock(window, app_getter, settings, runner)
        self.qt_texts = QtDialogTexts(_application(), window)
        self.viewer: AuditViewer | None = None
        window.installEventFilter(self)
        self.retranslate()

    def show_audit(self) -> AuditViewer:
        """Help > "Audit trail…" (one viewer at a time: a second call raises it)."""
        if self.viewer is not None and self.viewer.isVisible():
            self.viewer.raise_()
            self.viewer.activateWindow()
            return self.viewer
        self.viewer = show_audit_viewer(self._app_getter, self.runner, self.window)
        self.viewer.destroyed.connect(self._viewer_gone)
        return self.viewer

    def _viewer_gone(self) -> None:
        self.viewer = None

    def apply_settings(self, settings: Settings) -> None:
        self.idle_lock.apply_settings(settings)
        self.notice_bar.refresh()

    def retranslate(self) -> None:
        self.audit_action.setText(self.tr("Audit trail…"))
        self.audit_action.setToolTip(self.tr(
            "What was done on this computer, and whether the record is intact"))

    def sync_finished(self, outcome: object) -> None:
        """A sync round ended: a refusal as too old (exit 12) is shown at once with the
        version the server named; any other outcome has the bar ask the core again."""
        if isinstance(outcome, ClientError) and outcome.exit_code == ExitCode.CLIENT_TOO_OLD:
            minimum = outcome.values.get("minimum")
            if isinstance(minimum, str) and minimum:
                self.notice_bar.server_requires(minimum)
                return
        self.notice_bar.refresh()

    def close(self) -> None:
        """Stops the timers (the window closes; the App is closed after it) and takes Qt's
        Vietnamese texts out with the window (a new window installs its own)."""
        self.idle_lock.stop()
        self.notice_bar.stop()
        self.qt_texts.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False


def install_admin(window: QWidget, app_getter: Callable[[], App | None], settings: Settings,
                  *, runner: TaskRunner | None = None, place: bool = True,
                  sign_out: Callable[[], None] | None = None) -> AdminParts:
    """Makes the pieces and (``place``) hooks them into ``window`` as the module says."""
    runner = runner or _window_runner(window)
    parts = AdminParts(window, app_getter, settings, runner)
    sign_out = sign_out or _window_sign_out(window)
    if sign_out is not None:
        parts.idle_lock.signOutRequested.connect(sign_out)
    if place:
        _add_to_help_menu(window, parts.audit_action)
        if isinstance(window, QMainWindow):
            place_notice_bar(window, parts.notice_bar)
        _connect_signal(window, "session_controller", "settingsChanged", parts.apply_settings)
        _connect_signal(window, "sync_controller", "finished", parts.sync_finished)
    parts.notice_bar.refresh()
    return parts


def place_notice_bar(window: QMainWindow, bar: QWidget) -> None:
    """The bar above the central widget, across the window's width."""
    central = window.takeCentralWidget()
    holder = QWidget(window)
    holder.setObjectName("centralWithNotice")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(holder)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the window needs its QApplication"
    return app


def _window_runner(window: QWidget) -> TaskRunner:
    found = getattr(window, "runner", None)
    return found if isinstance(found, TaskRunner) else TaskRunner(window)


def _window_sign_out(window: QWidget) -> Callable[[], None] | None:
    controller = getattr(window, "session_controller", None)
    do_sign_out = getattr(controller, "do_sign_out", None)
    if not callable(do_sign_out):
        return None
    return lambda: do_sign_out(False)


def _add_to_help_menu(window: QWidget, action: QAction) -> None:
    menu = getattr(getattr(window, "commands", None), "help_menu", None)
    if not isinstance(menu, QMenu):
        LOG.warning("no Help menu found: the audit trail action is not placed")
        return
    actions = menu.actions()
    if actions:
        menu.insertAction(actions[-1], action)
    else:
        menu.addAction(action)


def _connect_signal(window: QWidget, part: str, signal: str, slot: Callable[..., Any]) -> None:
    found = getattr(getattr(window, part, None), signal, None)
    connect = getattr(found, "connect", None)
    if callable(connect):
        connect(slot)
