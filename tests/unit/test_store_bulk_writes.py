"""The store's bulk mode for a long pull (WAL checkpoints batched) and its meta values."""

from __future__ import annotations

from pathlib import Path

from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import (
    BULK_AUTOCHECKPOINT_PAGES,
    DEFAULT_AUTOCHECKPOINT_PAGES,
    Store,
    open_store,
)
from eoffice_client.core.store.meta import get_meta, set_meta
from tests.unit.test_store_factory import make_documents


def _autocheckpoint(store: Store) -> int:
    with store.write() as conn:
        return int(conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one())


def _wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_bulk_writes_batch_checkpoints_and_truncate_the_wal_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with open_store(path) as store:
        assert _autocheckpoint(store) == DEFAULT_AUTOCHECKPOINT_PAGES
        docs = make_documents(600)
        with store.bulk_writes():
            assert _autocheckpoint(store) == BULK_AUTOCHECKPOINT_PAGES
            for start in range(0, len(docs), 100):
                with store.write() as conn:
                    upsert_documents(conn, docs[start:start + 100])
            assert _wal_size(path) > DEFAULT_AUTOCHECKPOINT_PAGES * 4096  # not copied back
        assert _wal_size(path) == 0  # one TRUNCATE checkpoint at the end
        assert _autocheckpoint(store) == DEFAULT_AUTOCHECKPOINT_PAGES
        with store.read() as conn:
            count = conn.exec_driver_sql("SELECT COUNT(*) FROM documents").scalar_one()
            check = conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()
        assert count == 600 and check == "ok"


def test_a_failed_bulk_block_still_restores_the_default(tmp_path: Path) -> None:
    with open_store(tmp_path / "cache.sqlite3") as store:
        try:
            with store.bulk_writes():
                raise RuntimeError("cut")
        except RuntimeError:
            pass
        assert _autocheckpoint(store) == DEFAULT_AUTOCHECKPOINT_PAGES


def test_meta_values_round_trip_through_plain_sql(tmp_path: Path) -> None:
    values = {"n": 7, "f": 1.25, "s": "chữ", "digits": "0123", "none": None, "t": True,
              "obj": {"id": "u", "roles": ["clerk"]}, "list": [1, "a"]}
    with open_store(tmp_path / "cache.sqlite3") as store:
        with store.write() as conn:
            for key, value in values.items():
                set_meta(conn, key, value)
        with store.read() as conn:
            assert {k: get_meta(conn, k) for k in values} == values
            assert get_meta(conn, "missing", "default") == "default"
