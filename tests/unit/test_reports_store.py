"""Registers, report and dashboard read from a real cache, against plain-Python oracles."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from eoffice_client.core.domain.deadlines import WorkCalendar
from eoffice_client.core.errors import ClientError
from eoffice_client.core.reports.dashboard import AGE_BUCKETS
from eoffice_client.core.reports.dashboard import read_dashboard as dashboard
from eoffice_client.core.reports.exports import export_register, export_report
from eoffice_client.core.reports.model import OutputFormat, Period, RegisterKind
from eoffice_client.core.store.documents import set_me
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.queries import count_box
from eoffice_client.sandbox.sample_cache import fill_store
from eoffice_client.sandbox.sample_data import generate

ANCHOR = dt.date(2026, 3, 10)  # the sample data's "today"
TODAY = dt.date(2026, 3, 12)
CLOSED = {"completed", "issued", "recalled", "discarded"}
DOCS = list(generate(700, 5, ANCHOR).iter_documents())
DATA = generate(0, 5, ANCHOR)
PERIOD = Period(dt.date(2025, 6, 1), dt.date(2026, 3, 31))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("cache") / "cache.sqlite3"
    with open_store(path) as opened:
        fill_store(opened, 700, 5, user="lanhdao", today=ANCHOR)
        with opened.write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO meta (key, value) VALUES ('organization', "
                "'{\"org_id\": \"x\", \"org_name\": \"UBND TỈNH LẠNG SƠN\", \"code\": \"UBND\"}')")
        yield opened


def vietnam_day(instant: str) -> dt.date:
    moment = dt.datetime.fromisoformat(instant)
    return (moment + (dt.timedelta(hours=7) - (moment.utcoffset() or dt.timedelta()))).date()


# --- dashboard ----------------------------------------------------------------------------
def test_cards_equal_the_boxes(store: Store) -> None:
    with store.read() as conn:
        board = dashboard(conn, today=TODAY)
        assert board.unread_incoming == count_box(conn, "incoming", today=TODAY)[1] > 0
        assert board.to_sign == count_box(conn, "to-sign", today=TODAY)[0] > 0
        assert board.to_process == count_box(conn, "to-process", today=TODAY)[0] > 0
        assert board.overdue == count_box(conn, "overdue", today=TODAY)[0] > 0
        cards = dashboard(conn, today=TODAY, charts=False)
        assert (cards.unread_incoming, cards.to_sign, cards.to_process, cards.overdue,
                cards.due_soon) == (board.unread_incoming, board.to_sign, board.to_process,
                                    board.overdue, board.due_soon)
        assert cards.overdue_by_unit == cards.waiting_on_leaders == cards.weekly_intake == ()


def test_cards_follow_the_cache_user(store: Store) -> None:
    with store.read() as conn:
        leader_board = dashboard(conn, today=TODAY)
    with store.write() as conn:
        set_me(conn, DATA.user("vanthu"))
    try:
        with store.read() as conn:
            board = dashboard(conn, today=TODAY)
            assert board.to_process == count_box(conn, "to-process", today=TODAY)[0]
            assert board.to_sign == count_box(conn, "to-sign", today=TODAY)[0]
            assert (board.to_process, board.to_sign) != (leader_board.to_process,
                                                         leader_board.to_sign)
    finally:
        with store.write() as conn:
            set_me(conn, DATA.user("lanhdao"))


def test_due_soon_overdue_by_unit_and_weekly_intake(store: Store) -> None:
    calendar = WorkCalendar.from_catalog(DATA.catalog["calendar"])
    horizon = calendar.add_working_days(TODAY, 3)
    open_due = [d for d in DOCS if d["status"] not in CLOSED and d.get("due_date")]
    expected_soon = sum(TODAY <= dt.date.fromisoformat(d["due_date"]) <= horizon
                        for d in open_due)
    overdue = [d for d in open_due if dt.date.fromisoformat(d["due_date"]) < TODAY]
    user_unit = {u["id"]: u["unit_id"] for u in DATA.users}
    expected_units: Counter[str | None] = Counter()
    for doc in overdue:
        leads = [a for a in doc["assignments"] if a["role"] == "lead"]
        leads.sort(key=lambda a: a["status"] == "done")  # stable: open ones first
        if leads:
            first = leads[0]
            expected_units[first["assignee_id"] if first["assignee_type"] == "unit"
                           else user_unit.get(first["assignee_id"])] += 1
        else:
            expected_units[doc.get("unit_id")] += 1
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    weeks = [monday - dt.timedelta(weeks=n) for n in range(7, -1, -1)]
    intake: Counter[dt.date] = Counter()
    for doc in DOCS:
        if doc["direction"] != "incoming":
            continue
        day = (dt.date.fromisoformat(doc["arrival_date"]) if doc.get("arrival_date")
               else vietnam_day(doc["created_at"]))
        intake[day - dt.timedelta(days=day.weekday())] += 1
    with store.read() as conn:
        board = dashboard(conn, today=TODAY, soon_days=3, weeks=8)
    assert board.due_soon == expected_soon > 0
    assert {u.unit_id: u.count for u in board.overdue_by_unit} == dict(expected_units)
    assert sum(u.count for u in board.overdue_by_unit) == board.overdue == len(overdue)
    assert [(w.week_start, w.count) for w in board.weekly_intake] == [
        (w, intake[w]) for w in weeks]
    assert sum(w.count for w in board.weekly_intake) > 0


def test_waiting_on_leaders_by_age(store: Store) -> None:
    leaders = {u["id"] for u in DATA.users if "leader" in u["roles"]}
    expected = dict.fromkeys((key for key, _, _ in AGE_BUCKETS), 0)
    for doc in DOCS:
        if doc["status"] in CLOSED or not leaders & set(doc["pending_with"]):
            continue
        age = max((TODAY - vietnam_day(doc["history"][-1]["at"])).days, 0)
        key = next(k for k, low, high in AGE_BUCKETS
                   if age >= low and (high is None or age <= high))
        expected[key] += 1
    with store.read() as conn:
        board = dashboard(conn, today=TODAY)
    assert {b.key: b.count for b in board.waiting_on_leaders} == expected
    assert sum(expected.values()) > 0


# --- registers and the report from the cache ------------------------------------------------
def read_rows(path: Path, first_header: str) -> list[tuple[Any, ...]]:
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == first_header) + 2
    return [r for r in rows[start:] if r[1] is not None]


def in_period(day: str | None) -> bool:
    return day is not None and PERIOD.start <= dt.date.fromisoformat(day) <= PERIOD.end


def code_of(doc: dict[str, Any]) -> str:
    return f"{doc['code_number']:02d}/{doc['code_notation']}"


def test_incoming_register_from_the_cache(store: Store, tmp_path: Path) -> None:
    expected = sorted((d["arrival_number"], code_of(d)) for d in DOCS
                      if d["direction"] == "incoming" and d.get("arrival_number")
                      and in_period(d.get("arrival_date")))
    out = tmp_path / "den.xlsx"
    with store.read() as conn:
        result = export_register(conn, kind=RegisterKind.INCOMING, period=PERIOD, out=out,
                                 fmt=OutputFormat.XLSX, today=TODAY)
    rows = read_rows(out, "Ngày đến")
    assert result.rows == len(rows) == len(expected) > 20
    assert sorted((r[1], r[3]) for r in rows) == expected


def test_outgoing_register_from_the_cache(store: Store, tmp_path: Path) -> None:
    expected = sorted((code_of(d), d.get("copies")) for d in DOCS
                      if d["direction"] in ("outgoing", "internal")
                      and d.get("code_number") and in_period(d.get("issued_date")))
    out = tmp_path / "di.xlsx"
    with store.read() as conn:
        export_register(conn, kind=RegisterKind.OUTGOING, period=PERIOD, out=out,
                        fmt=OutputFormat.XLSX)
    rows = read_rows(out, "Số, ký hiệu")
    assert sorted((r[0], r[6]) for r in rows) == expected and len(expected) > 20


def test_tracking_register_lists_the_replies(store: Store, tmp_path: Path) -> None:
    replies: dict[tuple[str, str], list[str]] = {}
    for doc in DOCS:
        target = doc.get("in_reply_to")
        if (doc["direction"] != "incoming" and target and doc.get("code_number")
                and doc["status"] not in ("recalled", "discarded")):
            replies.setdefault((target["code"], target["issued_date"]), []).append(
                code_of(doc))
    expected = {}
    for doc in DOCS:
        if (doc["direction"] == "incoming" and doc.get("arrival_number")
                and in_period(doc.get("arrival_date"))):
            expected[code_of(doc)] = sorted(replies.get((code_of(doc), doc["issued_date"]), []))
    out = tmp_path / "theo-doi.xlsx"
    with store.read() as conn:
        export_register(conn, kind=RegisterKind.TRACKING, period=PERIOD, out=out,
                        fmt=OutputFormat.XLSX, today=TODAY)
    found = {}
    for row in read_rows(out, "Số đến"):
        code = str(row[1]).split(" ngày ", 1)[0]
        found[code] = sorted(part.split(" ngày ")[0] for part in (row[5] or "").split("; ")
                             if part)
    assert found == expected
    assert sum(len(v) for v in expected.values()) > 0


def test_report_from_the_cache_covers_what_the_cache_holds(store: Store,
                                                           tmp_path: Path) -> None:
    def arrived(doc: dict[str, Any]) -> dt.date:
        return (dt.date.fromisoformat(doc["arrival_date"]) if doc.get("arrival_date")
                else vietnam_day(doc["created_at"]))

    cohort = [d for d in DOCS if d["direction"] == "incoming"
              and PERIOD.start <= arrived(d) <= PERIOD.end]
    out = tmp_path / "bao-cao.xlsx"
    with store.read() as conn:
        result = export_report(conn, period=PERIOD, out=out, fmt=OutputFormat.XLSX,
                               today=TODAY)
    figures = result.report.figures
    assert result.report.covered == figures.received == len(cohort) > 20
    assert figures.registered == sum(d.get("arrival_number") is not None for d in cohort)
    assert figures.discarded == sum(d["status"] == "discarded" for d in cohort)
    assert figures.overdue_now == sum(
        d["status"] not in CLOSED and bool(d.get("due_date"))
        and dt.date.fromisoformat(d["due_date"]) < TODAY for d in cohort)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    lines = [r[0] for r in sheet.iter_rows(values_only=True) if r[0]]
    assert f"Theo dữ liệu trên máy của Nông Đình Đông, {len(cohort)} văn bản" in lines


def test_unknown_or_wrong_register_and_unit_are_refused(store: Store, tmp_path: Path) -> None:
    outgoing_register = next(r["id"] for r in DATA.catalog["registers"]
                             if r["direction"] == "outgoing")
    with store.read() as conn:
        for register_id in ("no-such-register", outgoing_register):
            with pytest.raises(ClientError) as error:
                export_register(conn, kind=RegisterKind.INCOMING, period=PERIOD,
                                out=tmp_path / "x.xlsx", fmt=OutputFormat.XLSX,
                                register_id=register_id)
            assert error.value.exit_code == 9
        with pytest.raises(ClientError) as error:
            export_report(conn, period=PERIOD, out=tmp_path / "x.xlsx",
                          fmt=OutputFormat.XLSX, unit_id="no-such-unit")
        assert error.value.exit_code == 9
    assert not (tmp_path / "x.xlsx").exists()
