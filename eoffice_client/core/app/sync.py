"""Syncing with the server: one round (push, pull, files), and fetching one file now."""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.errors import ServerUnavailable, Unreachable
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.session import adopt_identity
from eoffice_client.core.app.types import ContentOutcome, SyncOutcome
from eoffice_client.core.errors import ClientError, ExitCode, NotAllowedError, UnknownIdError
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.sync import outbox
from eoffice_client.core.sync.engine import FilesResult, RoundReport, SyncEngine
from eoffice_client.core.sync.progress import CancelToken, SyncProgress

log = logging.getLogger("eoffice.sync")

#: ``GET /info`` (min_client_version) is asked at the first round of a process, after a
#: sign-in, and then at most this often, not every round (an empty round = one feed GET).
INFO_RECHECK_S = 300.0


def version_check_due(client: ApiClient) -> bool:
    """Whether this round should ask ``GET /info`` first (see :data:`INFO_RECHECK_S`)."""
    checked = client.info_checked_at
    return checked is None or time.monotonic() - checked >= INFO_RECHECK_S


class SyncApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    def run(self, progress: SyncProgress | None = None, cancel: CancelToken | None = None, *,
            files: bool = True, check_version: bool = True) -> SyncOutcome:
        """One round. Raises SyncRunning (10), SignInNeeded (5), ClientTooOld (12),
        SyncCancelled; a server that cannot be reached is reported in the outcome."""
        context = self._context
        client = context.api()
        if check_version and version_check_due(client):
            try:
                client.info()  # ClientTooOld (12) refuses the sync
            except (Unreachable, ServerUnavailable) as exc:
                log.warning("sync not started: the server is not reachable (%s)",
                            type(exc).__name__)
                return self._not_started(exc)
        adopt_identity(context, client)
        extend_signatures_first(context)
        engine = SyncEngine(context.profile, context.store, client, context.settings,
                            progress=progress, cancel=cancel, files=context.files,
                            audit=context.audit)
        report = engine.run(files=files)
        context.forget_me()  # the feed may have changed roles or unit
        return outcome_of(report)

    def index_content(self, progress: SyncProgress | None = None,
                      cancel: CancelToken | None = None) -> ContentOutcome:
        """Reads the text of the cached files not read yet, for the content search (local,
        slow: seconds per hundred files; run it off the GUI thread). Each file is read in
        a child process bounded in pages, time and memory; a file that cannot be read is
        skipped with its reason logged. A cancel stops after the current file and keeps
        what was read; the next call goes on."""
        from eoffice_client.core.content.indexer import index_pending

        context = self._context
        return index_pending(context.store, context.files, progress, cancel)

    def fetch_file(self, attachment_id: str) -> Path:
        """The cached file of an attachment, downloaded now when missing (network; never
        a secret document's file). Its path in the cache: with encryption at rest the
        file there is sealed, and ``app.files`` gives its plaintext."""
        context = self._context
        with context.store.read() as conn:
            record = stored_files.attachment(conn, attachment_id)
        if record is None:
            raise UnknownIdError("sync.unknown_attachment", id=attachment_id)
        if record.secrecy >= 1:
            raise NotAllowedError("sync.secret_file")
        if context.files.has(record.sha256):
            return context.files.path_for(record.sha256)
        engine = SyncEngine(context.profile, context.store, context.api(), context.settings,
                            files=context.files, audit=context.audit)
        result = FilesResult()
        outcome = engine.download(record, result=result)
        if outcome == "stop" and result.stopped_by is not None:
            raise result.stopped_by
        if outcome != "ok":
            raise ClientError("sync.file_failed", ExitCode.UNEXPECTED, id=attachment_id)
        context.audit.record("downloaded", document_id=record.document_id,
                             detail={"attachment": attachment_id, "bytes": record.size})
        return context.files.path_for(record.sha256)

    def _not_started(self, reason: ClientError) -> SyncOutcome:
        with self._context.store.read() as conn:
            pending, conflicts = outbox.counts(conn)
        return SyncOutcome(pending=pending, conflicts=conflicts, unreachable=reason,
                           exit_code=ExitCode.UNREACHABLE,
                           finished_at=dt.datetime.now(dt.UTC))


def extend_signatures_first(context: AppContext) -> None:
    """Before the push: the queued B-LT/B-LTA steps of signed files not sent yet, when a
    timestamp server is configured (chain_extend; a failure waits for the next round and
    never stops the sync)."""
    if not context.settings.timestamp_url.strip():
        return
    from eoffice_client.core.app.chain_extend import extend_pending, pending
    from eoffice_client.core.app.documents import DocumentsApi

    with context.store.read() as conn:
        if not pending(conn):
            return
    try:
        outcome = extend_pending(context, tuple(DocumentsApi(context).trust_folders()))
    except ClientError as exc:
        log.warning("queued signature extensions not run: %s", exc.message("en"))
        return
    log.info("signature extensions: %d done, %d waiting",
             sum(1 for item in outcome.items if item.state == "extended"), outcome.waiting)


def outcome_of(report: RoundReport) -> SyncOutcome:
    pull, fetched = report.pull, report.files
    return SyncOutcome(
        sent=report.push.sent, applied=pull.applied if pull else 0,
        deleted=pull.deleted if pull else 0, files_fetched=fetched.fetched if fetched else 0,
        files_failed=fetched.failed if fetched else 0, pending=report.pending,
        conflicts=report.conflicts, already_done=report.already_done,
        unreachable=report.unreachable,
        page_problem=pull.problem if pull else None, exit_code=report.exit_code,
        finished_at=dt.datetime.now(dt.UTC),
        new_urgent=tuple(sorted(pull.new_urgent)) if pull else ())
