"""Contract section 6 (eoffice-api-v1.md), transcribed by hand for the workflow tests.

Nothing here comes from ``eoffice_client``: the rules are copied from the contract text,
so a wrong row in ``core/domain/workflow.py`` (shared by the client and the sandbox
server) fails against this table. Where the contract is silent or can be read two ways,
the table says "unsettled" (``None``) and no case is generated for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# --- section 6, "Statuses" ---------------------------------------------------------------
INCOMING_STATUSES = ("received", "registered", "awaiting_assignment", "assigned",
                     "in_progress", "completed", "returned", "discarded")
OUTGOING_STATUSES = ("draft", "in_review", "approved", "signed", "numbered", "issued",
                     "recalled", "returned", "discarded")
STATUSES: dict[str, tuple[str, ...]] = {
    "incoming": INCOMING_STATUSES,
    "outgoing": OUTGOING_STATUSES,
    "internal": OUTGOING_STATUSES,  # "Outgoing and internal: draft -> in_review -> ..."
}
DIRECTIONS = tuple(STATUSES)
#: The extend row: "any status but completed, issued, recalled, discarded".
CLOSED = frozenset({"completed", "issued", "recalled", "discarded"})
ROLES = ("clerk", "officer", "leader", "admin")


def every(statuses_of: dict[str, tuple[str, ...]] = STATUSES,
          but: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """Every status of every direction (but some): the rows that name no "before"."""
    return {d: tuple(s for s in statuses if s not in but) for d, statuses in statuses_of.items()}


IN, OUT, INT = "incoming", "outgoing", "internal"

# --- "Who" --------------------------------------------------------------------------------
# A persona is a role plus how the user stands to the document. Relations:
#   pending    the user is in pending_with
#   creator    created_by is the user
#   lead_user  a `lead` assignment names the user (assignee_type user)
#   lead_unit  a `lead` assignment names the user's unit, and the user is active
#   lead_unit_inactive  the same, but the user is inactive ("an active member" only)
#   support    a `support` assignment names the user (not a lead)
#   same_unit  the user's unit_id is the document's unit_id


@dataclass(frozen=True)
class Persona:
    role: str
    relations: frozenset[str]
    name: str  # the relations part of test ids

    @property
    def id(self) -> str:
        return f"{self.role}-{self.name}"

    def has(self, relation: str) -> bool:
        return relation in self.relations


def _relations(name: str, *relations: str) -> tuple[str, frozenset[str]]:
    return name, frozenset(relations)


PLAIN = _relations("plain")
PENDING = _relations("pending", "pending")
INVOLVED = _relations("involved", "pending", "creator", "lead_user", "same_unit")
INVOLVED_NOT_PENDING = _relations("involved-not-pending", "creator", "lead_user", "same_unit")
INVOLVED_NOT_CREATOR = _relations("involved-not-creator", "pending", "lead_user", "same_unit")
CREATOR = _relations("creator", "creator")
LEAD_USER = _relations("lead-user", "lead_user")
LEAD_UNIT = _relations("lead-unit", "lead_unit")
LEAD_UNIT_INACTIVE = _relations("lead-unit-inactive", "lead_unit_inactive")
SUPPORT = _relations("support-not-lead", "support")
PENDING_NOT_LEAD = _relations("pending-not-lead", "pending", "support")
SAME_UNIT = _relations("same-unit", "same_unit")
OTHER_UNIT = _relations("other-unit")
INVOLVED_OTHER_UNIT = _relations("involved-other-unit", "pending", "creator", "lead_user")


def _who_anyone(p: Persona) -> bool | None:
    return True  # "anyone who sees it" (seeing is the server's 404, before these rules)


def _who_clerk(p: Persona) -> bool | None:
    return p.role == "clerk"


def _who_leader(p: Persona) -> bool | None:
    return p.role == "leader"


def _who_pending(p: Persona) -> bool | None:
    return p.has("pending")


def _who_pending_or_leader(p: Persona) -> bool | None:
    # "pending, or a leader": a leader who is NOT pending may be "any leader" or a
    # misreading of "pending leader"; the contract does not settle it.
    if p.has("pending"):
        return True
    return None if p.role == "leader" else False


def _who_pending_leader(p: Persona) -> bool | None:
    return p.has("pending") and p.role == "leader"


def _who_lead(p: Persona) -> bool | None:
    # "a lead assignee, or an active member of a lead unit (active users with that unit_id)"
    return p.has("lead_user") or p.has("lead_unit")


def _who_creator(p: Persona) -> bool | None:
    return p.has("creator")


def _who_unit_leader_or_clerk(p: Persona) -> bool | None:
    # "leader or clerk of the document's unit": a clerk or anyone else of another unit
    # may not, whichever way it is read; a leader of another unit is unsettled.
    if p.role not in ("leader", "clerk"):
        return False
    if p.has("same_unit"):
        return True
    return None if p.role == "leader" else False


# --- the rows -----------------------------------------------------------------------------
# pending_with after: "unchanged" (a row that names none), "actor" ([that clerk] / [that
# leader]), "to_user" ([to_user_id]), "lead_users" ([active lead users]), "nobody" ([]),
# "return_to" ([incoming: registered_by, else created_by; others: created_by]).
# assignments after: "unchanged", "replace" (assign), "start_mine" (the caller's lead
# assignments in_progress), "all_done" (complete), "clear" (return).


@dataclass(frozen=True)
class Row:
    action: str
    versioned: bool  # marked (v): version + 1; mark_read and comment: no version change
    who: Callable[[Persona], bool | None]  # True / False / None (unsettled)
    moves: dict[str, dict[str, str]]  # direction -> {status before: status after}
    pending_after: str = "unchanged"
    assignments_after: str = "unchanged"
    personas: tuple[tuple[str, frozenset[str]], ...] = (PLAIN, INVOLVED)
    unsettled_from: frozenset[str] = frozenset()  # statuses the contract does not settle


def stays(statuses_of: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """A row whose status column is "unchanged"."""
    return {d: {s: s for s in statuses} for d, statuses in statuses_of.items()}


ROWS: tuple[Row, ...] = (
    # | mark_read | {} | anyone who sees it | unchanged; no version change |
    Row("mark_read", False, _who_anyone, stays(every())),
    # | comment | {"id", "kind", "text" (1..2000)} | anyone who sees it (directive: leaders) |
    Row("comment", False, _who_anyone, stays(every())),
    # | register (v) | clerk | received -> registered; [that clerk] |
    Row("register", True, _who_clerk, {IN: {"received": "registered"}}, "actor"),
    # | reject (v) | clerk | incoming: received -> discarded |
    Row("reject", True, _who_clerk, {IN: {"received": "discarded"}}),
    # | submit (v) | pending | incoming: registered, returned -> awaiting_assignment;
    #   outgoing/internal: draft, returned -> in_review; [to_user_id] |
    Row("submit", True, _who_pending,
        {IN: {"registered": "awaiting_assignment", "returned": "awaiting_assignment"},
         OUT: {"draft": "in_review", "returned": "in_review"},
         INT: {"draft": "in_review", "returned": "in_review"}},
        "to_user", personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING)),
    # | forward (v) | pending, or a leader | unchanged; [to_user_id] |
    # (no "before" statuses named; whether closed documents can be forwarded is unsettled)
    Row("forward", True, _who_pending_or_leader, stays(every()), "to_user",
        personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING), unsettled_from=CLOSED),
    # | assign (v) | pending leader | awaiting_assignment, assigned, in_progress -> assigned;
    #   [active lead users] |  "assign replaces them"
    Row("assign", True, _who_pending_leader,
        {IN: {"awaiting_assignment": "assigned", "assigned": "assigned",
              "in_progress": "assigned"}},
        "lead_users", "replace", personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING)),
    # | extend (v) | leader | any status but completed, issued, recalled, discarded |
    Row("extend", True, _who_leader, stays(every(but=CLOSED))),
    # | start (v) | lead | assigned -> in_progress |  "start turns the caller's lead
    #   assignments in_progress"
    Row("start", True, _who_lead, {IN: {"assigned": "in_progress"}}, "unchanged", "start_mine",
        personas=(PLAIN, LEAD_USER, LEAD_UNIT, LEAD_UNIT_INACTIVE, SUPPORT, PENDING_NOT_LEAD)),
    # | complete (v) | lead | in_progress -> completed; [] |  "complete turns all done"
    Row("complete", True, _who_lead, {IN: {"in_progress": "completed"}}, "nobody", "all_done",
        personas=(PLAIN, LEAD_USER, LEAD_UNIT, LEAD_UNIT_INACTIVE, SUPPORT, PENDING_NOT_LEAD)),
    # | return (v) | pending | awaiting_assignment, assigned, in_review, approved -> returned |
    #   "return clears them"
    Row("return", True, _who_pending,
        {IN: {"awaiting_assignment": "returned", "assigned": "returned"},
         OUT: {"in_review": "returned", "approved": "returned"},
         INT: {"in_review": "returned", "approved": "returned"}},
        "return_to", "clear", personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING)),
    # | approve (v) | pending leader | in_review -> approved; [that leader] |
    Row("approve", True, _who_pending_leader,
        {OUT: {"in_review": "approved"}, INT: {"in_review": "approved"}}, "actor",
        personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING)),
    # | sign (v) | pending leader | approved -> signed; [] |
    Row("sign", True, _who_pending_leader,
        {OUT: {"approved": "signed"}, INT: {"approved": "signed"}}, "nobody",
        personas=(PLAIN, PENDING, INVOLVED_NOT_PENDING)),
    # | number (v) | clerk | signed -> numbered; [that clerk] |
    Row("number", True, _who_clerk,
        {OUT: {"signed": "numbered"}, INT: {"signed": "numbered"}}, "actor"),
    # | issue (v) | clerk | numbered -> issued; [] |
    Row("issue", True, _who_clerk,
        {OUT: {"numbered": "issued"}, INT: {"numbered": "issued"}}, "nobody"),
    # | recall (v) | leader or clerk of the document's unit | issued -> recalled |
    Row("recall", True, _who_unit_leader_or_clerk,
        {OUT: {"issued": "recalled"}, INT: {"issued": "recalled"}},
        personas=(SAME_UNIT, OTHER_UNIT, INVOLVED_OTHER_UNIT)),
    # | discard (v) | creator | outgoing/internal: draft, returned -> discarded |
    Row("discard", True, _who_creator,
        {OUT: {"draft": "discarded", "returned": "discarded"},
         INT: {"draft": "discarded", "returned": "discarded"}},
        personas=(PLAIN, CREATOR, INVOLVED_NOT_CREATOR)),
)

ACTIONS = tuple(row.action for row in ROWS)


@dataclass(frozen=True)
class Case:
    """One action by one persona on a document of one direction and status."""

    row: Row
    persona: Persona
    direction: str
    status: str
    expected: int  # 200 allowed, 403 forbidden, 409 invalid_transition

    @property
    def id(self) -> str:
        return f"{self.row.action}-{self.persona.id}-from-{self.direction}-{self.status}"

    @property
    def status_after(self) -> str:
        return self.row.moves[self.direction][self.status]


def expected_outcome(row: Row, persona: Persona, direction: str, status: str) -> int | None:
    """200, 403 or 409 in the order of section 1 (403 before 409); None when unsettled."""
    allowed = row.who(persona)
    if allowed is None:
        return None
    if not allowed:
        return 403
    if status in row.unsettled_from:
        return None
    return 200 if status in row.moves.get(direction, {}) else 409


def cases() -> list[Case]:
    """Every row x every persona it names x every status of every direction."""
    found = []
    for row in ROWS:
        for role in ROLES:
            for name, relations in row.personas:
                persona = Persona(role, relations, name)
                for direction in DIRECTIONS:
                    for status in STATUSES[direction]:
                        outcome = expected_outcome(row, persona, direction, status)
                        if outcome is not None:
                            found.append(Case(row, persona, direction, status, outcome))
    return found
