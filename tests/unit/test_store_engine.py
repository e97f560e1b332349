"""Opening the cache: migrations (copy aside only when pending), pragmas, damaged files."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import (
    MIGRATIONS_DIR,
    MigrationFailed,
    head_revision,
    open_store,
)
from eoffice_client.core.store.meta import get_meta, set_meta
from eoffice_client.core.store.models import Base
from eoffice_client.core.store.queries import list_documents
from eoffice_client.core.store.rows import DocumentQuery
from tests.unit.test_store_factory import make_documents

EXTRA_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("extra", sa.Column("id", sa.Integer, primary_key=True))
    {fail}


def downgrade():
    op.drop_table("extra")
'''


def migrations_with_extra(tmp_path: Path, *, fail: bool) -> Path:
    """The package's revisions plus one more on top (failing when asked)."""
    folder = tmp_path / f"migrations-{'fail' if fail else 'ok'}"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    body = EXTRA_REVISION.format(down=head_revision(), fail="raise RuntimeError('boom')"
                                 if fail else "")
    (folder / "versions" / "9999_extra.py").write_text(body, encoding="utf-8")
    return folder


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


def revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_fresh_file_gets_the_schema_and_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "new" / "cache.sqlite3"
    with open_store(path) as store:
        assert store.recovery is None
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables and "documents_fts" in tables
    assert revision_of(path) == head_revision()
    assert backups(path.parent) == [], "no copy for a brand-new file"


def test_models_match_the_migrations(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with open_store(tmp_path / "c.sqlite3") as store, store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # tables without a model (FTS5 and its shadow tables, later revisions' own) are not compared
    assert [d for d in diff if not (isinstance(d, tuple) and d[0] == "remove_table")] == []


def test_reopening_at_head_copies_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    open_store(path).close()
    with open_store(path) as store:
        assert store.recovery is None
    assert backups(tmp_path) == []


def test_pending_migration_copies_the_file_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    docs = make_documents(20, seed=2)
    with open_store(path) as store, store.write() as conn:
        upsert_documents(conn, docs)
    location = migrations_with_extra(tmp_path, fail=False)
    with open_store(path, migrations_dir=location) as store, store.read() as conn:
        assert len(list_documents(conn, DocumentQuery(limit=100)).items) == 20
        assert "extra" in inspect(conn).get_table_names()
    [copy] = backups(tmp_path)
    assert revision_of(copy) == head_revision() and revision_of(path) == "9999"
    with closing(sqlite3.connect(copy)) as raw:
        assert raw.execute("SELECT count(*) FROM documents").fetchone()[0] == 20
    open_store(path, migrations_dir=location).close()
    assert len(backups(tmp_path)) == 1, "nothing pending the second time: no new copy"


def test_failed_migration_restores_the_copy_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with open_store(path) as store, store.write() as conn:
        upsert_documents(conn, make_documents(15, seed=4))
        set_meta(conn, "cursor", "abc")
    location = migrations_with_extra(tmp_path, fail=True)
    with pytest.raises(MigrationFailed) as caught:
        open_store(path, migrations_dir=location)
    [copy] = backups(tmp_path)
    assert str(copy) in caught.value.message("en") and "restored" in caught.value.message("en")
    assert revision_of(path) == head_revision()
    with open_store(path) as store, store.read() as conn:
        assert get_meta(conn, "cursor") == "abc"
        assert len(list_documents(conn, DocumentQuery(limit=100)).items) == 15
        assert "extra" not in inspect(conn).get_table_names()


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a database at all" * 500)


def _truncated(path: Path) -> None:
    with open_store(path) as store, store.write() as conn:
        upsert_documents(conn, make_documents(200, seed=6))
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        raw.execute("INSERT INTO photos(name) VALUES ('a')")
        raw.commit()


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE alembic_version (version_num TEXT PRIMARY KEY)")
        raw.execute("INSERT INTO alembic_version VALUES ('7777_from_the_future')")
        raw.commit()


def _bad_page(path: Path) -> None:
    """A whole-looking file with a garbage page in the middle (bit rot)."""
    with open_store(path) as store, store.write() as conn:
        upsert_documents(conn, make_documents(300, seed=7))
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage,reason", [
    (_garbage, "corrupt"), (_truncated, "corrupt"), (_bad_page, "corrupt"),
    (_foreign, "foreign"), (_newer, "foreign"),
])
def test_damaged_or_foreign_file_is_kept_aside(tmp_path: Path, damage, reason: str) -> None:
    path = tmp_path / "cache.sqlite3"
    damage(path)
    original = path.read_bytes()
    with open_store(path) as store:
        assert store.recovery is not None and store.recovery.reason == reason
        kept = store.recovery.kept_at
        assert kept.parent == tmp_path and kept.read_bytes() == original
        assert str(kept) in store.recovery.message("vi") and str(kept) in store.recovery.message(
            "en")
        with store.write() as conn:
            upsert_documents(conn, make_documents(3, seed=1))
        with store.read() as conn:
            assert len(list_documents(conn, DocumentQuery()).items) == 3
    with open_store(path) as store:
        assert store.recovery is None, "the fresh cache is fine the next time"


def test_durable_write_commits_and_restores_normal(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.sqlite3") as store:
        with store.durable() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            set_meta(conn, "k", {"a": 1})
        with store.read() as conn:
            assert get_meta(conn, "k") == {"a": 1}
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1
        with pytest.raises(RuntimeError), store.write() as conn:
            set_meta(conn, "k", 2)
            raise RuntimeError("rolled back")
        with store.read() as conn:
            assert get_meta(conn, "k") == {"a": 1}
            assert conn.execute(text("SELECT count(*) FROM meta WHERE key='k'")).scalar() == 1


def test_big_files_are_checked_fully_only_when_flagged(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from eoffice_client.core.store import engine
    from eoffice_client.core.store.engine import StoreDamaged

    path = tmp_path / "cache.sqlite3"
    _bad_page(path)
    monkeypatch.setattr(engine, "QUICK_CHECK_MAX_BYTES", 0)  # every file counts as big
    store = open_store(path)
    assert store.recovery is None, "a big file gets only the cheap checks at start"
    with pytest.raises(StoreDamaged) as caught, store.guard():
        raise sqlite3.DatabaseError("database disk image is malformed")
    store.close()
    assert str(path) in caught.value.message("en")
    assert (tmp_path / "cache.sqlite3.suspect").exists()
    with pytest.raises(ValueError), store.guard():  # other errors pass through untouched
        raise ValueError("not ours")
    with open_store(path) as reopened:
        assert reopened.recovery is not None and reopened.recovery.reason == "corrupt"
    assert not (tmp_path / "cache.sqlite3.suspect").exists()



def test_quick_revision_graph_agrees_with_alembic(tmp_path: Path) -> None:
    from eoffice_client.core.store.engine import _alembic_graph, _graph

    for location in (MIGRATIONS_DIR, migrations_with_extra(tmp_path, fail=False)):
        assert _graph(location) == _alembic_graph(location)
    assert _graph(migrations_with_extra(tmp_path, fail=True))[1] == "9999"
