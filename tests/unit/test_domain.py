"""The Decree-30 domain: types, folding, numbering, deadlines and the workflow table."""

from __future__ import annotations

import datetime as dt

import pytest

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import WorkCalendar, is_overdue, today_vietnam
from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES, document_type
from eoffice_client.core.domain.folding import fold, words
from eoffice_client.core.domain.numbering import (
    NotationError,
    format_code,
    notation_for,
    parse_code,
)


def test_twenty_nine_types_with_unique_codes() -> None:
    assert len(DOCUMENT_TYPES) == 29
    assert len({t.code for t in DOCUMENT_TYPES}) == 29
    assert document_type("QD").name == "Quyết định"  # type: ignore[union-attr]
    assert document_type("QYD").abbreviation == "QyĐ"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Quyết định", "quyet dinh"),
        ("ĐỀ ÁN đổi mới", "de an doi moi"),
        ("Hỏa tốc", "hoa toc"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_split_notation() -> None:
    assert words("05/QĐ-UBND") == ["05", "qd", "ubnd"]


def test_format_and_parse_code() -> None:
    assert format_code(5, "QĐ-UBND") == "05/QĐ-UBND"
    assert format_code(123, "UBND-VP") == "123/UBND-VP"
    code = parse_code("05/QĐ-UBND")
    assert (code.number, code.notation) == (5, "QĐ-UBND")


@pytest.mark.parametrize(
    ("bad", "says"),
    [("5/QĐ-UBND", "số 0"), ("05QĐ-UBND", "'/'"), ("05/QĐUBND", "'-'"), ("ab/QĐ-UBND", "chữ số"),
     ("05/QĐ--UBND", "phần trống"), ("012/QĐ-UBND", "không có số 0")],
)
def test_bad_code_names_the_problem(bad: str, says: str) -> None:
    with pytest.raises(NotationError, match=says):
        parse_code(bad)


def test_notation_for_cong_van_uses_unit() -> None:
    assert notation_for("QD", "UBND") == "QĐ-UBND"
    assert notation_for("CV", "UBND", "VP") == "UBND-VP"


def test_working_days_skip_weekends_and_holidays() -> None:
    calendar = WorkCalendar(holidays=frozenset({dt.date(2026, 9, 2)}))
    friday = dt.date(2026, 8, 28)
    assert calendar.add_working_days(friday, 1) == dt.date(2026, 8, 31)  # Monday
    assert calendar.add_working_days(dt.date(2026, 9, 1), 1) == dt.date(2026, 9, 3)
    worked_saturday = WorkCalendar(working_days=frozenset({dt.date(2026, 8, 29)}))
    assert worked_saturday.add_working_days(friday, 1) == dt.date(2026, 8, 29)


def test_overdue_rule() -> None:
    today = dt.date(2026, 11, 27)
    assert is_overdue("2026-11-26", "assigned", today)
    assert not is_overdue("2026-11-27", "assigned", today)
    assert not is_overdue("2026-11-01", "completed", today)


CLERK = {"id": "c", "roles": ["clerk"], "unit_id": "vp", "active": True}
LEADER = {"id": "l", "roles": ["leader"], "unit_id": "vp", "active": True}
OFFICER = {"id": "o", "roles": ["officer"], "unit_id": "u1", "active": True}


def _incoming(status: str, **extra: object) -> dict:
    doc = {"id": "d", "direction": "incoming", "status": status, "pending_with": [],
           "assignments": [], "version": 3, "created_by": "c", "registered_by": "c", "secrecy": 0}
    doc.update(extra)
    return doc


def test_check_order_forbidden_before_transition_before_params() -> None:
    doc = _incoming("received", pending_with=["c"])
    refusal = workflow.check(doc, "register", {}, OFFICER)
    assert refusal is not None and refusal.status == 403
    refusal = workflow.check(_incoming("registered"), "register", {}, CLERK)
    assert refusal is not None and refusal.code == "invalid_transition"
    refusal = workflow.check(doc, "register", {}, CLERK)
    assert refusal is not None and refusal.code == "validation_failed"
    assert workflow.check(doc, "register", {"register_id": "r"}, CLERK) is None


def test_assign_then_start_then_complete() -> None:
    now = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
    directory = workflow.UserIndex({u["id"]: u for u in (CLERK, LEADER, OFFICER)})
    doc = _incoming("awaiting_assignment", pending_with=["l"])
    params = {"assignments": [{"assignee_type": "unit", "assignee_id": "u1", "role": "lead",
                               "due_date": "2026-12-05"}], "directive": "Đề nghị xử lý gấp"}
    assert workflow.check(doc, "assign", params, LEADER) is None
    assigned = workflow.apply(doc, "assign", params, LEADER, now, directory)
    assert assigned["status"] == "assigned" and assigned["pending_with"] == ["o"]
    assert assigned["version"] == 4 and assigned["due_date"] == "2026-12-05"
    assert assigned["comments"][-1]["kind"] == "directive"
    assert workflow.allowed_actions(assigned, OFFICER).count("start") == 1
    started = workflow.apply(assigned, "start", {}, OFFICER, now, directory)
    assert started["assignments"][0]["status"] == "in_progress"
    done = workflow.apply(started, "complete", {}, OFFICER, now, directory)
    assert done["status"] == "completed" and done["pending_with"] == []
    assert doc["status"] == "awaiting_assignment"  # the input is left as it was


def test_return_needs_ten_characters_and_goes_to_registering_clerk() -> None:
    doc = _incoming("awaiting_assignment", pending_with=["l"])
    refusal = workflow.check(doc, "return", {"reason": "  ngắn  "}, LEADER)
    assert refusal is not None and refusal.errors[0]["field"] == "params.reason"
    now = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)
    returned = workflow.apply(doc, "return", {"reason": "Sai thẩm quyền xử lý"}, LEADER, now)
    assert returned["status"] == "returned" and returned["pending_with"] == ["c"]


def test_directive_comment_is_for_leaders_only() -> None:
    doc = _incoming("assigned")
    params = {"id": "x", "kind": "directive", "text": "Giao phòng KT"}
    refusal = workflow.check(doc, "comment", params, OFFICER)
    assert refusal is not None and refusal.status == 403
    assert workflow.check(doc, "comment", params, LEADER) is None


def test_mark_read_changes_no_version() -> None:
    now = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)
    read = workflow.apply(_incoming("assigned"), "mark_read", {}, OFFICER, now)
    assert read["read"] is True and read["readers"] == ["o"] and read["version"] == 3


def test_today_in_vietnam_whatever_the_pc_clock_zone() -> None:
    """UTC+7 all year: 17:00 UTC is already tomorrow in Hà Nội, 16:59 is still today."""
    assert today_vietnam(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)) == dt.date(2027, 1, 1)
    assert today_vietnam(dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.UTC)) == dt.date(2026, 12, 31)
    new_york = dt.timezone(dt.timedelta(hours=-5))
    assert today_vietnam(dt.datetime(2026, 6, 1, 12, 0, tzinfo=new_york)) == dt.date(2026, 6, 2)
