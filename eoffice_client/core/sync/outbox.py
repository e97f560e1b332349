"""The outbox: the user's changes, durable before the UI says "saved", replayed exactly once.

The parts, gathered here for ``outbox.X``:

- outbox_rows.py: the rows (``create``, ``patch``, ``action``, ``upload``,
  ``delete_attachment``), their states (queued, sending, conflict, blocked) and storage;
- outbox_view.py: what the user sees of a document with rows, the server copy with the
  effects of its live rows applied in order (:func:`refresh_document`);
- outbox_decisions.py: conflicts, retries, drops and cancels.
"""

from __future__ import annotations

from eoffice_client.core.sync.outbox_decisions import (
    ALREADY_DONE_CODES,
    cancel,
    drop,
    gone,
    retry,
    settle_already_done,
    to_conflict,
)
from eoffice_client.core.sync.outbox_rows import (
    BLOCKED,
    CONFLICT,
    KINDS,
    LIVE_STATES,
    QUEUED,
    SENDING,
    VERSIONED_KINDS,
    OutboxError,
    OutboxRow,
    counts,
    delete_row,
    documents_with_rows,
    enqueue,
    get_row,
    list_rows,
    now_stamp,
    require_document,
    update_row,
)
from eoffice_client.core.sync.outbox_view import apply_row, optimistic, refresh_document

__all__ = [
    "ALREADY_DONE_CODES", "BLOCKED", "CONFLICT", "KINDS", "LIVE_STATES", "QUEUED", "SENDING",
    "VERSIONED_KINDS", "OutboxError", "OutboxRow", "apply_row", "cancel", "counts",
    "delete_row", "documents_with_rows", "drop", "enqueue", "get_row", "gone", "list_rows",
    "now_stamp", "optimistic", "refresh_document", "require_document", "retry",
    "settle_already_done", "to_conflict", "update_row",
]
