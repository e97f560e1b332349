"""What a pulled page does to the cache beyond its rows: removed documents, orphaned files.

``delete`` removes the document, its rows, its cached files (unless another document
references the same bytes) and turns its queued changes into conflicts. Documents whose
attachments an upsert drops may leave orphaned files; those are forgotten in the page's
transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core.store import documents, meta
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.sync import outbox, state
from eoffice_client.core.sync.files import valid_sha256

log = logging.getLogger("eoffice.sync")


def newly_urgent(conn: Connection, docs: list[dict[str, Any]]) -> set[str]:
    """Ids of ``docs`` that are unread and urgent now and were not so in the cache."""
    urgent = {d["id"] for d in docs if (d.get("urgency") or 0) >= 1 and not d.get("read")}
    return urgent - documents.unread_urgent_among(conn, urgent) if urgent else set()


def mark_synced(conn: Connection) -> None:
    meta.set_meta(conn, state.LAST_SYNC, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


# --- local effects -----------------------------------------------------------------------------
def refresh_me(conn: Connection, users: list[dict[str, Any]]) -> None:
    me = documents.get_me(conn)
    if not me:
        return
    for user in users:
        if user.get("id") == me.get("id") and _role_view(user) != _role_view(me):
            documents.set_me(conn, user)


def _role_view(user: dict[str, Any]) -> tuple[Any, ...]:
    return (sorted(user.get("roles") or []), user.get("unit_id"), user.get("active"))


def created_here(conn: Connection) -> set[str]:
    rows = conn.execute(text("SELECT DISTINCT document_id FROM outbox WHERE kind = 'create'"))
    return {str(r[0]) for r in rows}


def remove_document(conn: Connection, doc_id: str, orphans: set[str]) -> int:
    """Deletes a document the user may no longer see; its queued changes become conflicts."""
    for attachment in stored_files.attachments_of(conn, doc_id):
        if valid_sha256(attachment.sha256):
            orphans.add(attachment.sha256)
    conflicts = outbox.gone(conn, doc_id)
    if conflicts:
        log.warning("document %s was deleted or recalled on the server: %d queued change(s) on "
                    "it kept as conflicts", doc_id, conflicts)
    state.delete_server_doc(conn, doc_id)
    documents.delete_documents(conn, [doc_id])
    return conflicts


def drop_stale_files(conn: Connection, docs: list[dict[str, Any]], orphans: set[str]) -> None:
    """Files of attachments that an upsert removes from a document may become orphans."""
    if not stored_files.has_cached_files(conn):
        return  # nothing on disk to orphan (the first sync, or --no-files users)
    wanted = {doc["id"]: set() if int(doc.get("secrecy") or 0) >= 1 else
              {a.get("sha256") for a in doc.get("attachments") or []} for doc in docs}
    for doc_id, sha in stored_files.attachment_hashes(conn, list(wanted)):
        if sha not in wanted[doc_id] and valid_sha256(sha):
            orphans.add(sha)


def forget_orphans(conn: Connection, orphans: set[str]) -> None:
    """Forgets (in this transaction) cached files no document references any more."""
    for sha in list(orphans):
        if stored_files.sha256_in_use(conn, sha) and not _only_secret(conn, sha):
            orphans.discard(sha)
            continue
        stored_files.forget_cached_file(conn, sha)


def _only_secret(conn: Connection, sha: str) -> bool:
    row = conn.execute(
        text("SELECT MIN(d.secrecy) FROM attachments a JOIN documents d ON d.id = a.document_id "
             "WHERE a.sha256 = :s"), {"s": sha}).first()
    return row is not None and row[0] is not None and int(row[0]) >= 1
