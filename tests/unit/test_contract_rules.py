"""workflow.check() / workflow.apply() against contract section 6, transcribed by hand.

The expected outcomes come from ``tests/contract_table.py`` and the hand-written param
cases below, never from ``workflow.py``: the sandbox server and the client share that
module, so only an independent table can catch a wrong row in it.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from eoffice_client.core.domain import workflow
from tests.contract_table import IN, INT, OUT, Case, Persona, cases

VN = dt.timezone(dt.timedelta(hours=7))
TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=VN)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
DOCX = b"PK\x03\x04 not a pdf"
ORG = {"org_id": "org-ubnd", "org_name": "Ủy ban nhân dân tỉnh Lạng Sơn", "code": "UBND"}
ARRIVAL_NUMBER, CODE_NUMBER = 17, 42

# --- the world: users, units, registers -----------------------------------------------------
DOC_UNIT, LEAD_UNIT, OTHER_UNIT, ASSIGN_UNIT = "unit-kt", "unit-lead", "unit-other", "unit-assign"
UNIT_CODES = {DOC_UNIT: "KT", LEAD_UNIT: "LD", OTHER_UNIT: "NC", ASSIGN_UNIT: "TH"}


def _user(uid: str, role: str, unit: str, active: bool = True) -> dict[str, Any]:
    return {"id": uid, "username": uid, "roles": [role], "unit_id": unit, "active": active}


BYSTANDERS = [
    _user("u-waiting", "officer", OTHER_UNIT),  # in pending_with before the action
    _user("u-author", "officer", DOC_UNIT),  # created_by
    _user("u-registrar", "clerk", OTHER_UNIT),  # registered_by (incoming)
    _user("u-other-lead", "officer", OTHER_UNIT),  # a lead assignee before the action
    _user("u-supporter", "officer", OTHER_UNIT),  # a support assignee
    _user("u-target", "leader", OTHER_UNIT),  # to_user_id of submit and forward
    _user("u-lead-direct", "officer", OTHER_UNIT),  # assign: an active lead user
    _user("u-lead-gone", "officer", OTHER_UNIT, active=False),  # assign: an inactive lead user
    _user("u-lead-a", "officer", ASSIGN_UNIT),  # assign: active member of the lead unit
    _user("u-lead-b", "officer", ASSIGN_UNIT, active=False),  # ... and an inactive one
]

#: The assignments every generated assign sends, and the "[active lead users]" they give.
ASSIGNMENTS: list[dict[str, Any]] = [
    {"assignee_type": "user", "assignee_id": "u-lead-direct", "role": "lead",
     "due_date": "2026-12-15"},
    {"assignee_type": "user", "assignee_id": "u-lead-gone", "role": "lead",
     "due_date": "2026-12-18"},
    {"assignee_type": "unit", "assignee_id": ASSIGN_UNIT, "role": "lead",
     "due_date": "2026-12-20"},
    {"assignee_type": "user", "assignee_id": "u-supporter", "role": "support",
     "due_date": "2026-12-18"},
    {"assignee_type": "unit", "assignee_id": OTHER_UNIT, "role": "info",
     "due_date": "2026-12-18"},
]
ACTIVE_LEAD_USERS = ["u-lead-a", "u-lead-direct"]


def _register(rid: str, direction: str, year: int, secret: bool) -> dict[str, Any]:
    return {"id": rid, "name": rid, "direction": direction, "year": year, "secret": secret}


REGISTERS = [
    _register("reg-in", "incoming", 2026, False),
    _register("reg-in-secret", "incoming", 2026, True),
    _register("reg-in-2025", "incoming", 2025, False),
    _register("reg-out", "outgoing", 2026, False),
    _register("reg-out-secret", "outgoing", 2026, True),
    _register("reg-out-2025", "outgoing", 2025, False),
    _register("reg-internal", "internal", 2026, False),  # internal documents use outgoing ones
]

#: Valid params for each action on the base document (the param cases vary them).
VALID_PARAMS: dict[str, dict[str, Any]] = {
    "mark_read": {},
    "comment": {"id": "c-new", "kind": "opinion", "text": "Đề nghị bổ sung số liệu quý III"},
    "register": {"register_id": "reg-in"},
    "reject": {"reason": "Gửi nhầm địa chỉ"},
    "submit": {"to_user_id": "u-target"},
    "forward": {"to_user_id": "u-target", "note": "Chuyển đồng chí xem xét"},
    "assign": {"assignments": ASSIGNMENTS, "directive": "Giao các đơn vị phối hợp xử lý"},
    "extend": {"due_date": "2026-12-31", "reason": "Chờ ý kiến các sở, ngành"},
    "start": {},
    "complete": {"note": "Đã xử lý xong"},
    "return": {"reason": "Hồ sơ chưa đủ thành phần"},
    "approve": {"note": "Đồng ý ban hành"},
    "sign": {"attachment_id": "att-signed"},
    "number": {"register_id": "reg-out"},
    "issue": {"attachment_id": "att-final"},
    "recall": {"reason": "Ban hành chưa đúng thẩm quyền"},
    "discard": {},
}


class FakeServer:
    """What only the server gives (workflow.ServerEffects), with fixed answers."""

    def next_arrival_number(self, register_id: str, year: int) -> int:
        return ARRIVAL_NUMBER

    def next_code_number(self, register_id: str, year: int) -> int:
        return CODE_NUMBER

    def organization(self) -> dict[str, str]:
        return dict(ORG)

    def unit_code(self, unit_id: str | None) -> str:
        return UNIT_CODES.get(unit_id or "", "")

    def is_pdf(self, attachment_id: str) -> bool:
        return FILES.get(attachment_id, b"").startswith(b"%PDF-")


FILES: dict[str, bytes] = {"att-main": PDF, "att-signed": PDF, "att-final": PDF,
                           "att-appendix": DOCX, "att-draft": DOCX, "att-main-docx": DOCX,
                           "att-main-2": PDF, "att-main-fake": DOCX}


def _attachment(aid: str, role: str, name: str, content_type: str = "application/pdf"
                ) -> dict[str, Any]:
    return {"id": aid, "file_name": name, "content_type": content_type,
            "size": len(FILES[aid]), "sha256": "0" * 64, "role": role,
            "uploaded_by": "u-author", "uploaded_at": "2026-11-20T08:00:00+07:00"}


MAIN = _attachment("att-main", "main", "du-thao.pdf")
SIGNED = _attachment("att-signed", "signed", "da-ky.pdf")
FINAL = _attachment("att-final", "final", "ban-hanh.pdf")


def _assignment(aid: str, kind: str, who: str, role: str, status: str = "pending"
                ) -> dict[str, Any]:
    return {"id": aid, "assignee_type": kind, "assignee_id": who, "role": role,
            "status": status, "due_date": "2026-12-10", "assigned_by": "u-target", "note": ""}


# --- building one case ----------------------------------------------------------------------
@dataclass
class Setup:
    doc: dict[str, Any]
    actor: dict[str, Any]
    directory: workflow.UserIndex
    ctx: workflow.CheckContext = field(init=False)

    def __post_init__(self) -> None:
        self.ctx = workflow.CheckContext(
            directory=self.directory, catalog=workflow.Catalog(registers=REGISTERS),
            today=TODAY, pdf_probe=lambda att: FILES.get(att.get("id", ""), b"")[:5] == b"%PDF-")


def actor_for(persona: Persona) -> dict[str, Any]:
    if persona.has("same_unit"):
        unit = DOC_UNIT
    elif persona.has("lead_unit") or persona.has("lead_unit_inactive"):
        unit = LEAD_UNIT
    else:
        unit = OTHER_UNIT
    return _user(f"u-{persona.role}", persona.role, unit,
                 active=not persona.has("lead_unit_inactive"))


def base_document(direction: str, status: str) -> dict[str, Any]:
    registered = direction == IN and status != "received"
    assignments: list[dict[str, Any]] = []
    if direction == IN and status in ("assigned", "in_progress", "completed"):
        lead_status = {"assigned": "pending", "in_progress": "in_progress"}.get(status, "done")
        assignments = [_assignment("a-other-lead", "user", "u-other-lead", "lead", lead_status),
                       _assignment("a-support", "user", "u-supporter", "support")]
    return {
        "id": "doc-1", "direction": direction, "type_code": "QD", "code_number": None,
        "code_notation": "", "issuer": None, "issued_date": None, "subject": "Về việc kiểm thử",
        "urgency": 0, "secrecy": 0, "arrival_number": None, "arrival_date": None,
        "register_id": None, "due_date": "2026-12-10", "unit_id": DOC_UNIT, "recipients": [],
        "status": status, "pending_with": ["u-waiting"], "version": 7,
        "created_by": "u-author", "registered_by": "u-registrar" if registered else None,
        "created_at": "2026-11-20T08:00:00+07:00", "updated_at": "2026-11-20T08:00:00+07:00",
        "read": False, "readers": [], "attachments": [MAIN, SIGNED, FINAL],
        "assignments": assignments, "comments": [], "history": [],
    }


def setup_for(persona: Persona, direction: str, status: str) -> Setup:
    actor = actor_for(persona)
    doc = base_document(direction, status)
    if persona.has("pending"):
        doc["pending_with"].append(actor["id"])
    if persona.has("creator"):
        doc["created_by"] = actor["id"]
    if persona.has("lead_user"):
        doc["assignments"].append(_assignment("a-mine", "user", actor["id"], "lead"))
    if persona.has("lead_unit") or persona.has("lead_unit_inactive"):
        doc["assignments"].append(_assignment("a-mine", "unit", LEAD_UNIT, "lead"))
    if persona.has("support"):
        doc["assignments"].append(_assignment("a-mine-support", "user", actor["id"], "support"))
    users = {u["id"]: u for u in [*BYSTANDERS, actor]}
    return Setup(doc, actor, workflow.UserIndex(users=users))


# --- what the contract says comes after -----------------------------------------------------
def expected_pending(rule: str, before: dict[str, Any], actor: dict[str, Any],
                     params: dict[str, Any]) -> list[str]:
    if rule == "actor":
        return [actor["id"]]
    if rule == "to_user":
        return [params["to_user_id"]]
    if rule == "lead_users":
        return ACTIVE_LEAD_USERS
    if rule == "nobody":
        return []
    if rule == "return_to":  # incoming: registered_by, else created_by; others: created_by
        if before["direction"] == IN and before["registered_by"]:
            return [before["registered_by"]]
        return [before["created_by"]]
    assert rule == "unchanged"
    return sorted(before["pending_with"])


def expected_assignments(rule: str, before: dict[str, Any], params: dict[str, Any]
                         ) -> list[tuple[Any, ...]]:
    def key(a: dict[str, Any]) -> tuple[Any, ...]:
        return (a.get("id"), a["assignee_type"], a["assignee_id"], a["role"], a.get("status"))

    if rule == "replace":
        return sorted((None, a["assignee_type"], a["assignee_id"], a["role"], "pending")
                      for a in params["assignments"])
    if rule == "clear":
        return []
    after = copy.deepcopy(before["assignments"])
    for a in after:
        if rule == "all_done" or (rule == "start_mine" and a["id"] == "a-mine"):
            a["status"] = "done" if rule == "all_done" else "in_progress"
    assert rule in ("unchanged", "start_mine", "all_done")
    return sorted(key(a) for a in after)


def assignments_of(doc: dict[str, Any], rule: str) -> list[tuple[Any, ...]]:
    """Assignments as comparable tuples (ids are the server's after a replace)."""
    return sorted((None if rule == "replace" else a.get("id"), a["assignee_type"],
                   a["assignee_id"], a["role"], a.get("status")) for a in doc["assignments"])


# --- 1. every row x persona x status ----------------------------------------------------------
CASES = cases()
REFUSAL_CODES = {403: "forbidden", 409: "invalid_transition", 422: "validation_failed"}


def test_the_table_covers_every_action_status_and_outcome() -> None:
    outcomes: dict[str, set[int]] = {}
    for c in CASES:
        outcomes.setdefault(c.row.action, set()).add(c.expected)
    assert len(outcomes) == 17
    anyone = {"mark_read", "comment"}  # no "who" and no "before" statuses: always allowed
    for action, found in outcomes.items():
        if action in anyone:
            assert found == {200}, action
        elif action == "forward":  # no "before" statuses: never 409 (closed ones unsettled)
            assert found == {200, 403}, action
        else:
            assert found == {200, 403, 409}, action
    seen = {(c.direction, c.status) for c in CASES}
    assert len(seen) == 8 + 9 + 9
    assert len(CASES) > 3000


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule(case: Case) -> None:
    setup = setup_for(case.persona, case.direction, case.status)
    before = copy.deepcopy(setup.doc)
    params = copy.deepcopy(VALID_PARAMS[case.row.action])
    refusal = workflow.check(setup.doc, case.row.action, params, setup.actor, setup.ctx)
    if case.expected != 200:
        assert refusal is not None, f"expected {case.expected}, allowed"
        assert (refusal.status, refusal.code) == (case.expected, REFUSAL_CODES[case.expected])
        return
    assert refusal is None, f"expected allowed, got {refusal}"
    after = workflow.apply(setup.doc, case.row.action, params, setup.actor, NOW,
                           setup.directory, FakeServer())
    assert setup.doc == before  # apply leaves its input alone
    row = case.row
    assert after["status"] == case.status_after
    assert sorted(after["pending_with"]) == expected_pending(row.pending_after, before,
                                                             setup.actor, params)
    assert assignments_of(after, row.assignments_after) == expected_assignments(
        row.assignments_after, before, params)
    assert after["version"] == before["version"] + (1 if row.versioned else 0)


# --- 2. params, one row per case ------------------------------------------------------------
#: A persona the contract lets take each action (the param cases vary only the params).
MAY = {
    "comment": Persona("officer", frozenset(), "plain"),
    "register": Persona("clerk", frozenset(), "plain"),
    "reject": Persona("clerk", frozenset(), "plain"),
    "submit": Persona("officer", frozenset({"pending"}), "pending"),
    "forward": Persona("officer", frozenset({"pending"}), "pending"),
    "assign": Persona("leader", frozenset({"pending"}), "pending"),
    "extend": Persona("leader", frozenset(), "plain"),
    "start": Persona("officer", frozenset({"lead_user"}), "lead-user"),
    "complete": Persona("officer", frozenset({"lead_user"}), "lead-user"),
    "return": Persona("leader", frozenset({"pending"}), "pending"),
    "approve": Persona("leader", frozenset({"pending"}), "pending"),
    "sign": Persona("leader", frozenset({"pending"}), "pending"),
    "number": Persona("clerk", frozenset(), "plain"),
    "issue": Persona("clerk", frozenset(), "plain"),
    "recall": Persona("clerk", frozenset({"same_unit"}), "same-unit"),
    "discard": Persona("officer", frozenset({"creator"}), "creator"),
}
FROM = {"comment": (IN, "assigned"), "register": (IN, "received"),
        "reject": (IN, "received"), "submit": (OUT, "draft"), "forward": (IN, "registered"),
        "assign": (IN, "awaiting_assignment"), "extend": (IN, "assigned"),
        "start": (IN, "assigned"), "complete": (IN, "in_progress"),
        "return": (OUT, "in_review"), "approve": (OUT, "in_review"), "sign": (OUT, "approved"),
        "number": (OUT, "signed"), "issue": (OUT, "numbered"), "recall": (OUT, "issued"),
        "discard": (OUT, "draft")}


@dataclass(frozen=True)
class ParamCase:
    id: str
    action: str
    params: dict[str, Any]  # merged over VALID_PARAMS[action]; DROP removes a key
    expected: int
    persona: Persona | None = None  # None: MAY[action]
    where: tuple[str, str] | None = None  # (direction, status); None: FROM[action]
    doc: dict[str, Any] = field(default_factory=dict)  # fields of the document before
    after: dict[str, Any] = field(default_factory=dict)  # fields expected after (allowed)


DROP = object()  # a params value meaning "leave this key out"


def P(id: str, action: str, params: dict[str, Any], expected: int, **kw: Any) -> ParamCase:
    return ParamCase(id, action, params, expected, **kw)


OFFICER = Persona("officer", frozenset(), "plain")
CLERK = Persona("clerk", frozenset(), "plain")
ADMIN = Persona("admin", frozenset(), "plain")
LEADER = Persona("leader", frozenset(), "plain")
OFFICER_PENDING = Persona("officer", frozenset({"pending"}), "pending")
NO_FILES: dict[str, Any] = {"attachments": []}

PARAM_CASES: tuple[ParamCase, ...] = (
    # comment: {"id", "kind", "text" (1..2000)}; directive: leaders
    P("comment-text-1-char", "comment", {"text": "x"}, 200),
    P("comment-text-2000-chars", "comment", {"text": "ý" * 2000}, 200),
    P("comment-text-empty", "comment", {"text": ""}, 422),
    P("comment-text-2001-chars", "comment", {"text": "ý" * 2001}, 422),
    P("comment-text-missing", "comment", {"text": DROP}, 422),
    P("comment-id-missing", "comment", {"id": DROP}, 422),
    P("comment-kind-unknown", "comment", {"kind": "order"}, 422),  # section 4: 3 kinds
    P("comment-note-by-clerk", "comment", {"kind": "note"}, 200, persona=CLERK),
    P("comment-opinion-by-admin", "comment", {"kind": "opinion"}, 200, persona=ADMIN),
    P("comment-directive-by-leader", "comment", {"kind": "directive"}, 200, persona=LEADER),
    P("comment-directive-by-officer", "comment", {"kind": "directive"}, 403),
    P("comment-directive-by-clerk", "comment", {"kind": "directive"}, 403, persona=CLERK),
    P("comment-directive-by-admin", "comment", {"kind": "directive"}, 403, persona=ADMIN),
    P("comment-directive-by-officer-empty-text-403-before-422", "comment",
      {"kind": "directive", "text": ""}, 403),
    # register: {"register_id"}: of that direction, this year, secret exactly when secrecy >= 1
    P("register-missing-register-id", "register", {"register_id": DROP}, 422),
    P("register-unknown-register", "register", {"register_id": "reg-nope"}, 422),
    P("register-outgoing-register", "register", {"register_id": "reg-out"}, 422),
    P("register-last-year-register", "register", {"register_id": "reg-in-2025"}, 422),
    P("register-secret-register-normal-doc", "register", {"register_id": "reg-in-secret"}, 422),
    P("register-normal-register-secrecy-1", "register", {}, 422, doc={"secrecy": 1}),
    P("register-secret-register-secrecy-1", "register", {"register_id": "reg-in-secret"}, 200,
      doc={"secrecy": 1}),
    P("register-secret-register-secrecy-3", "register", {"register_id": "reg-in-secret"}, 200,
      doc={"secrecy": 3}),
    P("register-bad-register-by-officer-403-before-422", "register",
      {"register_id": "reg-out"}, 403, persona=OFFICER),
    P("register-bad-register-on-registered-409-before-422", "register",
      {"register_id": "reg-out"}, 409, where=(IN, "registered")),
    P("register-gives-arrival-number", "register", {}, 200,
      after={"registered_by": "u-clerk", "register_id": "reg-in",
             "arrival_number": ARRIVAL_NUMBER, "pending_with": ["u-clerk"]}),
    # reject: {"reason" (optional)}
    P("reject-without-reason", "reject", {"reason": DROP}, 200, after={"status": "discarded"}),
    # submit / forward: to_user_id
    P("submit-missing-to-user", "submit", {"to_user_id": DROP}, 422),
    P("submit-incoming-returned", "submit", {}, 200, where=(IN, "returned"),
      after={"status": "awaiting_assignment", "pending_with": ["u-target"]}),
    P("forward-missing-to-user", "forward", {"to_user_id": DROP}, 422),
    P("forward-missing-to-user-by-non-pending-officer-403", "forward", {"to_user_id": DROP},
      403, persona=OFFICER),
    # assign: at least one lead; assign replaces them; [active lead users]
    P("assign-missing-assignments", "assign", {"assignments": DROP}, 422),
    P("assign-empty-list", "assign", {"assignments": []}, 422),
    P("assign-support-and-info-only-no-lead", "assign",
      {"assignments": [a for a in ASSIGNMENTS if a["role"] != "lead"]}, 422),
    P("assign-unknown-role", "assign", {"assignments": [
        {"assignee_type": "user", "assignee_id": "u-lead-direct", "role": "boss"}]}, 422),
    P("assign-unknown-assignee-type", "assign", {"assignments": [
        {"assignee_type": "team", "assignee_id": "u-lead-direct", "role": "lead"}]}, 422),
    P("assign-one-lead-unit", "assign", {"assignments": [
        {"assignee_type": "unit", "assignee_id": ASSIGN_UNIT, "role": "lead",
         "due_date": "2026-12-18"}]}, 200,
      after={"status": "assigned", "pending_with": ["u-lead-a"]}),
    P("assign-no-lead-by-pending-officer-403-before-422", "assign", {"assignments": []}, 403,
      persona=OFFICER_PENDING),
    P("assign-no-lead-by-leader-not-pending-403-before-422", "assign", {"assignments": []},
      403, persona=LEADER),
    P("assign-no-lead-from-registered-409-before-422", "assign", {"assignments": []}, 409,
      where=(IN, "registered")),
    # extend: due_date set
    P("extend-missing-due-date", "extend", {"due_date": DROP}, 422),
    P("extend-not-a-date", "extend", {"due_date": "31/12/2026"}, 422),
    P("extend-impossible-date", "extend", {"due_date": "2026-13-01"}, 422),
    P("extend-sets-due-date", "extend", {"due_date": "2027-01-15"}, 200,
      after={"due_date": "2027-01-15", "status": "assigned"}),
    P("extend-bad-date-by-officer-403-before-422", "extend", {"due_date": "x"}, 403,
      persona=OFFICER),
    P("extend-bad-date-on-completed-409-before-422", "extend", {"due_date": "x"}, 409,
      where=(IN, "completed")),
    # return: reason >= 10 characters after trimming
    P("return-reason-9-chars", "return", {"reason": "Thiếu số!"}, 422),
    P("return-reason-9-chars-padded", "return", {"reason": "     Thiếu số!     "}, 422),
    P("return-reason-spaces-only", "return", {"reason": " " * 20}, 422),
    P("return-reason-missing", "return", {"reason": DROP}, 422),
    P("return-reason-10-chars", "return", {"reason": "Thiếu số 1"}, 200),
    P("return-reason-10-chars-padded", "return", {"reason": "  Thiếu số 1  "}, 200),
    P("return-short-reason-by-non-pending-403-before-422", "return", {"reason": "x"}, 403,
      persona=LEADER),
    P("return-short-reason-from-draft-409-before-422", "return", {"reason": "x"}, 409,
      where=(OUT, "draft")),
    P("return-incoming-to-registered-by", "return", {}, 200, where=(IN, "awaiting_assignment"),
      after={"pending_with": ["u-registrar"], "assignments": []}),
    P("return-incoming-never-registered-to-created-by", "return", {}, 200,
      where=(IN, "assigned"), doc={"registered_by": None},
      after={"pending_with": ["u-author"], "assignments": []}),
    P("return-outgoing-to-created-by-even-with-registered-by", "return", {}, 200,
      doc={"registered_by": "u-registrar"}, after={"pending_with": ["u-author"]}),
    P("return-internal-approved-to-created-by", "return", {}, 200, where=(INT, "approved"),
      after={"pending_with": ["u-author"], "status": "returned"}),
    # approve: exactly one `main` attachment whose bytes are a PDF (secret: no file needed)
    P("approve-no-main", "approve", {}, 422, doc={"attachments": [SIGNED]}),
    P("approve-two-mains", "approve", {}, 422,
      doc={"attachments": [MAIN, _attachment("att-main-2", "main", "ban-2.pdf")]}),
    P("approve-main-docx", "approve", {}, 422, doc={"attachments": [
        _attachment("att-main-docx", "main", "du-thao.docx", "application/msword")]}),
    P("approve-main-named-pdf-but-not-pdf-bytes", "approve", {}, 422, doc={"attachments": [
        _attachment("att-main-fake", "main", "du-thao.pdf")]}),
    P("approve-one-main-pdf-with-appendix-and-draft", "approve", {}, 200, doc={"attachments": [
        MAIN, _attachment("att-appendix", "appendix", "phu-luc.docx", "application/msword"),
        _attachment("att-draft", "draft", "ban-nhap.docx", "application/msword")]},
      after={"status": "approved", "pending_with": ["u-leader"]}),
    P("approve-secret-no-file", "approve", {}, 200, doc={"secrecy": 1, **NO_FILES}),
    P("approve-secret-3-no-file", "approve", {}, 200, doc={"secrecy": 3, **NO_FILES}),
    P("approve-no-main-by-non-pending-leader-403-before-422", "approve", {}, 403,
      persona=LEADER, doc=NO_FILES),
    P("approve-no-main-from-approved-409-before-422", "approve", {}, 409,
      where=(OUT, "approved"), doc=NO_FILES),
    # sign: {"attachment_id"} of the uploaded `signed` PDF (secret: null)
    P("sign-attachment-null", "sign", {"attachment_id": None}, 422),
    P("sign-attachment-missing", "sign", {"attachment_id": DROP}, 422),
    P("sign-attachment-is-the-main", "sign", {"attachment_id": "att-main"}, 422),
    P("sign-attachment-is-the-final", "sign", {"attachment_id": "att-final"}, 422),
    P("sign-attachment-unknown", "sign", {"attachment_id": "att-nope"}, 422),
    P("sign-secret-null", "sign", {"attachment_id": None}, 200, doc={"secrecy": 2, **NO_FILES},
      after={"status": "signed", "pending_with": []}),
    P("sign-internal", "sign", {}, 200, where=(INT, "approved")),
    P("sign-null-by-officer-403-before-422", "sign", {"attachment_id": None}, 403,
      persona=OFFICER_PENDING),
    P("sign-null-from-in-review-409-before-422", "sign", {"attachment_id": None}, 409,
      where=(OUT, "in_review")),
    # number: an outgoing register (internal too), this year, secret exactly when secret
    P("number-missing-register-id", "number", {"register_id": DROP}, 422),
    P("number-incoming-register", "number", {"register_id": "reg-in"}, 422),
    P("number-last-year-register", "number", {"register_id": "reg-out-2025"}, 422),
    P("number-secret-register-normal-doc", "number", {"register_id": "reg-out-secret"}, 422),
    P("number-normal-register-secret-doc", "number", {}, 422, doc={"secrecy": 1, **NO_FILES}),
    P("number-secret-register-secret-doc", "number", {"register_id": "reg-out-secret"}, 200,
      doc={"secrecy": 2, **NO_FILES}),
    P("number-internal-outgoing-register", "number", {}, 200, where=(INT, "signed")),
    P("number-internal-incoming-register", "number", {"register_id": "reg-in"}, 422,
      where=(INT, "signed")),
    P("number-internal-internal-register", "number", {"register_id": "reg-internal"}, 422,
      where=(INT, "signed")),
    P("number-internal-secret-register-secret-doc", "number",
      {"register_id": "reg-out-secret"}, 200, where=(INT, "signed"), doc={"secrecy": 1}),
    P("number-bad-register-by-leader-403-before-422", "number", {"register_id": "reg-in"}, 403,
      persona=LEADER),
    P("number-bad-register-on-numbered-409-before-422", "number", {"register_id": "reg-in"},
      409, where=(OUT, "numbered")),
    # number: code_number, issued_date, code_notation unless set, issuer = the organisation
    P("number-gives-number-and-notation", "number", {}, 200, after={
        "code_number": CODE_NUMBER, "issued_date": TODAY.isoformat(),
        "code_notation": "QĐ-UBND", "register_id": "reg-out", "pending_with": ["u-clerk"],
        "issuer": {"org_id": ORG["org_id"], "org_name": ORG["org_name"]}}),
    P("number-cong-van-notation-org-unit", "number", {}, 200, doc={"type_code": "CV"},
      after={"code_notation": "UBND-KT"}),
    P("number-keeps-a-notation-already-set", "number", {}, 200,
      doc={"code_notation": "QĐ-UBND-KT"}, after={"code_notation": "QĐ-UBND-KT"}),
    # issue: {"attachment_id"} of the uploaded `final` PDF (secret: null)
    P("issue-attachment-null", "issue", {"attachment_id": None}, 422),
    P("issue-attachment-missing", "issue", {"attachment_id": DROP}, 422),
    P("issue-attachment-is-the-signed", "issue", {"attachment_id": "att-signed"}, 422),
    P("issue-attachment-unknown", "issue", {"attachment_id": "att-nope"}, 422),
    P("issue-secret-null", "issue", {"attachment_id": None}, 200,
      doc={"secrecy": 1, **NO_FILES}, after={"status": "issued", "pending_with": []}),
    P("issue-null-by-leader-403-before-422", "issue", {"attachment_id": None}, 403,
      persona=LEADER),
    P("issue-null-on-signed-409-before-422", "issue", {"attachment_id": None}, 409,
      where=(OUT, "signed")),
    # recall: {"reason" (optional)}
    P("recall-without-reason", "recall", {"reason": DROP}, 200, after={"status": "recalled"}),
    P("recall-by-leader-of-the-unit", "recall", {}, 200,
      persona=Persona("leader", frozenset({"same_unit"}), "same-unit")),
    P("recall-internal", "recall", {}, 200, where=(INT, "issued")),
    # mark_read / comment: no version change; the reader's read and readers
    P("mark-read-sets-read-and-readers", "mark_read", {}, 200, persona=OFFICER,
      where=(OUT, "issued"), after={"read": True, "readers": ["u-officer"], "version": 7}),
    P("comment-is-kept-without-version-change", "comment", {}, 200, after={"version": 7}),
)


def _params(case: ParamCase) -> dict[str, Any]:
    params = copy.deepcopy(VALID_PARAMS[case.action])
    for key, value in case.params.items():
        if value is DROP:
            params.pop(key, None)
        else:
            params[key] = value
    return params


@pytest.mark.parametrize("case", PARAM_CASES, ids=[c.id for c in PARAM_CASES])
def test_params(case: ParamCase) -> None:
    persona = case.persona or MAY[case.action]
    direction, status = case.where or FROM.get(case.action, (OUT, "in_review"))
    setup = setup_for(persona, direction, status)
    setup.doc.update(copy.deepcopy(case.doc))
    params = _params(case)
    refusal = workflow.check(setup.doc, case.action, params, setup.actor, setup.ctx)
    if case.expected != 200:
        assert refusal is not None, f"expected {case.expected}, allowed"
        assert (refusal.status, refusal.code) == (case.expected, REFUSAL_CODES[case.expected])
        if case.expected == 422:
            assert refusal.errors, "a 422 names what is wrong"
        return
    assert refusal is None, f"expected allowed, got {refusal}"
    after = workflow.apply(setup.doc, case.action, params, setup.actor, NOW, setup.directory,
                           FakeServer())
    for name, value in case.after.items():
        assert after[name] == value, name
    if case.action == "comment":
        mine = [c for c in after["comments"] if c["id"] == params["id"]]
        assert len(mine) == 1
        assert (mine[0]["author_id"], mine[0]["kind"], mine[0]["text"]) == (
            setup.actor["id"], params["kind"], params["text"])


def test_param_cases_reach_every_action_with_params() -> None:
    without_params = {"start", "complete", "discard"}  # {} params: the matrix covers them
    assert {c.action for c in PARAM_CASES} >= set(MAY) - without_params
    assert {c.expected for c in PARAM_CASES} == {200, 403, 409, 422}
    assert len({c.id for c in PARAM_CASES}) == len(PARAM_CASES)


# --- 3. dates are Vietnam's (section 1): "the current year", arrival_date, issued_date -----
class YearRecorder(FakeServer):
    def __init__(self) -> None:
        self.years: list[int] = []

    def next_arrival_number(self, register_id: str, year: int) -> int:
        self.years.append(year)
        return ARRIVAL_NUMBER

    def next_code_number(self, register_id: str, year: int) -> int:
        self.years.append(year)
        return CODE_NUMBER


#: 17:30 UTC on 31 December is already 00:30 on 1 January in Hà Nội.
NEW_YEAR_IN_HANOI = dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(("action", "where", "field_name"), [
    ("register", (IN, "received"), "arrival_date"),
    ("number", (OUT, "signed"), "issued_date"),
], ids=["register-arrival-date", "number-issued-date"])
def test_numbers_and_dates_follow_vietnams_calendar(action: str, where: tuple[str, str],
                                                    field_name: str) -> None:
    setup = setup_for(MAY[action], *where)
    server = YearRecorder()
    after = workflow.apply(setup.doc, action, VALID_PARAMS[action], setup.actor,
                           NEW_YEAR_IN_HANOI, setup.directory, server)
    assert after[field_name] == "2027-01-01"
    assert server.years == [2027]


def test_the_current_year_is_vietnams_whatever_the_pc_zone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """CheckContext() judges "a register of the current year" by Vietnam's date."""
    hanoi = dt.datetime.now(VN)
    # a POSIX zone whose date differs from Hà Nội's now: UTC+14 in the evening, else UTC-12
    monkeypatch.setenv("TZ", "AAA-14" if hanoi.hour >= 17 else "BBB+12")
    time.tzset()
    try:
        assert dt.date.today() != hanoi.date(), "the PC's date must differ for this test"
        assert workflow.CheckContext().today == hanoi.date()
    finally:
        monkeypatch.undo()
        time.tzset()
