"""The window's first page, read before SQLAlchemy and the rest of the core are loaded.

Importing the core (SQLAlchemy, requests, pydantic, the sync engine) takes longer than
starting Qt and painting a window, so the window paints its first box from this reader:
read-only ``sqlite3`` on the cache file, one connection per thread, using the SAME
definitions as the full store (``rows.py``). It never writes, and an unreadable or old
file just gives nothing: the full store, opened next, says what is wrong with it.

A cache encrypted at rest is not for this reader: the file's header is read once, when the
reader is made (before any store of this process has the file open), and a file that is
not a plain SQLite one then is never opened here, so this module's copy of SQLite never
holds, and never closes, a handle of a file SQLCipher's copy has open.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from eoffice_client.core.store.rows import (
    ROWS_CHUNK,
    DocumentQuery,
    Row,
    first_page_sql,
    row_from_record,
    rows_sql,
)

#: A sqlite3 parameter value.
Param = str | int | float | None


class FirstPageReader:
    """Read-only access to one cache file for the first paint."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._plain = _plain_sqlite(path)

    def can_list(self, query: DocumentQuery) -> bool:
        """Whether this reader can list ``query`` (a plain box, newest first)."""
        return (not query.filtered and query.box != "overdue" and query.sort == "date"
                and query.descending)

    def me(self) -> dict[str, object] | None:
        """The signed-in user the cache was last synced for, or None."""
        records = self._query("SELECT value FROM meta WHERE key = 'me'")
        if not records or not isinstance(records[0][0], str):
            return None
        value = json.loads(records[0][0])
        return value if isinstance(value, dict) and value.get("id") else None

    def first_ids(self, query: DocumentQuery, limit: int) -> list[str]:
        """The ids of the first ``limit`` documents of a box (see :meth:`can_list`)."""
        return [str(r[0]) for r in self._query(first_page_sql(query.box), (limit,))]

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for start in range(0, len(ids), ROWS_CHUNK):
            chunk = list(ids[start:start + ROWS_CHUNK])
            for record in self._query(rows_sql(len(chunk)), chunk):
                row = row_from_record(record)
                found[row.id] = row
        return found

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _conn(self) -> sqlite3.Connection | None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None and self._plain and self.path.is_file():
            try:
                conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False)
                conn.execute("PRAGMA query_only = 1")
            except sqlite3.Error:
                return None
            self._local.conn = conn
        return conn

    def _query(self, sql: str, params: Sequence[Param] = ()) -> list[tuple[object, ...]]:
        conn = self._conn()
        if conn is None:
            return []
        try:
            return conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error:  # an old or foreign file: the full store will say why
            return []


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False
