"""Contract section 6 against the REAL sandbox server over HTTP on loopback.

A representative subset of the hand-written table of ``tests/contract_table.py`` /
``tests/unit/test_contract_rules.py``: every action at least once allowed and once
refused for each kind of refusal it can get (403, 409, 422). The expected answers are
written here by hand from the contract; each case reaches its starting state through
the API itself (create, upload, actions) on one server shared by the module.

Placeholders in params and expectations: ``@user:NAME`` a user's id, ``@unit:CODE`` a
unit's id, ``@members:CODE`` the unit's active members, ``@reg:DIRECTION[:secret][:last]``
a register of this year (or last), ``@file:ROLE`` the scene's uploaded file of that role,
``@today`` the server's date, ``@org`` the server's organisation as issuer, ``@number``
any whole number >= 1.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.sandbox.testing import SandboxServer
from tests.contract_table import ROWS
from tests.integration.conftest import PDF, SMALL_DOCUMENTS, SMALL_SEED, Caller

USERNAMES = ("vanthu", "chuyenvien", "lanhdao", "quantri")  # clerk, officer, leader, admin
ISSUER = {"org_id": "so-tc", "org_name": "Sở Tài chính"}
DOCX = b"PK\x03\x04 word/document.xml, not a PDF"
VERSIONED = {row.action: row.versioned for row in ROWS}
CODES = {403: "forbidden", 409: "invalid_transition", 422: "validation_failed"}


@dataclass
class Scene:
    doc: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)  # role -> attachment id


class World:
    """One sandbox, the four demo accounts signed in, and the way to reach each scene."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.callers = {name: Caller(server, name) for name in USERNAMES}
        assert server.state is not None
        other_clerk = next(u for u in server.state.users.values()
                           if "clerk" in u["roles"] and u["username"] != "vanthu"
                           and u.get("active"))
        self.callers["vanthu2"] = Caller(server, other_clerk["username"])

    def __getitem__(self, username: str) -> Caller:
        return self.callers[username]

    @property
    def state(self) -> Any:
        return self.server.state

    def resolve(self, value: Any, scene: Scene) -> Any:
        if isinstance(value, dict):
            return {k: self.resolve(v, scene) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(v, scene) for v in value]
        if not isinstance(value, str) or not value.startswith("@"):
            return value
        kind, _, rest = value[1:].partition(":")
        if kind == "user":
            return self.callers[rest].id if rest in self.callers else self.server.user(rest)["id"]
        if kind == "unit":
            return self._unit(rest)["id"]
        if kind == "members":
            unit_id = self._unit(rest)["id"]
            return sorted(u["id"] for u in self.state.users.values()
                          if u.get("unit_id") == unit_id and u.get("active"))
        if kind == "reg":
            return self._register(*rest.split(":"))
        if kind == "file":
            return scene.files[rest]
        if kind == "uuid":
            return str(uuid.uuid4())
        if kind == "today":
            return self.state.today().isoformat()
        if kind == "org":
            org = self.state.organization
            return {"org_id": org["org_id"], "org_name": org["org_name"]}
        raise AssertionError(f"unknown placeholder {value}")

    def _unit(self, code: str) -> dict[str, Any]:
        return next(u for u in self.state.units.values() if u["code"] == code)

    def _register(self, direction: str, *flags: str) -> str:
        year = self.state.today().year - (1 if "last" in flags else 0)
        return str(next(r["id"] for r in self.state.catalog["registers"]
                        if r["direction"] == direction and r["year"] == year
                        and r["secret"] == ("secret" in flags)))

    # --- reaching a scene ---------------------------------------------------------------
    def create(self, username: str, direction: str, **fields: Any) -> Scene:
        fields = self.resolve(fields, Scene({}))
        if direction == "incoming":
            fields.setdefault("issuer", ISSUER)
        return Scene(self[username].create(direction, **fields))

    def step(self, scene: Scene, username: str, action: str, params: dict[str, Any]
             ) -> Scene:
        doc = self[username].act(scene.doc, action, self.resolve(params, scene))
        return Scene(doc, dict(scene.files))

    def upload(self, scene: Scene, username: str, role: str, data: bytes = PDF) -> Scene:
        answer = self[username].upload(scene.doc, data, role=role, name=f"{role}.pdf")
        assert answer.status_code == 201, answer.text
        return Scene(scene.doc, {**scene.files, role: answer.json()["id"]})

    def reach(self, name: str) -> Scene:
        return SCENES[name](self)


# --- the scenes: each one a state reached through the API ---------------------------------
SCENES: dict[str, Callable[[World], Scene]] = {}


def scene(name: str, base: str | None = None, *steps: tuple[Any, ...]) -> None:
    """``name`` is ``base`` then ``steps``: (user, action, params) or (user, "upload", role
    [, bytes])."""

    def build(w: World) -> Scene:
        current = SCENES[base](w) if base else Scene({})
        for user, action, *rest in steps:
            if action == "create":
                current = w.create(user, *rest[:1], **(rest[1] if len(rest) > 1 else {}))
            elif action == "upload":
                current = w.upload(current, user, *rest)
            else:
                current = w.step(current, user, action, rest[0] if rest else {})
        return current

    SCENES[name] = build


TO = "to_user_id"
DUE = "2030-05-29"  # an assignment's due_date (whether it may be null is not settled)
# incoming: vanthu registers, lanhdao assigns, chuyenvien handles
scene("in.received", None, ("vanthu", "create", "incoming"))
scene("in.received>chuyenvien", "in.received", ("vanthu", "forward", {TO: "@user:chuyenvien"}))
scene("in.secret.received", None, ("vanthu", "create", "incoming", {"secrecy": 1}))
scene("in.registered", "in.received", ("vanthu", "register", {"register_id": "@reg:incoming"}))
scene("in.registered>lanhdao", "in.registered", ("vanthu", "forward", {TO: "@user:lanhdao"}))
scene("in.awaiting_assignment", "in.registered", ("vanthu", "submit", {TO: "@user:lanhdao"}))
scene("in.awaiting_assignment>chuyenvien", "in.registered",
      ("vanthu", "submit", {TO: "@user:chuyenvien"}))
LEAD_CHUYENVIEN = {"assignments": [{"assignee_type": "user", "assignee_id": "@user:chuyenvien",
                                    "role": "lead", "due_date": DUE}],
                   "directive": "Giao đồng chí Đức chủ trì"}
LEAD_UNIT_KT = {"assignments": [{"assignee_type": "unit", "assignee_id": "@unit:KT",
                                 "role": "lead", "due_date": DUE}]}
scene("in.assigned", "in.awaiting_assignment", ("lanhdao", "assign", LEAD_CHUYENVIEN))
scene("in.assigned.unit", "in.awaiting_assignment", ("lanhdao", "assign", LEAD_UNIT_KT))
scene("in.assigned.with-support", "in.awaiting_assignment", ("lanhdao", "assign", {
    "assignments": [*LEAD_CHUYENVIEN["assignments"],
                    {"assignee_type": "unit", "assignee_id": "@unit:TH", "role": "support",
                     "due_date": DUE}]}))
# registered by another clerk than the one who created it (return goes to registered_by)
scene("in.awaiting_assignment.by-vanthu2", "in.received",
      ("vanthu2", "register", {"register_id": "@reg:incoming"}),
      ("vanthu2", "submit", {TO: "@user:lanhdao"}))
scene("in.in_progress", "in.assigned", ("chuyenvien", "start"))
scene("in.in_progress>lanhdao", "in.in_progress", ("chuyenvien", "forward", {TO: "@user:lanhdao"}))
scene("in.completed", "in.in_progress", ("chuyenvien", "complete", {"note": "Đã xong"}))
scene("in.returned", "in.awaiting_assignment",
      ("lanhdao", "return", {"reason": "Không thuộc thẩm quyền xử lý"}))
# outgoing: chuyenvien (unit KT) drafts, lanhdao approves and signs, vanthu numbers and issues
scene("out.draft", None, ("chuyenvien", "create", "outgoing"), ("chuyenvien", "upload", "main"))
scene("out.in_review", "out.draft", ("chuyenvien", "submit", {TO: "@user:lanhdao"}))
scene("out.in_review>quantri", "out.draft", ("chuyenvien", "submit", {TO: "@user:quantri"}))
scene("out.in_review.no-file", None, ("chuyenvien", "create", "outgoing"),
      ("chuyenvien", "submit", {TO: "@user:lanhdao"}))
scene("out.in_review.docx", None, ("chuyenvien", "create", "outgoing"),
      ("chuyenvien", "upload", "main", DOCX), ("chuyenvien", "submit", {TO: "@user:lanhdao"}))
scene("out.returned", "out.in_review", ("lanhdao", "return", {"reason": "Đề nghị bổ sung số liệu"}))
scene("out.approved", "out.in_review", ("lanhdao", "approve", {"note": "Đồng ý"}),
      ("lanhdao", "upload", "signed"))
scene("out.signed", "out.approved", ("lanhdao", "sign", {"attachment_id": "@file:signed"}))
scene("out.numbered", "out.signed", ("vanthu", "number", {"register_id": "@reg:outgoing"}),
      ("vanthu", "upload", "final"))
scene("out.issued", "out.numbered", ("vanthu", "issue", {"attachment_id": "@file:final"}))
for label, unit in (("VP", "VP"), ("LD", "LĐ")):  # other units than chuyenvien's, for recall
    scene(f"out.{label}.numbered", None,
          ("chuyenvien", "create", "outgoing", {"unit_id": f"@unit:{unit}"}),
          ("chuyenvien", "upload", "main"), ("chuyenvien", "submit", {TO: "@user:lanhdao"}),
          ("lanhdao", "approve"), ("lanhdao", "upload", "signed"),
          ("lanhdao", "sign", {"attachment_id": "@file:signed"}),
          ("vanthu", "number", {"register_id": "@reg:outgoing"}), ("vanthu", "upload", "final"))
    scene(f"out.{label}.issued", f"out.{label}.numbered",
          ("vanthu", "issue", {"attachment_id": "@file:final"}))
# secret outgoing: no files at all (the server refuses them)
scene("out.secret.in_review", None, ("chuyenvien", "create", "outgoing", {"secrecy": 1}),
      ("chuyenvien", "submit", {TO: "@user:lanhdao"}))
scene("out.secret.approved", "out.secret.in_review", ("lanhdao", "approve"))
scene("out.secret.signed", "out.secret.approved", ("lanhdao", "sign", {"attachment_id": None}))
scene("out.secret.numbered", "out.secret.signed",
      ("vanthu", "number", {"register_id": "@reg:outgoing:secret"}))
# internal
scene("int.signed", None, ("chuyenvien", "create", "internal", {"type_code": "TB"}),
      ("chuyenvien", "upload", "main"), ("chuyenvien", "submit", {TO: "@user:lanhdao"}),
      ("lanhdao", "approve"), ("lanhdao", "upload", "signed"),
      ("lanhdao", "sign", {"attachment_id": "@file:signed"}))


# --- the cases ----------------------------------------------------------------------------
@dataclass(frozen=True)
class H:
    """``user`` takes ``action`` on a document in ``scene``; the contract's answer."""

    action: str
    user: str
    scene: str
    params: dict[str, Any]
    expected: int
    status: str | None = None  # status after (200)
    pending: tuple[str, ...] | None = None  # pending_with after, as usernames
    assignments: tuple[tuple[str, str, str, str], ...] | None = None  # (type, @id, role, status)
    fields: dict[str, Any] = field(default_factory=dict)  # other fields after
    why: str = ""  # what the id adds to tell the case from its neighbours

    @property
    def id(self) -> str:
        outcome = "ok" if self.expected == 200 else str(self.expected)
        return "-".join(p for p in (self.action, self.user, "from", self.scene, outcome,
                                    self.why) if p)


def ok(action: str, user: str, where: str, params: dict[str, Any] | None = None, **kw: Any
       ) -> H:
    return H(action, user, where, params or {}, 200, **kw)


def no(code: int, action: str, user: str, where: str, params: dict[str, Any] | None = None,
       why: str = "") -> H:
    return H(action, user, where, params or {}, code, why=why)


COMMENT = {"id": "@uuid", "kind": "opinion", "text": "Đề nghị xem xét thêm"}
LONG_REASON = {"reason": "Đề nghị bổ sung ý kiến của Sở Tài chính"}

HTTP_CASES: tuple[H, ...] = (
    # mark_read: anyone who sees it; no version change
    ok("mark_read", "lanhdao", "out.in_review", status="in_review",
       fields={"read": True, "readers": ["@user:lanhdao"]}),
    # comment: anyone who sees it (directive: leaders); text 1..2000
    ok("comment", "chuyenvien", "out.in_review", COMMENT, status="in_review"),
    ok("comment", "lanhdao", "out.in_review", {**COMMENT, "kind": "directive"},
       status="in_review"),
    no(403, "comment", "chuyenvien", "out.in_review", {**COMMENT, "kind": "directive"},
       why="directive"),
    no(422, "comment", "lanhdao", "out.in_review", {**COMMENT, "text": ""}, why="empty-text"),
    no(422, "comment", "lanhdao", "out.in_review", {**COMMENT, "text": "x" * 2001},
       why="2001-chars"),
    # register: clerk; received -> registered; [that clerk]
    ok("register", "vanthu", "in.received", {"register_id": "@reg:incoming"},
       status="registered", pending=("vanthu",),
       fields={"registered_by": "@user:vanthu", "register_id": "@reg:incoming",
               "arrival_number": "@number"}),
    ok("register", "vanthu", "in.secret.received", {"register_id": "@reg:incoming:secret"},
       status="registered", pending=("vanthu",)),
    no(403, "register", "chuyenvien", "in.received>chuyenvien",
       {"register_id": "@reg:incoming"}),
    no(409, "register", "vanthu", "in.registered", {"register_id": "@reg:incoming"}),
    no(422, "register", "vanthu", "in.received", {"register_id": "@reg:outgoing"},
       why="outgoing-register"),
    no(422, "register", "vanthu", "in.received", {"register_id": "@reg:incoming:last"},
       why="last-year"),
    no(422, "register", "vanthu", "in.received", {"register_id": "@reg:incoming:secret"},
       why="secret-register-normal-doc"),
    no(422, "register", "vanthu", "in.secret.received", {"register_id": "@reg:incoming"},
       why="normal-register-secret-doc"),
    # reject: clerk; incoming received -> discarded
    ok("reject", "vanthu", "in.received", {"reason": "Gửi nhầm"}, status="discarded"),
    no(403, "reject", "chuyenvien", "in.received>chuyenvien"),
    no(409, "reject", "vanthu", "in.registered"),
    # submit: pending; [to_user_id]
    ok("submit", "vanthu", "in.registered", {TO: "@user:lanhdao"},
       status="awaiting_assignment", pending=("lanhdao",)),
    ok("submit", "vanthu", "in.returned", {TO: "@user:lanhdao"},
       status="awaiting_assignment", pending=("lanhdao",)),
    ok("submit", "chuyenvien", "out.draft", {TO: "@user:lanhdao"},
       status="in_review", pending=("lanhdao",)),
    ok("submit", "chuyenvien", "out.returned", {TO: "@user:lanhdao"},
       status="in_review", pending=("lanhdao",)),
    no(403, "submit", "chuyenvien", "out.in_review", {TO: "@user:lanhdao"}),
    no(409, "submit", "lanhdao", "out.in_review", {TO: "@user:chuyenvien"}),
    no(422, "submit", "chuyenvien", "out.draft", why="no-to-user"),
    # forward: pending, or a leader; status unchanged; [to_user_id]
    ok("forward", "vanthu", "in.received", {TO: "@user:chuyenvien", "note": "Nhờ xem"},
       status="received", pending=("chuyenvien",)),
    ok("forward", "lanhdao", "out.in_review", {TO: "@user:quantri", "note": "Cho ý kiến"},
       status="in_review", pending=("quantri",)),
    no(403, "forward", "chuyenvien", "out.in_review", {TO: "@user:vanthu", "note": ""}),
    no(422, "forward", "lanhdao", "out.in_review", {"note": "Thiếu người nhận"},
       why="no-to-user"),
    # assign: pending leader; awaiting_assignment, assigned, in_progress -> assigned;
    # [active lead users]; assign replaces the assignments
    ok("assign", "lanhdao", "in.awaiting_assignment", LEAD_CHUYENVIEN, status="assigned",
       pending=("chuyenvien",),
       assignments=(("user", "@user:chuyenvien", "lead", "pending"),), why="lead-user"),
    ok("assign", "lanhdao", "in.awaiting_assignment", LEAD_UNIT_KT, status="assigned",
       pending=("@members:KT",), assignments=(("unit", "@unit:KT", "lead", "pending"),),
       why="lead-unit"),
    ok("assign", "lanhdao", "in.in_progress>lanhdao",
       {"assignments": [{"assignee_type": "user", "assignee_id": "@user:chuyenvien",
                         "role": "lead", "due_date": DUE},
                        {"assignee_type": "unit", "assignee_id": "@unit:TH",
                         "role": "support", "due_date": DUE}]},
       status="assigned", pending=("chuyenvien",),
       assignments=(("user", "@user:chuyenvien", "lead", "pending"),
                    ("unit", "@unit:TH", "support", "pending")), why="replaces"),
    ok("assign", "lanhdao", "in.awaiting_assignment",
       {"assignments": [{"assignee_type": "unit", "assignee_id": "@unit:TH", "role": "lead",
                         "due_date": DUE}]},
       status="assigned", pending=("@members:TH",), why="lead-unit-with-an-inactive-member"),
    no(403, "assign", "lanhdao", "in.assigned", LEAD_CHUYENVIEN, why="not-pending"),
    no(403, "assign", "chuyenvien", "in.awaiting_assignment>chuyenvien", LEAD_CHUYENVIEN,
       why="pending-officer"),
    no(409, "assign", "lanhdao", "in.registered>lanhdao", LEAD_CHUYENVIEN),
    no(422, "assign", "lanhdao", "in.awaiting_assignment",
       {"assignments": [{"assignee_type": "unit", "assignee_id": "@unit:KT",
                         "role": "support", "due_date": DUE}]}, why="no-lead"),
    # extend: leader; any status but completed, issued, recalled, discarded; due_date set
    ok("extend", "lanhdao", "in.assigned", {"due_date": "2030-06-30", "reason": "Chờ số liệu"},
       status="assigned", fields={"due_date": "2030-06-30"}),
    ok("extend", "lanhdao", "out.in_review", {"due_date": "2030-06-30", "reason": "Chờ họp"},
       status="in_review", fields={"due_date": "2030-06-30"}),
    no(403, "extend", "chuyenvien", "in.assigned", {"due_date": "2030-06-30", "reason": "x"}),
    no(409, "extend", "lanhdao", "in.completed", {"due_date": "2030-06-30", "reason": "x"}),
    no(422, "extend", "lanhdao", "in.assigned", {"due_date": "30/06/2030", "reason": "x"},
       why="not-a-date"),
    # start: lead; assigned -> in_progress; the caller's lead assignments in_progress
    ok("start", "chuyenvien", "in.assigned", status="in_progress",
       assignments=(("user", "@user:chuyenvien", "lead", "in_progress"),)),
    ok("start", "chuyenvien", "in.assigned.with-support", status="in_progress",
       assignments=(("user", "@user:chuyenvien", "lead", "in_progress"),
                    ("unit", "@unit:TH", "support", "pending")), why="only-the-callers-lead"),
    ok("start", "chuyenvien", "in.assigned.unit", status="in_progress",
       assignments=(("unit", "@unit:KT", "lead", "in_progress"),), why="via-unit"),
    no(403, "start", "lanhdao", "in.assigned"),
    no(409, "start", "chuyenvien", "in.in_progress"),
    # complete: lead; in_progress -> completed; []; all assignments done
    ok("complete", "chuyenvien", "in.in_progress", {"note": "Đã báo cáo"}, status="completed",
       pending=(), assignments=(("user", "@user:chuyenvien", "lead", "done"),)),
    no(403, "complete", "lanhdao", "in.in_progress", {"note": "x"}),
    no(409, "complete", "chuyenvien", "in.assigned", {"note": "x"}),
    # return: pending; reason >= 10 characters after trimming; [incoming: registered_by,
    # else created_by; others: created_by]; assignments cleared
    ok("return", "lanhdao", "in.awaiting_assignment", LONG_REASON, status="returned",
       pending=("vanthu",), assignments=()),
    ok("return", "lanhdao", "in.awaiting_assignment.by-vanthu2", LONG_REASON,
       status="returned", pending=("vanthu2",), why="to-registered-by-not-created-by"),
    ok("return", "chuyenvien", "in.assigned", LONG_REASON, status="returned",
       pending=("vanthu",), assignments=()),
    ok("return", "lanhdao", "out.in_review", LONG_REASON, status="returned",
       pending=("chuyenvien",)),
    ok("return", "lanhdao", "out.approved", LONG_REASON, status="returned",
       pending=("chuyenvien",)),
    no(403, "return", "chuyenvien", "out.in_review", LONG_REASON),
    no(409, "return", "vanthu", "in.registered", LONG_REASON),
    no(422, "return", "lanhdao", "out.in_review", {"reason": "   Thiếu số!    "},
       why="9-chars-after-trimming"),
    # approve: pending leader; in_review -> approved; exactly one main PDF; [that leader]
    ok("approve", "lanhdao", "out.in_review", {"note": "Đồng ý"}, status="approved",
       pending=("lanhdao",)),
    ok("approve", "lanhdao", "out.secret.in_review", {"note": "Đồng ý"}, status="approved",
       pending=("lanhdao",), why="secret-no-file"),
    no(403, "approve", "quantri", "out.in_review>quantri", {"note": "x"}, why="pending-admin"),
    no(403, "approve", "chuyenvien", "out.in_review", {"note": "x"}, why="creator"),
    no(409, "approve", "lanhdao", "out.approved", {"note": "x"}),
    no(422, "approve", "lanhdao", "out.in_review.no-file", {"note": "x"}, why="no-main"),
    no(422, "approve", "lanhdao", "out.in_review.docx", {"note": "x"}, why="main-not-pdf"),
    # sign: pending leader; approved -> signed; []
    ok("sign", "lanhdao", "out.approved", {"attachment_id": "@file:signed"}, status="signed",
       pending=()),
    ok("sign", "lanhdao", "out.secret.approved", {"attachment_id": None}, status="signed",
       pending=(), why="secret-null"),
    no(403, "sign", "chuyenvien", "out.approved", {"attachment_id": "@file:signed"}),
    no(409, "sign", "lanhdao", "out.in_review", {"attachment_id": None}),
    no(422, "sign", "lanhdao", "out.approved", {"attachment_id": None}, why="null"),
    no(422, "sign", "lanhdao", "out.approved", {"attachment_id": "@file:main"},
       why="the-main-file"),
    # number: clerk; signed -> numbered; [that clerk]; code_number, issued_date, notation
    ok("number", "vanthu", "out.signed", {"register_id": "@reg:outgoing"}, status="numbered",
       pending=("vanthu",),
       fields={"code_number": "@number", "issued_date": "@today", "issuer": "@org",
               "code_notation": "UBND-KT", "register_id": "@reg:outgoing"}),  # a công văn
    ok("number", "vanthu", "int.signed", {"register_id": "@reg:outgoing"}, status="numbered",
       pending=("vanthu",), fields={"code_notation": "TB-UBND"}),
    ok("number", "vanthu", "out.secret.signed", {"register_id": "@reg:outgoing:secret"},
       status="numbered", pending=("vanthu",)),
    no(403, "number", "lanhdao", "out.signed", {"register_id": "@reg:outgoing"}),
    no(409, "number", "vanthu", "out.numbered", {"register_id": "@reg:outgoing"}),
    no(422, "number", "vanthu", "out.signed", {"register_id": "@reg:incoming"},
       why="incoming-register"),
    no(422, "number", "vanthu", "int.signed", {"register_id": "@reg:incoming"},
       why="internal-uses-outgoing-registers"),
    no(422, "number", "vanthu", "out.signed", {"register_id": "@reg:outgoing:last"},
       why="last-year"),
    no(422, "number", "vanthu", "out.secret.signed", {"register_id": "@reg:outgoing"},
       why="normal-register-secret-doc"),
    # issue: clerk; numbered -> issued; []
    ok("issue", "vanthu", "out.numbered", {"attachment_id": "@file:final"}, status="issued",
       pending=()),
    ok("issue", "vanthu", "out.secret.numbered", {"attachment_id": None}, status="issued",
       pending=(), why="secret-null"),
    no(403, "issue", "lanhdao", "out.numbered", {"attachment_id": "@file:final"}),
    no(409, "issue", "vanthu", "out.signed", {"attachment_id": None}),
    no(422, "issue", "vanthu", "out.numbered", {"attachment_id": None}, why="null"),
    no(422, "issue", "vanthu", "out.numbered", {"attachment_id": "@file:signed"},
       why="the-signed-file"),
    # recall: leader or clerk of the document's unit; issued -> recalled
    ok("recall", "lanhdao", "out.LD.issued", {"reason": "Sai thể thức"}, status="recalled",
       why="leader-of-the-unit"),
    ok("recall", "vanthu", "out.VP.issued", {}, status="recalled", why="clerk-of-the-unit"),
    no(403, "recall", "chuyenvien", "out.issued", {}, why="officer-creator"),
    no(403, "recall", "vanthu", "out.issued", {}, why="clerk-of-another-unit"),
    no(409, "recall", "vanthu", "out.VP.numbered", {}),
    # discard: creator; outgoing/internal draft, returned -> discarded
    ok("discard", "chuyenvien", "out.draft", status="discarded"),
    ok("discard", "chuyenvien", "out.returned", status="discarded"),
    no(403, "discard", "lanhdao", "out.returned"),
    no(409, "discard", "chuyenvien", "out.in_review"),
    no(409, "discard", "vanthu", "in.returned", why="incoming-by-its-creator"),
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    server = SandboxServer(Path(tmp_path_factory.mktemp("rules")) / "sandbox",
                           documents=SMALL_DOCUMENTS, seed=SMALL_SEED).start()
    try:
        yield World(server)
    finally:
        server.stop()


def test_the_sample_data_the_cases_rely_on(world: World) -> None:
    """Unit TH has an inactive member (assign: "active lead users"); vanthu2 is not vanthu."""
    th = world.resolve("@unit:TH", Scene({}))
    members = [u for u in world.state.users.values() if u.get("unit_id") == th]
    assert any(not u.get("active") for u in members)
    assert len(world.resolve("@members:TH", Scene({}))) >= 2
    assert world["vanthu2"].id != world["vanthu"].id
    assert "clerk" in world["vanthu2"].user["roles"]


def test_the_subset_covers_every_action_allowed_and_refused() -> None:
    found: dict[str, set[int]] = {}
    for case in HTTP_CASES:
        found.setdefault(case.action, set()).add(case.expected)
    assert set(found) == set(VERSIONED)
    for action, outcomes in found.items():
        assert 200 in outcomes, action
        if action != "mark_read":  # mark_read cannot be refused once the document is seen
            assert outcomes - {200}, action
    assert len({c.id for c in HTTP_CASES}) == len(HTTP_CASES)


@pytest.mark.parametrize("case", HTTP_CASES, ids=[c.id for c in HTTP_CASES])
def test_rule_on_the_server(world: World, case: H) -> None:
    start = world.reach(case.scene)
    before = start.doc
    params = world.resolve(case.params, start)
    answer = world[case.user].send("POST", f"/documents/{before['id']}/actions",
                                   {"action": case.action, "params": params},
                                   if_match=before["version"])
    if case.expected != 200:
        assert answer.status_code == case.expected, answer.text
        problem = answer.json()
        assert answer.headers["Content-Type"].startswith("application/problem+json")
        assert problem["code"] == CODES[case.expected], problem
        if case.expected == 422:
            assert problem.get("errors"), "a 422 names what is wrong"
        return
    assert answer.status_code == 200, answer.text
    after = answer.json()
    assert after["id"] == before["id"]
    assert after["version"] == before["version"] + (1 if VERSIONED[case.action] else 0)
    assert after["status"] == (case.status or before["status"])
    if case.pending is not None:
        wanted: list[str] = []
        for name in case.pending:
            ids = world.resolve(name if name.startswith("@") else f"@user:{name}", start)
            wanted += ids if isinstance(ids, list) else [ids]
        assert sorted(after["pending_with"]) == sorted(wanted)
    else:  # "A row that names no pending_with leaves it unchanged"
        assert after["pending_with"] == before["pending_with"]
    if case.assignments is not None:
        got = sorted((a["assignee_type"], a["assignee_id"], a["role"], a["status"])
                     for a in after["assignments"])
        assert got == sorted(tuple(world.resolve(list(a), start)) for a in case.assignments)
    for name, value in case.fields.items():
        if value == "@number":
            assert isinstance(after[name], int) and after[name] >= 1, name
        else:
            assert after[name] == world.resolve(value, start), name
    if case.action == "comment":
        mine = [c for c in after["comments"] if c["id"] == params["id"]]
        assert [(c["author_id"], c["kind"], c["text"]) for c in mine] == [
            (world[case.user].id, params["kind"], params["text"])]
