"""Who may take which workflow action: the predicates of the rules table, evaluated.

Buttons and menus show :func:`allowed_actions`; the window offers only the actions of
:func:`role_actions` at all; forms pick recipients with :func:`may_receive`.
"""

from __future__ import annotations

from collections.abc import Mapping

from eoffice_client.core.domain.enums import AssigneeType, AssignmentRole, Direction, Role
from eoffice_client.core.domain.workflow_rules import (
    CAN_SEE,
    CREATOR,
    LEAD,
    PENDING,
    RULES,
    SAME_UNIT,
    SUBMIT_FROM,
    SUBMIT_TO,
    Document,
    Rule,
    User,
)


def is_lead(doc: Document, user: User) -> bool:
    """A lead assignee, directly or as an active member of a lead unit."""
    for assignment in doc.get("assignments") or []:
        if assignment.get("role") != AssignmentRole.LEAD:
            continue
        if assignment.get("assignee_type") == AssigneeType.USER:
            if assignment.get("assignee_id") == user.get("id"):
                return True
        elif (
            assignment.get("assignee_type") == AssigneeType.UNIT
            and user.get("active", True)
            and user.get("unit_id") is not None
            and assignment.get("assignee_id") == user.get("unit_id")
        ):
            return True
    return False


def _holds(predicate: str, doc: Document, user: User) -> bool:
    if predicate.startswith("role:"):
        return predicate[5:] in (user.get("roles") or [])
    if predicate == PENDING:
        return user.get("id") in (doc.get("pending_with") or [])
    if predicate == LEAD:
        return is_lead(doc, user)
    if predicate == CREATOR:
        return doc.get("created_by") == user.get("id")
    if predicate == SAME_UNIT:
        return doc.get("unit_id") is not None and doc.get("unit_id") == user.get("unit_id")
    if predicate == CAN_SEE:
        return True
    raise ValueError(f"unknown predicate {predicate!r}")


def may_take(rule: Rule, doc: Document, user: User) -> bool:
    return any(all(_holds(p, doc, user) for p in conj) for conj in rule.who)


def status_allows(rule: Rule, doc: Document) -> bool:
    direction = doc.get("direction")
    if direction not in rule.directions:
        return False
    statuses = SUBMIT_FROM.get(direction, frozenset()) if rule.action == "submit" else (
        rule.from_statuses
    )
    return statuses is None or doc.get("status") in statuses


def allowed_actions(doc: Document, user: User) -> list[str]:
    """The actions this user may take on this document now (for buttons and menus)."""
    return [
        action for action, rule in RULES.items()
        if status_allows(rule, doc) and may_take(rule, doc, user)
    ]


def may_ever_take(action: str, user: User) -> bool:
    """Whether the user's roles let them take ``action`` on SOME document: the role
    predicates of one of its conjunctions hold (the others depend on the document).
    The window offers only these actions at all (menus, toolbar, context menu)."""
    rule = RULES.get(action)
    if rule is None:
        return False
    return any(
        all(_holds(p, {}, user) for p in conj if p.startswith("role:")) for conj in rule.who
    )


def role_actions(user: User) -> list[str]:
    """The actions the user's roles allow on some document, in the table's order."""
    return [action for action in RULES if may_ever_take(action, user)]


#: who may create a document of each direction (contract section 6: incoming needs a clerk)
CREATE_ROLES: Mapping[str, frozenset[str]] = {
    Direction.INCOMING: frozenset({Role.CLERK.value}),
}


def may_create(direction: str, user: User) -> bool:
    """Whether the user may create a document of ``direction`` (registering a paper
    document is creating an incoming one)."""
    needed = CREATE_ROLES.get(direction)
    return not needed or bool(needed & set(user.get("roles") or []))


#: the action that moves a submitted document on, per direction: a "Trình" goes to someone
#: who may take it once the document is pending with them
SUBMIT_NEXT: Mapping[str, str] = {
    Direction.INCOMING: "assign",
    Direction.OUTGOING: "approve",
    Direction.INTERNAL: "approve",
}
#: the roles that handle documents (an administrator alone does not)
HANDLING_ROLES = frozenset({Role.CLERK.value, Role.OFFICER.value, Role.LEADER.value})


def may_receive(action: str, doc: Document, user: User) -> bool:
    """Whether ``user`` may be the ``to_user_id`` of ``action`` on ``doc``: an active user
    with a handling role; for ``submit``, one who may take the next step (assign or
    approve) once the document is pending with them."""
    if user.get("active") is False or not HANDLING_ROLES & set(user.get("roles") or []):
        return False
    direction = doc.get("direction")
    next_action = SUBMIT_NEXT.get(direction or "") if action == "submit" else None
    if next_action is None:
        return True
    after = {**doc, "status": SUBMIT_TO[direction or ""], "pending_with": [user.get("id")]}
    return may_take(RULES[next_action], after, user)


def may_be_assigned(user: User) -> bool:
    """Whether a person can be given an assignment (chủ trì, phối hợp, để biết)."""
    return user.get("active") is not False and bool(
        HANDLING_ROLES & set(user.get("roles") or []))
