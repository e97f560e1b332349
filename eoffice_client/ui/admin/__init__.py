"""The window's pieces for administration and security: the audit trail viewer, the idle
lock, the upgrade notice bar, and file dialogs that open in Documents (Qt's own dialogs
speak Vietnamese through ``ui/app.py``'s translations and ``translations/qtbase_vi.ts``).

``ui/window/features.py`` makes them with :func:`install_admin` and places them: the
audit trail action in the Help menu before "About", the notice bar above the window's
central part (:func:`place_notice_bar`), the lock screen's sign-out as a plain sign-out
(queued work stays), the settings (:meth:`AdminParts.apply_settings`) and each finished
sync round (:meth:`AdminParts.sync_finished`: a refusal as too old, exit 12, shows the
notice at once) passed on. The window's close stops the parts' timers and takes Qt's
Vietnamese texts out (:meth:`AdminParts.close`, from the window's Close event). The file
dialogs of :mod:`eoffice_client.ui.file_dialogs` start in Documents.

Importing this package loads no core module (it runs before the window's first paint): the
core's types are for the type checker only, and the trail's and the update's modules are
imported on the GUI thread when first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from eoffice_client.config import Settings
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.ui.admin.idle_lock import IdleLock
from eoffice_client.ui.admin.update_notice import UpdateNoticeBar
from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.ui.admin.audit_viewer import AuditViewer

__all__ = ["AdminParts", "install_admin", "place_notice_bar"]
LOG = logging.getLogger("eoffice.ui.admin")


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
        self.viewer: AuditViewer | None = None
        window.installEventFilter(self)
        self.retranslate()

    def show_audit(self) -> AuditViewer:
        """Help > "Audit trail…" (one viewer at a time: a second call raises it)."""
        if self.viewer is not None and self.viewer.isVisible():
            self.viewer.raise_()
            self.viewer.activateWindow()
            return self.viewer
        from eoffice_client.ui.admin.audit_viewer import show_audit_viewer

        self.viewer = show_audit_viewer(self._app_getter, self.runner, self.window)
        self.viewer.destroyed.connect(self._viewer_gone)
        return self.viewer

    def _viewer_gone(self) -> None:
        self.viewer = None

    def apply_settings(self, settings: Settings) -> None:
        self.idle_lock.apply_settings(settings)
        self.notice_bar.refresh()

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
        """Stops the timers (the window closes; the App is closed after it)."""
        self.idle_lock.stop()
        self.notice_bar.stop()

    def retranslate(self) -> None:
        self.audit_action.setText(self.tr("Audit trail…"))
        self.audit_action.setToolTip(self.tr(
            "What was done on this computer, and whether the record is intact"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False


def install_admin(window: QWidget, app_getter: Callable[[], App | None], settings: Settings,
                  runner: TaskRunner) -> AdminParts:
    """Makes the pieces; the caller places them (``ui/window/features.py``)."""
    parts = AdminParts(window, app_getter, settings, runner)
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


