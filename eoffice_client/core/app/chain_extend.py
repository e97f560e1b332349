"""The queued B-LT/B-LTA step of signatures made without a timestamp (offline, or with
no timestamp server configured).

A signed or final PDF signed B-B is queued here (in the cache's ``meta``, together with
its upload, in one transaction). Once a timestamp server is configured
(``Settings.timestamp_url``) and answers, :func:`extend_pending` adds the validation
data of every signature (B-LT) and a document timestamp (B-LTA) and puts the extended
file in place of the one its queued upload would send. An attachment cannot be replaced
on the server once sent (eoffice-api-v1 section 5), so an upload already sent (or tried)
is left alone; for the leader's PDF the clerk's issue step extends the final PDF, which
carries the leader's signature too.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path

from sqlalchemy import Connection

from eoffice_client.core.app.chain_types import ExtendItem, ExtendOutcome
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.documents.signing import TimestampServer
from eoffice_client.core.errors import ClientError
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.store import meta
from eoffice_client.core.sync import outbox
from eoffice_client.core.sync.lock import SyncLock, SyncRunning

log = logging.getLogger("eoffice.app.signing")

TO_EXTEND = "signing.to_extend"
#: A file whose extension fails this often for another reason than the network is dropped
#: from the queue (it is sent as signed, which is valid, only without long-term data).
MAX_ATTEMPTS = 5


def queue_extension(conn: Connection, document_id: str, attachment_id: str, role: str) -> None:
    """Remember (in the caller's transaction) that this queued upload awaits B-LT/B-LTA.
    Entries whose upload has gone out meanwhile can never be extended: they are dropped
    here, so the queue holds only files still waiting to be sent."""
    entries = live_entries(conn)
    entries.append({"document_id": document_id, "attachment_id": attachment_id, "role": role,
                    "queued_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "attempts": 0})
    meta.set_meta(conn, TO_EXTEND, entries)


def pending(conn: Connection) -> list[JsonObject]:
    value = meta.get_meta(conn, TO_EXTEND, [])
    return [dict(entry) for entry in value if isinstance(entry, dict)] if isinstance(
        value, list) else []


def live_entries(conn: Connection) -> list[JsonObject]:
    """The queued entries whose upload has not been tried yet (the others cannot be
    extended any more)."""
    replaceable = {str(row.params.get("attachment_id")) for row in outbox.list_rows(conn)
                   if row.kind == "upload" and _still_replaceable(row)}
    return [entry for entry in pending(conn) if str(entry.get("attachment_id")) in replaceable]


def timestamp_server(context: AppContext) -> TimestampServer | None:
    url = context.settings.timestamp_url.strip()
    return TimestampServer(url) if url else None


def _upload_row(conn: Connection, attachment_id: str) -> outbox.OutboxRow | None:
    for row in outbox.list_rows(conn):
        if row.kind == "upload" and row.params.get("attachment_id") == attachment_id:
            return row
    return None


def _still_replaceable(row: outbox.OutboxRow | None) -> bool:
    """Never tried: the server cannot have its bytes yet."""
    return row is not None and row.state == outbox.QUEUED and row.attempts == 0


def _extend_file(context: AppContext, row: outbox.OutboxRow, server: TimestampServer,
                 trust_folders: tuple[Path, ...]) -> tuple[str, int]:
    from eoffice_client.core.documents.signing_extend import extend_signatures

    files = context.files
    with tempfile.TemporaryDirectory(prefix="extend-", dir=context.profile.root) as folder:
        source = files.root / str(row.file_path)
        if files.sealed:  # the signature's reader needs the plaintext
            source = files.copy_to(str(row.params.get("sha256")), Path(folder) / "signed.pdf")
        out = Path(folder) / str(row.params.get("file_name") or "signed.pdf")
        extend_signatures(source, out, server, trust_folders=trust_folders)
        return files.add_local(out)


def _swap_file(context: AppContext, row: outbox.OutboxRow, sha: str, size: int) -> None:
    files = context.files
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with context.store.durable() as conn:
        current = _upload_row(conn, str(row.params["attachment_id"]))
        if current is None or not _still_replaceable(current):
            return  # sent meanwhile: its bytes are the server's now
        stored_files.record_cached_file(conn, sha, size, files.relative(sha), stamp)
        outbox.update_row(conn, current, params={**current.params, "sha256": sha, "size": size},
                          file_path=files.relative(sha))
        outbox.refresh_document(conn, current.document_id)


def _save(context: AppContext, seen: list[JsonObject], kept: list[JsonObject]) -> None:
    """The queue after a round: the entries seen and done go, the kept ones are updated,
    the ones queued meanwhile (another batch) stay."""
    seen_ids = {str(entry["attachment_id"]) for entry in seen}
    kept_by_id = {str(entry["attachment_id"]): entry for entry in kept}
    with context.store.write() as conn:
        current = pending(conn)
        merged = [kept_by_id.get(str(entry["attachment_id"]), entry) for entry in current
                  if str(entry["attachment_id"]) not in seen_ids
                  or str(entry["attachment_id"]) in kept_by_id]
        meta.set_meta(conn, TO_EXTEND, merged)


def extend_pending(context: AppContext, trust_folders: tuple[Path, ...]) -> ExtendOutcome:
    """Run the queued B-LT/B-LTA steps now (each under the profile's sync lock, so that no
    upload is sent while its file is swapped). Without a timestamp server everything
    waits; the first failure (most often: the server cannot be reached) stops the round
    and keeps the rest for the next one."""
    server = timestamp_server(context)
    with context.store.read() as conn:
        entries = pending(conn)
    if not entries or server is None:
        return ExtendOutcome(waiting=len(entries), timestamp_server=server.url if server else "")
    try:
        with SyncLock(context.profile.sync_lock_path):
            items, kept = _run(context, entries, server, trust_folders)
    except SyncRunning:
        return ExtendOutcome(waiting=len(entries), timestamp_server=server.url)
    _save(context, entries, kept)
    return ExtendOutcome(items=tuple(items), timestamp_server=server.url, waiting=len(kept))


def _run(context: AppContext, entries: list[JsonObject], server: TimestampServer,
         trust_folders: tuple[Path, ...]) -> tuple[list[ExtendItem], list[JsonObject]]:
    items: list[ExtendItem] = []
    kept: list[JsonObject] = []
    stopped = False
    for entry in entries:
        doc_id, attachment_id = str(entry["document_id"]), str(entry["attachment_id"])
        if stopped:
            kept.append(entry)
            items.append(ExtendItem(doc_id, attachment_id, "waiting"))
            continue
        with context.store.read() as conn:
            row = _upload_row(conn, attachment_id)
        if row is None or not _still_replaceable(row):
            items.append(ExtendItem(doc_id, attachment_id, "sent_already"))
            continue
        try:
            sha, size = _extend_file(context, row, server, trust_folders)
        except ClientError as exc:
            stopped = True
            attempts = int(str(entry.get("attempts") or 0)) + 1
            log.warning("B-LT/B-LTA of %s on %s not done (attempt %d): %s", attachment_id,
                        doc_id, attempts, exc.message("en"))
            if attempts < MAX_ATTEMPTS:
                kept.append({**entry, "attempts": attempts})
            items.append(ExtendItem(doc_id, attachment_id,
                                    "waiting" if attempts < MAX_ATTEMPTS else "failed", exc))
            continue
        _swap_file(context, row, sha, size)
        items.append(ExtendItem(doc_id, attachment_id, "extended"))
    return items, kept
