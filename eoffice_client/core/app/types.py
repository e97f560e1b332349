"""What the application API returns: small typed values, no Qt, no SQLAlchemy.

The window and the CLI read these; the CLI's JSON (cli-v1.md) comes from their
``as_json`` methods, never from the store's rows directly.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from eoffice_client.core.content.outcome import ContentOutcome
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store.rows import (
    BOXES,
    SORT_KEYS,
    DocumentQuery,
    Row,
    UnitFilter,
    UnknownBox,
)
from eoffice_client.core.sync.progress import (
    CancelToken,
    Phase,
    ProgressEvent,
    SyncCancelled,
    SyncProgress,
    format_event,
)

__all__ = [
    "BOXES", "SORT_KEYS", "BoxCount", "CancelToken", "ClientStatus", "ContentIndex",
    "ContentOutcome", "DocumentQuery",
    "JsonObject", "LogoutResult", "OutboxEntry", "Phase", "Progress", "ProgressEvent",
    "Reminders", "Row", "SignatureState", "SyncCancelled", "SyncOutcome", "SyncProgress",
    "UnitFilter", "UnknownBox",
    "format_event",
]

#: A JSON object as the contract carries it (values are JSON values).
JsonObject = dict[str, object]
#: Progress of long work: done, total (0: not known), what (a phase name).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ContentIndex:
    """The content search's index: cached files read, skipped (unreadable), waiting."""

    indexed: int = 0
    skipped: int = 0
    waiting: int = 0


@dataclass(frozen=True)
class BoxCount:
    total: int = 0
    unread: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Reminders:
    """Counts for the tray, computed locally (they work offline)."""

    urgent_unread: int = 0
    due_today: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.urgent_unread + self.due_today + self.overdue


@dataclass(frozen=True)
class ClientStatus:
    """cli-v1 ``status --json``, plus the signed-in person's name for the window."""

    server: str | None
    username: str | None
    full_name: str | None
    last_sync: str | None
    pending_actions: int
    conflicts: int
    documents: int
    cached_bytes: int

    @property
    def unsent(self) -> int:
        """Changes not on the server yet: queued ones and conflicts."""
        return self.pending_actions + self.conflicts

    def as_json(self) -> JsonObject:
        return {"server": self.server, "username": self.username,
                "full_name": self.full_name, "last_sync": self.last_sync,
                "pending_actions": self.pending_actions, "conflicts": self.conflicts,
                "documents": self.documents, "cached_bytes": self.cached_bytes}


@dataclass(frozen=True)
class OutboxEntry:
    """A queued change or a conflict (cli-v1 ``outbox --json``) and the two states to compare."""

    id: str
    document_id: str
    action: str  # the action name, or the change's kind (create, patch, upload, ...)
    kind: str
    params: JsonObject
    state: str  # queued | sending | blocked | conflict
    error_code: str | None
    error_detail: str | None
    created_at: str
    attempts: int
    subject: str = ""
    local: JsonObject | None = None  # the document as this client sees it
    server: JsonObject | None = None  # the server's state that refused the action

    def as_json(self) -> JsonObject:
        conflict = self.state == "conflict"
        return {"id": self.id, "document_id": self.document_id, "action": self.action,
                "kind": self.kind, "params": self.params, "state": self.state,
                "error_code": self.error_code, "error_detail": self.error_detail,
                "created_at": self.created_at, "attempts": self.attempts,
                "local_state": self.local if conflict else None,
                "server_state": self.server if conflict else None}


@dataclass(frozen=True)
class SyncOutcome:
    """One sync round, as the CLI prints it and the window's status bar shows it."""

    sent: int = 0
    applied: int = 0
    deleted: int = 0
    files_fetched: int = 0
    files_failed: int = 0
    pending: int = 0
    conflicts: int = 0
    #: refused changes that the server showed done already (elsewhere): dropped, not conflicts
    already_done: int = 0
    #: why the round stopped early (server unreachable or unavailable): nothing lost
    unreachable: ClientError | None = None
    #: a page of the feed the client refused (malformed), reported, the cursor kept
    page_problem: str | None = None
    exit_code: ExitCode = ExitCode.OK
    finished_at: dt.datetime | None = None
    #: unread urgent documents that arrived in this round
    new_urgent: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogoutResult:
    was_signed_in: bool
    username: str | None = None
    revoked: bool = False  # the server confirmed; False: forgotten here only (offline)
    wiped: bool = False


@dataclass(frozen=True)
class DocumentPage:
    """One page of ``list``: whole documents (without history and comments) with the local
    fields ``pending_changes`` and ``files_cached``, and how many matched in all."""

    documents: list[JsonObject] = field(default_factory=list)
    matched: int = 0

    @property
    def more(self) -> int:
        """Documents that match but are not on this page."""
        return max(0, self.matched - len(self.documents))


def json_mapping(value: object) -> Mapping[str, object]:
    """``value`` when it is a JSON object, else an empty one (tolerant reads of cached data)."""
    return value if isinstance(value, dict) else {}


class SignatureState(enum.StrEnum):
    """A document row's badge: its newest PDF's signatures."""

    VALID = "valid"  # every signature intact and trusted
    UNTRUSTED = "untrusted"  # intact, but some signer is not vouched for by the trust store
    BROKEN = "broken"  # some signature fails, or the PDF was changed after it
    NONE = "none"  # a PDF without signatures
    UNKNOWN = "unknown"  # no PDF here to check (not downloaded, or no PDF at all)
