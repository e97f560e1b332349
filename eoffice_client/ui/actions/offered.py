"""The workflow actions as the window offers them: their order and labels. Which of them
a user may take on the selected documents comes from ``core.domain.workflow``; the
dialogs that ask for an action's params are in ``ask.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from eoffice_client.core.app.records import Person
from eoffice_client.core.domain import workflow

#: The actions the window offers, in the order of the action bar.
OFFERED: tuple[str, ...] = (
    "mark_read",
    "comment",
    "register",
    "reject",
    "submit",
    "forward",
    "assign",
    "extend",
    "start",
    "complete",
    "return",
    "approve",
    "recall",
    "discard",
)
#: Actions that need no dialog (still confirmable).
NO_PARAMS = frozenset({"mark_read", "start"})

translate = QCoreApplication.translate


def action_label(action: str) -> str:
    labels = {
        "mark_read": translate("Actions", "Mark as read"),
        "comment": translate("Actions", "Comment"),
        "register": translate("Actions", "Register"),
        "reject": translate("Actions", "Reject"),
        "submit": translate("Actions", "Submit"),
        "forward": translate("Actions", "Forward"),
        "assign": translate("Actions", "Assign"),
        "extend": translate("Actions", "Extend deadline"),
        "start": translate("Actions", "Start"),
        "complete": translate("Actions", "Complete"),
        "return": translate("Actions", "Return"),
        "approve": translate("Actions", "Approve"),
        "recall": translate("Actions", "Recall"),
        "discard": translate("Actions", "Discard draft"),
        "sign": translate("Actions", "Sign"),
        "number": translate("Actions", "Number"),
        "issue": translate("Actions", "Issue"),
        "create": translate("Actions", "Created"),
        "patch": translate("Actions", "Edited"),
    }
    return labels.get(action, action)


def role_offered(me: Person | None) -> set[str]:
    """The offered actions the user's roles allow on some document (the others are not
    shown at all: a leader never sees "Register", an officer never "Approve")."""
    if me is None:
        return set()
    return set(OFFERED) & set(workflow.role_actions(me.as_json()))


def may_register_paper(me: Person | None) -> bool:
    """Registering a paper document creates an incoming one: clerks only."""
    return me is not None and workflow.may_create("incoming", me.as_json())


def enabled_actions(docs: Sequence[Mapping[str, object]], me: Person | None) -> set[str]:
    """Actions every selected document allows this user (several rows take one action);
    the documents in the contract's shape, as the workflow's rules read them."""
    if not docs or me is None:
        return set()
    user = me.as_json()
    allowed = set(OFFERED)
    for doc in docs:
        allowed &= set(workflow.allowed_actions(dict(doc), user))
    if all(doc.get("read") for doc in docs):  # nothing left to mark
        allowed.discard("mark_read")
    return allowed
