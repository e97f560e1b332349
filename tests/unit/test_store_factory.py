"""Random contract-shaped documents for the store's tests, and plain-Python oracles.

Independent of the sample data generator on purpose: every case the store's rules care
about (đ, notations, assignments to me or my unit, clerk statuses, due dates around
today, read flags) is drawn here with known odds, and the oracles below restate the
rules of cli-v1.md in the simplest Python, to compare the SQL against.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from eoffice_client.core.domain.deadlines import VIETNAM
from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.enums import CLOSED_STATUSES
from eoffice_client.core.domain.folding import words

TODAY = dt.date(2026, 3, 16)
ME = {"id": "u-me", "username": "chuyenvien", "full_name": "Nguyễn Văn Đức", "title": "",
      "unit_id": "unit-vp", "active": True, "roles": ["officer"]}
CLERK = {**ME, "id": "u-clerk", "username": "vanthu", "roles": ["clerk"]}
USERS = ["u-me", "u-clerk", "u-leader", "u-other1", "u-other2"]
UNITS = ["unit-vp", "unit-stc", "unit-khdt"]

SUBJECT_TEXT = (
    "Về việc triển khai dịch vụ công trực tuyến mức độ 3, 4 đào tạo định kỳ đánh giá "
    "Đề án phát triển hạ tầng số đường điện quyết định điều chỉnh dự toán ngân sách "
    "năm 2026 tỉnh Lạng Sơn huyện Cao Lộc đôn đốc thực hiện chỉ thị phòng chống dịch"
)
SUBJECT_WORDS = SUBJECT_TEXT.split()
ISSUERS = ["UBND tỉnh Lạng Sơn", "Sở Thông tin và Truyền thông", "UBND huyện Cao Lộc",
           "Sở Tài chính", "Đảng ủy khối Doanh nghiệp"]
SIGNERS = ["Đoàn Thị Hậu", "Nguyễn Đình Đạt", "Lê Văn Quyết", "Trần Thị Duyên", None]
INCOMING = ["received", "registered", "awaiting_assignment", "assigned", "in_progress",
            "completed", "returned", "discarded"]
OUTGOING = ["draft", "in_review", "approved", "signed", "numbered", "issued", "recalled",
            "returned", "discarded"]


def make_document(rng: random.Random, index: int = 0) -> dict[str, Any]:
    direction = rng.choice(["incoming", "outgoing", "internal"])
    status = rng.choice(INCOMING if direction == "incoming" else OUTGOING)
    doc_type = rng.choice(DOCUMENT_TYPES)
    numbered = rng.random() < 0.6
    created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
        minutes=rng.randrange(0, 600 * 24 * 60))
    day = (TODAY - dt.timedelta(days=rng.randrange(0, 400))).isoformat()
    due = (TODAY + dt.timedelta(days=rng.randrange(-30, 30))).isoformat() \
        if rng.random() < 0.7 else None
    signer_name = rng.choice(SIGNERS)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "direction": direction, "type_code": doc_type.code,
        "code_number": rng.randrange(1, 300) if numbered else None,
        "code_notation": f"{doc_type.abbreviation or 'UBND'}-{rng.choice(['UBND', 'STC', 'VP'])}"
        if numbered or direction == "incoming" else "",
        "issuer": {"org_id": f"org-{index % 5}", "org_name": rng.choice(ISSUERS)},
        "issued_date": day if numbered else None, "place": "Lạng Sơn",
        "subject": " ".join(rng.choice(SUBJECT_WORDS) for _ in range(rng.randrange(4, 12))),
        "urgency": rng.randrange(0, 5), "secrecy": rng.choice([0, 0, 0, 1, 2, 3]),
        "signer": None if signer_name is None else {
            "competence": rng.choice(["TM", "KT", ""]), "position": "Giám đốc",
            "full_name": signer_name, "user_id": None},
        "arrival_number": rng.randrange(1, 999) if direction == "incoming" else None,
        "arrival_date": day if direction == "incoming" and rng.random() < 0.8 else None,
        "register_id": None, "due_date": due, "unit_id": rng.choice(UNITS),
        "page_count": 2, "copies": 1, "in_reply_to": None, "recipients": [],
        "status": status,
        "pending_with": rng.sample(USERS, rng.choice([0, 1, 1, 2])),
        "version": rng.randrange(1, 9), "created_by": rng.choice(USERS),
        "registered_by": None, "created_at": created.isoformat(),
        "updated_at": created.isoformat(), "read": rng.random() < 0.5,
        "readers": [],
        "attachments": [{
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "file_name": "a.pdf",
            "content_type": "application/pdf", "size": 1000,
            "sha256": f"{rng.getrandbits(256):064x}", "role": "main",
            "uploaded_by": "u-me", "uploaded_at": created.isoformat()}
            for _ in range(rng.randrange(0, 3))],
        "assignments": [{
            "id": f"as-{index}-{k}", "assignee_type": kind,
            "assignee_id": rng.choice(USERS if kind == "user" else UNITS),
            "role": rng.choice(["lead", "support", "info"]),
            "status": rng.choice(["pending", "in_progress", "done"]), "due_date": due,
            "assigned_by": "u-leader", "note": ""}
            for k, kind in enumerate(rng.choice(["user", "unit"])
                                     for _ in range(rng.randrange(3)))],
        "comments": [{"id": f"c-{index}", "author_id": "u-leader", "kind": "directive",
                      "text": "Giao Văn phòng chủ trì", "created_at": created.isoformat()}]
        if rng.random() < 0.3 else [],
        "history": [{"at": created.isoformat(), "actor_id": "u-clerk", "action": "create",
                     "detail": ""}],
    }


def make_documents(count: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [make_document(rng, i) for i in range(count)]


# --- oracles: cli-v1.md restated in plain Python -------------------------------------------
def in_box(doc: dict[str, Any], box: str, me: dict[str, Any], today: dt.date) -> bool:
    pending = me["id"] in doc["pending_with"]
    if box == "all":
        return True
    if box in ("incoming", "outgoing", "internal"):
        return bool(doc["direction"] == box)
    if box == "to-sign":
        return pending and doc["status"] == "approved"
    if box == "to-process":  # what asks for my work: an assignment "for information" does not
        mine = any(
            a["status"] != "done" and a["role"] != "info"
            and ((a["assignee_type"] == "user" and a["assignee_id"] == me["id"])
                 or (a["assignee_type"] == "unit" and a["assignee_id"] == me["unit_id"]))
            for a in doc["assignments"])
        clerk = "clerk" in me["roles"] and doc["status"] in ("received", "signed", "numbered")
        return pending or mine or clerk
    if box == "overdue":
        return bool(doc["due_date"]) and doc["status"] not in CLOSED_STATUSES and \
            today > dt.date.fromisoformat(doc["due_date"])
    if box == "unread":
        return not doc["read"]
    raise AssertionError(box)


def doc_date(doc: dict[str, Any]) -> str:
    """The document date of documents.py, restated: arrival (incoming) or issued date, else
    the Vietnam date of created_at."""
    chosen = doc["arrival_date"] if doc["direction"] == "incoming" else doc["issued_date"]
    if chosen:
        return str(chosen)
    return dt.datetime.fromisoformat(doc["created_at"]).astimezone(VIETNAM).date().isoformat()


def search_matches(doc: dict[str, Any], text: str) -> bool:
    """Every query word starts a word of the folded subject, notation, issuer or signer."""
    notation = doc["code_notation"]
    if doc["code_number"]:
        notation = f"{doc['code_number']:02d}/{notation}"
    fields = [doc["subject"], notation, doc["issuer"]["org_name"],
              (doc["signer"] or {}).get("full_name") or ""]
    field_words = [w for f in fields for w in words(f)]
    return all(any(w.startswith(q) for w in field_words) for q in words(text))


def test_factory_covers_the_cases() -> None:
    docs = make_documents(400, seed=3)
    assert {d["direction"] for d in docs} == {"incoming", "outgoing", "internal"}
    assert any("đ" in d["subject"].lower() for d in docs)
    for box in ("to-sign", "to-process", "overdue", "unread"):
        assert any(in_box(d, box, ME, TODAY) for d in docs), box
        assert not all(in_box(d, box, ME, TODAY) for d in docs), box
