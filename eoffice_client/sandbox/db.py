"""The sandbox server's own SQLite database: schema, a small connection pool, one writer.

Objects are kept as precomputed JSON text so the change feed can be served by string
joins. ``feed`` holds one row per object at its latest ``seq`` (INTEGER PRIMARY KEY, so a
feed page is a rowid range scan) with the visibility tokens the feed filters on;
``objects`` holds the JSON and server-only bookkeeping.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feed (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    vis TEXT NOT NULL,      -- space-separated visibility tokens now
    past TEXT NOT NULL,     -- every token it ever had (who gets a delete)
    readers TEXT NOT NULL,  -- space-separated user ids (documents' per-user `read`)
    UNIQUE (kind, id)
);
CREATE TABLE IF NOT EXISTS objects (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,           -- the contract's JSON (documents without `read`)
    involved TEXT NOT NULL DEFAULT '',  -- documents: users ever involved (space-separated)
    create_fp TEXT,               -- documents created over the API: creator + body hash
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS access_tokens (
    digest TEXT PRIMARY KEY, user_id TEXT NOT NULL, family TEXT NOT NULL,
    expires REAL NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
    digest TEXT PRIMARY KEY, user_id TEXT NOT NULL, family TEXT NOT NULL,
    state TEXT NOT NULL, rotated_at REAL
);
CREATE INDEX IF NOT EXISTS access_family ON access_tokens (family);
CREATE INDEX IF NOT EXISTS refresh_family ON refresh_tokens (family);
CREATE TABLE IF NOT EXISTS attachments (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, sha256 TEXT NOT NULL,
    data TEXT NOT NULL, stored INTEGER NOT NULL  -- 1: bytes in files/, 0: sample bytes
);
CREATE INDEX IF NOT EXISTS attachments_document ON attachments (document_id);
CREATE TABLE IF NOT EXISTS counters (
    register_id TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL,
    value INTEGER NOT NULL, PRIMARY KEY (register_id, year, kind)
);
CREATE TABLE IF NOT EXISTS idempotency (
    user_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    state TEXT NOT NULL, status INTEGER, headers TEXT, body BLOB, created REAL NOT NULL,
    PRIMARY KEY (user_id, key)
);
"""


class Database:
    """A pool of connections to one file; writes go through :meth:`write` one at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = []
        self._create_lock = threading.Lock()
        self.write_lock = threading.RLock()
        with self.connection() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)

    def _new(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                               timeout=30)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-32000")
        self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for reading (autocommit)."""
        try:
            conn = self._pool.get_nowait()
        except queue.Empty:
            with self._create_lock:
                conn = self._new()
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.rollback()
            self._pool.put(conn)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction at a time (BEGIN IMMEDIATE), committed on success."""
        with self.write_lock, self.connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    def close(self) -> None:
        with self._create_lock:
            while True:
                try:
                    self._pool.get_nowait()
                except queue.Empty:
                    break
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def next_seq(self, conn: sqlite3.Connection) -> int:
        """The next change number (call inside :meth:`write`)."""
        value = int(self.get_meta(conn, "seq") or 0) + 1
        self.set_meta(conn, "seq", str(value))
        return value
