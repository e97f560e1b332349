"""The list a dashboard figure opens holds exactly the documents the figure counted: for
every card and bar of a sample cache, the store's query narrowed as the click asks gives
as many ids as the figure, and the same ids as a plain-Python count over the documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection

from eoffice_client.core.domain.deadlines import WorkCalendar
from eoffice_client.core.reports.dashboard import Dashboard, read_dashboard
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.queries import count_matching, document_ids, list_documents
from eoffice_client.core.store.rows import DocumentQuery, UnitFilter
from eoffice_client.sandbox.sample_cache import fill_store
from eoffice_client.sandbox.sample_data import generate

ANCHOR = dt.date(2026, 3, 10)  # the sample data's "today"
TODAY = dt.date(2026, 3, 12)
CLOSED = {"completed", "issued", "recalled", "discarded"}
DOCS = list(generate(700, 5, ANCHOR).iter_documents())
DATA = generate(0, 5, ANCHOR)
ME = DATA.user("lanhdao")
#: the sample's incoming documents are all unread: a few read ones, in the cache and here
READ = [doc for doc in DOCS if doc["direction"] == "incoming"][:12]
for _doc in READ:
    _doc["read"] = True


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("cache") / "cache.sqlite3"
    with open_store(path) as opened:
        fill_store(opened, 700, 5, user="lanhdao", today=ANCHOR)
        with opened.write() as conn:
            upsert_documents(conn, READ)
        yield opened


@pytest.fixture(scope="module")
def board(store: Store) -> Dashboard:
    with store.read() as conn:
        return read_dashboard(conn, today=TODAY, soon_days=3)


def ids(conn: Connection, box: str, **fields: Any) -> set[str]:
    found = document_ids(conn, DocumentQuery(box=box, limit=None, today=TODAY, **fields))
    assert len(found) == len(set(found))  # each document once
    return set(found)


# --- plain-Python oracles over the generated documents --------------------------------------
def is_open(doc: dict[str, Any]) -> bool:
    return doc["status"] not in CLOSED


def vietnam_day(instant: str) -> dt.date:
    moment = dt.datetime.fromisoformat(instant)
    return (moment + (dt.timedelta(hours=7) - (moment.utcoffset() or dt.timedelta()))).date()


def overdue(doc: dict[str, Any]) -> bool:
    return is_open(doc) and bool(doc.get("due_date")) and (
        dt.date.fromisoformat(doc["due_date"]) < TODAY)


def unit_of(doc: dict[str, Any]) -> str | None:
    user_unit = {u["id"]: u["unit_id"] for u in DATA.users}
    leads = sorted((a for a in doc["assignments"] if a["role"] == "lead"),
                   key=lambda a: a["status"] == "done")  # stable: open ones, in file order
    if not leads:
        return doc.get("unit_id")
    first = leads[0]
    return first["assignee_id"] if first["assignee_type"] == "unit" else user_unit.get(
        first["assignee_id"])


def waited(doc: dict[str, Any]) -> int | None:
    """Days waiting on a leader; None: not waiting on one."""
    leaders = {u["id"] for u in DATA.users if "leader" in u["roles"]}
    if not is_open(doc) or not leaders & set(doc["pending_with"]):
        return None
    return max((TODAY - vietnam_day(doc["history"][-1]["at"])).days, 0)


def to_process(doc: dict[str, Any]) -> bool:
    if ME["id"] in doc["pending_with"]:
        return True
    if "clerk" in ME["roles"] and doc["status"] in {"received", "signed", "numbered"}:
        return True
    return any(a["status"] != "done" and a["role"] != "info" and (
        (a["assignee_type"] == "user" and a["assignee_id"] == ME["id"])
        or (a["assignee_type"] == "unit" and a["assignee_id"] == ME["unit_id"]))
        for a in doc["assignments"])


def matching(test: Any) -> set[str]:
    return {doc["id"] for doc in DOCS if test(doc)}


# --- the cards ------------------------------------------------------------------------------
def test_the_unread_incoming_card_opens_its_unread_documents(store: Store,
                                                             board: Dashboard) -> None:
    expected = matching(lambda d: d["direction"] == "incoming" and not d["read"])
    with store.read() as conn:
        listed = ids(conn, "incoming", unread_only=True)
        every = ids(conn, "incoming")
    assert listed == expected and len(listed) == board.unread_incoming > 0
    assert len(every) == len(listed) + len(READ)  # the narrowing narrows


def test_the_due_soon_card_opens_the_documents_due_within_its_working_days(
        store: Store, board: Dashboard) -> None:
    horizon = WorkCalendar.from_catalog(DATA.catalog["calendar"]).add_working_days(TODAY, 3)
    assert board.due_soon_until == horizon
    expected = matching(lambda d: is_open(d) and bool(d.get("due_date")) and (
        TODAY <= dt.date.fromisoformat(d["due_date"]) <= horizon))
    with store.read() as conn:
        listed = ids(conn, "all", due_from=TODAY, due_to=horizon)
    assert listed == expected and len(listed) == board.due_soon > 0


def test_the_box_cards_open_their_boxes(store: Store, board: Dashboard) -> None:
    with store.read() as conn:
        late, processing, signing = (ids(conn, "overdue"), ids(conn, "to-process"),
                                     ids(conn, "to-sign"))
    assert late == matching(overdue) and len(late) == board.overdue > 0
    assert processing == matching(to_process) and len(processing) == board.to_process > 0
    assert signing == matching(lambda d: ME["id"] in d["pending_with"]
                               and d["status"] == "approved")
    assert len(signing) == board.to_sign > 0


# --- the bars -------------------------------------------------------------------------------
def test_each_unit_bar_opens_the_overdue_documents_of_that_unit(store: Store,
                                                                board: Dashboard) -> None:
    assert len(board.overdue_by_unit) >= 2
    with store.read() as conn:
        for unit in board.overdue_by_unit:
            listed = ids(conn, "overdue", unit=UnitFilter(unit.unit_id))
            expected = matching(lambda d, u=unit.unit_id: overdue(d) and unit_of(d) == u)
            assert listed == expected and len(listed) == unit.count > 0, unit
        assert ids(conn, "overdue", unit=UnitFilter("no-such-unit")) == set()


def test_each_waiting_bar_opens_the_documents_waiting_that_long(store: Store,
                                                                board: Dashboard) -> None:
    buckets = board.waiting_on_leaders
    assert sum(b.count for b in buckets) > 0
    with store.read() as conn:
        for bucket in buckets:
            listed = ids(conn, "all", waiting_on_leader=(bucket.min_days, bucket.max_days))

            def within(doc: dict[str, Any], low: int = bucket.min_days,
                       high: int | None = bucket.max_days) -> bool:
                days = waited(doc)
                return days is not None and days >= low and (high is None or days <= high)

            assert listed == matching(within) and len(listed) == bucket.count, bucket.key


def test_each_week_bar_opens_the_incoming_documents_of_that_week(store: Store,
                                                                 board: Dashboard) -> None:
    assert sum(w.count for w in board.weekly_intake) > 0
    with store.read() as conn:
        for week in board.weekly_intake:
            listed = ids(conn, "incoming", date_from=week.week_start,
                         date_to=week.week_start + dt.timedelta(days=6))
            assert len(listed) == week.count, week.week_start


# --- narrowing keeps search, order and pages working ----------------------------------------
def test_a_narrowed_list_pages_sorts_and_searches(store: Store, board: Dashboard) -> None:
    unit = board.overdue_by_unit[0]
    narrowed = {"unit": UnitFilter(unit.unit_id)}
    with store.read() as conn:
        whole = document_ids(conn, DocumentQuery(box="overdue", limit=None, today=TODAY,
                                                 **narrowed))
        assert whole and count_matching(conn, DocumentQuery(box="overdue", today=TODAY,
                                                            **narrowed)) == len(whole)
        paged: list[str] = []
        after: str | None = None
        while True:
            page = list_documents(conn, DocumentQuery(box="overdue", limit=3, after=after,
                                                      today=TODAY, **narrowed))
            paged += [doc["id"] for doc in page.items]
            if page.next_after is None:
                break
            after = page.next_after
        assert paged == whole
        by_due = ids(conn, "overdue", sort="due", descending=False, **narrowed)
        assert by_due == set(whole)
        for box, fields in (("overdue", narrowed), ("all", {"waiting_on_leader": (0, None)}),
                            ("incoming", {"unread_only": True})):
            word = next(w for w in ("ubnd", "v", "ve", "cong") if ids(conn, box, search=w))
            searched = ids(conn, box, search=word, **fields)
            assert searched == ids(conn, box, search=word) & ids(conn, box, **fields), box


def test_a_narrowed_query_is_filtered() -> None:
    assert not DocumentQuery().filtered
    for fields in ({"unread_only": True}, {"unit": UnitFilter(None)},
                   {"due_from": TODAY}, {"due_to": TODAY}, {"waiting_on_leader": (0, 1)}):
        query = DocumentQuery(**fields)  # type: ignore[arg-type]
        assert query.narrowed and query.filtered, fields
