"""Who uses the window and how: signing in and out (with the wipe of the cached data),
the settings, switching to another profile folder, and the About box."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings, locked_fields
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.backend import Backend
from eoffice_client.ui.dialogs.messages import confirm, inform
from eoffice_client.ui.dialogs.settings import SettingsDialog
from eoffice_client.ui.dialogs.sign_in import SignInDialog
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

LOG = logging.getLogger("eoffice.ui")


class SessionController(QObject):
    """``signedIn`` carries the user; ``signedOut`` whether the cache was wiped."""

    signedIn = Signal(object)
    signedOut = Signal(bool)
    settingsChanged = Signal(object)  # Settings
    languageChangeRequested = Signal(str)
    profileSwitchRequested = Signal(str)

    def __init__(self, backend: Backend, runner: TaskRunner, profile: Profile,
                 settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.backend, self.runner, self.window = backend, runner, window
        self.profile, self.settings = profile, settings
        self.sign_in_dialog: SignInDialog | None = None  # the one open now, if any

    # --- sign-in ---------------------------------------------------------------------------
    def ask_sign_in(self) -> None:
        username = str((self.backend.me() or {}).get("username", ""))
        dialog = SignInDialog(self.backend.server() or self.settings.server, username,
                              "server" in locked_fields(), self.window)
        dialog.submitted.connect(lambda: self._sign_in(dialog))
        self.sign_in_dialog = dialog
        dialog.open()

    def _sign_in(self, dialog: SignInDialog) -> None:
        server, username, password, remember = dialog.values()
        if not server or not username or not password:
            dialog.show_error(self.tr("Fill in the server address, user name and password."))
            return
        dialog.set_busy(True)
        self.runner.run(lambda _t: self.backend.sign_in(server, username, password, remember),
                        lambda user: self._signed_in(dialog, user, server),
                        lambda exc: dialog.show_error(error_text(exc)),
                        label=self.tr("Signing in…"))

    def _signed_in(self, dialog: SignInDialog, user: dict[str, Any], server: str) -> None:
        dialog.finish()
        if "server" not in locked_fields():
            self.settings.server = server
            self.profile.save_settings(self.settings)
        self.signedIn.emit(user)

    # --- sign-out --------------------------------------------------------------------------
    def sign_out(self) -> None:
        """Asks, with the choice to delete the cached data; a second question when that
        would lose changes not yet on the server."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sign out"))
        box.setText(self.tr("Sign out of eOffice on this computer?"))
        wipe = QCheckBox(self.tr("Also delete the cached documents and files of this profile"),
                         box)
        box.setCheckBox(wipe)
        yes = box.addButton(self.tr("Sign out"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        if wipe.isChecked() and not self._confirm_wipe():
            return
        self.do_sign_out(wipe.isChecked())

    def _confirm_wipe(self) -> bool:
        """Wiping drops changes not yet on the server: only after a clear yes (cf. CLI 11)."""
        try:
            status = self.backend.status()
        except Exception as exc:  # nothing readable: nothing to lose either
            LOG.info("no status before the wipe: %r", exc)
            return True
        unsent = int(status.get("pending_actions") or 0) + int(status.get("conflicts") or 0)
        if not unsent:
            return True
        return confirm(self.window, self.tr("Sign out"), self.tr(
            "%n change(s) not yet on the server will be lost with the cached data. "
            "Delete them anyway?", "", unsent), yes=self.tr("Delete anyway"))

    def do_sign_out(self, wipe: bool) -> None:
        try:
            self.backend.sign_out(wipe)
        except ClientError as exc:
            inform(self.window, self.tr("Sign out"), error_text(exc), warning=True)
            return
        self.signedOut.emit(wipe)
        QTimer.singleShot(0, self.ask_sign_in)

    # --- settings, profiles ----------------------------------------------------------------
    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.profile.load_settings(), self.window)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        settings = dialog.result_settings()
        self.profile.save_settings(settings)
        old_language = self.settings.language
        self.settings = settings
        self.settingsChanged.emit(settings)
        if settings.language != old_language:
            self.languageChangeRequested.emit(settings.language)

    def switch_profile(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose the profile folder"), str(self.profile.root.parent))
        if folder and Path(folder) != self.profile.root:
            self.profileSwitchRequested.emit(folder)

    def show_about(self) -> None:
        inform(self.window, self.tr("About eOffice"), self.tr(
            "eOffice desktop client %1\nProfile: %2").replace("%1", __version__).replace(
            "%2", str(self.profile.root)))
