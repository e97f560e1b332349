"""Small confirmations and notices with our own (translated) button texts: Qt ships no
Vietnamese qtbase, so QMessageBox's standard buttons would stay in English."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)


def dialog_buttons(dialog: QDialog, ok_text: str,
                   cancel_text: str | None = None) -> QDialogButtonBox:
    """OK (the default, styled as the primary button) and an optional Cancel, with our
    own texts."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setProperty("primary", True)
    ok.setDefault(True)
    if cancel_text is not None:
        box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def primary_button(box: QDialogButtonBox) -> QAbstractButton:
    """The OK button of :func:`dialog_buttons` (to rename or disable it)."""
    return next(b for b in box.buttons()
                if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    """A yes/no question with translated buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes or QApplication.translate("Dialogs", "Yes"),
                               QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(QApplication.translate("Dialogs", "No"),
                              QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(QApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
