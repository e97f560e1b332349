"""Asks the user for an action's params: the form of the action (the assignment dialog or
the params form, which the window keeps open until the action is queued), or a plain
confirmation for several documents; and how a refusal of the rules reads in the form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from eoffice_client.core.app.records import Directory, Person
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.actions.assign_dialog import AssignDialog
from eoffice_client.ui.actions.offered import NO_PARAMS, action_label, translate
from eoffice_client.ui.actions.params_dialog import ParamsDialog
from eoffice_client.ui.dialogs.form import FormDialog
from eoffice_client.ui.dialogs.messages import confirm
from eoffice_client.ui.window.errors import error_text


def params_form(
    action: str,
    docs: Sequence[dict[str, Any]],
    me: Person,
    directory: Directory,
    parent: QWidget | None,
) -> FormDialog | None:
    """The form that asks for the params of ``action``; None when it takes none."""
    if action == "assign":
        return AssignDialog(directory, parent=parent, count=len(docs))
    if action in NO_PARAMS:
        return None
    return ParamsDialog(action, docs, me, directory, parent)


def confirm_several(action: str, count: int, parent: QWidget | None) -> bool:
    """An action without params on one document goes at once; on several, asks first."""
    if count == 1:
        return True
    question = translate("Actions", "Apply to %n document(s)?", "", count)
    return confirm(parent, action_label(action), question)


def _captions() -> dict[str, str]:
    return {
        "to_user_id": translate("Actions", "Send to"),
        "register_id": translate("Actions", "Register"),
        "reason": translate("Actions", "Reason"),
        "text": translate("Actions", "Text"),
        "due_date": translate("Actions", "New deadline"),
        "assignments": translate("Actions", "People and units"),
    }


def refusal_text(exc: BaseException, action: str) -> str:
    """What the user reads in the form when the rules refuse ``action``: which field, and
    what to do (the core's message for other errors, never a class name)."""
    if not isinstance(exc, ClientError):
        return error_text(exc)
    name = action_label(action)
    if exc.key == "sync.not_allowed":
        return translate(
            "Actions", "The rules do not allow «%1» on this document now: someone may have "
            "acted on it since the last sync. Cancel, and look at the document again."
        ).replace("%1", name)
    if exc.key == "sync.invalid_params":
        detail = str(exc.values.get("detail") or "")
        fields = [caption for key, caption in _captions().items() if key in detail]
        if fields:
            return translate(
                "Actions", "Check «%1»: the rules do not accept what it holds. Correct it "
                "and try again.").replace("%1", ", ".join(fields))
    return exc.message()
