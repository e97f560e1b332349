"""Push: replay the outbox in order, each change exactly once (same key on every try).

Rows go in outbox order (so a document's create and uploads precede the actions that
reference them) and, per document, one after the other: a document whose row could not
be sent this round is held (later rows of it wait), other documents go on. Before a
request, its row turns ``sending`` with the If-Match it is sent with, in its own commit,
so a crash or a cut connection leads to the SAME request again (same key, same body, same
If-Match: the server replays its answer). A chained change uses the version returned by
the previous PATCH or (v) action of this round. Each outcome (sent, accepted, conflict,
rejected) is told to the local audit trail (:class:`ChangeAudit`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from eoffice_client.core.api import errors as api_errors
from eoffice_client.core.security.sealed import SealedFileDamaged
from eoffice_client.core.store import documents
from eoffice_client.core.sync import outbox, state
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.files_at_rest import Readable
from eoffice_client.core.sync.outbox_rows import OutboxRow
from eoffice_client.core.sync.progress import CancelToken, Phase, ProgressEvent, SyncProgress

log = logging.getLogger("eoffice.sync")

#: how often one row is tried within a round before it waits for the next round
TRIES_PER_ROUND = 4
#: longest pause between two tries within a round (seconds); longer Retry-After ends the round
MAX_PAUSE_S = 2.0


class ChangeApi(Protocol):
    def create_document(self, body: dict[str, Any], key: str) -> dict[str, Any]: ...

    def patch_document(
        self, id: str, patch: dict[str, Any], version: int, key: str
    ) -> dict[str, Any]: ...

    def act(
        self, id: str, action: str, params: dict[str, Any], version: int | None, key: str
    ) -> dict[str, Any]: ...

    def upload_attachment(
        self, attachment_id: str, document_id: str, role: str,
        data: bytes | Path | Callable[[], Readable], file_name: str, content_type: str,
        sha256: str, key: str,
    ) -> dict[str, Any]: ...

    def delete_attachment(self, attachment_id: str, key: str) -> None: ...


AuditDetail = Mapping[str, str | int | bool | None]


class ChangeAudit(Protocol):
    """Hears what happened to a queued change, for the local audit trail (``kind`` is an
    ``AuditKind`` value: sent, accepted, conflict, rejected, dropped)."""

    def record(self, kind: str, *, document_id: str | None = None,
               outbox_id: str | None = None, detail: AuditDetail | None = None) -> None: ...


class NoAudit:
    """Tells nobody (the sync's own tests, benchmarks)."""

    def record(self, kind: str, *, document_id: str | None = None,
               outbox_id: str | None = None, detail: AuditDetail | None = None) -> None:
        return None


#: Refusals of a change that say the server's copy moved on (409, 412): a conflict to
#: review; any other refusal (403, 404, 422...) is recorded as rejected.
CONFLICT_STATUSES = (409, 412)


@dataclass
class PushResult:
    sent: int = 0
    conflicts: int = 0
    kept: int = 0  # left queued for a later round (network, 5xx, request in progress)
    stopped_by: api_errors.ApiError | None = None  # the server could not be reached
    bugs: list[str] = field(default_factory=list)


def pause_for(attempt: int, retry_after: float | None = None) -> float:
    """Exponential backoff with full jitter, bounded; Retry-After wins when given."""
    if retry_after is not None:
        return retry_after
    return random.uniform(0, min(MAX_PAUSE_S, 0.1 * 2**attempt))


class Pusher:
    def __init__(
        self,
        store: Any,
        api: ChangeApi,
        files: FileCache,
        progress: SyncProgress,
        cancel: CancelToken,
        sleep: Callable[[float], None] = time.sleep,
        audit: ChangeAudit | None = None,
    ) -> None:
        self.store = store
        self.api = api
        self.files = files
        self.progress = progress
        self.cancel = cancel
        self.sleep = sleep
        self.audit = audit or NoAudit()

    def run(self) -> PushResult:
        result = PushResult()
        with self.store.read() as conn:
            rows = [r for r in outbox.list_rows(conn) if r.state in outbox.LIVE_STATES]
        held: set[str] = set()
        chain: dict[str, int] = {}
        for index, row in enumerate(rows):
            self.progress.update(ProgressEvent(Phase.PUSH, index, len(rows)))
            if row.document_id in held:
                continue
            self.cancel.raise_if_cancelled()
            if not self._push_one(row, chain, result):
                held.add(row.document_id)
            if result.stopped_by is not None:
                break
        self.progress.update(ProgressEvent(Phase.PUSH, len(rows), len(rows)))
        return result

    # --- one row --------------------------------------------------------------------------------
    def _push_one(self, row: OutboxRow, chain: dict[str, int], result: PushResult) -> bool:
        """True when sent; False holds the document's later rows (kept, or a conflict)."""
        version = chain.get(row.document_id, row.base_version) if row.versioned else None
        with self.store.write() as conn:
            outbox.update_row(conn, row, state=outbox.SENDING, attempts=row.attempts + 1,
                              base_version=version if row.versioned else row.base_version)
        self.audit.record("sent", document_id=row.document_id, outbox_id=row.id,
                          detail={"action": row.label, "attempt": row.attempts + 1})
        for attempt in range(TRIES_PER_ROUND):
            try:
                answer = self._send(row, version)
            except api_errors.IdempotencyKeyReused as exc:
                log.error("BUG: the server says the key of %s %s was used for another request "
                          "(%s); kept as a conflict for review", row.label, row.id, exc.code)
                result.bugs.append(row.id)
                self._conflict(row, exc, result)
                return False
            except (api_errors.Unreachable, api_errors.ServerUnavailable,
                    api_errors.RequestInProgress) as exc:
                if not self._may_try_again(exc, attempt):
                    return self._keep(row, exc, result)
                continue
            except api_errors.BadResponse as exc:  # it may have been applied: same key later
                log.error("malformed answer to %s %s on %s (%s): kept, will be sent again "
                          "with the same key", row.label, row.id, row.document_id, exc)
                result.kept += 1
                return False
            except api_errors.SignInNeeded:
                raise
            except api_errors.ApiError as exc:
                if exc.status is None or exc.status >= 500:
                    raise
                self._conflict(row, exc, result)
                return False
            except (LocalFileMissing, SealedFileDamaged) as exc:
                self._conflict(row, exc, result)
                return False
            self._accept(row, answer, chain)
            result.sent += 1
            return True
        return False  # pragma: no cover - the loop always returns

    def _may_try_again(self, exc: api_errors.ApiError, attempt: int) -> bool:
        retry_after = getattr(exc, "retry_after", None)
        if attempt + 1 >= TRIES_PER_ROUND or (retry_after or 0) > MAX_PAUSE_S:
            return False
        self.cancel.raise_if_cancelled()
        self.sleep(pause_for(attempt, retry_after))
        return True

    def _keep(self, row: OutboxRow, exc: api_errors.ApiError, result: PushResult) -> bool:
        log.warning("%s %s on %s not sent this time (%s); it stays queued with the same key",
                    row.label, row.id, row.document_id, type(exc).__name__)
        result.kept += 1
        if not isinstance(exc, api_errors.RequestInProgress):
            result.stopped_by = exc
        return False

    def _send(self, row: OutboxRow, version: int | None) -> Any:
        key = row.idempotency_key
        params = row.params
        if row.kind == "create":
            return self.api.create_document(params, key)
        if row.kind == "patch":
            return self.api.patch_document(row.document_id, params, int(version or 0), key)
        if row.kind == "action":
            return self.api.act(row.document_id, str(row.action), params, version, key)
        if row.kind == "upload":
            if not row.file_path or not (self.files.root / str(row.file_path)).is_file():
                raise LocalFileMissing("sync.upload_file_missing", id=row.id)
            return self.api.upload_attachment(
                params["attachment_id"], row.document_id, params["role"],
                self.files.upload_body(str(row.file_path)), params["file_name"],
                params["content_type"], params["sha256"], key,
            )
        if row.kind == "delete_attachment":
            self.api.delete_attachment(params["attachment_id"], key)
            return None
        raise ValueError(f"unknown outbox kind {row.kind!r}")

    # --- outcomes -------------------------------------------------------------------------------
    def _accept(self, row: OutboxRow, answer: Any, chain: dict[str, int]) -> None:
        with self.store.write() as conn:
            if row.kind in ("create", "patch", "action") and isinstance(answer, dict):
                accept_document(conn, answer)
                if row.versioned or row.kind == "create":
                    chain[row.document_id] = int(answer.get("version") or 0)
            elif row.kind == "upload" and isinstance(answer, dict):
                _server_copy_edit(conn, row.document_id, add=answer)
            elif row.kind == "delete_attachment":
                _server_copy_edit(conn, row.document_id, remove=row.params["attachment_id"])
            outbox.delete_row(conn, row.id)
            outbox.refresh_document(conn, row.document_id)
        log.info("sent %s %s on %s", row.label, row.id, row.document_id)
        self.audit.record("accepted", document_id=row.document_id, outbox_id=row.id,
                          detail={"action": row.label})

    def _conflict(self, row: OutboxRow, exc: Exception, result: PushResult) -> None:
        code = getattr(exc, "code", None) or type(exc).__name__
        status = getattr(exc, "status", None)
        with self.store.write() as conn:
            current = getattr(exc, "current", None)
            if isinstance(current, dict) and current.get("id") == row.document_id:
                accept_document(conn, current)
            server_copy = state.get_server_doc(conn, row.document_id)
            outbox.to_conflict(conn, row, code, _describe(exc), server_copy)
        result.conflicts += 1
        self.audit.record("conflict" if status in CONFLICT_STATUSES else "rejected",
                          document_id=row.document_id, outbox_id=row.id,
                          detail={"action": row.label, "status": status, "code": str(code)})
        log.warning("conflict: %s %s on %s refused by the server (%s %s); the later changes "
                    "of that document wait for the user", row.label, row.id, row.document_id,
                    status, code)


class LocalFileMissing(api_errors.ApiError):
    """The bytes of a queued upload are no longer in the files cache."""

    key = "sync.upload_file_missing"


def accept_document(conn: Any, answer: dict[str, Any]) -> bool:
    """Takes a server answer as the server copy only when its version is newer."""
    doc_id = answer.get("id")
    if not isinstance(doc_id, str):
        return False
    cached = state.get_server_doc(conn, doc_id)
    if cached is None and not outbox.list_rows(conn, doc_id):
        cached = documents.get_document(conn, doc_id)
    if cached is not None and int(answer.get("version") or 0) <= int(cached.get("version") or 0):
        return False
    state.set_server_doc(conn, answer)
    return True


def _server_copy_edit(
    conn: Any, doc_id: str, add: dict[str, Any] | None = None, remove: str | None = None
) -> None:
    copy_ = state.get_server_doc(conn, doc_id)
    if copy_ is None:
        return
    attachments = [a for a in copy_.get("attachments") or []
                   if a.get("id") not in ((add or {}).get("id"), remove)]
    if add is not None:
        attachments.append(add)
    copy_["attachments"] = attachments
    state.set_server_doc(conn, copy_)


def _describe(exc: Exception) -> str:
    message = exc.message() if hasattr(exc, "message") else str(exc)
    errors = getattr(exc, "errors", None)
    if errors:
        message += " " + "; ".join(f"{e.get('field')}: {e.get('message')}" for e in errors)
    return str(message)
