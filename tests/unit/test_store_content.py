"""The content search in the cache: revision 0003 on an existing cache, a file's words
found with its documents (folded, prefix per word, with the metadata's words), which
rows matched by content, secret documents, and the sync's upserts keeping the words."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, inspect

from eoffice_client.core.store import content, queries
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import MIGRATIONS_DIR, Store, open_store
from eoffice_client.core.store.rows import DocumentQuery
from tests.unit.test_store_engine import revision_of
from tests.unit.test_store_factory import make_documents

SHA = "ab" * 32


def with_file(doc: dict[str, Any], sha: str = SHA, secrecy: int = 0) -> dict[str, Any]:
    attachment = {"id": f"att-{doc['id'][:8]}", "file_name": "cv.pdf", "size": 10,
                  "content_type": "application/pdf", "sha256": sha, "role": "main",
                  "uploaded_by": None, "uploaded_at": None}
    return {**doc, "secrecy": secrecy, "attachments": [attachment]}


def index(conn: Connection, words: str, sha: str = SHA) -> int:
    conn.exec_driver_sql("INSERT OR IGNORE INTO cached_files VALUES (?, 10, 'p', 't')",
                         (sha,))
    return content.record_text(conn, sha, words, pages=1, state=content.INDEXED,
                               reason=None, when="2026-12-02T00:00:00+00:00")


def ids(conn: Connection, search: str, **extra: Any) -> list[str]:
    return queries.document_ids(conn, DocumentQuery(search=search, limit=None, **extra))


def filled(tmp_path: Path) -> tuple[Store, list[dict[str, Any]]]:
    docs = make_documents(40, seed=5)
    docs[0] = with_file(docs[0])
    docs[1] = with_file(docs[1])  # the same file in two documents: one text
    docs[2] = with_file(docs[2], secrecy=2)
    store = open_store(tmp_path / "c.sqlite3")
    with store.write() as conn:
        upsert_documents(conn, docs)
    return store, docs


def test_upgrade_of_an_existing_cache_keeps_its_search_and_adds_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "migrations-0002"
    shutil.copytree(MIGRATIONS_DIR, old, ignore=shutil.ignore_patterns("__pycache__"))
    for later in ("0003_file_texts.py", "0004_direction_counts.py"):
        (old / "versions" / later).unlink()
    path = tmp_path / "cache.sqlite3"
    docs = make_documents(60, seed=9)
    with monkeypatch.context() as patch:  # as a client of revision 0002 wrote it
        patch.setattr(content, "has_texts", lambda conn: False)
        with open_store(path, migrations_dir=old) as store, store.write() as conn:
            upsert_documents(conn, docs)
            word = docs[7]["subject"].split()[0]
            before = ids(conn, word)
    assert revision_of(path) == "0002" and docs[7]["id"] in before
    with open_store(path) as store:
        with store.read() as conn:
            assert ids(conn, word) == before, "the metadata search is the same after"
            assert "file_texts" in inspect(conn).get_table_names()
        with store.write() as conn:
            doc = with_file(docs[7])
            upsert_documents(conn, [doc])
            assert index(conn, "kinh phi thuc hien") == 1
        with store.read() as conn:
            assert ids(conn, "kinh phí") == [doc["id"]]
    assert revision_of(path) == "0004"  # and on to the latest


def test_a_file_word_finds_its_documents_folded_and_by_prefix(tmp_path: Path) -> None:
    store, docs = filled(tmp_path)
    with store:
        with store.write() as conn:
            assert index(conn, "truc lien thong van ban quoc gia") == 2, "not the secret one"
        with store.read() as conn:
            both = {docs[0]["id"], docs[1]["id"]}
            assert set(ids(conn, "Trục liên thông")) == both
            assert set(ids(conn, "TRUC LIEN")) == both
            assert set(ids(conn, "quốc g")) == both, "each word is a prefix"
            assert ids(conn, "lien thong", content=False) == []
            assert ids(conn, "thong lien quoc") != [], "words in any order"
            assert ids(conn, "lien thongx") == []


def test_words_may_match_in_the_metadata_and_in_the_file(tmp_path: Path) -> None:
    store, docs = filled(tmp_path)
    with store:
        with store.write() as conn:
            index(conn, "xylophon")
        with store.read() as conn:
            subject_word = docs[0]["subject"].split()[0]
            found = ids(conn, f"{subject_word} xylophon")
            assert docs[0]["id"] in found
            assert set(found) <= {docs[0]["id"], docs[1]["id"]}, "only those with the file"
            rows = queries.rows(conn, [docs[0]["id"], docs[3]["id"]], f"{subject_word} xylo")
            assert rows[docs[0]["id"]].matched_by_content
            by_meta = queries.rows(conn, [docs[0]["id"]], subject_word)
            assert not by_meta[docs[0]["id"]].matched_by_content
            assert not queries.rows(conn, [docs[0]["id"]])[docs[0]["id"]].matched_by_content


def test_small_boxes_search_the_file_words_too(tmp_path: Path) -> None:
    store, docs = filled(tmp_path)
    with store:
        with store.write() as conn:
            conn.exec_driver_sql("UPDATE documents SET to_process = 1 WHERE id = ?",
                                 (docs[0]["id"],))
            index(conn, "xylophon")
        with store.read() as conn:
            assert ids(conn, "xylo", box="to-process") == [docs[0]["id"]]
            assert ids(conn, "xylo", box="to-process", content=False) == []


def test_a_sync_upsert_keeps_the_words_and_a_secret_document_loses_them(tmp_path: Path
                                                                        ) -> None:
    store, docs = filled(tmp_path)
    with store:
        with store.write() as conn:
            index(conn, "xylophon")
            upsert_documents(conn, [{**docs[0], "subject": "Trích yếu mới"}])
        with store.read() as conn:
            assert docs[0]["id"] in ids(conn, "xylophon")
        with store.write() as conn:
            upsert_documents(conn, [{**docs[0], "secrecy": 1}])
            upsert_documents(conn, [{**docs[1], "attachments": []}])
        with store.read() as conn:
            assert ids(conn, "xylophon") == []


def test_files_to_index_skips_secret_documents_and_read_files(tmp_path: Path) -> None:
    store, docs = filled(tmp_path)
    secret_sha = "cd" * 32
    with store, store.write() as conn:
        upsert_documents(conn, [with_file(docs[2], sha=secret_sha, secrecy=3)])
        for sha in (SHA, secret_sha):
            conn.exec_driver_sql("INSERT INTO cached_files VALUES (?, 10, 'p', 't')",
                                 (sha,))
        assert [f.sha256 for f in content.files_to_index(conn)] == [SHA]
        content.record_text(conn, SHA, "", pages=0, state=content.SKIPPED,
                            reason="documents.pdf_broken", when="t")
        assert content.files_to_index(conn) == []
        assert content.counts(conn) == content.IndexCounts(0, 1, 0)


def test_texts_of_files_no_document_has_are_forgotten(tmp_path: Path) -> None:
    store, _docs = filled(tmp_path)
    with store, store.write() as conn:
        index(conn, "xylophon")
        index(conn, "khac", sha="ef" * 32)
        assert content.forget_unused_texts(conn) == 1
        assert content.counts(conn).indexed == 1
