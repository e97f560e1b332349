"""SQLCipher cache: encrypted from the start, a plain cache migrated in place, wrong keys."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import inspect, text

from eoffice_client.core.store.cipher import (
    CacheEncryptionFailed,
    CacheUndecryptable,
    cache_state,
    encrypt_plain_cache,
    open_encrypted_store,
)
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import MigrationFailed, open_store
from eoffice_client.core.store.queries import list_documents
from eoffice_client.core.store.rows import DocumentQuery
from tests.unit.test_store_engine import migrations_with_extra
from tests.unit.test_store_factory import make_documents

KEY = bytes(range(1, 33))


def queue_rows(store, count: int) -> list[tuple]:
    now = dt.datetime.now(dt.UTC).isoformat()
    with store.write() as conn:
        for n in range(count):
            conn.execute(text(
                "INSERT INTO outbox (id, position, document_id, kind, action, params, "
                "base_version, idempotency_key, state, attempts, created_at, updated_at) "
                "VALUES (:id, :pos, :doc, 'action', 'forward', :params, 3, :id, 'queued', 0, "
                ":now, :now)"), {"id": f"ob-{n}", "pos": n + 1, "doc": f"d-{n}", "now": now,
                                 "params": json.dumps({"to": ["u1"], "note": "Kính chuyển"})})
    with store.read() as conn:
        return list(conn.execute(text("SELECT * FROM outbox ORDER BY position")))


def subjects(store, search: str) -> list[str]:
    with store.read() as conn:
        return [d["subject"] for d in list_documents(conn, DocumentQuery(search=search,
                                                                         limit=50)).items]


def test_a_new_encrypted_cache_has_nothing_readable_on_disk(tmp_path):
    path = tmp_path / "cache.sqlite3"
    docs = make_documents(40, seed=3)
    with open_encrypted_store(path, KEY) as store:
        with store.write() as conn:
            upsert_documents(conn, docs)
        word = docs[0]["subject"].split()[0]
        assert subjects(store, word)
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    assert cache_state(path) == "encrypted"
    disk = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for doc in docs[:10]:
        assert doc["subject"].encode("utf-8") not in disk
        assert doc["id"].encode() not in disk
    assert b"SQLite format 3" not in disk
    with closing(sqlite3.connect(path)) as raw, pytest.raises(sqlite3.DatabaseError):
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_a_wrong_key_changes_nothing(tmp_path):
    path = tmp_path / "cache.sqlite3"
    open_encrypted_store(path, KEY).close()
    before = path.read_bytes()
    with pytest.raises(CacheUndecryptable) as caught:
        open_encrypted_store(path, os.urandom(32))
    assert int(caught.value.exit_code) == 11 and str(path) in caught.value.message("en")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "cache.sqlite3"]


def test_a_plain_cache_is_migrated_in_place_keeping_the_outbox(tmp_path):
    path = tmp_path / "cache.sqlite3"
    docs = make_documents(60, seed=5)
    with open_store(path) as store:
        with store.write() as conn:
            upsert_documents(conn, docs)
        rows = queue_rows(store, 3)
        word = docs[1]["subject"].split()[-1]
        found = subjects(store, word)
    with pytest.raises(CacheEncryptionFailed):
        open_encrypted_store(path, KEY)  # a plain cache is never taken for a damaged one
    result = encrypt_plain_cache(path, KEY)
    assert result.outbox_rows == 3 and result.rows > 60
    assert cache_state(path) == "encrypted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite3"]
    with open_encrypted_store(path, KEY) as store:
        assert subjects(store, word) == found and found
        with store.read() as conn:
            assert list(conn.execute(text("SELECT * FROM outbox ORDER BY position"))) == rows
            assert "documents_fts" in inspect(conn).get_table_names()
    assert docs[1]["subject"].encode() not in path.read_bytes()
    with pytest.raises(CacheEncryptionFailed):
        encrypt_plain_cache(path, KEY)  # already encrypted


def test_a_failed_check_keeps_the_plain_cache(tmp_path, monkeypatch):
    from eoffice_client.core.store import cipher

    path = tmp_path / "cache.sqlite3"
    with open_store(path) as store:
        with store.write() as conn:
            upsert_documents(conn, make_documents(10, seed=1))
        queue_rows(store, 2)
    before = path.read_bytes()
    real = cipher._snapshot
    calls = []

    def lossy(conn):
        counts, outbox = real(conn)
        calls.append(1)
        return (counts, outbox[:-1]) if len(calls) == 2 else (counts, outbox)

    monkeypatch.setattr(cipher, "_snapshot", lossy)
    with pytest.raises(CacheEncryptionFailed) as caught:
        encrypt_plain_cache(path, KEY)
    assert str(path) in caught.value.message("en")
    assert path.read_bytes() == before and cache_state(path) == "plain"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite3"]


def test_an_upgrade_of_an_encrypted_cache_copies_it_encrypted(tmp_path):
    path = tmp_path / "cache.sqlite3"
    with open_encrypted_store(path, KEY) as store, store.write() as conn:
        upsert_documents(conn, make_documents(12, seed=2))
    location = migrations_with_extra(tmp_path, fail=False)
    with open_encrypted_store(path, KEY, migrations_dir=location) as store, \
            store.read() as conn:
        assert "extra" in inspect(conn).get_table_names()
    [copy] = sorted(tmp_path.glob("*.bak"))
    assert cache_state(copy) == "encrypted"
    failing = migrations_with_extra(tmp_path / "f", fail=True)
    path2 = tmp_path / "other.sqlite3"
    with open_encrypted_store(path2, KEY) as store, store.write() as conn:
        upsert_documents(conn, make_documents(7, seed=9))
    with pytest.raises(MigrationFailed):
        open_encrypted_store(path2, KEY, migrations_dir=failing)
    with open_encrypted_store(path2, KEY) as store, store.read() as conn:
        assert len(list_documents(conn, DocumentQuery(limit=50)).items) == 7
        assert "extra" not in inspect(conn).get_table_names()


def test_a_cache_in_use_is_not_encrypted(tmp_path):
    path = tmp_path / "cache.sqlite3"
    with open_store(path) as store:
        with store.write() as conn:
            upsert_documents(conn, make_documents(5, seed=8))
        before = path.read_bytes()
        with closing(sqlite3.connect(path)) as reader:  # a window reading meanwhile
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM documents").fetchone()
            with store.write() as conn:  # a write it has not seen yet stays in the WAL
                upsert_documents(conn, make_documents(3, seed=9))
            with pytest.raises(CacheEncryptionFailed) as caught:
                encrypt_plain_cache(path, KEY)
            reader.execute("ROLLBACK")
    assert "in use" in caught.value.message("en") and cache_state(path) == "plain"
    assert not (tmp_path / "cache.sqlite3.encrypting").exists()
    assert path.read_bytes() != b"" and before[:16] == path.read_bytes()[:16]
