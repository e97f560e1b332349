"""The outbox: the user's changes, durable before the UI says "saved", replayed exactly once.

A row is one change: ``create`` (a new document's body), ``patch`` (a merge patch),
``action`` (contract section 6), ``upload`` (an attachment's bytes, kept in the files
cache) or ``delete_attachment``. Its ``idempotency_key`` is sent with every try of the
same request, and ``base_version`` is the ``If-Match`` it is (or was) sent with.

States: ``queued`` (waiting), ``sending`` (a request may have reached the server: the
retry reuses the key and the same If-Match), ``conflict`` (the server refused it; the
user retries with a new key or drops it), ``blocked`` (behind a conflict on the same
document).

What the user sees of a document with rows is its last server copy (``server_documents``)
with the effects of its ``queued`` and ``sending`` rows applied in order
(:func:`refresh_document`), so pulled data and optimistic effects never overwrite each other.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.already_done import already_done
from eoffice_client.core.domain.merge_patch import merge_patch
from eoffice_client.core.errors import ClientError, ExitCode, UnknownIdError
from eoffice_client.core.store import directory, documents
from eoffice_client.core.sync import state

log = logging.getLogger("eoffice.sync")

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


# --- what the user sees ------------------------------------------------------------------------
def refresh_document(conn: Connection, document_id: str) -> dict[str, Any] | None:
    """Rewrites the visible copy: the server copy + the live rows' effects (or the copy alone)."""
    rows = list_rows(conn, document_id)
    server_copy = state.get_server_doc(conn, document_id)
    if not rows:
        if server_copy is not None:
            documents.upsert_documents(conn, [server_copy])
            state.delete_server_doc(conn, document_id)
        return server_copy
    visible = optimistic(conn, server_copy, rows)
    if visible is None:
        documents.delete_documents(conn, [document_id])
    else:
        documents.upsert_documents(conn, [visible])
    return visible


def optimistic(
    conn: Connection, base: dict[str, Any] | None, rows: Iterable[OutboxRow]
) -> dict[str, Any] | None:
    me = documents.get_me(conn) or {}
    people = workflow.UserIndex(directory.users_by_id(conn))
    doc = copy.deepcopy(base)
    for row in rows:
        if row.state not in LIVE_STATES:
            continue
        try:
            doc = apply_row(doc, row, me, people)
        except Exception as exc:  # an effect we cannot show must never lose the row
            log.warning("cannot show the local effect of %s %s on %s: %s",
                        row.label, row.id, row.document_id, exc)
    return doc


def apply_row(
    doc: dict[str, Any] | None, row: OutboxRow, me: dict[str, Any], people: workflow.UserIndex
) -> dict[str, Any] | None:
    when = dt.datetime.fromisoformat(row.created_at)
    if row.kind == "create":  # once the server has it (a lost answer), its copy wins
        return doc if doc is not None else copy.deepcopy(row.local_state)
    if doc is None:
        return None
    if row.kind == "action" and row.action:
        return workflow.apply(doc, row.action, row.params, me, when, people)
    new = copy.deepcopy(doc)
    stamp = when.isoformat(timespec="seconds")
    if row.kind == "patch":
        new = merge_patch(new, row.params)
        new["version"] = int(new.get("version") or 0) + 1
        new.setdefault("history", []).append(
            {"at": stamp, "actor_id": me.get("id"), "action": "patch", "detail": ""})
    elif row.kind == "upload":
        attachment = {k: v for k, v in row.params.items() if k != "attachment_id"}
        attachment.update(id=row.params["attachment_id"], uploaded_by=me.get("id"),
                          uploaded_at=stamp)
        others = [a for a in new.get("attachments") or [] if a.get("id") != attachment["id"]]
        new["attachments"] = [*others, attachment]
    elif row.kind == "delete_attachment":
        new["attachments"] = [
            a for a in new.get("attachments") or [] if a.get("id") != row.params["attachment_id"]
        ]
    new["updated_at"] = stamp
    return new



# --- the user's decisions on the outbox --------------------------------------------------------
def to_conflict(
    conn: Connection,
    row: OutboxRow,
    code: str | None,
    detail: str,
    server_state: dict[str, Any] | None,
) -> None:
    """Marks ``row`` a conflict, blocks the later rows of its document, rolls the effect back."""
    local = documents.get_document(conn, row.document_id)
    update_row(conn, row, state=CONFLICT, error_code=code, error_detail=detail[:2000],
               local_state=row.local_state if row.kind == "create" else local,
               server_state=server_state)
    conn.execute(
        text("UPDATE outbox SET state = :b, updated_at = :t WHERE document_id = :d "
             "AND position > :p AND state IN (:q, :s)"),
        {"b": BLOCKED, "t": now_stamp(), "d": row.document_id, "p": row.position,
         "q": QUEUED, "s": SENDING},
    )
    refresh_document(conn, row.document_id)


def retry(conn: Connection, row_id: str) -> OutboxRow:
    """A conflict applied again: a NEW request (new key) on the current server state."""
    row = get_row(conn, row_id)
    if row.state != CONFLICT:
        raise ClientError("sync.not_a_conflict", ExitCode.INVALID_INPUT, id=row_id)
    server_copy = state.get_server_doc(conn, row.document_id)
    base = row.base_version
    if row.versioned and server_copy is not None:
        base = int(server_copy.get("version") or 0)
    update_row(conn, row, state=QUEUED, idempotency_key=str(uuid.uuid4()), base_version=base,
               error_code=None, error_detail=None, local_state=row.local_state
               if row.kind == "create" else None, server_state=None, attempts=0)
    _unblock_if_clear(conn, row.document_id)
    refresh_document(conn, row.document_id)
    return row


def drop(conn: Connection, row_id: str) -> OutboxRow:
    """Removes a conflict (the user gives up that change); later rows go on."""
    row = get_row(conn, row_id)
    if row.state != CONFLICT:
        raise ClientError("sync.not_a_conflict", ExitCode.INVALID_INPUT, id=row_id)
    delete_row(conn, row.id)
    if row.kind == "create":  # nothing else of a document that was never created can go
        conn.execute(text("DELETE FROM outbox WHERE document_id = :d AND state = :b"),
                     {"d": row.document_id, "b": BLOCKED})
    _unblock_if_clear(conn, row.document_id)
    _forget_if_never_created(conn, row)
    refresh_document(conn, row.document_id)
    return row


#: Refusals that may only mean the same thing was done elsewhere meanwhile.
ALREADY_DONE_CODES = ("invalid_transition", "version_conflict")


def settle_already_done(conn: Connection, user_id: str) -> list[OutboxRow]:
    """Drops the conflicts whose action the server's state already shows done
    (``core/domain/already_done.py``); returns them, for a note to the person."""
    settled = []
    for row in list_rows(conn):
        if (row.state != CONFLICT or row.kind != "action" or not row.action
                or row.error_code not in ALREADY_DONE_CODES):
            continue
        server = state.get_server_doc(conn, row.document_id)
        if server is None or not already_done(server, row.action, row.params, user_id):
            continue
        drop(conn, row.id)
        settled.append(row)
        log.info("%s %s on %s was already done on the server: dropped with a note",
                 row.label, row.id, row.document_id)
    return settled


def _forget_if_never_created(conn: Connection, row: OutboxRow) -> None:
    """A create given up before the server knew it leaves no local document behind."""
    if row.kind == "create" and state.get_server_doc(conn, row.document_id) is None:
        conn.execute(text("DELETE FROM outbox WHERE document_id = :d AND state != :s"),
                     {"d": row.document_id, "s": SENDING})
        documents.delete_documents(conn, [row.document_id])


def cancel(conn: Connection, row_id: str) -> list[OutboxRow]:
    """Removes a change not yet sent (a create takes its document's other rows with it)."""
    row = get_row(conn, row_id)
    if row.state not in (QUEUED, BLOCKED) or row.attempts:
        raise ClientError("sync.cannot_cancel", ExitCode.INVALID_INPUT, id=row_id,
                          state=row.state)
    removed = [row]
    if row.kind == "create":
        removed = list_rows(conn, row.document_id)
        if any(r.state == SENDING or r.attempts for r in removed):
            raise ClientError("sync.cannot_cancel", ExitCode.INVALID_INPUT, id=row_id,
                              state=SENDING)
        conn.execute(text("DELETE FROM outbox WHERE document_id = :d"), {"d": row.document_id})
    else:
        delete_row(conn, row.id)
    _forget_if_never_created(conn, row)
    refresh_document(conn, row.document_id)
    return removed


def _unblock_if_clear(conn: Connection, document_id: str) -> None:
    conflicts = conn.execute(
        text("SELECT COUNT(*) FROM outbox WHERE document_id = :d AND state = :c"),
        {"d": document_id, "c": CONFLICT},
    ).scalar_one()
    if not conflicts:
        conn.execute(
            text("UPDATE outbox SET state = :q WHERE document_id = :d AND state = :b"),
            {"q": QUEUED, "d": document_id, "b": BLOCKED},
        )


def gone(conn: Connection, document_id: str) -> int:
    """The server deleted the document: its rows become conflicts, their text kept."""
    rows = [r for r in list_rows(conn, document_id) if r.state != CONFLICT]
    for row in rows:
        update_row(conn, row, state=CONFLICT, error_code="gone",
                   error_detail="the document was deleted, recalled or is no longer visible",
                   server_state=None)
    return len(rows)


def require_document(conn: Connection, document_id: str) -> dict[str, Any]:
    doc = documents.get_document(conn, document_id)
    if doc is None:
        raise UnknownIdError("cli.unknown_document", id=document_id)
    return doc
