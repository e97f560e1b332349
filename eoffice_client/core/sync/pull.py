"""Pull: read the change feed to its end, each page applied with its cursor in ONE transaction.

* A change applies only when its ``seq`` is above the object's last applied one
  (``object_seq``), so repeated changes and overlapping pages are harmless.
* An unknown ``kind`` is skipped; an item that does not fit its kind fails its whole
  page: the transaction rolls back, the cursor stays, the sync log says which item
  (the checks: feed_items.py).
* Documents with outbox rows keep their pulled state in ``server_documents`` and show the
  queued effects over it (:func:`outbox.refresh_document`).
* ``delete`` removes the document, its rows, its cached files (unless another document
  references the same bytes) and turns its queued changes into conflicts (pull_effects.py).
* A pass from no cursor (the first sync, or after ``410 cursor_expired``) ends by removing
  every cached document it did not mention, except documents created here that are still
  queued. The ids a pass mentioned are kept in a side file (``sync-pass.ids`` in the
  profile), fsynced BEFORE each page commits, so a pass interrupted by a crash resumes
  (pass_ids.py).
* ``400 invalid_cursor`` is corruption or a bug: reported, never repaired silently.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection

from eoffice_client.core.api import errors as api_errors
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store import directory, documents, meta
from eoffice_client.core.store.queries import SERVER_OFFSET_KEY
from eoffice_client.core.sync import outbox, pass_ids, pull_effects, state
from eoffice_client.core.sync.feed_items import KNOWN_KINDS, ItemDoesNotFit, latest_per_object
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.progress import CancelToken, Phase, ProgressEvent, SyncProgress
from eoffice_client.core.sync.push import MAX_PAUSE_S, TRIES_PER_ROUND, pause_for

log = logging.getLogger("eoffice.sync")

PAGE_LIMIT = 1000


class FeedApi(Protocol):
    def changes(self, cursor: str | None, limit: int = 500) -> Any: ...


class CursorCorrupt(ClientError):
    """400 invalid_cursor: the saved cursor was never issued by this server (exit 1)."""

    exit_code = ExitCode.UNEXPECTED


@dataclass
class PullResult:
    pages: int = 0
    applied: int = 0
    skipped: int = 0  # duplicates, older seqs, unknown kinds
    deleted: int = 0
    conflicts: int = 0  # queued changes on documents that went away
    complete: bool = False  # the feed was read to its end
    stopped_by: api_errors.ApiError | None = None
    problem: str | None = None  # a refused page: what and why
    orphans: set[str] = field(default_factory=set)  # sha256 of files no document needs now
    #: documents that became unread and urgent in this round (the tray announces them)
    new_urgent: set[str] = field(default_factory=set)


class Puller:
    def __init__(
        self,
        store: Any,
        api: FeedApi,
        files: FileCache,
        pass_file: Path,
        progress: SyncProgress,
        cancel: CancelToken,
        sleep: Callable[[float], None] = time.sleep,
        limit: int = PAGE_LIMIT,
    ) -> None:
        self.store = store
        self.api = api
        self.files = files
        self.pass_file = pass_file
        self.progress = progress
        self.cancel = cancel
        self.sleep = sleep
        self.limit = limit
        self._stack = ExitStack()
        self._pool: ThreadPoolExecutor | None = None

    def run(self) -> PullResult:
        """Reads the feed to its end; the next page is fetched while this one is applied.

        When the feed has more than one page, the store batches its WAL checkpoints
        (``Store.bulk_writes``) until the pull ends; each page still commits on its own.
        """
        with ExitStack() as stack:
            self._stack, self._pool = stack, None
            return self._run()

    def _fetch_ahead(self, cursor: str | None) -> Future[Any]:
        """The next page, fetched by a helper thread (started at the first page that has more)
        while this one is applied; the store's bulk mode is entered at the same time."""
        if self._pool is None:
            self._pool = self._stack.enter_context(
                ThreadPoolExecutor(1, thread_name_prefix="feed"))
            if hasattr(self.store, "bulk_writes"):
                self._stack.enter_context(self.store.bulk_writes())
        return self._pool.submit(self._fetch, cursor)

    def _fetch_now(self, cursor: str | None) -> Future[Any]:
        """A page fetched in this thread (the first one: nothing to overlap with yet)."""
        done: Future[Any] = Future()
        try:
            done.set_result(self._fetch(cursor))
        except Exception as exc:  # handed on as the pool's future would
            done.set_exception(exc)
        return done

    def _run(self) -> PullResult:
        result = PullResult()
        with self.store.read() as conn:
            cursor, full = meta.get_metas(conn, state.CURSOR, state.FULL_PASS)
        if cursor is None:
            full = self._start_pass()
        restarts = 0
        ahead = self._fetch_now(cursor)
        while True:
            self.cancel.raise_if_cancelled()
            try:
                page = ahead.result()
            except _Stop as stop:
                result.stopped_by = stop.error
                return result
            except api_errors.CursorExpired:
                restarts += 1
                if restarts > 3:
                    raise
                log.warning("the server says the cursor expired (410): starting a full pass")
                full, cursor = self._start_pass(expired=True), None
                ahead = self._fetch_now(cursor)
                continue
            except api_errors.InvalidCursor as exc:
                log.error("the server never issued the saved cursor (400 invalid_cursor): the "
                          "cache may be corrupt; it is NOT repaired silently")
                raise CursorCorrupt("sync.invalid_cursor") from exc
            except api_errors.BadResponse as exc:
                result.problem = f"{exc.message('en')}"
                log.error("refused a page of the change feed after cursor %s: %s; nothing of "
                          "it applied, the cursor was not moved", _short(cursor), exc)
                return result
            if page.has_more:  # its cursor is known now; it is saved only with this page
                ahead = self._fetch_ahead(page.cursor)
            try:
                self._apply_page(page, full, result, cursor)
            except ItemDoesNotFit as exc:
                result.problem = str(exc)
                log.error("refused a page of the change feed after cursor %s: %s; nothing of "
                          "it applied, the cursor was not moved", _short(cursor), exc)
                return result
            result.pages += 1
            cursor = page.cursor
            self.progress.update(ProgressEvent(Phase.PULL, result.applied))
            if not page.has_more:
                break
        if full is not None:
            self._finish_pass(bool(full.get("track")), result)
        result.complete = True
        return result

    # --- fetching -------------------------------------------------------------------------------
    def _fetch(self, cursor: str | None) -> Any:
        for attempt in range(TRIES_PER_ROUND):
            try:
                return self.api.changes(cursor, self.limit)
            except (api_errors.Unreachable, api_errors.ServerUnavailable) as exc:
                retry_after = getattr(exc, "retry_after", None)
                if attempt + 1 >= TRIES_PER_ROUND or (retry_after or 0) > MAX_PAUSE_S:
                    log.warning("change feed not reachable (%s); the next sync goes on from "
                                "the same cursor", type(exc).__name__)
                    raise _Stop(exc) from exc
                self.cancel.raise_if_cancelled()
                self.sleep(pause_for(attempt, retry_after))
        raise AssertionError("unreachable")  # pragma: no cover

    # --- full passes ----------------------------------------------------------------------------
    def _start_pass(self, expired: bool = False) -> dict[str, Any]:
        """A pass from no cursor; it tracks what it mentions when the cache is not empty."""
        pass_ids.reset_ids(self.pass_file)
        with self.store.write() as conn:
            track = expired or documents.count_documents(conn) > 0
            full = {"track": track}
            meta.set_meta(conn, state.FULL_PASS, full)
            meta.delete_meta(conn, state.CURSOR)
        return full

    def _finish_pass(self, track: bool, result: PullResult) -> None:
        with self.store.write() as conn:
            if track:
                seen = pass_ids.read_ids(self.pass_file)
                local = documents.all_document_ids(conn)
                keep = pull_effects.created_here(conn)
                missing = sorted(local - seen - keep)
                if missing:
                    log.info("full pass: removing %d cached documents the server no longer "
                             "lists for this user", len(missing))
                for doc_id in missing:
                    result.conflicts += pull_effects.remove_document(conn, doc_id, result.orphans)
                    result.deleted += 1
            meta.delete_meta(conn, state.FULL_PASS)
            pull_effects.forget_orphans(conn, result.orphans)
            pull_effects.mark_synced(conn)
        pass_ids.reset_ids(self.pass_file, remove=True)

    # --- applying a page ------------------------------------------------------------------------
    def _apply_page(self, page: Any, full: dict[str, Any] | None, result: PullResult,
                    previous: str | None = None) -> None:
        latest = latest_per_object(page.changes)
        if full is not None and full.get("track"):
            pass_ids.append_ids(self.pass_file, [c["id"] for c in latest.values()
                                         if c["kind"] == "document" and c["op"] == "upsert"])
        with self.store.write() as conn:
            if latest:
                self._apply_changes(conn, latest, result)
            if page.cursor != previous:
                meta.set_meta(conn, state.CURSOR, page.cursor)
            pull_effects.forget_orphans(conn, result.orphans)
            if not page.has_more:
                self._note_server_clock(conn)
                if full is None:
                    pull_effects.mark_synced(conn)

    def _note_server_clock(self, conn: Connection) -> None:
        """Keeps the server clock's offset for "today" and "overdue" (store queries)."""
        offset = getattr(self.api, "server_offset", None)
        if isinstance(offset, int | float):
            meta.set_meta(conn, SERVER_OFFSET_KEY, round(float(offset), 3))

    def _apply_changes(
        self, conn: Connection, latest: dict[tuple[str, str], dict[str, Any]], result: PullResult
    ) -> None:
        fresh: dict[str, list[dict[str, Any]]] = {k: [] for k in KNOWN_KINDS}
        new_seqs: dict[str, dict[str, int]] = {k: {} for k in KNOWN_KINDS}
        for kind in KNOWN_KINDS:
            items = [c for (k, _), c in latest.items() if k == kind]
            known = state.seqs(conn, kind, [c["id"] for c in items])
            for change in items:
                if change["seq"] <= known.get(change["id"], -1):
                    result.skipped += 1
                    continue
                fresh[kind].append(change)
                new_seqs[kind][change["id"]] = change["seq"]
        self._apply_documents(conn, fresh["document"], result)
        directory.upsert_units(conn, [c["data"] for c in fresh["unit"] if c["op"] == "upsert"])
        users = [c["data"] for c in fresh["user"] if c["op"] == "upsert"]
        if users:
            directory.upsert_users(conn, users)
            pull_effects.refresh_me(conn, users)
        for change in fresh["catalog"]:
            if change["op"] == "upsert":
                directory.replace_catalog(conn, change["data"])
        for kind, values in new_seqs.items():
            state.set_seqs(conn, kind, values)
        result.applied += sum(len(v) for v in fresh.values())

    def _apply_documents(
        self, conn: Connection, changes: list[dict[str, Any]], result: PullResult
    ) -> None:
        with_rows = outbox.documents_with_rows(conn)
        plain: list[dict[str, Any]] = []
        for change in changes:
            doc_id = change["id"]
            if change["op"] == "delete":
                result.conflicts += pull_effects.remove_document(conn, doc_id, result.orphans)
                result.deleted += 1
            elif doc_id in with_rows:
                state.set_server_doc(conn, change["data"])
                outbox.refresh_document(conn, doc_id)
            else:
                plain.append(change["data"])
        if plain:
            pull_effects.drop_stale_files(conn, plain, result.orphans)
            result.new_urgent |= pull_effects.newly_urgent(conn, plain)
            documents.upsert_documents(conn, plain)


class _Stop(Exception):
    def __init__(self, error: api_errors.ApiError) -> None:
        super().__init__(str(error))
        self.error = error


def _short(cursor: str | None) -> str:
    return "(none)" if cursor is None else (cursor[:16] + "…" if len(cursor) > 16 else cursor)

