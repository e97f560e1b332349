"""The first seconds of the window: paint the inbox before the core is even imported.

Importing the core (SQLAlchemy, requests, pydantic, the sync engine) takes longer than
starting Qt and painting a window. So the window starts on :class:`StartupBackend`: it
reads what the first paint needs through ``core/app/first_page.py`` (the signed-in user,
the ids of a plain box, the rows of a page) and loads the full
:class:`~eoffice_client.ui.service_backend.ServiceBackend` once the list is painted
(:meth:`StartupBackend.load`). Everything else waits for it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.first_page import FirstPage
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


class QuickReader:
    """The first page (core/app/first_page.py) as the window's startup backend reads it."""

    def __init__(self, first: FirstPage) -> None:
        self.first = first

    def me(self) -> dict[str, Any] | None:
        person = self.first.me()
        return None if person is None else person.as_json()

    def can_list(self, query: ListQuery) -> bool:
        return self.first.can_list(query.as_document_query())

    def document_ids(self, query: ListQuery, limit: int = -1) -> list[str]:
        return self.first.first_ids(query.as_document_query(), limit)

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        return self.first.rows(ids)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return None

    def close(self) -> None:
        self.first.close()


class StartupBackend:
    """The window's backend: quick reads until :meth:`load` has built the full one."""

    def __init__(self, profile: Profile, settings: Settings, app: App,
                 factory: Callable[[Profile, Settings], Any] | None = None) -> None:
        self.profile, self.settings, self.app = profile, settings, app
        self.quick = QuickReader(app.first_page)
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
            # the quick reader's plain sqlite3 handle goes before the full store opens: the
            # cache may be encrypted now (a second copy of SQLite must never close a handle
            # of a file the first one has open, core/app/at_rest.py)
            self.quick.close()
            if self._factory is None:
                from eoffice_client.ui.service_backend import ServiceBackend, preload

                preload()
                self.full = ServiceBackend(self.profile, self.settings, self.app)
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
        return self.full.rows(ids) if self.ready else self.quick.rows(ids)

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

    def register_paper(self, body: dict[str, Any], scans: list[Path],
                       register_id: str | None) -> str:
        return str(self._full().register_paper(body, scans, register_id))

    def check_scan(self, path: Path) -> int:
        return int(self._full().check_scan(path))

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
