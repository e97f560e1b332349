"""The idle lock's screen: the signed-in person's password, or signing out.

Modal over every window of the app, and it cannot be closed, escaped or rejected: only a
right password (``unlockedOk``) or "Sign out" (``signOutChosen``) ends it. The check itself
is the owner's (``check(password, answer)``, answered on the GUI thread with True, False,
or the error that kept the server from answering).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.window.errors import error_text

Answer = Callable[[bool | BaseException], None]
Check = Callable[[str, Answer], None]


class LockScreen(QDialog):
    unlockedOk = Signal()
    signOutChosen = Signal()

    def __init__(self, check: Check, *, who: str, username: str, minutes: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._check = check
        self.checking = False
        self.heading = QLabel(self)
        self.heading.setObjectName("docTitle")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("lockPassword")
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self)
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self)
        self._lay_out()
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.sign_out_button.clicked.connect(self.signOutChosen.emit)
        self._who, self._username, self._minutes = who, username, minutes
        self.retranslate()
        self.setMinimumWidth(440)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("eOffice is locked"))
        self.heading.setText(self.tr("eOffice is locked"))
        name = self._who or self._username
        minutes = max(1, round(self._minutes))
        self.explanation.setText(self.tr(
            "Nobody used eOffice for %n minute(s), so your organisation's policy locked it. "
            "Type the password of %1 to go on where you left off.", "", minutes
        ).replace("%1", f"{name} ({self._username})" if self._who and self._username
                  else name))
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Sign out"))

    # --- checking ------------------------------------------------------------------------
    def submit(self) -> None:
        password = self.password.text()
        if self.checking:
            return
        if not password:
            self.show_error(self.tr("Type your password."))
            return
        self.checking = True
        self.unlock_button.setEnabled(False)
        self.error.hide()
        self._check(password, self._answered)

    def _answered(self, answer: bool | BaseException) -> None:
        self.checking = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        if answer is True:
            self.unlockedOk.emit()
            return
        if isinstance(answer, BaseException):
            self.show_error(self.tr("The password could not be checked: %1 You may also "
                                    "sign out.").replace("%1", error_text(answer)))
        else:
            self.show_error(self.tr("That is not the password of this account. Try again."))
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    # --- it cannot be dismissed ---------------------------------------------------------
    def reject(self) -> None:
        """Escape and the window's close do nothing: the password or signing out ends it."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
