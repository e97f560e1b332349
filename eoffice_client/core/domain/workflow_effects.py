"""What a workflow action does to a document: :func:`apply` computes the new state.

The server passes a :class:`ServerEffects` that hands out numbers; the client's optimistic
copy passes none and leaves those fields for the server's answer.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from typing import Any

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import (
    AssigneeType,
    AssignmentRole,
    AssignmentStatus,
    CommentKind,
    Direction,
)
from eoffice_client.core.domain.workflow_access import is_lead
from eoffice_client.core.domain.workflow_context import ServerEffects, UserIndex
from eoffice_client.core.domain.workflow_rules import (
    RULES,
    SUBMIT_TO,
    AssignmentsAfter,
    Document,
    PendingAfter,
    Rule,
    User,
)


def apply(
    doc: Document,
    action: str,
    params: dict[str, Any],
    user: User,
    now: dt.datetime,
    directory: UserIndex | None = None,
    server: ServerEffects | None = None,
) -> Document:
    """The document after ``action`` (a new dict; ``doc`` is left as it was).

    Call :func:`check` first. With ``server`` None (the client's optimistic copy) the
    numbers the server hands out stay as they were until its answer arrives.
    """
    rule = RULES[action]
    directory = directory or UserIndex()
    new = copy.deepcopy(doc)
    stamp = now.isoformat(timespec="seconds")
    if action == "mark_read":
        new["read"] = True
        if user["id"] not in new.setdefault("readers", []):
            new["readers"].append(user["id"])
    elif action == "comment":
        new.setdefault("comments", []).append({
            "id": params["id"], "author_id": user["id"], "kind": params["kind"],
            "text": params["text"], "created_at": stamp,
        })
    _apply_status(rule, new)
    _apply_assignments(rule, new, params, user, stamp)
    _apply_pending(rule, new, params, user, directory)
    _apply_fields(action, new, params, user, now, server)
    if rule.history:
        new.setdefault("history", []).append({
            "at": stamp, "actor_id": user["id"], "action": action, "detail": _detail(params),
        })
    if rule.versioned:
        new["version"] = int(new.get("version") or 0) + 1
    new["updated_at"] = stamp
    return new


def _apply_status(rule: Rule, doc: Document) -> None:
    if rule.action == "submit":
        doc["status"] = SUBMIT_TO[doc["direction"]]
    elif rule.to_status is not None:
        doc["status"] = str(rule.to_status)


def _apply_assignments(
    rule: Rule, doc: Document, params: dict[str, Any], user: User, stamp: str
) -> None:
    effect = rule.assignments_after
    current = doc.setdefault("assignments", [])
    if effect == AssignmentsAfter.REPLACE:
        directive = params.get("directive") or ""
        doc["assignments"] = [
            {
                "id": item.get("id") or str(uuid.uuid4()),
                "assignee_type": item["assignee_type"],
                "assignee_id": item["assignee_id"],
                "role": item["role"],
                "status": AssignmentStatus.PENDING.value,
                "due_date": item.get("due_date"),
                "assigned_by": user["id"],
                "note": directive,
            }
            for item in params["assignments"]
        ]
        lead_dues = [
            a["due_date"] for a in doc["assignments"] if a["role"] == "lead" and a["due_date"]
        ]
        if lead_dues:
            doc["due_date"] = max(lead_dues)
        if directive:
            doc.setdefault("comments", []).append({
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{doc['id']}/{stamp}/directive")),
                "author_id": user["id"], "kind": CommentKind.DIRECTIVE.value,
                "text": directive, "created_at": stamp,
            })
    elif effect == AssignmentsAfter.START_MINE:
        probe = {"assignments": current}
        for assignment in current:
            if assignment.get("role") == AssignmentRole.LEAD and is_lead(
                {**probe, "assignments": [assignment]}, user
            ):
                assignment["status"] = AssignmentStatus.IN_PROGRESS.value
    elif effect == AssignmentsAfter.ALL_DONE:
        for assignment in current:
            assignment["status"] = AssignmentStatus.DONE.value
    elif effect == AssignmentsAfter.CLEAR:
        doc["assignments"] = []


def _apply_pending(
    rule: Rule, doc: Document, params: dict[str, Any], user: User, directory: UserIndex
) -> None:
    effect = rule.pending_after
    if effect == PendingAfter.ACTOR:
        doc["pending_with"] = [user["id"]]
    elif effect == PendingAfter.TO_USER:
        doc["pending_with"] = [params["to_user_id"]]
    elif effect == PendingAfter.NOBODY:
        doc["pending_with"] = []
    elif effect == PendingAfter.RETURN_TO:
        target = doc.get("created_by")
        if doc.get("direction") == Direction.INCOMING and doc.get("registered_by"):
            target = doc["registered_by"]
        doc["pending_with"] = [target] if target else []
    elif effect == PendingAfter.LEAD_USERS:
        doc["pending_with"] = lead_users(doc, directory)


def lead_users(doc: Document, directory: UserIndex) -> list[str]:
    """Active lead users: lead user assignees and the active members of lead units."""
    found: list[str] = []
    for assignment in doc.get("assignments") or []:
        if assignment.get("role") != AssignmentRole.LEAD:
            continue
        if assignment.get("assignee_type") == AssigneeType.USER:
            user = directory.users.get(assignment["assignee_id"])
            ids = [assignment["assignee_id"]] if user is None or user.get("active", True) else []
        else:
            ids = [u["id"] for u in directory.members(assignment["assignee_id"])]
        found.extend(i for i in ids if i not in found)
    return found


def _apply_fields(
    action: str,
    doc: Document,
    params: dict[str, Any],
    user: User,
    now: dt.datetime,
    server: ServerEffects | None,
) -> None:
    today = today_vietnam(now)  # dates are Vietnam's (contract section 1), whatever now's zone
    if action == "extend":
        doc["due_date"] = params["due_date"]
    elif action == "register":
        doc["register_id"] = params["register_id"]
        doc["registered_by"] = user["id"]
        if server is not None:
            doc["arrival_number"] = server.next_arrival_number(params["register_id"], today.year)
            doc["arrival_date"] = doc.get("arrival_date") or today.isoformat()
    elif action == "number":
        doc["register_id"] = params["register_id"]
        if server is not None:
            _number(doc, params["register_id"], today, server)


def _number(doc: Document, register_id: str, today: dt.date, server: ServerEffects) -> None:
    from eoffice_client.core.domain.numbering import notation_for

    org = server.organization()
    doc["code_number"] = server.next_code_number(register_id, today.year)
    doc["issued_date"] = today.isoformat()
    if not doc.get("code_notation"):
        doc["code_notation"] = notation_for(
            doc["type_code"], org["code"], server.unit_code(doc.get("unit_id"))
        )
    doc["issuer"] = {"org_id": org["org_id"], "org_name": org["org_name"]}


def _detail(params: dict[str, Any]) -> str:
    for key in ("reason", "note", "directive", "to_user_id", "due_date", "register_id", "text"):
        value = params.get(key)
        if isinstance(value, str) and value:
            return value
    return ""
