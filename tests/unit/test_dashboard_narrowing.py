"""The dashboard's unit attribution and leader-waiting days on documents written by hand
for their edge cases (a done lead, a person's unit, an unknown person, instants around
Vietnam's midnight): the figure and the narrowed list agree, and both are what the
module docstring of core/store/narrowing.py says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.reports.dashboard import read_dashboard
from eoffice_client.core.store.directory import replace_catalog, upsert_units, upsert_users
from eoffice_client.core.store.documents import set_me, upsert_documents
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.queries import document_ids
from eoffice_client.core.store.rows import DocumentQuery, UnitFilter
from tests.unit.reports_sample import (
    CATALOG,
    CLERK,
    LEADER,
    OFFICER,
    OFFICER2,
    TODAY,
    U_KT,
    U_KT_A,
    U_VP,
    UNITS,
    USERS,
    incoming,
    lead,
)

LATE = "2026-03-10"


def late(doc_id: str, assignments: list[dict[str, Any]], unit_id: str | None = None,
         **fields: Any) -> dict[str, Any]:
    for position, item in enumerate(assignments):
        item["id"] = f"{doc_id}-a{position}"
    return incoming(doc_id, due_date=LATE, assignments=assignments, unit_id=unit_id, **fields)


def waiting(doc_id: str, at: str, **fields: Any) -> dict[str, Any]:
    history = [{"at": at, "actor_id": CLERK, "action": "submit", "detail": ""}]
    return incoming(doc_id, **{"pending_with": [LEADER], "history": history, **fields})


DOCUMENTS = [
    late("d-done-first", [lead("unit", U_VP, "done"), lead("user", OFFICER)]),
    late("d-person", [lead("user", OFFICER2)], unit_id=U_VP),
    late("d-own", [], unit_id=U_KT),
    late("d-none", []),
    late("d-support-only", [lead("unit", U_VP, role="support")]),
    late("d-ghost", [lead("user", "u-ghost")], unit_id=U_VP),
    late("d-all-done", [lead("unit", U_KT, "done"), lead("unit", U_VP, "done")]),
    late("d-closed", [lead("unit", U_VP)], status="completed"),
    waiting("w-after-midnight", "2026-03-18T17:30:00Z"),  # 19/03 in Vietnam: 1 day
    waiting("w-naive", "2026-03-18T20:00:00"),  # no zone: its own date, 2 days
    waiting("w-future", "2026-03-22T08:00:00+07:00"),  # later than today: 0 days
    waiting("w-west", "2026-03-16T23:30:00-05:00"),  # 17/03 11:30 in Vietnam: 3 days
    waiting("w-fraction", "2026-03-12T08:00:00.123+07:00"),  # 8 days
    waiting("w-date", "2026-03-13"),  # 7 days
    waiting("w-closed", "2026-03-19T08:00:00+07:00", status="completed"),
    waiting("w-officer", "2026-03-19T08:00:00+07:00", pending_with=[OFFICER]),
]
UNITS_EXPECTED: dict[str | None, set[str]] = {
    U_KT: {"d-done-first", "d-own", "d-all-done"},
    U_KT_A: {"d-person"},
    None: {"d-none", "d-support-only", "d-ghost"},
}
AGES_EXPECTED = {"0-1": {"w-after-midnight", "w-future"}, "2-3": {"w-naive", "w-west"},
                 "4-7": {"w-date"}, "8+": {"w-fraction"}}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("hand") / "cache.sqlite3"
    with open_store(path) as opened:
        with opened.write() as conn:
            upsert_users(conn, USERS)
            upsert_units(conn, UNITS)
            replace_catalog(conn, CATALOG)
            set_me(conn, USERS[1])
            upsert_documents(conn, DOCUMENTS)
        yield opened


def listed(store: Store, box: str, **fields: Any) -> set[str]:
    with store.read() as conn:
        return set(document_ids(conn, DocumentQuery(box=box, limit=None, today=TODAY,
                                                    **fields)))


def test_overdue_documents_are_attributed_to_one_unit_each(store: Store) -> None:
    with store.read() as conn:
        board = read_dashboard(conn, today=TODAY)
    assert {u.unit_id: u.count for u in board.overdue_by_unit} == {
        unit: len(docs) for unit, docs in UNITS_EXPECTED.items()}
    assert listed(store, "overdue") == set().union(*UNITS_EXPECTED.values())
    for unit, docs in UNITS_EXPECTED.items():
        assert docs and listed(store, "overdue", unit=UnitFilter(unit)) == docs, unit
    assert listed(store, "overdue", unit=UnitFilter(U_VP)) == set()
    names = {u.unit_id: u.name for u in board.overdue_by_unit}
    assert names[U_KT] == "Phòng Kinh tế" and names[None] == ""


def test_waiting_days_count_on_vietnams_calendar(store: Store) -> None:
    with store.read() as conn:
        board = read_dashboard(conn, today=TODAY)
    assert {b.key: b.count for b in board.waiting_on_leaders} == {
        key: len(docs) for key, docs in AGES_EXPECTED.items()}
    for bucket in board.waiting_on_leaders:
        docs = AGES_EXPECTED[bucket.key]
        found = listed(store, "all", waiting_on_leader=(bucket.min_days, bucket.max_days))
        assert docs and found == docs, bucket.key
    assert listed(store, "all", waiting_on_leader=(0, None)) == set().union(
        *AGES_EXPECTED.values())
