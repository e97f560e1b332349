"""A form that keeps what the user typed: it closes only when its work succeeded.

The window gives the form a ``submit`` callback; "OK" first asks the form's own
``problems()``, then hands the form to ``submit`` and waits (its buttons disabled) for
:meth:`FormDialog.succeeded` or :meth:`FormDialog.failed`. A refusal by the rules, a bad
file or any other error is shown inside the form, next to the fields, which stay filled.
Without a callback the form closes on "OK" as a plain dialog does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


class FormDialog(QDialog):
    """``error`` is the form's message line (red, wrapped); ``submit`` does its work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.submit: Callable[[FormDialog], None] | None = None
        self.busy = False

    def params(self) -> dict[str, Any]:
        """What the form holds, as the action's params (none here)."""
        return {}

    def problems(self) -> list[str]:
        """What is wrong with the fields, checked before the work starts (none here)."""
        return []

    def accept(self) -> None:
        if self.busy:
            return
        problems = self.problems()
        if problems:
            self.show_problem("\n".join(problems))
            return
        if self.submit is None:
            super().accept()
            return
        self.show_problem("")
        self._set_busy(True)
        self.submit(self)

    def succeeded(self) -> None:
        """The work is done: the form closes."""
        self._set_busy(False)
        super().accept()

    def failed(self, text: str, field: QWidget | None = None) -> None:
        """The work was refused or failed: the message in the form, the fields kept, the
        field it is about focused."""
        self._set_busy(False)
        self.show_problem(text)
        if field is not None:
            field.setFocus()

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.adjustSize()  # room for every line of the message, none of it clipped

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                    button.setEnabled(not busy)
