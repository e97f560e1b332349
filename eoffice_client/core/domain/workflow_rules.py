"""The workflow of contract section 6 as ONE table that the client and the sandbox server share.

Each :class:`Rule` says, for one action: whether it changes ``version`` (the actions
marked (v)), who may take it (any one of several conjunctions of predicates), the
checks on its params, the statuses it starts from and ends in per direction, and what
becomes of ``pending_with`` and the assignments. The engine that reads the table is in
workflow_access.py (who), workflow_checks.py (may it be taken) and workflow_effects.py
(what it does); workflow.py gathers them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from eoffice_client.core.domain.enums import CLOSED_STATUSES, CommentKind, Direction, Role, Status

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
