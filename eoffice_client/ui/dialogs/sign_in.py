"""Signing in: server address, user name, password, remember me."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from eoffice_client.ui.dialogs.messages import dialog_buttons, primary_button


class SignInDialog(QDialog):
    """Server address, user name, password, remember me. The password never leaves here but
    to the sign-in call. "Sign in" emits :attr:`submitted`; the owner calls :meth:`finish`
    once the server said yes, or :meth:`show_error`. Cancel closes it at once, also while
    the server is being asked (``rejected``). :meth:`show_refusal` offers another profile
    (:attr:`otherProfileRequested`)."""

    submitted = Signal()
    otherProfileRequested = Signal()

    def __init__(self, server: str = "", username: str = "", server_locked: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to eOffice"))
        self.server = QLineEdit(server, self)
        self.server.setPlaceholderText("https://eoffice.example.gov.vn")
        self.server_locked = server_locked
        self.server.setEnabled(not server_locked)
        if server_locked:
            self.server.setToolTip(self.tr("Set by your IT department"))
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self.remember.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        heading = QLabel(self.tr("Sign in to eOffice"), self)
        heading.setObjectName("docTitle")
        form.addRow(heading)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        form.addRow(self.error)
        self.buttons = dialog_buttons(self, self.tr("Sign in"), self.tr("Cancel"))
        self.other_profile = QPushButton(self.tr("Use another profile…"), self)
        self.other_profile.clicked.connect(self.otherProfileRequested)
        self.buttons.addButton(self.other_profile, QDialogButtonBox.ButtonRole.ActionRole)
        self.other_profile.setVisible(False)  # after addButton, which shows it
        self.sign_in_button = primary_button(self.buttons)
        form.addRow(self.buttons)
        for widget, name in ((self.server, self.tr("Server address")),
                             (self.username, self.tr("User name")),
                             (self.password, self.tr("Password"))):
            widget.setAccessibleName(name)
        self.setMinimumWidth(440)
        (self.password if username else self.username).setFocus()

    def accept(self) -> None:
        self.submitted.emit()

    def finish(self) -> None:
        self.password.clear()
        super().accept()

    def values(self) -> tuple[str, str, str, bool]:
        return (self.server.text().strip(), self.username.text().strip(), self.password.text(),
                self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        """While the server is asked: the fields wait, Cancel stays usable."""
        for widget in (self.username, self.password, self.remember, self.sign_in_button):
            widget.setEnabled(not busy)
        self.server.setEnabled(not busy and not self.server_locked)
        if busy:
            self._say(self.tr("Signing in…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self._say(text)
        self.password.clear()
        self.password.setFocus()

    def show_refusal(self, text: str) -> None:
        """A sign-in refused before the server is asked (this profile holds someone
        else's unsent changes): the reason, and another profile as the way out."""
        self.show_error(text)
        self.other_profile.setVisible(True)

    def _say(self, text: str) -> None:
        """The message in full: the dialog grows to show every line of it."""
        self.error.setText(text)
        self.error.setToolTip(text)
        self.adjustSize()
