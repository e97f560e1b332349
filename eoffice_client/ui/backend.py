"""What the window needs from core, as one small interface (no Qt here).

The window talks only to a :class:`Backend`. :class:`ServiceBackend` (in
``ui/service_backend.py``) implements it over the application API (``core/app``);
tests may give the table model a small fake. Every method may be slow (disk or
network): the window calls them from a worker thread unless noted "fast" (a few
milliseconds on 100,000 cached documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from eoffice_client.core.app.types import (
    BOXES,
    SORT_KEYS,
    BoxCount,
    DocumentQuery,
    OutboxEntry,
    Reminders,
    Row,
)

__all__ = ["BOXES", "SORT_KEYS", "BoxCount", "OutboxEntry", "Reminders", "Row"]

@dataclass(frozen=True)
class ListQuery:
    """One box, its search text and filters, and the sort order (the whole box)."""

    box: str = "incoming"
    search: str = ""
    type_code: str | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "date"
    descending: bool = True

    def as_document_query(self) -> DocumentQuery:
        return DocumentQuery(
            box=self.box, search=self.search or None, type_code=self.type_code,
            urgency=self.urgency, secrecy=self.secrecy, status=self.status,
            date_from=self.date_from, date_to=self.date_to, sort=self.sort,
            descending=self.descending, limit=None)


@dataclass
class SyncReport:
    """The outcome of one sync round, for the status bar."""

    pulled: int = 0
    pushed: int = 0
    conflicts: int = 0
    files: int = 0
    already_done: int = 0  # refused changes the server showed done already: dropped
    finished_at: dt.datetime | None = None
    new_urgent: list[str] = field(default_factory=list)


Progress = Callable[[int, int, str], None]  # done, total (0: unknown), what


class Cancelled(Exception):
    """A long task stopped because the user cancelled it."""


class Backend(Protocol):
    """The read and write side the window uses."""

    def me(self) -> dict[str, Any] | None:
        """The signed-in user (fast), None when signed out."""

    def server(self) -> str: ...

    def box_counts(self) -> dict[str, BoxCount]:
        """(total, unread, overdue) per box in :data:`BOXES` (fast)."""

    def document_ids(self, query: ListQuery) -> list[str]:
        """Every id of the box that matches, in the query's order (fast)."""

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        """The table rows of these ids (fast for a page of a few hundred)."""

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document, whole, in the contract's shape plus ``pending_changes`` (fast)."""

    def users(self) -> list[dict[str, Any]]: ...

    def units(self) -> list[dict[str, Any]]: ...

    def catalog(self) -> dict[str, Any]: ...

    def cached_file(self, attachment: dict[str, Any]) -> Path | None:
        """The verified local copy of an attachment, None when not cached (fast)."""

    def fetch_file(self, document_id: str, attachment: dict[str, Any]) -> Path:
        """Downloads one attachment into the cache (network)."""

    def act(self, doc_id: str, action: str, params: dict[str, Any]) -> str:
        """Queues an action (works offline); returns the outbox id."""

    def register_paper(self, body: dict[str, Any], scans: list[Path],
                       register_id: str | None) -> str:
        """Queues a new incoming document, its scans joined into one PDF and its
        registration as one chain; returns the document id."""

    def check_scan(self, path: Path) -> int:
        """Whether the file can be joined as scanned pages: its page count, else a
        ClientError naming it (fast enough for the GUI thread on a scan)."""

    def outbox(self) -> list[OutboxEntry]: ...

    def cancel(self, outbox_id: str) -> None: ...

    def retry(self, outbox_id: str) -> None: ...

    def drop(self, outbox_id: str) -> None: ...

    def sync(self, progress: Progress, cancelled: Callable[[], bool]) -> SyncReport:
        """One round: push, pull, files (network; raises core errors)."""

    def sign_in(self, server: str, username: str, password: str, remember: bool) -> dict:
        """Signs in (network); returns the user."""

    def restore_session(self) -> bool: ...

    def sign_out(self, wipe: bool) -> None: ...

    def status(self) -> dict[str, Any]:
        """cli-v1 ``status --json`` fields (fast)."""

    def reminders(self, today: dt.date) -> Reminders: ...

    def close(self) -> None: ...


class Directory:
    """Names of users, units and registers for display."""

    def __init__(self, users: list[dict], units: list[dict], catalog: dict) -> None:
        self.users = {u["id"]: u for u in users if "id" in u}
        self.units = {u["id"]: u for u in units if "id" in u}
        self.registers = {r["id"]: r for r in (catalog.get("registers") or []) if "id" in r}
        self.types = {t["code"]: t for t in (catalog.get("document_types") or []) if "code" in t}

    def user(self, user_id: str | None) -> str:
        if not user_id:
            return ""
        found = self.users.get(user_id)
        return str(found.get("full_name") or found.get("username")) if found else user_id

    def unit(self, unit_id: str | None) -> str:
        if not unit_id:
            return ""
        found = self.units.get(unit_id)
        return str(found.get("name")) if found else unit_id

    def type_name(self, code: str | None) -> str:
        found = self.types.get(code or "")
        return str(found.get("name")) if found else (code or "")
