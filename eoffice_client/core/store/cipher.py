"""The cache database encrypted at rest with SQLCipher (the ``sqlcipher3`` wheel).

``sqlcipher3`` is a fork of the standard ``sqlite3`` module built against SQLCipher 4
(SQLite with AES-256 page encryption and an HMAC-SHA512 per page; FTS5 compiled in). A
connection is keyed with the RAW 32-byte key (``PRAGMA key = "x'...'"``), so no password
derivation runs at each connect; the key comes from
:meth:`eoffice_client.core.security.keys.CacheKey.database_key`.

- :func:`cache_state`: "missing", "plain" (a standard SQLite file) or "encrypted".
- :func:`open_encrypted_store`: a :class:`~eoffice_client.core.store.engine.Store` over the
  encrypted file with the same pragmas, transactions and migrations as ``open_store``.
  A file that does not open with the key is :class:`CacheUndecryptable` (wrong key or
  damaged: nothing is changed); a file that opens but fails ``quick_check``, or is not ours,
  is set aside like ``open_store`` does (``Store.recovery``).
- :func:`encrypt_plain_cache`: migrates a plain cache in place: ``sqlcipher_export`` into a
  new file, checked (``quick_check``, the row count of every table, the outbox rows equal
  column by column), then put in place of the plain one with ``os.replace``.

One file, one SQLite: the process holds two copies of SQLite (the standard ``sqlite3`` and
the one inside ``sqlcipher3``), and SQLite's POSIX locks are per process, so two copies that
open the same file do not see each other's locks. A plain file is therefore only ever opened
with ``sqlite3`` and an encrypted one only with ``sqlcipher3``; the migration copies the
plain file with ``sqlite3``'s backup API and lets SQLCipher read the copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from eoffice_client.core.durable import fsync_folder
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store import engine as plain
from eoffice_client.core.store.engine import (
    BUSY_TIMEOUT_MS,
    CHECKPOINT_WAIT_MS,
    MIGRATIONS_DIR,
    QUICK_CHECK_MAX_BYTES,
    Recovery,
    Store,
    set_aside,
)

log = logging.getLogger("eoffice.store.cipher")

_SQLITE_MAGIC = b"SQLite format 3\x00"


class CacheUndecryptable(ClientError):
    """The encrypted cache does not open with the profile's key (exit 11: left untouched)."""

    exit_code = ExitCode.REFUSED_FOR_SAFETY


class CacheEncryptionFailed(ClientError):
    """Encrypting the plain cache failed its checks; the plain cache is kept as it was."""

    exit_code = ExitCode.UNEXPECTED


class SqlCipherMissing(ClientError):
    """The ``sqlcipher3`` module is not installed: encryption at rest cannot be used."""

    exit_code = ExitCode.UNEXPECTED


@dataclass(frozen=True)
class CacheEncryption:
    """What :func:`encrypt_plain_cache` did."""

    tables: int
    rows: int
    outbox_rows: int
    seconds: float


def _module() -> Any:
    try:
        import sqlcipher3
    except ImportError:
        raise SqlCipherMissing("security.sqlcipher_missing") from None
    return sqlcipher3


def sqlcipher_available() -> bool:
    try:
        _module()
    except SqlCipherMissing:
        return False
    return True


def cache_state(path: Path) -> str:
    """"missing" (absent or empty), "plain" (SQLite's header) or "encrypted" (anything else)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return "missing"
    if not head:
        return "missing"
    return "plain" if head == _SQLITE_MAGIC else "encrypted"


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("a SQLCipher raw key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes) -> Any:
    """A ``sqlcipher3`` connection to ``path`` keyed with ``key`` (not yet read)."""
    conn = _module().connect(str(path), check_same_thread=False,
                             timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA cipher_log_level = NONE").close()  # errors are raised, not printed
    conn.execute(_key_pragma(key)).close()
    return conn


def make_encrypted_engine(path: Path, key: bytes) -> Engine:
    """An engine like ``engine.make_engine`` whose connections are keyed ``sqlcipher3`` ones.

    ``module=`` makes SQLAlchemy wrap sqlcipher3's exceptions as it wraps sqlite3's, so
    ``Store.guard`` still turns "malformed" into ``StoreDamaged``.
    """
    module = _module()
    engine = create_engine("sqlite+pysqlite://", module=module,
                           creator=lambda: connect(path, key))
    event.listen(engine, "connect", plain.configure_connection)
    event.listen(engine, "begin", plain.begin_transaction)
    return engine


def opens_with(path: Path, key: bytes) -> bool:
    """Whether the file's first page decrypts and checks with ``key``."""
    module = _module()
    try:
        with closing(connect(path, key)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        return False
    return True


def _inspect_encrypted(path: Path, key: bytes, location: Path) -> str | None:
    """Like ``engine.inspect_file`` for an encrypted file that opens: None, "corrupt" or
    "foreign"."""
    module = _module()
    try:
        with closing(connect(path, key)) as raw:
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
            if tables and "alembic_version" not in tables:
                return "foreign"
            revisions = [r[0] for r in raw.execute("SELECT version_num FROM alembic_version")] \
                if tables else []
            if any(rev not in plain.known_revisions(location) for rev in revisions):
                return "foreign"
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES or \
                    plain.suspect_flag(path).exists():
                check = raw.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    return "corrupt"
    except module.DatabaseError:
        return "corrupt"
    plain.suspect_flag(path).unlink(missing_ok=True)
    return None


def open_encrypted_store(path: Path, key: bytes, *, migrations_dir: Path | None = None
                         ) -> Store:
    """Opens (creating if needed) the encrypted cache at ``path`` with every migration applied.

    A plain SQLite file there is refused (:class:`CacheEncryptionFailed`): call
    :func:`encrypt_plain_cache` first, so a plain cache is never set aside by mistake.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    location = migrations_dir or MIGRATIONS_DIR
    state = cache_state(path)
    if state == "plain":
        raise CacheEncryptionFailed("security.cache_still_plain", path=path)
    recovery = None
    if state == "encrypted":
        if not opens_with(path, key):
            raise CacheUndecryptable("security.cache_undecryptable", path=path)
        problem = _inspect_encrypted(path, key, location)
        if problem:
            kept = set_aside(path, "damaged" if problem == "corrupt" else "foreign")
            recovery = Recovery(kept, problem)
            log.warning("encrypted cache %s set aside as %s (%s)", path, kept, problem)
    engine = make_encrypted_engine(path, key)
    try:
        _migrate(engine, path, key, location)
    except BaseException:
        engine.dispose()
        raise
    return Store(path, engine, recovery)


def _migrate(engine: Engine, path: Path, key: bytes, location: Path) -> None:
    """``engine.migrate`` with the copy taken before an upgrade encrypted with the same key
    (``engine.backup_copy`` opens files with the standard, keyless sqlite3)."""
    current = plain.current_revision(engine)
    if current is None or current == plain.head_revision(location):
        plain.migrate(engine, path, location)  # a new file (no copy needed) or nothing to do
        return
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.before-upgrade-{stamp}.bak")
    _export(path, key, backup, key)
    try:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(location))
        with engine.connect() as conn, conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as exc:
        engine.dispose()
        for suffix in ("-wal", "-shm"):  # the failed upgrade's, never to be applied again
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(backup, path)
        raise plain.MigrationFailed("store.migration_failed", backup=backup,
                                    detail=f"{type(exc).__name__}: {exc}") from exc


# --- plain -> encrypted -------------------------------------------------------------------------
def _export(source: Path, source_key: bytes | None, target: Path, target_key: bytes) -> None:
    """``sqlcipher_export`` of ``source`` (plain when ``source_key`` is None) into a new
    encrypted ``target``. ``source`` must be a file no standard-sqlite3 connection has open
    (two copies of SQLite in one process do not see each other's locks)."""
    target.unlink(missing_ok=True)
    conn = _module().connect(str(source), isolation_level=None)
    with closing(conn):
        conn.execute("PRAGMA cipher_log_level = NONE").close()
        if source_key is not None:
            conn.execute(_key_pragma(source_key)).close()
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}").close()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?",
                     (str(target), f"x'{target_key.hex()}'")).close()
        conn.execute("SELECT sqlcipher_export('encrypted')").fetchall()
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}").close()
        conn.execute("DETACH DATABASE encrypted").close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def _table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
        "'CREATE VIRTUAL TABLE%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def _outbox_rows(conn: Any) -> list[tuple[Any, ...]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").fetchone()
    return list(conn.execute("SELECT * FROM outbox ORDER BY position")) if exists else []


def _snapshot(conn: Any) -> tuple[dict[str, int], list[tuple[Any, ...]]]:
    return _table_counts(conn), _outbox_rows(conn)


def encrypt_plain_cache(path: Path, key: bytes) -> CacheEncryption:
    """Encrypts the plain cache at ``path`` in place; the queued outbox rows are kept.

    No Store may be open on the cache (run it before ``open_encrypted_store``, with the
    profile's sync lock held); a connection caught reading or writing it is
    :class:`CacheEncryptionFailed` ("in use"). The plain file is read by the standard
    sqlite3 only (its WAL checkpointed, then a write lock held so nothing changes, then a
    backup copy taken), the copy is exported by SQLCipher, and the plain file is replaced
    only after the encrypted file passed its checks; on any failure the plain cache stays
    as it was and the temporary files are removed.
    """
    started = time.perf_counter()
    path = Path(path)
    if cache_state(path) != "plain":
        raise CacheEncryptionFailed("security.cache_not_plain", path=path)
    copy = path.with_name(path.name + ".plain-copy")
    target = path.with_name(path.name + ".encrypting")
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as plain:
            before = _hold_and_copy(plain, path, copy)
            _export(copy, None, target, key)
            with closing(connect(target, key)) as conn:
                check = conn.execute("PRAGMA quick_check").fetchone()
                after = _snapshot(conn)
            if not check or check[0] != "ok" or before != after:
                raise CacheEncryptionFailed("security.cache_encryption_check", path=path)
            plain.execute("ROLLBACK")
        for suffix in ("-wal", "-shm"):  # the plain file's, emptied by the checkpoint
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(target, path)
        fsync_folder(path.parent)
    finally:
        for leftover in (copy, target):
            leftover.unlink(missing_ok=True)
    counts, outbox = before
    log.info("cache encrypted at rest: %d tables, %d rows, %d outbox rows", len(counts),
             sum(counts.values()), len(outbox))
    return CacheEncryption(len(counts), sum(counts.values()), len(outbox),
                           time.perf_counter() - started)


def _hold_and_copy(plain: sqlite3.Connection, path: Path, copy: Path
                   ) -> tuple[dict[str, int], list[tuple[Any, ...]]]:
    """Empties the WAL and takes the write lock on ``plain`` (kept until the caller rolls
    back), then copies the file through a second connection with SQLite's backup API (a
    connection cannot back up while it holds the write lock itself); returns the counts and
    outbox rows checked later."""
    plain.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
    busy = plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy is not None and busy[0]:  # a reader or writer kept the WAL from emptying
        raise CacheEncryptionFailed("security.cache_in_use", path=path)
    try:
        plain.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        raise CacheEncryptionFailed("security.cache_in_use", path=path) from None
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as reader, closing(sqlite3.connect(copy)) as out:
        snapshot = _snapshot(reader)
        reader.backup(out)
    return snapshot
