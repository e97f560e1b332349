"""What the user sees of a document with outbox rows: the server copy plus their effects.

The visible copy is the document's last server copy (``server_documents``) with the effects
of its ``queued`` and ``sending`` rows applied in order (:func:`refresh_document`), so
pulled data and optimistic effects never overwrite each other.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.merge_patch import merge_patch
from eoffice_client.core.store import directory, documents
from eoffice_client.core.sync import state
from eoffice_client.core.sync.outbox_rows import LIVE_STATES, OutboxRow, list_rows

log = logging.getLogger("eoffice.sync")


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
