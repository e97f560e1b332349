"""What the window needs from core, as one small interface (no Qt here).

The window talks only to a :class:`Backend`. :class:`ServiceBackend` (in
``ui/service_backend.py``) implements it over ``core.services.ClientService`` and the
local store; tests may give the table model a small fake. Every method may be slow
(disk or network): the window calls them from a worker thread unless noted "fast"
(a few milliseconds on 100,000 cached documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

#: Boxes of the left pane, in order (the CLI's BOX names).
BOXES: tuple[str, ...] = (
    "incoming", "outgoing", "internal", "to-sign", "to-process", "overdue", "unread", "all",
)

#: Sort keys the table's columns map to.
SORT_KEYS: tuple[str, ...] = ("urgency", "code", "subject", "issuer", "date", "due", "status")


@dataclass(frozen=True)
class ListQuery:
    """One box, its search text and filters, and the sort order.

    The window's own twin of the store's ``DocumentQuery``: it adds the column sort, and
    keeping it here lets the first paint happen before SQLAlchemy is imported.
    """

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


@dataclass(frozen=True)
class Row:
    """What one line of the document table shows."""

    id: str
    urgency: int
    secrecy: int
    code: str  # số/ký hiệu, e.g. "05/QĐ-UBND"
    subject: str
    issuer: str
    date: str | None  # issued_date, else arrival_date / created_at's date (YYYY-MM-DD)
    due_date: str | None
    status: str
    read: bool
    pending_changes: int = 0


@dataclass(frozen=True)
class BoxCount:
    total: int = 0
    unread: int = 0
    overdue: int = 0


@dataclass
class SyncReport:
    """The outcome of one sync round, for the status bar."""

    pulled: int = 0
    pushed: int = 0
    conflicts: int = 0
    files: int = 0
    finished_at: dt.datetime | None = None
    new_urgent: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OutboxEntry:
    """A queued change or a conflict (cli-v1 ``outbox --json``) and the two states to compare."""

    id: str
    document_id: str
    action: str
    params: dict[str, Any]
    state: str  # queued | sending | blocked | conflict
    error_code: str | None
    created_at: str
    subject: str = ""
    local: dict[str, Any] | None = None  # the document as this client sees it
    server: dict[str, Any] | None = None  # the server's state that refused the action


@dataclass(frozen=True)
class Reminders:
    """Counts computed locally (they work offline)."""

    urgent_unread: int = 0
    due_today: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.urgent_unread + self.due_today + self.overdue


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

    def register_paper(self, body: dict[str, Any], pdf: Path, file_name: str) -> str:
        """Queues a new incoming document with its scanned PDF; returns the document id."""

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
