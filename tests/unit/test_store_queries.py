"""Boxes, filters, folded search and keyset pages against plain-Python oracles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from eoffice_client.core.store.documents import (
    delete_documents,
    get_document,
    set_me,
    upsert_documents,
)
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.queries import count_box, document_ids, list_documents, rows
from eoffice_client.core.store.rows import BOXES, DocumentQuery, UnknownBox
from tests.unit.test_store_factory import (
    CLERK,
    ME,
    TODAY,
    doc_date,
    in_box,
    make_documents,
    search_matches,
)

DOCS = make_documents(700, seed=11)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("store") / "cache.sqlite3"
    with open_store(path) as opened:
        with opened.write() as conn:
            set_me(conn, ME)
            upsert_documents(conn, DOCS[:300])
        with opened.write() as conn:  # a second page, and the first again (idempotent)
            upsert_documents(conn, DOCS[300:])
            upsert_documents(conn, DOCS[:300])
        yield opened


def all_pages(store: Store, query: DocumentQuery) -> list[dict[str, Any]]:
    """Walks every keyset page; asserts pages do not overlap."""
    seen: list[dict[str, Any]] = []
    after = None
    for _ in range(1000):
        with store.read() as conn:
            page = list_documents(conn, DocumentQuery(**{**query.__dict__, "after": after}))
        assert len(page.items) <= query.limit
        seen.extend(page.items)
        if page.next_after is None:
            break
        after = page.next_after
    ids = [d["id"] for d in seen]
    assert len(ids) == len(set(ids)), "a document came on two pages"
    return seen


def expect(predicate: Any) -> list[str]:
    return sorted(d["id"] for d in DOCS if predicate(d))


@pytest.mark.parametrize("box", BOXES)
def test_each_box_matches_the_oracle_page_by_page(store: Store, box: str) -> None:
    found = all_pages(store, DocumentQuery(box=box, limit=37, today=TODAY))
    assert found, f"the sample has documents in {box}"
    assert sorted(d["id"] for d in found) == expect(lambda d: in_box(d, box, ME, TODAY))
    dates = [doc_date(d) for d in found]
    assert dates == sorted(dates, reverse=True), "not newest first"
    assert all("history" not in d and "comments" not in d for d in found)
    by_id = {d["id"]: d for d in DOCS}
    assert all(dict(by_id[d["id"]], history=None, comments=None) == dict(
        d, history=None, comments=None) for d in found), "whole documents as stored"


@pytest.mark.parametrize("box", ["all", "overdue", "to-process"])
def test_list_rows_carry_the_list_columns(store: Store, box: str) -> None:
    with store.read() as conn:
        ids = document_ids(conn, DocumentQuery(box=box, limit=None, today=TODAY))
        found = rows(conn, ids)
    by_id = {d["id"]: d for d in DOCS}
    assert sorted(ids) == expect(lambda d: in_box(d, box, ME, TODAY)) and ids
    for doc_id in ids:
        row, doc = found[doc_id], by_id[doc_id]
        assert row.date == doc_date(doc)
        assert (row.subject, row.status, row.urgency, row.read) == (
            doc["subject"], doc["status"], doc["urgency"], doc["read"])


@pytest.mark.parametrize("box", BOXES)
def test_count_box(store: Store, box: str) -> None:
    with store.read() as conn:
        total, unread, overdue = count_box(conn, box, today=TODAY)
    members = [d for d in DOCS if in_box(d, box, ME, TODAY)]
    assert total == len(members)
    assert unread == sum(not d["read"] for d in members)
    assert overdue == sum(in_box(d, "overdue", ME, TODAY) for d in members)


@pytest.mark.parametrize("field,value", [
    ("type_code", "QD"), ("type_code", "CV"), ("urgency", 0), ("urgency", 3), ("secrecy", 2),
    ("status", "approved"), ("status", "received"),
])
def test_filters(store: Store, field: str, value: Any) -> None:
    found = all_pages(store, DocumentQuery(box="all", limit=50, **{field: value}))
    assert sorted(d["id"] for d in found) == expect(lambda d: d[field] == value)


def test_filters_combine_with_a_box_and_dates(store: Store) -> None:
    start, end = dt.date(2025, 9, 1), dt.date(2026, 1, 31)
    query = DocumentQuery(box="incoming", urgency=1, date_from=start, date_to=end, limit=7)
    found = all_pages(store, query)
    assert sorted(d["id"] for d in found) == expect(
        lambda d: d["direction"] == "incoming" and d["urgency"] == 1
        and start.isoformat() <= doc_date(d) <= end.isoformat())
    assert found, "the case should not be empty"


@pytest.mark.parametrize("search", [
    "dinh", "đinh", "ĐỊNH", "quyet dinh", "dao tao", "qd", "qđ-ubnd", "ubnd", "05", "1",
    "lang son cao loc",  # subject and issuer words in one query
    "doan hau", "Đoàn Thị Hậu", "duc dat",  # signer words
    "dien 2026", "trien khai muc", "so thong tin", "d", "zzz", "  ", "!!!",
    # FTS5 syntax must never break the query
    'dinh" OR "a', "NEAR(dinh tinh)", "dinh*", "-dinh", "^dinh", "dinh AND", "(", '"',
    "subject:dinh", "{subject}: dinh",
])
def test_search_is_folded_prefix_per_word(store: Store, search: str) -> None:
    found = all_pages(store, DocumentQuery(search=search, limit=40))
    assert sorted(d["id"] for d in found) == expect(lambda d: search_matches(d, search))


def test_search_words_may_match_in_different_fields(store: Store) -> None:
    doc = dict(DOCS[0], id="cross-field", subject="Kế hoạch đào tạo",
               issuer={"org_id": "o", "org_name": "Sở Xây dựng"}, code_number=5,
               code_notation="QĐ-UBND", signer={"competence": "", "position": "",
                                                "full_name": "Phạm Đức Yên", "user_id": None})
    with store.write() as conn:
        upsert_documents(conn, [doc])
    try:
        for search in ("dao xay yen 05", "ke hoach qd", "Đào tạo Xây", "05/QĐ-UBND"):
            with store.read() as conn:
                ids = [d["id"] for d in list_documents(conn, DocumentQuery(search=search)).items]
            assert "cross-field" in ids, search
        for search in ("5", "ao", "dao xay dung2"):  # not word starts
            with store.read() as conn:
                ids = [d["id"] for d in list_documents(conn, DocumentQuery(search=search,
                                                                          limit=1000)).items]
            assert "cross-field" not in ids, search
    finally:
        with store.write() as conn:
            delete_documents(conn, ["cross-field"])


def test_search_with_box_and_filters(store: Store) -> None:
    query = DocumentQuery(box="to-process", search="d", urgency=0, limit=5, today=TODAY)
    found = all_pages(store, query)
    assert sorted(d["id"] for d in found) == expect(
        lambda d: in_box(d, "to-process", ME, TODAY) and d["urgency"] == 0
        and search_matches(d, "d"))


def test_unknown_box_and_bad_token(store: Store) -> None:
    with store.read() as conn, pytest.raises(UnknownBox):
        list_documents(conn, DocumentQuery(box="inbox"))
    with store.read() as conn, pytest.raises(ValueError):
        list_documents(conn, DocumentQuery(after="x1"))


def test_flags_follow_me(tmp_path: Path) -> None:
    docs = make_documents(300, seed=5)
    with open_store(tmp_path / "c.sqlite3") as store:
        with store.write() as conn:
            upsert_documents(conn, docs)  # before any "me": no flags
            set_me(conn, CLERK)  # recomputed in SQL
        for box in ("to-sign", "to-process"):
            with store.read() as conn:
                got = all_pages(store, DocumentQuery(box=box, limit=1000))
            assert sorted(d["id"] for d in got) == sorted(
                d["id"] for d in docs if in_box(d, box, CLERK, TODAY)), box
        with store.write() as conn:
            set_me(conn, ME)
            upsert_documents(conn, docs[:50])  # computed in Python for these
        got = all_pages(store, DocumentQuery(box="to-process", limit=1000))
        assert sorted(d["id"] for d in got) == sorted(
            d["id"] for d in docs if in_box(d, "to-process", ME, TODAY))


def test_upsert_is_idempotent_and_fts_follows_updates_and_deletes(tmp_path: Path) -> None:
    docs = make_documents(120, seed=8)
    with open_store(tmp_path / "c.sqlite3") as store:
        for _ in range(3):
            with store.write() as conn:
                upsert_documents(conn, docs)
        with store.read() as conn:
            counts = [conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                      for t in ("documents", "documents_fts", "attachments", "history")]
        assert counts == [120, 120, sum(len(d["attachments"]) for d in docs), 120]
        with store.read() as conn:
            before = [d["id"] for d in list_documents(conn, DocumentQuery(limit=500)).items]
        changed = dict(docs[0], subject="Hội nghị tổng kết công tác xúc tiến thương mại")
        with store.write() as conn:
            upsert_documents(conn, [changed])
            delete_documents(conn, [docs[1]["id"], "not-cached"])
        with store.read() as conn:
            after = [d["id"] for d in list_documents(conn, DocumentQuery(limit=500)).items]
            hits = [d["id"] for d in list_documents(conn, DocumentQuery(search="xuc tien")).items]
            old = list_documents(conn, DocumentQuery(search=docs[0]["subject"], limit=500))
            assert get_document(conn, docs[1]["id"]) is None
            assert get_document(conn, docs[0]["id"]) == changed
            fts = conn.execute(text("SELECT count(*) FROM documents_fts")).scalar()
        assert after == [i for i in before if i != docs[1]["id"]], "order kept on update"
        assert hits == [docs[0]["id"]]
        assert docs[0]["id"] not in [d["id"] for d in old.items]
        assert fts == 119


def test_a_new_document_date_moves_it_to_the_top(tmp_path: Path) -> None:
    docs = make_documents(30, seed=9)
    with open_store(tmp_path / "c.sqlite3") as store:
        with store.write() as conn:
            upsert_documents(conn, docs)
        moved = dict(docs[5], direction="incoming", arrival_date="2030-01-01")
        with store.write() as conn:
            upsert_documents(conn, [moved])
        with store.read() as conn:
            first = list_documents(conn, DocumentQuery(limit=1)).items[0]
            since = list_documents(conn, DocumentQuery(date_from=dt.date(2030, 1, 1))).items
        assert first["id"] == moved["id"] and [d["id"] for d in since] == [moved["id"]]


@pytest.mark.parametrize("small_box", [1500, 0])  # walk the box, or walk the FTS5 matches
@pytest.mark.parametrize("box", ["to-sign", "to-process", "overdue"])
@pytest.mark.parametrize("search", ["d", "dinh quyet", "lang son", "qđ 05", "DOAN", "x y"])
def test_search_in_flag_boxes_either_way(store: Store, monkeypatch: pytest.MonkeyPatch,
                                         small_box: int, box: str, search: str) -> None:
    from eoffice_client.core.store import queries

    monkeypatch.setattr(queries, "SMALL_BOX", small_box)
    with store.read() as conn:
        assert queries._box_is_small(conn, DocumentQuery(box=box, search=search,
                                                         today=TODAY)) == bool(small_box)
    found = all_pages(store, DocumentQuery(box=box, search=search, limit=9, today=TODAY,
                                           date_from=dt.date(2025, 5, 1)))
    assert sorted(d["id"] for d in found) == expect(
        lambda d: in_box(d, box, ME, TODAY) and search_matches(d, search)
        and doc_date(d) >= "2025-05-01")
