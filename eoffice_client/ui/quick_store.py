"""The first seconds of the window: paint the inbox before the core is even imported.

Importing the core (SQLAlchemy, requests, pydantic, the sync engine) takes longer than
starting Qt and painting a window. So the window starts on :class:`StartupBackend`: it
reads the cache file with the standard library's ``sqlite3`` (read-only) for what the
first paint needs — the signed-in user, the ids of a plain box, the rows of a page, one
document — and loads the full :class:`~eoffice_client.ui.service_backend.ServiceBackend`
once the list is painted (:meth:`StartupBackend.load`). Everything else waits for it.

The SQL here reads the store's documented columns (core/store/models.py) and nothing else;
it never writes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.ui.backend import (
    BOXES,
    BoxCount,
    ListQuery,
    OutboxEntry,
    Progress,
    Reminders,
    Row,
    SyncReport,
)

#: Boxes the quick path can list (by direction alone, newest first).
_QUICK_BOXES = {"incoming": "WHERE direction = 'incoming'", "outgoing":
                "WHERE direction = 'outgoing'", "internal": "WHERE direction = 'internal'",
                "all": ""}
ROWS_SQL = (
    "SELECT d.id, d.urgency, d.secrecy, d.code_number, d.code_notation, d.subject, "
    "d.issuer_name, d.doc_date, d.due_date, d.status, d.is_read, "
    "(SELECT count(*) FROM outbox o WHERE o.document_id = d.id) "
    "FROM documents d WHERE d.id IN ({marks})")


class QuickReader:
    """Read-only ``sqlite3`` access to the cache file, one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection | None:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if not self.path.is_file():
                return None
            try:
                conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False)
                conn.execute("PRAGMA query_only = 1")
            except sqlite3.Error:
                return None
            self._local.conn = conn
        return conn

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        conn = self._conn()
        if conn is None:
            return []
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error:  # an old or foreign file: the full backend will say why
            return []

    def me(self) -> dict[str, Any] | None:
        rows = self._query("SELECT value FROM meta WHERE key = 'me'")
        if not rows or rows[0][0] is None:
            return None
        value = json.loads(rows[0][0]) if isinstance(rows[0][0], str) else rows[0][0]
        return value if isinstance(value, dict) and value.get("id") else None

    def can_list(self, query: ListQuery) -> bool:
        plain = not (query.search or query.type_code or query.status or query.date_from
                     or query.date_to or query.urgency is not None or query.secrecy is not None)
        return plain and query.box in _QUICK_BOXES and query.sort == "date" and query.descending

    def document_ids(self, query: ListQuery, limit: int = -1) -> list[str]:
        """Newest first; ``limit`` rows only (the first paint needs one screenful)."""
        where = _QUICK_BOXES[query.box]
        return [str(r[0]) for r in self._query(
            f"SELECT id FROM documents {where} ORDER BY sort_no DESC LIMIT ?", (limit,))]

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            sql = ROWS_SQL.format(marks=",".join("?" * len(chunk)))
            for r in self._query(sql, chunk):
                found[r[0]] = row_from_record(r)
        return found

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._query("SELECT data FROM documents WHERE id = ?", (doc_id,))
        return json.loads(rows[0][0]) if rows else None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def row_from_record(r: Sequence[Any]) -> Row:
    number, notation = r[3], r[4] or ""
    if isinstance(number, int) and number > 0:
        code = f"{number:02d}/{notation}" if notation else f"{number:02d}"
    else:
        code = notation
    return Row(id=r[0], urgency=r[1] or 0, secrecy=r[2] or 0, code=code, subject=r[5] or "",
               issuer=r[6] or "", date=r[7], due_date=r[8], status=r[9], read=bool(r[10]),
               pending_changes=int(r[11] or 0))


class StartupBackend:
    """The window's backend: quick reads until :meth:`load` has built the full one."""

    def __init__(self, profile: Profile, settings: Settings,
                 factory: Callable[[Profile, Settings], Any] | None = None) -> None:
        self.profile, self.settings = profile, settings
        self.quick = QuickReader(profile.db_path)
        self._factory = factory
        self.full: Any = None
        self._ready = threading.Event()
        self._quick_me: dict[str, Any] | None = None
        self._quick_me_read = False

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def load(self) -> Any:
        """Builds the full backend: imports the core and opens the store. Call it on the GUI
        thread (see MainWindow._load_backend: imports on worker threads are unsafe)."""
        if self.full is None:
            if self._factory is None:
                from eoffice_client.ui.service_backend import ServiceBackend, preload

                preload()
                self.full = ServiceBackend(self.profile, self.settings)
                self.full.open()
            else:
                self.full = self._factory(self.profile, self.settings)
            self._ready.set()
        return self.full

    def _full(self) -> Any:
        return self.load()

    # --- reads: quick until ready ----------------------------------------------------------
    def me(self) -> dict[str, Any] | None:
        if self.ready:
            return self.full.me()
        if not self._quick_me_read:
            self._quick_me = self.quick.me()
            self._quick_me_read = True
        return self._quick_me

    def actions_ready(self) -> bool:
        return self.ready

    def document_ids(self, query: ListQuery) -> list[str]:
        if not self.ready and self.quick.can_list(query):
            return self.quick.document_ids(query)
        return list(self._full().document_ids(query))

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        """Always the quick path: a page of table rows is the hottest read of the window
        (a viewport fill while scrolling), and plain sqlite3 is several times faster here."""
        return self.quick.rows(ids)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.full.document(doc_id) if self.ready else self.quick.document(doc_id)

    def server(self) -> str:
        return str(self.full.server()) if self.ready else self.settings.server

    def status(self) -> dict[str, Any]:
        return dict(self.full.status()) if self.ready else {}

    def users(self) -> list[dict[str, Any]]:
        return list(self.full.users()) if self.ready else []

    def units(self) -> list[dict[str, Any]]:
        return list(self.full.units()) if self.ready else []

    def catalog(self) -> dict[str, Any]:
        return dict(self.full.catalog()) if self.ready else {}

    def cached_file(self, attachment: dict[str, Any]) -> Path | None:
        return self.full.cached_file(attachment) if self.ready else None

    def outbox(self) -> list[OutboxEntry]:
        return list(self.full.outbox()) if self.ready else []

    # --- the rest needs the full backend (called from workers, or once ready) ------------
    def box_counts(self) -> dict[str, BoxCount]:
        counts: dict[str, BoxCount] = self._full().box_counts()
        return {box: counts.get(box, BoxCount()) for box in BOXES}

    def reminders(self, today: dt.date) -> Reminders:
        return self._full().reminders(today)

    def fetch_file(self, document_id: str, attachment: dict[str, Any]) -> Path:
        return self._full().fetch_file(document_id, attachment)

    def act(self, doc_id: str, action: str, params: dict[str, Any]) -> str:
        return str(self._full().act(doc_id, action, params))

    def register_paper(self, body: dict[str, Any], pdf: Path, file_name: str) -> str:
        return str(self._full().register_paper(body, pdf, file_name))

    def cancel(self, outbox_id: str) -> None:
        self._full().cancel(outbox_id)

    def retry(self, outbox_id: str) -> None:
        self._full().retry(outbox_id)

    def drop(self, outbox_id: str) -> None:
        self._full().drop(outbox_id)

    def sync(self, progress: Progress, cancelled: Callable[[], bool]) -> SyncReport:
        return self._full().sync(progress, cancelled)

    def sign_in(self, server: str, username: str, password: str, remember: bool) -> dict:
        return dict(self._full().sign_in(server, username, password, remember))

    def restore_session(self) -> bool:
        return bool(self._full().restore_session())

    def sign_out(self, wipe: bool) -> None:
        self.quick.close()
        self._full().sign_out(wipe)

    def close(self) -> None:
        self.quick.close()
        if self.full is not None:
            self.full.close()
