"""Asks the user for an action's params: the assignment dialog, a plain confirmation for
several documents, or the params form; None when the user cancels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from eoffice_client.ui.actions.assign_dialog import AssignDialog
from eoffice_client.ui.actions.offered import NO_PARAMS, action_label, translate
from eoffice_client.ui.actions.params_dialog import ParamsDialog
from eoffice_client.ui.dialogs.messages import confirm


def ask_params(
    action: str,
    docs: Sequence[dict[str, Any]],
    me: dict[str, Any],
    users: list[dict],
    units: list[dict],
    catalog: dict,
    parent: QWidget | None,
) -> dict | None:
    """The params of ``action`` from the user, None when cancelled."""
    if action == "assign":
        assign = AssignDialog(users, parent=parent, count=len(docs), units=units)
        return assign.params() if assign.exec() == QDialog.DialogCode.Accepted else None
    if action in NO_PARAMS and len(docs) == 1:
        return {}
    if action in NO_PARAMS:
        question = translate("Actions", "Apply to %n document(s)?", "", len(docs))
        return {} if confirm(parent, action_label(action), question) else None
    dialog = ParamsDialog(action, docs, me, users, catalog, parent)
    return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
