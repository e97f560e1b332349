"""Who uses the window and how: signing in and out (with the wipe of the cached data),
the settings, switching to another profile folder, and the About box.

Every rule that decides whether the cache may be wiped or handed to another person is the
core's (``core/app/session.py``: ``wipe_refusal``, ``switch_refusal``, ``check_server``),
the same the CLI answers with exit 11; the window asks it first and says what it says."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings, locked_fields
from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import LogoutResult
from eoffice_client.ui.dialogs.messages import inform
from eoffice_client.ui.tasks import Task, TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.ui.dialogs.sign_in import SignInDialog

LOG = logging.getLogger("eoffice.ui")


class SessionController(QObject):
    """``signedIn`` carries the :class:`Person`; ``signedOut`` whether the cache was wiped;
    ``syncWanted`` asks for a sync (the way out of a refusal: send what is queued)."""

    signedIn = Signal(object)
    signedOut = Signal(bool)
    settingsChanged = Signal(object)  # Settings
    languageChangeRequested = Signal(str)
    profileSwitchRequested = Signal(str)
    syncWanted = Signal()
    message = Signal(str, int)  # a status-bar text and how long it shows (ms)

    def __init__(self, app: App, runner: TaskRunner, profile: Profile,
                 settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.app, self.runner, self.window = app, runner, window
        self.profile, self.settings = profile, settings
        self.sign_in_dialog: SignInDialog | None = None  # the one open now, if any
        self.sign_in_task: Task | None = None
        self.sign_in_attempts = 0  # a late answer of an older attempt is not used
        self.sign_out_task: Task | None = None

    # --- sign-in ---------------------------------------------------------------------------
    def ask_sign_in(self, server: str | None = None) -> None:
        """The sign-in dialog (once: a second call raises the open one)."""
        if self.sign_in_dialog is not None and self.sign_in_dialog.isVisible():
            self.sign_in_dialog.raise_()
            return
        try:
            me, current = self.app.session.me(), self.app.session.server()
        except Exception as exc:  # an unreadable cache must not keep anyone from signing in
            LOG.info("no sign-in defaults from the cache: %r", exc)
            me, current = None, self.settings.server
        from eoffice_client.ui.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(server or current or self.settings.server,
                              me.username if me else "", "server" in locked_fields(),
                              self.window)
        dialog.submitted.connect(lambda: self._sign_in(dialog))
        dialog.rejected.connect(lambda: self._sign_in_abandoned(dialog))
        dialog.otherProfileRequested.connect(self.switch_profile)
        self.sign_in_dialog = dialog
        dialog.open()

    def _sign_in(self, dialog: SignInDialog) -> None:
        server, username, password, remember = dialog.values()
        if not server or not username or not password:
            dialog.show_error(self.tr("Fill in the server address, user name and password."))
            return
        session = self.app.session
        try:
            address = session.check_server(server)
            refusal = session.switch_refusal(address, username)
        except Exception as exc:  # a bad address, or a cache whose queue cannot be read
            dialog.show_error(error_text(exc))
            return
        if refusal is not None:
            dialog.show_refusal(error_text(refusal))
            return
        dialog.set_busy(True)
        self.sign_in_attempts += 1
        attempt = self.sign_in_attempts
        task = self.runner.run(
            lambda _t: session.sign_in(username, password, address, remember=remember),
            lambda user: self._signed_in(dialog, task, user, address, attempt),
            lambda exc: self._sign_in_failed(dialog, task, exc),
            label=self.tr("Signing in…"))
        self.sign_in_task = task

    def _signed_in(self, dialog: SignInDialog, task: Task, user: Person, server: str,
                   attempt: int) -> None:
        if task.cancelled():  # the person gave up waiting: they are not signed in
            if attempt == self.sign_in_attempts:  # (unless a newer sign-in took over)
                LOG.info("a cancelled sign-in succeeded late: signing out again")
                self.runner.run(lambda _t: self.app.session.logout(), None,
                                lambda exc: LOG.info("no sign-out after a cancelled "
                                                     "sign-in: %r", exc), show_progress=False)
            return
        self.sign_in_task = None
        dialog.finish()
        if "server" not in locked_fields():
            self.settings.server = server
            self.profile.save_settings(self.settings)
        self.signedIn.emit(user)

    def _sign_in_failed(self, dialog: SignInDialog, task: Task, exc: BaseException) -> None:
        if task.cancelled():
            return
        self.sign_in_task = None
        dialog.show_error(error_text(exc))

    def _sign_in_abandoned(self, dialog: SignInDialog) -> None:
        """Cancel works at once, even while the server is being asked: the answer, when it
        comes, is not used; the window says how to sign in later."""
        if self.sign_in_task is not None:
            self.sign_in_task.cancel()
            self.sign_in_task = None
        if self.sign_in_dialog is dialog:
            self.sign_in_dialog = None
        if not self.app.session.signed_in():
            self.message.emit(self.not_signed_in_text(), 0)
            self.signedOut.emit(False)

    def not_signed_in_text(self) -> str:
        return self.tr("Not signed in: documents are not synced. To sign in, use File › "
                       "Sign in… or the Sign in button below.")

    # --- sign-out --------------------------------------------------------------------------
    def sign_out(self) -> None:
        """Asks, with the choice to delete the cached data; the wipe is refused (as the
        CLI's ``logout --wipe`` without ``--force``) while changes are not on the server
        yet or their count cannot be read."""
        if self.sign_out_task is not None:
            return
        if not self.app.opened:  # what waits to be sent is not known yet
            self.message.emit(self.tr("The local data is still loading: sign out in a "
                                      "moment."), 5000)
            return
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
        if box.clickedButton() is yes:
            self.do_sign_out(wipe.isChecked())

    def do_sign_out(self, wipe: bool) -> None:
        """Signs out on a worker (telling the server may take the network's time)."""
        if self.sign_out_task is not None:
            return
        if wipe:
            refusal = self.app.session.wipe_refusal()
            if refusal is not None:
                self.refuse(self.tr("Sign out"), error_text(refusal))
                return
        self.sign_out_task = self.runner.run(
            lambda _t: self.app.session.logout(wipe=wipe), self._signed_out,
            self._sign_out_failed, label=self.tr("Signing out…"))

    def _signed_out(self, result: LogoutResult) -> None:
        self.sign_out_task = None
        if result.was_signed_in and not result.revoked:
            self.message.emit(self.tr("Signed out here; the server could not be told (it "
                                      "forgets the sign-in by itself later)."), 8000)
        self.signedOut.emit(result.wiped)
        QTimer.singleShot(0, lambda: self.ask_sign_in())

    def _sign_out_failed(self, exc: BaseException) -> None:
        self.sign_out_task = None
        self.refuse(self.tr("Sign out"), error_text(exc))

    def refuse(self, title: str, text: str) -> None:
        """A refusal and its ways out: send what is queued first, or another profile."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        sync = box.addButton(self.tr("Sync now"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(self.tr("Use another profile…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sync)  # the way that can succeed
        box.exec()
        if box.clickedButton() is sync:
            self.syncWanted.emit()
        elif box.clickedButton() is other:
            self.switch_profile()

    # --- settings, profiles ----------------------------------------------------------------
    def edit_settings(self) -> None:
        from eoffice_client.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.profile.load_settings(), self.window,
                                check_server=self._check_new_server)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        old_server, old_language = self.settings.server, self.settings.language
        settings = dialog.result_settings()
        self.profile.save_settings(settings)
        self.settings = settings
        self.settingsChanged.emit(settings)
        if settings.language != old_language:
            self.languageChangeRequested.emit(settings.language)
        if settings.server != old_server:
            self._server_changed(settings.server)

    def _check_new_server(self, server: str) -> tuple[str, str | None]:
        """For the settings dialog: the address as it will be used and, when it is a
        different server, what that means (a new sign-in), or a ClientError to show."""
        session = self.app.session
        address = session.check_server(server)
        if address == self.settings.server:
            return address, None
        refusal = session.switch_refusal(address)
        if refusal is not None:
            raise refusal
        return address, self.tr(
            "The documents of this profile come from the server it is signed in to. After "
            "saving, you are signed out of the current server and asked to sign in to "
            "%1.").replace("%1", address)

    def _server_changed(self, server: str) -> None:
        """Another server: out of the old one (on a worker), then the sign-in to the new."""
        if not self.app.session.signed_in():
            self.ask_sign_in(server)
            return
        self.sign_out_task = self.runner.run(
            lambda _t: self.app.session.logout(), lambda _r: self._moved(server),
            self._sign_out_failed, label=self.tr("Signing out…"))

    def _moved(self, server: str) -> None:
        self.sign_out_task = None
        self.signedOut.emit(False)
        QTimer.singleShot(0, lambda: self.ask_sign_in(server))

    def switch_profile(self) -> None:
        """Another profile folder. Its queue stays in this one: said first, with the way
        to send it now (nothing is lost either way, nor sent under another name)."""
        if not self._leave_queue():
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose the profile folder"), str(self.profile.root.parent))
        if folder and Path(folder) != self.profile.root:
            if self.sign_in_dialog is not None:
                self.sign_in_dialog.reject()
            self.profileSwitchRequested.emit(folder)

    def _leave_queue(self) -> bool:
        unsent = self.app.session.unsent_count() if self.app.opened else 0
        if not unsent:  # none, or none countable: the switch itself loses nothing
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Switch profile"))
        box.setText(self.tr(
            "%n change(s) of this profile are not on the server yet. They stay in this "
            "profile and are sent when you open it again and sync; the other profile does "
            "not send them.", "", unsent))
        sync = box.addButton(self.tr("Sync first"), QMessageBox.ButtonRole.AcceptRole)
        switch = box.addButton(self.tr("Switch, keep them here"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sync)
        box.exec()
        if box.clickedButton() is sync:
            self.syncWanted.emit()
        return box.clickedButton() is switch

    def show_about(self) -> None:
        inform(self.window, self.tr("About eOffice"), self.tr(
            "eOffice desktop client %1\nProfile: %2").replace("%1", __version__).replace(
            "%2", str(self.profile.root)))
