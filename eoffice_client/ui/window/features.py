"""The window's features beyond reading and acting, each from its own package, put in
place here so the shell stays a composer: administration and security (``ui/admin``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from eoffice_client.config import Settings
from eoffice_client.core.app.application import App
from eoffice_client.ui.admin import AdminParts, install_admin, place_notice_bar

if TYPE_CHECKING:
    from eoffice_client.ui.window.shell import MainWindow


class WindowFeatures(QObject):
    """What :func:`install_features` put in the window (kept as ``window.features``)."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.admin: AdminParts = install_admin(window, self.ready_app, settings, window.runner)
        self._place_admin()

    def ready_app(self) -> App | None:
        """The application API once the core is loaded, else None."""
        return self.window.app if self.window.core_ready else None

    def _place_admin(self) -> None:
        window, admin = self.window, self.admin
        about = window.commands.about
        window.commands.help_menu.insertAction(about, admin.audit_action)
        place_notice_bar(window, admin.notice_bar)
        admin.idle_lock.signOutRequested.connect(
            lambda: window.session_controller.do_sign_out(False))
        window.session_controller.settingsChanged.connect(admin.apply_settings)
        window.sync_controller.finished.connect(admin.sync_finished)

    def close(self) -> None:
        """The window closes: the features' timers stop."""
        self.admin.close()


def install_features(window: MainWindow, settings: Settings) -> WindowFeatures:
    return WindowFeatures(window, settings)
