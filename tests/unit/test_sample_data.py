"""The sandbox's sample data: deterministic, whole, and consistent with the section 6 workflow."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import types
import uuid
from collections import Counter

import pypdf
import pytest

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import VIETNAM, WorkCalendar
from eoffice_client.core.domain.enums import CLOSED_STATUSES, Direction, Status
from eoffice_client.core.domain.numbering import format_code, parse_code
from eoffice_client.sandbox.sample_data import ALL_PAIRS, SampleData, generate

TODAY = dt.date(2026, 11, 27)

DOC_KEYS = {
    "id", "direction", "type_code", "code_number", "code_notation", "issuer", "issued_date",
    "place", "subject", "urgency", "secrecy", "signer", "arrival_number", "arrival_date",
    "register_id", "due_date", "unit_id", "page_count", "copies", "in_reply_to", "recipients",
    "status", "pending_with", "version", "created_by", "registered_by", "created_at",
    "updated_at", "read", "readers", "attachments", "assignments", "comments", "history",
}
ATTACHMENT_KEYS = {"id", "file_name", "content_type", "size", "sha256", "role", "uploaded_by",
                   "uploaded_at"}
ASSIGNMENT_KEYS = {"id", "assignee_type", "assignee_id", "role", "status", "due_date",
                   "assigned_by", "note"}
COMMENT_KEYS = {"id", "author_id", "kind", "text", "created_at"}
HISTORY_KEYS = {"at", "actor_id", "action", "detail"}
START = {Direction.INCOMING: Status.RECEIVED, Direction.OUTGOING: Status.DRAFT,
         Direction.INTERNAL: Status.DRAFT}
#: Actions that move a document on (not just forward it, extend it or talk about it).
MOVING = set(workflow.ACTIONS) - {"mark_read", "comment", "forward", "extend"}


@pytest.fixture(scope="module")
def sample() -> SampleData:
    return generate(2000, seed=11, today=TODAY)


@pytest.fixture(scope="module")
def docs(sample: SampleData) -> list[dict]:
    return list(sample.iter_documents())


@pytest.fixture(scope="module")
def users(sample: SampleData) -> dict[str, dict]:
    return {u["id"]: u for u in sample.users}


def _is_uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


def _instant(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, value
    return moment


def test_same_seed_same_documents_other_seed_other_documents() -> None:
    first = [json.dumps(d, sort_keys=True) for d in generate(120, 3, TODAY).iter_documents()]
    again = [json.dumps(d, sort_keys=True) for d in generate(120, 3, TODAY).iter_documents()]
    other = [json.dumps(d, sort_keys=True) for d in generate(120, 4, TODAY).iter_documents()]
    assert first == again
    assert first != other
    # the organisation does not change with the seed: ids stay stable
    assert generate(5, 1, TODAY).users == generate(5, 2, TODAY).users
    assert generate(5, 1, TODAY).catalog == generate(5, 2, TODAY).catalog


def test_documents_are_streamed_and_counted(sample: SampleData, docs: list[dict]) -> None:
    assert isinstance(sample.iter_documents(), types.GeneratorType)
    assert len(docs) == 2000
    assert len({d["id"] for d in docs}) == 2000
    assert list(generate(0, 1, TODAY).iter_documents()) == []
    with pytest.raises(ValueError):
        generate(-1, 1, TODAY)


def test_every_status_of_every_direction_even_in_a_small_set(docs: list[dict]) -> None:
    pairs = {(d["direction"], d["status"]) for d in docs}
    assert set(ALL_PAIRS) <= pairs
    small = {(d["direction"], d["status"]) for d in generate(26, 9, TODAY).iter_documents()}
    assert small == set(ALL_PAIRS)


def test_organisation_people_and_catalog(sample: SampleData) -> None:
    assert sample.organization["org_name"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert sample.organization["code"] == "UBND"
    roles = {u["username"]: u["roles"] for u in sample.users}
    assert roles["vanthu"] == ["clerk"] and roles["chuyenvien"] == ["officer"]
    assert roles["lanhdao"] == ["leader"] and roles["quantri"] == ["admin"]
    units = {u["id"]: u for u in sample.units}
    assert units[sample.user("vanthu")["unit_id"]]["code"] == "VP"
    codes = {u["code"] for u in sample.units}
    assert {"VP", "KT", "TH", "NC", "KGVX", "KSTT", "TTTT"} <= codes
    for user in sample.users:
        assert set(user) == {"id", "username", "full_name", "title", "unit_id", "active",
                             "roles"}
        assert user["unit_id"] in units and _is_uuid(user["id"])
    assert len({u["username"] for u in sample.users}) == len(sample.users)
    assert any(not u["active"] for u in sample.users)
    assert any(not u["active"] for u in sample.units)
    leaders = [u for u in sample.users if "leader" in u["roles"] and u["active"]]
    assert len(leaders) >= 10
    catalog = sample.catalog
    assert len(catalog["document_types"]) == 29
    registers = catalog["registers"]
    assert {(r["direction"], r["year"], r["secret"]) for r in registers} == {
        (d, y, s) for d in ("incoming", "outgoing") for y in (2025, 2026) for s in (False, True)
    }
    assert {r["id"] for r in registers} & {
        r["id"] for r in generate(1, 1, dt.date(2027, 3, 1)).catalog["registers"]
    }, "a register keeps its id when the year moves on"
    names = {o["name"] for o in catalog["organizations"]}
    assert {"Sở Thông tin và Truyền thông", "Ủy ban nhân dân huyện Cao Lộc",
            "Văn phòng Chính phủ"} <= names
    assert all(o["edxml_code"] for o in catalog["organizations"])
    work = WorkCalendar.from_catalog(catalog["calendar"])
    assert not work.is_working_day(dt.date(2026, 2, 17))  # Tết Bính Ngọ
    assert not work.is_working_day(dt.date(2026, 9, 2))
    assert not work.is_working_day(dt.date(2027, 4, 30))
    assert work.is_working_day(dt.date(2025, 4, 26))  # a make-up Saturday
    years = {day[:4] for day in catalog["calendar"]["holidays"]}
    assert years == {"2025", "2026", "2027"}


def test_documents_have_the_contract_shape(sample: SampleData, docs: list[dict]) -> None:
    type_codes = {t["code"] for t in sample.catalog["document_types"]}
    org_ids = {o["id"] for o in sample.catalog["organizations"]}
    user_ids = {u["id"] for u in sample.users}
    for doc in docs:
        assert set(doc) == DOC_KEYS, doc["id"]
        assert _is_uuid(doc["id"])
        assert doc["type_code"] in type_codes
        assert doc["issuer"]["org_id"] in org_ids
        assert 1 <= len(doc["subject"]) <= 500
        assert doc["urgency"] in range(5) and doc["secrecy"] in range(4)
        assert doc["read"] is False and doc["readers"] == []
        assert set(doc["pending_with"]) <= user_ids
        assert doc["created_by"] in user_ids
        assert _instant(doc["created_at"]) <= _instant(doc["updated_at"])
        for day in ("issued_date", "arrival_date", "due_date"):
            if doc[day] is not None:
                dt.date.fromisoformat(doc[day])
        for item in doc["attachments"]:
            assert set(item) == ATTACHMENT_KEYS and _is_uuid(item["id"])
        for item in doc["assignments"]:
            assert set(item) == ASSIGNMENT_KEYS
        for item in doc["comments"]:
            assert set(item) == COMMENT_KEYS and 1 <= len(item["text"]) <= 2000
        times = [_instant(h["at"]) for h in doc["history"]]
        assert times == sorted(times)
        assert all(set(h) == HISTORY_KEYS for h in doc["history"])
        assert doc["history"][0]["action"] == "create"
        assert _instant(doc["updated_at"]) <= dt.datetime(2026, 11, 27, tzinfo=VIETNAM)
        if doc["signer"] is not None:
            assert doc["signer"]["competence"] in ("TM", "KT", "TL", "TUQ", "Q", "")
    for nested in ("attachments", "assignments", "comments", "signer"):  # shapes checked above
        assert any(doc[nested] for doc in docs), nested


def test_history_walks_the_workflow_table(docs: list[dict], users: dict[str, dict]) -> None:
    for doc in docs:
        status, version = str(START[doc["direction"]]), 1
        for entry in doc["history"][1:]:
            action = entry["action"]
            if action == "patch":
                version += 1
                continue
            rule = workflow.RULES[action]
            probe = {"direction": doc["direction"], "status": status}
            assert workflow.status_allows(rule, probe), (doc["id"], status, action)
            if action == "submit":
                status = workflow.SUBMIT_TO[doc["direction"]]
            elif rule.to_status is not None:
                status = str(rule.to_status)
            version += rule.versioned
            roles = users[entry["actor_id"]]["roles"]
            if action in ("register", "reject", "number", "issue"):
                assert "clerk" in roles
            if action in ("assign", "approve", "sign", "extend"):
                assert "leader" in roles
        assert status == doc["status"], doc["id"]
        assert version == doc["version"], doc["id"]
        for comment in doc["comments"]:
            if comment["kind"] == "directive":
                assert "leader" in users[comment["author_id"]]["roles"]
    assert any(c["kind"] == "directive" for doc in docs for c in doc["comments"])


def test_whoever_the_document_waits_on_can_move_it(
    sample: SampleData, docs: list[dict], users: dict[str, dict]
) -> None:
    clerk = sample.user("vanthu")
    for doc in docs:
        status = doc["status"]
        if status in CLOSED_STATUSES:
            continue
        if status in (Status.RECEIVED, Status.SIGNED):
            assert {"register", "number"} & set(workflow.allowed_actions(doc, clerk))
            continue
        assert doc["pending_with"], doc["id"]
        user = users[doc["pending_with"][0]]
        allowed = set(workflow.allowed_actions(doc, user))
        if status == Status.APPROVED and "leader" not in user["roles"]:
            assert "forward" in allowed  # asked to check the form first; sends it back
            continue
        assert allowed & MOVING, (doc["id"], status, user["username"], allowed)


def test_fields_follow_the_status(sample: SampleData, docs: list[dict]) -> None:
    registers = {r["id"]: r for r in sample.catalog["registers"]}
    arrivals: Counter[tuple[str, int]] = Counter()
    numbers: Counter[tuple[str, int]] = Counter()
    for doc in docs:
        incoming = doc["direction"] == Direction.INCOMING
        history = [h["action"] for h in doc["history"]]
        if incoming:
            assert doc["code_number"] and parse_code(
                format_code(doc["code_number"], doc["code_notation"]))
            assert doc["arrival_date"] is not None and doc["unit_id"] is None
        if incoming and "register" in history:
            register = registers[doc["register_id"]]
            assert register["direction"] == "incoming"
            assert register["secret"] == (doc["secrecy"] >= 1)
            assert doc["registered_by"] and doc["arrival_number"] >= 1
            arrivals[(doc["register_id"], doc["arrival_number"])] += 1
        elif incoming:
            assert doc["arrival_number"] is None and doc["registered_by"] is None
        if not incoming:
            assert doc["unit_id"] is not None
            assert doc["issuer"]["org_id"] == sample.organization["org_id"]
        if not incoming and "number" in history:
            register = registers[doc["register_id"]]
            assert register["direction"] == "outgoing"
            assert register["secret"] == (doc["secrecy"] >= 1)
            code = format_code(doc["code_number"], doc["code_notation"])
            assert parse_code(code).number == doc["code_number"]
            assert doc["issued_date"] is not None
            numbers[(doc["register_id"], doc["code_number"])] += 1
        elif not incoming:
            assert doc["code_number"] is None and doc["code_notation"] == ""
        lead_statuses = (Status.ASSIGNED, Status.IN_PROGRESS, Status.COMPLETED)
        if incoming and doc["status"] in lead_statuses:
            assert any(a["role"] == "lead" for a in doc["assignments"])
            assert any(c["kind"] == "directive" for c in doc["comments"])
        if doc["status"] == Status.COMPLETED:
            assert doc["pending_with"] == []
            assert all(a["status"] == "done" for a in doc["assignments"])
        if doc["status"] == Status.IN_PROGRESS:
            assert any(a["status"] == "in_progress" for a in doc["assignments"])
        mains = [a for a in doc["attachments"] if a["role"] == "main"]
        assert len(mains) == 1
        if not incoming and "issue" in history and doc["secrecy"] == 0:
            assert {"signed", "final"} <= {a["role"] for a in doc["attachments"]}
    assert arrivals and max(arrivals.values()) == 1
    assert numbers and max(numbers.values()) == 1


def test_replies_point_at_incoming_documents(docs: list[dict]) -> None:
    incoming = {(d["issuer"]["org_id"], format_code(d["code_number"], d["code_notation"]))
                for d in docs if d["direction"] == "incoming"}
    replies = [d for d in docs if d["in_reply_to"]]
    assert replies
    for doc in replies:
        reply_to = doc["in_reply_to"]
        assert (reply_to["org_id"], reply_to["code"]) in incoming
        assert reply_to["org_id"] in {r["org_id"] for r in doc["recipients"]}
        assert doc["direction"] == "outgoing"


def test_notations_look_like_decree_30(docs: list[dict]) -> None:
    codes = {
        format_code(d["code_number"], d["code_notation"]) for d in docs
        if d["direction"] != "incoming" and d["code_number"]
    }
    assert any(code.endswith("/QĐ-UBND") for code in codes)
    assert any("/UBND-" in code for code in codes)  # công văn: UBND-{unit}


def test_attachments_are_valid_pdfs_with_their_hash(sample: SampleData, docs: list[dict]) -> None:
    attachments = [a for d in docs[:80] for a in d["attachments"]]
    assert len(attachments) > 80
    for attachment in attachments:
        data = sample.attachment_bytes(attachment)
        assert hashlib.sha256(data).hexdigest() == attachment["sha256"]
        assert len(data) == attachment["size"]
        assert attachment["content_type"] == "application/pdf"
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        assert len(reader.pages) == 1
        assert attachment["id"] in reader.pages[0].extract_text()
    secret = [d for d in docs if d["secrecy"] >= 1]
    assert secret and all(d["attachments"] for d in secret)
    forged = {**attachments[0], "sha256": "0" * 64}
    with pytest.raises(ValueError):
        sample.attachment_bytes(forged)


def test_vietnamese_text_with_diacritics(sample: SampleData, docs: list[dict]) -> None:
    subjects = [d["subject"] for d in docs]
    assert sum(("đ" in s or "Đ" in s) for s in subjects) > len(subjects) // 3
    assert any(s.startswith("V/v ") for s in subjects)
    assert any("dịch vụ công trực tuyến mức độ 3, 4" in s for s in subjects)
    assert any(set(a["file_name"]) - set(map(chr, range(128))) for d in docs
               for a in d["attachments"])
    assert all(any(ord(ch) > 127 for ch in u["full_name"]) or u["username"] == "quantri"
               for u in sample.users[:3])


def test_fixed_accounts_have_work_in_every_box(sample: SampleData, docs: list[dict]) -> None:
    today = TODAY.isoformat()
    for name in ("vanthu", "chuyenvien", "lanhdao"):
        me = sample.user(name)["id"]
        waiting = [d for d in docs if me in d["pending_with"]]
        assert len({d["status"] for d in waiting}) >= 2, name
        assert any(d["status"] == Status.APPROVED for d in waiting), name  # to-sign
        assert any(d["due_date"] and d["due_date"] < today for d in waiting), name  # overdue
    me = sample.user("chuyenvien")
    led = [d for d in docs if workflow.is_lead(d, me) and d["status"] == Status.ASSIGNED]
    assert led
    mine = [d for d in docs if d["created_by"] == me["id"]]
    assert {d["direction"] for d in mine} == {"outgoing", "internal"}
    admin = sample.user("quantri")["id"]
    assert any(d["created_by"] == admin for d in docs)
    lanhdao = sample.user("lanhdao")["id"]
    assert any(d["status"] == Status.AWAITING_ASSIGNMENT and lanhdao in d["pending_with"]
               for d in docs)


def test_due_dates_before_and_after_today(docs: list[dict]) -> None:
    today = TODAY.isoformat()
    open_dues = [d["due_date"] for d in docs
                 if d["due_date"] and d["status"] not in CLOSED_STATUSES]
    assert any(due < today for due in open_dues)
    assert any(due >= today for due in open_dues)
    assert {d["urgency"] for d in docs} == set(range(5))
    assert {d["secrecy"] for d in docs} == set(range(4))
    assert Counter(d["secrecy"] for d in docs).most_common(1)[0][0] == 0
