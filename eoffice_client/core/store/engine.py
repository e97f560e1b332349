"""Opening the cache: pragmas, migrations applied in code, damaged or foreign files set aside.

``open_store(path)`` is the only way in. It

1. looks at the file: not SQLite, truncated (the header's page count against the size),
   unreadable schema, failing SQLite's ``quick_check``, or a SQLite file that is not ours
   (no ``alembic_version``, or a revision this client does not know) -> the file (with
   its ``-wal``/``-shm``) is RENAMED aside with a timestamp, never deleted, and a fresh
   cache is started; :attr:`Store.recovery` says where the old file is (the sync refills
   the new cache). ``quick_check`` reads the whole file (0.8 s at 100,000 documents), so
   it runs at start only for files up to :data:`QUICK_CHECK_MAX_BYTES`, or when a
   previous run flagged the file as suspect (:meth:`Store.mark_suspect`, called by whoever
   meets SQLite's "database disk image is malformed");
2. applies pending Alembic revisions (the scripts ship in the package; no alembic.ini).
   Only when a revision is pending on a file that already has a schema, the file is first
   copied aside (``<name>.before-<rev>-<stamp>.bak``, by SQLite's backup API so the WAL is
   included); a failed upgrade copies it back and raises :class:`MigrationFailed`.

Connections run with WAL, foreign keys, a busy timeout, a 32 MiB page cache and
``synchronous=NORMAL``;
:meth:`Store.durable` commits one transaction with ``synchronous=FULL`` (the outbox).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from eoffice_client.core.errors import ClientError, ExitCode

log = logging.getLogger("eoffice.store")

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024  # page cache per connection: a bulk fill of 100k documents needs it
_BEGIN_KEY = "eoffice_begin_sql"
_AUTOCHECKPOINT_KEY = "eoffice_wal_autocheckpoint"
DEFAULT_AUTOCHECKPOINT_PAGES = 1000  # SQLite's own default
#: during :meth:`Store.bulk_writes`: about 256 MiB of WAL with 4 KiB pages
BULK_AUTOCHECKPOINT_PAGES = 65536
CHECKPOINT_WAIT_MS = 1000
#: a WAL grown by a long pull is cut back to this size when SQLite next resets it
JOURNAL_SIZE_LIMIT = 32 * 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
SUSPECT_SUFFIX = ".suspect"


class StoreDamaged(ClientError):
    """SQLite met a damaged page while reading; the file is flagged for the next start."""

    exit_code = ExitCode.UNEXPECTED


class MigrationFailed(ClientError):
    """An upgrade of the cache's schema failed; the copy taken before it was put back."""

    exit_code = ExitCode.UNEXPECTED


@dataclass(frozen=True)
class Recovery:
    """A damaged or foreign cache file that was set aside at start (nothing deleted)."""

    kept_at: Path  # where the old file is now
    reason: str  # "corrupt" | "foreign"

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        return tr(f"store.set_aside_{self.reason}", lang, path=self.kept_at)


class Store:
    """The profile's cache database. Use :meth:`read`, :meth:`write` or :meth:`durable`."""

    def __init__(self, path: Path, engine: Engine, recovery: Recovery | None) -> None:
        self.path = path
        self.engine = engine
        self.recovery = recovery
        self._autocheckpoint = DEFAULT_AUTOCHECKPOINT_PAGES

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; its (deferred) transaction is rolled back at the end."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """ONE write transaction (``BEGIN IMMEDIATE``), committed, or rolled back."""
        with self.engine.connect() as conn:
            self._set_autocheckpoint(conn)
            conn.info[_BEGIN_KEY] = "BEGIN IMMEDIATE"
            with conn.begin():
                yield conn

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """A run of large :meth:`write` transactions (a sync pull of many pages).

        Each page of the feed writes more than SQLite's default auto-checkpoint (1,000
        pages), so every commit would copy the WAL back into the database and fsync it.
        Inside this block the auto-checkpoint waits for :data:`BULK_AUTOCHECKPOINT_PAGES`,
        and the WAL is checkpointed once at the end (``TRUNCATE``). Every transaction
        stays whole and durable in the WAL; only the copying back is batched.
        """
        self._autocheckpoint = BULK_AUTOCHECKPOINT_PAGES
        try:
            yield
        finally:
            self._autocheckpoint = DEFAULT_AUTOCHECKPOINT_PAGES
            self.checkpoint()

    def checkpoint(self) -> None:
        """Copies the WAL into the database and empties it.

        Waits at most :data:`CHECKPOINT_WAIT_MS` for readers (the window) to move to the
        newest snapshot; what it could not copy then is copied by a later checkpoint.
        """
        with self.engine.connect() as conn:
            self._set_autocheckpoint(conn)
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}").close()
            try:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}").close()

    def _set_autocheckpoint(self, conn: Connection) -> None:
        """Applies the store's auto-checkpoint to this pooled connection when it differs."""
        info = conn.connection.info
        if info.get(_AUTOCHECKPOINT_KEY, DEFAULT_AUTOCHECKPOINT_PAGES) != self._autocheckpoint:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"PRAGMA wal_autocheckpoint={int(self._autocheckpoint)}").close()
            info[_AUTOCHECKPOINT_KEY] = self._autocheckpoint

    @contextmanager
    def durable(self) -> Iterator[Connection]:
        """Like :meth:`write`, but the commit survives power loss (``synchronous=FULL``)."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=FULL")
            self._set_autocheckpoint(conn)
            try:
                conn.info[_BEGIN_KEY] = "BEGIN IMMEDIATE"
                with conn.begin():
                    yield conn
            finally:
                raw.execute("PRAGMA synchronous=NORMAL")

    def mark_suspect(self) -> Path:
        """Flags the file for a full ``quick_check`` at the next :func:`open_store`."""
        flag = suspect_flag(self.path)
        flag.touch()
        return flag

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turns SQLite's "malformed"/"not a database" errors into :class:`StoreDamaged`
        (one clear message) after flagging the file for the check at the next start."""
        try:
            yield
        except (sqlite3.DatabaseError, DBAPIError) as exc:
            text = str(exc).lower()
            if "malformed" not in text and "not a database" not in text:
                raise
            self.mark_suspect()
            raise StoreDamaged("store.damaged", path=self.path,
                               detail=text.splitlines()[0][:200]) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path, *, migrations_dir: Path | None = None) -> Store:
    """Opens (creating if needed) the cache at ``path`` with every migration applied.

    ``migrations_dir`` is for tests of future revisions; the package's scripts by default.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    location = migrations_dir or MIGRATIONS_DIR
    recovery = None
    problem = inspect_file(path, location)
    if problem:
        recovery = Recovery(set_aside(path, "damaged" if problem == "corrupt" else "foreign"),
                            problem)
        log.warning("cache file %s set aside as %s (%s)", path, recovery.kept_at, problem)
    engine = make_engine(path)
    try:
        migrate(engine, path, location)
    except BaseException:
        engine.dispose()
        raise
    return Store(path, engine, recovery)


def make_engine(path: Path) -> Engine:
    """An engine whose connections carry the pragmas, with BEGIN emitted by us (not pysqlite)."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", configure_connection)
    event.listen(engine, "begin", begin_transaction)
    return engine


def configure_connection(dbapi_conn: Any, _record: Any) -> None:
    """The cache's pragmas on each new connection (also the encrypted cache's, cipher.py)."""
    dbapi_conn.isolation_level = None  # SQLAlchemy decides when transactions begin
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}",
                   "synchronous=NORMAL", f"cache_size=-{CACHE_KIB}",
                   f"journal_size_limit={JOURNAL_SIZE_LIMIT}"):
        dbapi_conn.execute(f"PRAGMA {pragma}").close()


def begin_transaction(conn: Connection) -> None:
    """BEGIN, or the BEGIN IMMEDIATE a durable or bulk write asked for."""
    conn.exec_driver_sql(conn.info.pop(_BEGIN_KEY, "BEGIN"))


# --- damaged and foreign files ---------------------------------------------------------------
def inspect_file(path: Path, location: Path = MIGRATIONS_DIR) -> str | None:
    """None when ``path`` is missing, empty or our cache; else "corrupt" or "foreign"."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        return "corrupt"
    if _truncated(header, size) and not _wal_has_frames(path):
        return "corrupt"
    try:
        with closing(sqlite3.connect(path)) as raw:
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
            if tables and "alembic_version" not in tables:
                return "foreign"
            revisions = [r[0] for r in raw.execute("SELECT version_num FROM alembic_version")] \
                if tables else []
            if any(rev not in known_revisions(location) for rev in revisions):
                return "foreign"
            if size <= QUICK_CHECK_MAX_BYTES or suspect_flag(path).exists():
                check = raw.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    return "corrupt"
    except sqlite3.DatabaseError:
        return "corrupt"
    suspect_flag(path).unlink(missing_ok=True)
    return None


def suspect_flag(path: Path) -> Path:
    return path.with_name(path.name + SUSPECT_SUFFIX)


def _truncated(header: bytes, size: int) -> bool:
    """The header's page count is valid and says the file should be longer than it is."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter, valid_for = header[24:28], header[92:96]
    pages = int.from_bytes(header[28:32], "big")
    return change_counter == valid_for and pages > 0 and size < pages * page_size


def _wal_has_frames(path: Path) -> bool:
    """A WAL with frames may legitimately hold pages the main file does not have yet."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 32


def set_aside(path: Path, label: str) -> Path:
    """Renames ``path`` (and its -wal/-shm) to ``<name>.<label>-<UTC stamp>``; returns that."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    os.replace(path, target)
    suspect_flag(path).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


# --- migrations ------------------------------------------------------------------------------
# Alembic is imported only when a migration is due: reading the revision graph from the
# scripts' own ``revision = ...`` lines (with Alembic as the fallback) keeps it off the
# start of every run (about 0.2 s).
_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]*)?=\s*(?:None|["']([^"']+)["'])\s*$""", re.M)


@lru_cache(maxsize=4)
def _graph(location: Path) -> tuple[frozenset[str], str | None]:
    """All revision ids and the single head of the scripts in ``location``."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for script in (location / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            return _alembic_graph(location)  # a form the quick reading does not know
        revisions.add(revision.group(1))
        if down.group(1):
            downs.add(down.group(1))
    heads = revisions - downs
    if len(heads) != 1:
        return _alembic_graph(location)
    return frozenset(revisions), heads.pop()


def _alembic_graph(location: Path) -> tuple[frozenset[str], str | None]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(location))
    return frozenset(r.revision for r in script.walk_revisions()), script.get_current_head()


def known_revisions(location: Path = MIGRATIONS_DIR) -> frozenset[str]:
    return _graph(location)[0]


def head_revision(location: Path = MIGRATIONS_DIR) -> str | None:
    return _graph(location)[1]


def current_revision(engine: Engine) -> str | None:
    """The file's revision (None for a file without our schema)."""
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() \
            if exists else []
    return str(rows[0][0]) if len(rows) == 1 else None


def migrate(engine: Engine, path: Path, location: Path = MIGRATIONS_DIR) -> None:
    """Upgrades to head; copies the file aside first when an existing schema is upgraded."""
    current = current_revision(engine)
    head = head_revision(location)
    if current == head:
        return
    from alembic import command
    from alembic.config import Config

    backup = backup_copy(path, current, head) if current is not None else None
    config = Config()
    config.set_main_option("script_location", str(location))
    try:
        with engine.connect() as conn, conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as exc:
        engine.dispose()
        if backup is None:
            raise
        _restore(backup, path)
        log.error("migration %s -> %s failed, %s restored", current, head, backup)
        raise MigrationFailed("store.migration_failed", backup=backup,
                              detail=f"{type(exc).__name__}: {exc}") from exc
    log.info("cache migrated %s -> %s", current, head)


def backup_copy(path: Path, current: str | None, head: str | None) -> Path:
    """A consistent copy of the database (WAL included) next to it."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{head}-{stamp}.bak")
    with closing(sqlite3.connect(path)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    log.info("cache at revision %s copied to %s before migrating", current, target)
    return target


def _restore(backup: Path, path: Path) -> None:
    with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(path)) as dst:
        src.backup(dst)
