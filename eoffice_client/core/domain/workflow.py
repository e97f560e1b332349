"""The workflow of contract section 6 as ONE table that the client and the sandbox server share.

Each :class:`Rule` says, for one action: whether it changes ``version`` (the actions
marked (v)), who may take it (any one of several conjunctions of predicates), the
checks on its params, the statuses it starts from and ends in per direction, and what
becomes of ``pending_with`` and the assignments. :func:`check` answers in the order of
contract section 1 (403, then 409, then 422); :func:`apply` computes the new state. The
server passes a :class:`ServerEffects` that hands out numbers; the client's optimistic
copy passes none and leaves those fields for the server's answer.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import (
    CLOSED_STATUSES,
    AssigneeType,
    AssignmentRole,
    AssignmentStatus,
    CommentKind,
    Direction,
    Role,
    Status,
)

Document = dict[str, Any]
User = dict[str, Any]

# --- predicates -----------------------------------------------------------------------------
# "role:X" the user has role X; "pending" in pending_with; "lead" a lead assignee (directly or
# as an active member of a lead unit); "creator" created_by; "same_unit" the user's unit is the
# document's unit_id; "can_see" always true here (the server decides visibility before 404).
PENDING, LEAD, CREATOR, SAME_UNIT, CAN_SEE = "pending", "lead", "creator", "same_unit", "can_see"
CLERK, LEADER = f"role:{Role.CLERK}", f"role:{Role.LEADER}"


class PendingAfter(StrEnum):
    UNCHANGED = "unchanged"
    ACTOR = "actor"  # [the user who acted]
    TO_USER = "to_user"  # [params.to_user_id]
    LEAD_USERS = "lead_users"  # [active lead users] after the new assignments
    NOBODY = "nobody"  # []
    RETURN_TO = "return_to"  # incoming: registered_by, else created_by


class AssignmentsAfter(StrEnum):
    UNCHANGED = "unchanged"
    REPLACE = "replace"  # assign
    START_MINE = "start_mine"  # the caller's lead assignments -> in_progress
    ALL_DONE = "all_done"
    CLEAR = "clear"


@dataclass(frozen=True)
class Param:
    """One field of ``params``: its type, whether required, and bounds on it."""

    name: str
    kind: str  # "str", "date", "id", "list", "int"
    required: bool = True
    min_len: int = 0  # for str: after trimming
    max_len: int | None = None
    choices: tuple[str, ...] = ()
    nullable: bool = False


INCOMING = (Direction.INCOMING,)
OUT_INT = (Direction.OUTGOING, Direction.INTERNAL)
ALL_DIRECTIONS = (Direction.INCOMING, Direction.OUTGOING, Direction.INTERNAL)
OPEN_STATUSES = frozenset(s.value for s in Status) - CLOSED_STATUSES


@dataclass(frozen=True)
class Rule:
    action: str
    versioned: bool
    who: tuple[tuple[str, ...], ...]  # any of these conjunctions
    directions: tuple[Direction, ...]
    from_statuses: frozenset[str] | None  # None: any status
    to_status: str | None = None  # None: unchanged
    pending_after: PendingAfter = PendingAfter.UNCHANGED
    assignments_after: AssignmentsAfter = AssignmentsAfter.UNCHANGED
    params: tuple[Param, ...] = ()
    checks: tuple[str, ...] = ()  # named checks below, beyond the params' own
    history: bool = True


def _s(*statuses: Status) -> frozenset[str]:
    return frozenset(s.value for s in statuses)


RULES: Mapping[str, Rule] = {
    rule.action: rule
    for rule in (
        Rule("mark_read", False, ((CAN_SEE,),), ALL_DIRECTIONS, None, history=False),
        Rule(
            "comment", False, ((CAN_SEE,),), ALL_DIRECTIONS, None,
            params=(
                Param("id", "id"),
                Param("kind", "str", choices=tuple(k.value for k in CommentKind)),
                Param("text", "str", min_len=1, max_len=2000),
            ),
            checks=("directive_needs_leader",),
        ),
        Rule(
            "register", True, ((CLERK,),), INCOMING, _s(Status.RECEIVED), Status.REGISTERED,
            PendingAfter.ACTOR, params=(Param("register_id", "id"),), checks=("register_fits",),
        ),
        Rule(
            "reject", True, ((CLERK,),), INCOMING, _s(Status.RECEIVED), Status.DISCARDED,
            params=(Param("reason", "str", required=False, max_len=2000, nullable=True),),
        ),
        Rule(
            "submit", True, ((PENDING,),), ALL_DIRECTIONS,
            _s(Status.REGISTERED, Status.RETURNED, Status.DRAFT),
            None,  # per direction: see SUBMIT_TO
            PendingAfter.TO_USER, params=(Param("to_user_id", "id"),), checks=("to_user_known",),
        ),
        Rule(
            "forward", True, ((PENDING,), (LEADER,)), ALL_DIRECTIONS, None, None,
            PendingAfter.TO_USER,
            params=(
                Param("to_user_id", "id"),
                Param("note", "str", required=False, max_len=2000, nullable=True),
            ),
            checks=("to_user_known",),
        ),
        Rule(
            "assign", True, ((PENDING, LEADER),), INCOMING,
            _s(Status.AWAITING_ASSIGNMENT, Status.ASSIGNED, Status.IN_PROGRESS), Status.ASSIGNED,
            PendingAfter.LEAD_USERS, AssignmentsAfter.REPLACE,
            params=(
                Param("assignments", "list"),
                Param("directive", "str", required=False, max_len=2000, nullable=True),
            ),
            checks=("assignments_valid",),
        ),
        Rule(
            "extend", True, ((LEADER,),), ALL_DIRECTIONS, OPEN_STATUSES,
            params=(
                Param("due_date", "date"),
                Param("reason", "str", required=False, max_len=2000, nullable=True),
            ),
        ),
        Rule("start", True, ((LEAD,),), INCOMING, _s(Status.ASSIGNED), Status.IN_PROGRESS,
             assignments_after=AssignmentsAfter.START_MINE),
        Rule(
            "complete", True, ((LEAD,),), INCOMING, _s(Status.IN_PROGRESS), Status.COMPLETED,
            PendingAfter.NOBODY, AssignmentsAfter.ALL_DONE,
            params=(Param("note", "str", required=False, max_len=2000, nullable=True),),
        ),
        Rule(
            "return", True, ((PENDING,),), ALL_DIRECTIONS,
            _s(Status.AWAITING_ASSIGNMENT, Status.ASSIGNED, Status.IN_REVIEW, Status.APPROVED),
            Status.RETURNED, PendingAfter.RETURN_TO, AssignmentsAfter.CLEAR,
            params=(Param("reason", "str", min_len=10, max_len=2000),),
        ),
        Rule(
            "approve", True, ((PENDING, LEADER),), OUT_INT, _s(Status.IN_REVIEW), Status.APPROVED,
            PendingAfter.ACTOR,
            params=(Param("note", "str", required=False, max_len=2000, nullable=True),),
            checks=("one_main_pdf",),
        ),
        Rule(
            "sign", True, ((PENDING, LEADER),), OUT_INT, _s(Status.APPROVED), Status.SIGNED,
            PendingAfter.NOBODY,
            params=(Param("attachment_id", "id", nullable=True),), checks=("signed_file",),
        ),
        Rule(
            "number", True, ((CLERK,),), OUT_INT, _s(Status.SIGNED), Status.NUMBERED,
            PendingAfter.ACTOR, params=(Param("register_id", "id"),), checks=("register_fits",),
        ),
        Rule(
            "issue", True, ((CLERK,),), OUT_INT, _s(Status.NUMBERED), Status.ISSUED,
            PendingAfter.NOBODY,
            params=(Param("attachment_id", "id", nullable=True),), checks=("final_file",),
        ),
        Rule(
            "recall", True, ((LEADER, SAME_UNIT), (CLERK, SAME_UNIT)), OUT_INT,
            _s(Status.ISSUED), Status.RECALLED,
            params=(Param("reason", "str", required=False, max_len=2000, nullable=True),),
        ),
        Rule("discard", True, ((CREATOR,),), OUT_INT, _s(Status.DRAFT, Status.RETURNED),
             Status.DISCARDED),
    )
}

#: ``submit`` ends in a status that depends on the direction.
SUBMIT_TO: Mapping[str, str] = {
    Direction.INCOMING: Status.AWAITING_ASSIGNMENT,
    Direction.OUTGOING: Status.IN_REVIEW,
    Direction.INTERNAL: Status.IN_REVIEW,
}
#: ... and starts from statuses that depend on it too.
SUBMIT_FROM: Mapping[str, frozenset[str]] = {
    Direction.INCOMING: _s(Status.REGISTERED, Status.RETURNED),
    Direction.OUTGOING: _s(Status.DRAFT, Status.RETURNED),
    Direction.INTERNAL: _s(Status.DRAFT, Status.RETURNED),
}

ACTIONS: tuple[str, ...] = tuple(RULES)
VERSIONED_ACTIONS: frozenset[str] = frozenset(a for a, r in RULES.items() if r.versioned)


# --- context --------------------------------------------------------------------------------
@dataclass
class UserIndex:
    """The users the rules need to know about (lead units' members, known recipients)."""

    users: dict[str, User] = field(default_factory=dict)

    def members(self, unit_id: str) -> list[User]:
        return [u for u in self.users.values() if u.get("unit_id") == unit_id and u.get("active")]


@dataclass
class Catalog:
    """What the checks need of ``catalog``: its registers (None: not known yet, not checked)."""

    registers: list[dict[str, Any]] | None = None


class ServerEffects(Protocol):
    """What only the server gives: numbers, its organisation, a look at a file's bytes."""

    def next_arrival_number(self, register_id: str, year: int) -> int: ...

    def next_code_number(self, register_id: str, year: int) -> int: ...

    def organization(self) -> dict[str, str]: ...  # {"org_id","org_name","code"}

    def unit_code(self, unit_id: str | None) -> str: ...

    def is_pdf(self, attachment_id: str) -> bool: ...


@dataclass(frozen=True)
class Refusal:
    """Why an action may not be taken: HTTP status, problem code and field errors."""

    status: int
    code: str
    detail: str
    errors: tuple[dict[str, str], ...] = ()


# --- who ------------------------------------------------------------------------------------
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


def register_fits(doc: Document, register: Mapping[str, Any], today: dt.date) -> bool:
    """Whether ``register`` can take ``doc`` (its direction, this year, its secrecy): the
    ``register_fits`` check that ``register`` and ``number`` apply."""
    context = CheckContext(catalog=Catalog([dict(register)]), today=today)
    return not _check_register_fits(doc, {"register_id": register.get("id")}, context)


# --- params ---------------------------------------------------------------------------------
def param_errors(action: str, params: Mapping[str, Any]) -> list[dict[str, str]]:
    """The errors of ``params`` by the action's own param specs (forms check them first)."""
    rule = RULES.get(action)
    return _param_errors(rule, params) if rule is not None else []


def _param_errors(rule: Rule, params: Mapping[str, Any]) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    for spec in rule.params:
        value = params.get(spec.name)
        where = f"params.{spec.name}"
        if value is None:
            if spec.required and not (spec.nullable and spec.name in params):
                errors.append({"field": where, "message": "required"})
            continue
        message = _type_error(spec, value)
        if message:
            errors.append({"field": where, "message": message})
    return errors


def _type_error(spec: Param, value: Any) -> str | None:
    if spec.kind in ("str", "id", "date") and not isinstance(value, str):
        return "must be a string"
    if spec.kind == "list" and not isinstance(value, list):
        return "must be a list"
    if spec.kind == "id" and not value.strip():
        return "must not be empty"
    if spec.kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "must be a date YYYY-MM-DD"
    if spec.kind == "str":
        length = len(value.strip())
        if length < spec.min_len:
            return f"must have at least {spec.min_len} characters"
        if spec.max_len is not None and len(value) > spec.max_len:
            return f"must have at most {spec.max_len} characters"
        if spec.choices and value not in spec.choices:
            return "must be one of " + ", ".join(spec.choices)
    return None


def _check_register_fits(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    registers = ctx.catalog.registers
    if registers is None:
        return []
    register = next((r for r in registers if r.get("id") == params.get("register_id")), None)
    if register is None:
        return [{"field": "params.register_id", "message": "unknown register"}]
    incoming = doc.get("direction") == Direction.INCOMING
    wanted = Direction.INCOMING if incoming else Direction.OUTGOING
    problems = []
    if register.get("direction") != wanted:
        problems.append(f"must be a register of {wanted} documents")
    if register.get("year") != ctx.today.year:
        problems.append(f"must be a register of {ctx.today.year}")
    if bool(register.get("secret")) != (int(doc.get("secrecy") or 0) >= 1):
        problems.append("must be a secret register exactly when the document is secret")
    return [{"field": "params.register_id", "message": p} for p in problems]


def _check_assignments(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    items = params.get("assignments") or []
    errors = []
    for i, item in enumerate(items):
        where = f"params.assignments[{i}]"
        if not isinstance(item, dict):
            errors.append({"field": where, "message": "must be an object"})
            continue
        if item.get("assignee_type") not in (AssigneeType.USER, AssigneeType.UNIT):
            errors.append({"field": f"{where}.assignee_type", "message": "must be user or unit"})
        if not isinstance(item.get("assignee_id"), str) or not item.get("assignee_id"):
            errors.append({"field": f"{where}.assignee_id", "message": "required"})
        if item.get("role") not in tuple(r.value for r in AssignmentRole):
            errors.append({"field": f"{where}.role", "message": "must be lead, support or info"})
        due = item.get("due_date")
        if due is not None and _type_error(Param("due_date", "date"), due):
            errors.append({"field": f"{where}.due_date", "message": "must be a date YYYY-MM-DD"})
    if not any(isinstance(i, dict) and i.get("role") == AssignmentRole.LEAD for i in items):
        errors.append({"field": "params.assignments", "message": "needs at least one lead"})
    return errors


def _check_one_main_pdf(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    if int(doc.get("secrecy") or 0) >= 1:
        return []
    mains = [a for a in doc.get("attachments") or [] if a.get("role") == "main"]
    if len(mains) != 1:
        return [{"field": "attachments", "message": "needs exactly one main attachment"}]
    if not ctx.is_pdf(mains[0]):
        return [{"field": "attachments", "message": "the main attachment must be a PDF"}]
    return []


def _file_of_role(role: str) -> Callable[[Document, Mapping[str, Any], CheckContext], list]:
    def check(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
        attachment_id = params.get("attachment_id")
        if attachment_id is None:
            if int(doc.get("secrecy") or 0) >= 1:
                return []
            return [{"field": "params.attachment_id", "message": f"needs the {role} PDF"}]
        found = [a for a in doc.get("attachments") or [] if a.get("id") == attachment_id]
        if not found or found[0].get("role") != role:
            return [{"field": "params.attachment_id", "message": f"must be a {role} attachment"}]
        return []

    return check


def _check_to_user(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    users = ctx.directory.users
    target = params.get("to_user_id")
    if users and isinstance(target, str) and target not in users:
        return [{"field": "params.to_user_id", "message": "unknown user"}]
    return []


CHECKS: Mapping[str, Callable[[Document, Mapping[str, Any], CheckContext], list]] = {
    "register_fits": _check_register_fits,
    "assignments_valid": _check_assignments,
    "one_main_pdf": _check_one_main_pdf,
    "signed_file": _file_of_role("signed"),
    "final_file": _file_of_role("final"),
    "to_user_known": _check_to_user,
}


@dataclass
class CheckContext:
    directory: UserIndex = field(default_factory=UserIndex)
    catalog: Catalog = field(default_factory=Catalog)
    today: dt.date = field(default_factory=today_vietnam)  # "the current year" is Vietnam's
    pdf_probe: Callable[[dict[str, Any]], bool] | None = None  # the server looks at the bytes

    def is_pdf(self, attachment: dict[str, Any]) -> bool:
        if self.pdf_probe is not None:
            return self.pdf_probe(attachment)
        name = str(attachment.get("file_name") or "").lower()
        return attachment.get("content_type") == "application/pdf" or name.endswith(".pdf")


def check(
    doc: Document, action: str, params: Any, user: User, ctx: CheckContext | None = None
) -> Refusal | None:
    """None when ``user`` may take ``action`` now, else why not (403, 409, 422 in that order)."""
    ctx = ctx or CheckContext()
    rule = RULES.get(action)
    if rule is None:
        return Refusal(422, "validation_failed", f"unknown action {action!r}",
                       ({"field": "action", "message": "unknown action"},))
    if not may_take(rule, doc, user) or _directive_by_non_leader(rule, params, user):
        return Refusal(403, "forbidden", f"this user may not {action} this document")
    if not status_allows(rule, doc):
        return Refusal(409, "invalid_transition",
                       f"{action} is not allowed on a {doc.get('direction')} document "
                       f"in status {doc.get('status')}")
    if not isinstance(params, dict):
        return Refusal(422, "validation_failed", "params must be an object",
                       ({"field": "params", "message": "must be an object"},))
    errors = _param_errors(rule, params)
    if not errors:
        for name in rule.checks:
            if name in CHECKS:
                errors.extend(CHECKS[name](doc, params, ctx))
    if errors:
        return Refusal(422, "validation_failed", "invalid params", tuple(errors))
    return None


def _directive_by_non_leader(rule: Rule, params: Any, user: User) -> bool:
    return (
        "directive_needs_leader" in rule.checks
        and isinstance(params, dict)
        and params.get("kind") == CommentKind.DIRECTIVE
        and Role.LEADER not in (user.get("roles") or [])
    )


# --- effects --------------------------------------------------------------------------------
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
