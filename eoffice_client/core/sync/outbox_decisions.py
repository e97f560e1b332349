"""The user's decisions on the outbox, and the server's: conflicts, retries, drops, cancels.

A refused row becomes a ``conflict`` and blocks its document's later rows; the user retries
it with a new key or drops it; a change not yet sent may be cancelled. A document the server
deleted turns its rows into conflicts.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core.domain.already_done import already_done
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store import documents
from eoffice_client.core.sync import state
from eoffice_client.core.sync.outbox_rows import (
    BLOCKED,
    CONFLICT,
    QUEUED,
    SENDING,
    OutboxRow,
    delete_row,
    get_row,
    list_rows,
    now_stamp,
    update_row,
)
from eoffice_client.core.sync.outbox_view import refresh_document

log = logging.getLogger("eoffice.sync")


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
