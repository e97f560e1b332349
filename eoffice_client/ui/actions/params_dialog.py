"""The small form that asks for one action's params (a comment's text, a new deadline, the
person to send to...), checked with the workflow's own rules before it closes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from eoffice_client.core.app.records import Directory, Person
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.ui.actions.offered import action_label
from eoffice_client.ui.actions.person_picker import PersonPicker, person_choices
from eoffice_client.ui.dialogs.form import FormDialog
from eoffice_client.ui.secret_note import is_secret, secret_explanation


class ParamsDialog(FormDialog):
    """A small form for one action's params, checked with the domain's own rules; it
    stays open with what was typed when the action is refused (see ``FormDialog``)."""

    def __init__(
        self,
        action: str,
        docs: Sequence[dict[str, Any]],
        me: Person,
        directory: Directory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action, self.docs, self.me = action, list(docs), me
        self.directory = directory
        self.setWindowTitle(action_label(action))
        self.form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        builders = {"comment": self._build_comment, "register": self._build_register,
                    "reject": self._build_reject, "submit": self._build_submit,
                    "forward": self._build_forward, "extend": self._build_extend,
                    "complete": self._build_complete, "return": self._build_return,
                    "approve": self._build_approve, "recall": self._build_recall,
                    "discard": self._build_discard}
        builders.get(action, self._build_none)()
        count = len(self.docs)
        if count > 1:
            self.form.insertRow(0, QLabel(self.tr("%n document(s) selected", "", count), self))
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(action_label(action), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setProperty("primary", True)
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.setMinimumWidth(460)

    # --- builders --------------------------------------------------------------------------
    def _build_none(self) -> None:
        self.form.addRow(QLabel(self.tr("Confirm this action?"), self))

    def _text(self, name: str, caption: str, hint: str = "") -> None:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(caption)
        edit.setMinimumHeight(90)
        self.fields[name] = edit
        self.form.addRow(caption, edit)

    def _user(self, name: str, caption: str) -> None:
        """Only the people who may receive the action on every selected document, each
        with their title and unit, nobody chosen yet."""
        def keep(person: Person) -> bool:
            user = person.as_json()
            return person.id != self.me.id and all(
                workflow.may_receive(self.action, doc, user) for doc in self.docs)

        picker = PersonPicker(person_choices(self.directory.people.values(),
                                             self.directory.units, keep), self)
        picker.setAccessibleName(caption)
        self.fields[name] = picker
        self.form.addRow(caption, picker)

    def _date(self, name: str, caption: str, days_ahead: int = 5) -> None:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        today = today_vietnam()
        edit.setDate(QDate(today.year, today.month, today.day).addDays(days_ahead))
        edit.setAccessibleName(caption)
        self.fields[name] = edit
        self.form.addRow(caption, edit)

    def _build_comment(self) -> None:
        combo = QComboBox(self)
        combo.addItem(self.tr("Opinion"), "opinion")
        combo.addItem(self.tr("Note"), "note")
        if self.me.has_role("leader"):
            combo.addItem(self.tr("Directive"), "directive")
        combo.setAccessibleName(self.tr("Kind"))
        self.fields["kind"] = combo
        self.form.addRow(self.tr("Kind"), combo)
        self._text("text", self.tr("Text"))

    def _build_register(self) -> None:
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("Register"))
        today = today_vietnam()
        for register in self.directory.registers.values():
            if all(workflow.register_fits({"direction": "incoming", **doc}, register.as_json(),
                                          today) for doc in self.docs):
                combo.addItem(register.name, register.id)
        self.fields["register_id"] = combo
        self.form.addRow(self.tr("Register"), combo)

    def _build_reject(self) -> None:
        self._text(
            "reason",
            self.tr("Reason (optional)"),
            self.tr("e.g. wrongly addressed, or a duplicate"),
        )

    def _build_submit(self) -> None:
        self._user("to_user_id", self.tr("Send to"))

    def _build_forward(self) -> None:
        self._user("to_user_id", self.tr("Send to"))
        self._text("note", self.tr("Note (optional)"))

    def _build_extend(self) -> None:
        self._date("due_date", self.tr("New deadline"))
        self._text("reason", self.tr("Reason (optional)"))

    def _build_complete(self) -> None:
        self._text("note", self.tr("Result (optional)"))

    def _build_return(self) -> None:
        self._text("reason", self.tr("Reason"), self.tr("At least 10 characters"))

    def _build_approve(self) -> None:
        secret = [d for d in self.docs if is_secret(d)]
        if secret:  # nothing to read here: the leader approves the paper copy
            note = QLabel(secret_explanation(secret[0].get("direction")), self)
            note.setObjectName("secretNote")
            note.setWordWrap(True)
            self.form.addRow(note)
        self._text("note", self.tr("Note (optional)"))

    def _build_recall(self) -> None:
        self._text("reason", self.tr("Reason (optional)"))

    def _build_discard(self) -> None:
        self.form.addRow(
            QLabel(self.tr("The draft will be discarded for everyone once this is sent."), self)
        )

    # --- values ----------------------------------------------------------------------------
    def params(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                text = widget.toPlainText().strip()
                if text:
                    values[name] = text
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, PersonPicker):
                values[name] = widget.current_id()
            elif isinstance(widget, QDateEdit):
                values[name] = widget.date().toString("yyyy-MM-dd")
        if self.action == "comment":
            values["id"] = str(uuid.uuid4())
        return values

    def problems(self) -> list[str]:
        """The domain's own param checks, so the dialog refuses what the server would."""
        params = self.params()
        errors = workflow.param_errors(self.action, params)
        messages = []
        for error in errors:
            name = error["field"].split(".")[-1]
            if self.action == "return" and name == "reason":
                messages.append(self.tr("The reason needs at least 10 characters."))
            elif name in ("to_user_id", "register_id"):
                messages.append(self.tr("Choose one from the list."))
            elif name == "text":
                messages.append(self.tr("Write the text (at most 2,000 characters)."))
            else:
                messages.append(self.tr("Check the field: %1").replace("%1", name))
        if self.action == "extend" and params.get("due_date", "") < today_vietnam().isoformat():
            messages.append(self.tr("The new deadline cannot be in the past."))
        return messages
