"""The outbox's rows: one change each, durable before the UI says "saved".

A row is one change: ``create`` (a new document's body), ``patch`` (a merge patch),
``action`` (contract section 6), ``upload`` (an attachment's bytes, kept in the files
cache) or ``delete_attachment``. Its ``idempotency_key`` is sent with every try of the
same request, and ``base_version`` is the ``If-Match`` it is (or was) sent with.

States: ``queued`` (waiting), ``sending`` (a request may have reached the server: the
retry reuses the key and the same If-Match), ``conflict`` (the server refused it; the
user retries with a new key or drops it), ``blocked`` (behind a conflict on the same
document).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core.domain import workflow
from eoffice_client.core.errors import ClientError, ExitCode, UnknownIdError
from eoffice_client.core.store import documents
from eoffice_client.core.sync import state

QUEUED, SENDING, BLOCKED, CONFLICT = "queued", "sending", "blocked", "conflict"
LIVE_STATES = (QUEUED, SENDING)  # rows whose effect is shown and that push sends
KINDS = ("create", "patch", "action", "upload", "delete_attachment")
#: kinds whose request carries If-Match and whose answer's version chains the next one
VERSIONED_KINDS = ("patch",)

_COLUMNS = (
    "id, position, document_id, kind, action, params, base_version, idempotency_key, state, "
    "error_code, error_detail, local_state, server_state, file_path, attempts, created_at, "
    "updated_at"
)


@dataclass
class OutboxRow:
    id: str
    position: int
    document_id: str
    kind: str
    action: str | None
    params: dict[str, Any]
    base_version: int | None
    idempotency_key: str
    state: str
    error_code: str | None
    error_detail: str | None
    local_state: dict[str, Any] | None
    server_state: dict[str, Any] | None
    file_path: str | None
    attempts: int
    created_at: str
    updated_at: str

    @property
    def versioned(self) -> bool:
        """Sent with If-Match, and its answer's version chains the next change."""
        return self.kind == "patch" or (
            self.kind == "action" and self.action in workflow.VERSIONED_ACTIONS
        )

    @property
    def label(self) -> str:
        """The action name shown to people and in ``outbox --json``."""
        return self.action if self.kind == "action" and self.action else self.kind

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "document_id": self.document_id, "action": self.label,
            "kind": self.kind, "params": self.params, "state": self.state,
            "error_code": self.error_code, "error_detail": self.error_detail,
            "created_at": self.created_at, "attempts": self.attempts,
            "local_state": self.local_state if self.state == CONFLICT else None,
            "server_state": self.server_state if self.state == CONFLICT else None,
        }


class OutboxError(ClientError):
    exit_code = ExitCode.UNKNOWN_ID


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _decoded(value: Any) -> Any:
    """A JSON column's value (SQLite may hand back the text or, for a number, the number)."""
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _row(record: Any) -> OutboxRow:
    values = list(record)
    for index in (5, 11, 12):  # params, local_state, server_state
        values[index] = _decoded(values[index])
    values[5] = values[5] or {}
    return OutboxRow(*values)


def list_rows(conn: Connection, document_id: str | None = None) -> list[OutboxRow]:
    """Rows oldest first (all, or one document's)."""
    if document_id is None:
        result = conn.execute(text(f"SELECT {_COLUMNS} FROM outbox ORDER BY position"))
    else:
        result = conn.execute(
            text(f"SELECT {_COLUMNS} FROM outbox WHERE document_id = :d ORDER BY position"),
            {"d": document_id},
        )
    return [_row(r) for r in result]


def get_row(conn: Connection, row_id: str) -> OutboxRow:
    record = conn.execute(
        text(f"SELECT {_COLUMNS} FROM outbox WHERE id = :id"), {"id": row_id}
    ).first()
    if record is None:
        raise OutboxError("sync.unknown_outbox_id", id=row_id)
    return _row(record)


def documents_with_rows(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute(text("SELECT DISTINCT document_id FROM outbox"))}


def counts(conn: Connection) -> tuple[int, int]:
    """(pending changes: queued, sending or blocked; conflicts)."""
    found = {str(r[0]): int(r[1]) for r in conn.execute(
        text("SELECT state, COUNT(*) FROM outbox GROUP BY state"))}
    conflicts = found.pop(CONFLICT, 0)
    return sum(found.values()), conflicts


def enqueue(
    conn: Connection,
    document_id: str,
    kind: str,
    params: dict[str, Any],
    *,
    action: str | None = None,
    base_version: int | None = None,
    file_path: str | None = None,
    local_state: dict[str, Any] | None = None,
) -> OutboxRow:
    """Adds a change behind the others; ``blocked`` when its document has a conflict."""
    if kind not in KINDS:
        raise ValueError(kind)
    _keep_server_copy(conn, document_id)
    held = conn.execute(
        text("SELECT COUNT(*) FROM outbox WHERE document_id = :d AND state IN (:c, :b)"),
        {"d": document_id, "c": CONFLICT, "b": BLOCKED},
    ).scalar_one()
    position = conn.execute(text("SELECT COALESCE(MAX(position), 0) + 1 FROM outbox")).scalar_one()
    stamp = now_stamp()
    row = OutboxRow(
        id=str(uuid.uuid4()), position=int(position), document_id=document_id, kind=kind,
        action=action, params=params, base_version=base_version,
        idempotency_key=str(uuid.uuid4()), state=BLOCKED if held else QUEUED,
        error_code=None, error_detail=None, local_state=local_state, server_state=None,
        file_path=file_path, attempts=0, created_at=stamp, updated_at=stamp,
    )
    conn.execute(
        text(f"INSERT INTO outbox ({_COLUMNS}) VALUES (:id, :position, :document_id, :kind, "
             ":action, :params, :base_version, :idempotency_key, :state, :error_code, "
             ":error_detail, :local_state, :server_state, :file_path, :attempts, :created_at, "
             ":updated_at)"),
        {**row.__dict__, "params": _json(row.params), "local_state": _json(local_state),
         "server_state": None},
    )
    return row


def _keep_server_copy(conn: Connection, document_id: str) -> None:
    """Before the first row of a document, its cached copy IS the server's: keep it aside."""
    has_rows = conn.execute(
        text("SELECT 1 FROM outbox WHERE document_id = :d LIMIT 1"), {"d": document_id}
    ).first()
    if has_rows or state.get_server_doc(conn, document_id) is not None:
        return
    current = documents.get_document(conn, document_id)
    if current is not None:
        state.set_server_doc(conn, current)


def update_row(conn: Connection, row: OutboxRow, **changes: Any) -> OutboxRow:
    changes["updated_at"] = now_stamp()
    for name in ("params", "local_state", "server_state"):
        if name in changes:
            setattr(row, name, changes[name])
            changes[name] = _json(changes[name])
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    conn.execute(text(f"UPDATE outbox SET {sets} WHERE id = :row_id"),
                 {**changes, "row_id": row.id})
    for name, value in changes.items():
        if name not in ("params", "local_state", "server_state"):
            setattr(row, name, value)
    return row


def delete_row(conn: Connection, row_id: str) -> None:
    conn.execute(text("DELETE FROM outbox WHERE id = :id"), {"id": row_id})


def require_document(conn: Connection, document_id: str) -> dict[str, Any]:
    doc = documents.get_document(conn, document_id)
    if doc is None:
        raise UnknownIdError("cli.unknown_document", id=document_id)
    return doc
