"""Whether a document already shows what a refused action wanted.

A change queued on this computer may be refused because the same thing was done
elsewhere meanwhile (completed on another device, read on the web): the server then
answers 409 (the status no longer allows it) or 412 (the version moved on). Such a
change is not a conflict for the person to settle: it is done, and the outbox drops it
with a note. Only what the document itself proves counts.
"""

from __future__ import annotations

from collections.abc import Mapping

from eoffice_client.core.domain.workflow_rules import RULES, SUBMIT_TO


def already_done(doc: Mapping[str, object], action: str, params: Mapping[str, object],
                 user_id: str) -> bool:
    """True when ``doc`` (the server's state) already shows the effect of ``action``."""
    if action == "mark_read":
        return doc.get("read") is True or user_id in _strings(doc.get("readers"))
    if action == "comment":
        return any(c.get("id") == params.get("id") for c in _objects(doc.get("comments")))
    if action == "extend":
        return bool(params.get("due_date")) and doc.get("due_date") == params.get("due_date")
    if action in ("forward", "submit"):
        target = params.get("to_user_id")
        waiting = _strings(doc.get("pending_with"))
        reached = action == "forward" or doc.get("status") == SUBMIT_TO.get(
            str(doc.get("direction")))
        return reached and bool(target) and waiting == [target]
    rule = RULES.get(action)
    return rule is not None and rule.to_status is not None and doc.get("status") == (
        rule.to_status)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _objects(value: object) -> list[Mapping[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
