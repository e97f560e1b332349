"""Boxes, filters and search over the sample data generator's documents (GEN), per user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from eoffice_client.core.store.directory import replace_catalog, upsert_units, upsert_users
from eoffice_client.core.store.documents import set_me, upsert_documents
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.queries import list_documents
from eoffice_client.core.store.rows import BOXES, DocumentQuery
from tests.unit.test_store_factory import doc_date, in_box, search_matches

sample_data = pytest.importorskip("eoffice_client.sandbox.sample_data")
TODAY = dt.date(2026, 3, 16)
DATA = sample_data.generate(600, seed=7, today=TODAY)
DOCS: list[dict[str, Any]] = list(DATA.iter_documents())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("sample") / "cache.sqlite3") as opened:
        with opened.write() as conn:
            upsert_users(conn, DATA.users)
            upsert_units(conn, DATA.units)
            replace_catalog(conn, DATA.catalog)
            for start in range(0, len(DOCS), 250):  # pages, as the sync applies them
                upsert_documents(conn, DOCS[start:start + 250])
        yield opened


def ids(store: Store, query: DocumentQuery) -> list[str]:
    found, after = [], None
    while True:
        with store.read() as conn:
            page = list_documents(conn, DocumentQuery(**{**query.__dict__, "after": after}))
        found += [doc["id"] for doc in page.items]
        after = page.next_after
        if after is None:
            return sorted(found)


@pytest.mark.parametrize("username", ["chuyenvien", "vanthu", "lanhdao"])
def test_boxes_for_each_sample_account(store: Store, username: str) -> None:
    me = DATA.user(username)
    with store.write() as conn:
        set_me(conn, me)
    for box in BOXES:
        expected = sorted(d["id"] for d in DOCS if in_box(d, box, me, TODAY))
        assert ids(store, DocumentQuery(box=box, limit=61, today=TODAY)) == expected, box
    assert any(in_box(d, "to-process", me, TODAY) for d in DOCS)


@pytest.mark.parametrize("search", ["ve viec", "quyết định", "dich vu cong truc tuyen",
                                    "ubnd lang", "V/v đôn đốc", "QĐ-UBND", "sở tt", "đ"])
def test_search_sample_subjects(store: Store, search: str) -> None:
    expected = sorted(d["id"] for d in DOCS if search_matches(d, search))
    assert ids(store, DocumentQuery(search=search, limit=45)) == expected


def test_filters_on_sample_data(store: Store) -> None:
    for field, value in (("urgency", 3), ("secrecy", 1), ("status", "in_progress"),
                         ("type_code", "CV")):
        expected = sorted(d["id"] for d in DOCS if d[field] == value)
        assert expected, field
        assert ids(store, DocumentQuery(limit=50, **{field: value})) == expected


def test_date_filter_on_sample_data(store: Store) -> None:
    start, end = dt.date(2025, 12, 1), dt.date(2026, 1, 31)
    expected = sorted(d["id"] for d in DOCS
                      if start.isoformat() <= doc_date(d) <= end.isoformat())
    assert expected
    assert ids(store, DocumentQuery(date_from=start, date_to=end, limit=33)) == expected
