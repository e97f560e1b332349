"""Pull: read the change feed to its end, each page applied with its cursor in ONE transaction.

* A change applies only when its ``seq`` is above the object's last applied one
  (``object_seq``), so repeated changes and overlapping pages are harmless.
* An unknown ``kind`` is skipped; an item that does not fit its kind fails its whole
  page: the transaction rolls back, the cursor stays, the sync log says which item.
* Documents with outbox rows keep their pulled state in ``server_documents`` and show the
  queued effects over it (:func:`outbox.refresh_document`).
* ``delete`` removes the document, its rows, its cached files (unless another document
  references the same bytes) and turns its queued changes into conflicts.
* A pass from no cursor (the first sync, or after ``410 cursor_expired``) ends by removing
  every cached document it did not mention, except documents created here that are still
  queued. The ids a pass mentioned are kept in a side file (``sync-pass.ids`` in the
  profile), fsynced BEFORE each page commits, so a pass interrupted by a crash resumes.
* ``400 invalid_cursor`` is corruption or a bug: reported, never repaired silently.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, text

from eoffice_client.core.api import errors as api_errors
from eoffice_client.core.api.wire import Change
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store import directory, documents, meta
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.store.queries import SERVER_OFFSET_KEY
from eoffice_client.core.sync import outbox, state
from eoffice_client.core.sync.files import FileCache, valid_sha256
from eoffice_client.core.sync.progress import CancelToken, Phase, ProgressEvent, SyncProgress
from eoffice_client.core.sync.push import MAX_PAUSE_S, TRIES_PER_ROUND, pause_for

log = logging.getLogger("eoffice.sync")

KNOWN_KINDS = ("document", "user", "unit", "catalog")
PAGE_LIMIT = 1000


class FeedApi(Protocol):
    def changes(self, cursor: str | None, limit: int = 500) -> Any: ...


class CursorCorrupt(ClientError):
    """400 invalid_cursor: the saved cursor was never issued by this server (exit 1)."""

    exit_code = ExitCode.UNEXPECTED


class ItemDoesNotFit(Exception):
    """A change whose data does not fit its kind: the page is refused."""


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
        _reset_ids(self.pass_file)
        with self.store.write() as conn:
            track = expired or documents.count_documents(conn) > 0
            full = {"track": track}
            meta.set_meta(conn, state.FULL_PASS, full)
            meta.delete_meta(conn, state.CURSOR)
        return full

    def _finish_pass(self, track: bool, result: PullResult) -> None:
        with self.store.write() as conn:
            if track:
                seen = _read_ids(self.pass_file)
                local = documents.all_document_ids(conn)
                keep = _created_here(conn)
                missing = sorted(local - seen - keep)
                if missing:
                    log.info("full pass: removing %d cached documents the server no longer "
                             "lists for this user", len(missing))
                for doc_id in missing:
                    result.conflicts += _remove_document(conn, doc_id, result.orphans)
                    result.deleted += 1
            meta.delete_meta(conn, state.FULL_PASS)
            _forget_orphans(conn, result.orphans)
            _mark_synced(conn)
        _reset_ids(self.pass_file, remove=True)

    # --- applying a page ------------------------------------------------------------------------
    def _apply_page(self, page: Any, full: dict[str, Any] | None, result: PullResult,
                    previous: str | None = None) -> None:
        latest = _latest_per_object(page.changes)
        if full is not None and full.get("track"):
            _append_ids(self.pass_file, [c["id"] for c in latest.values()
                                         if c["kind"] == "document" and c["op"] == "upsert"])
        with self.store.write() as conn:
            if latest:
                self._apply_changes(conn, latest, result)
            if page.cursor != previous:
                meta.set_meta(conn, state.CURSOR, page.cursor)
            _forget_orphans(conn, result.orphans)
            if not page.has_more:
                self._note_server_clock(conn)
                if full is None:
                    _mark_synced(conn)

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
            _refresh_me(conn, users)
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
                result.conflicts += _remove_document(conn, doc_id, result.orphans)
                result.deleted += 1
            elif doc_id in with_rows:
                state.set_server_doc(conn, change["data"])
                outbox.refresh_document(conn, doc_id)
            else:
                plain.append(change["data"])
        if plain:
            _drop_stale_files(conn, plain, result.orphans)
            result.new_urgent |= _newly_urgent(conn, plain)
            documents.upsert_documents(conn, plain)


def _newly_urgent(conn: Connection, docs: list[dict[str, Any]]) -> set[str]:
    """Ids of ``docs`` that are unread and urgent now and were not so in the cache."""
    urgent = {d["id"] for d in docs if (d.get("urgency") or 0) >= 1 and not d.get("read")}
    return urgent - documents.unread_urgent_among(conn, urgent) if urgent else set()


class _Stop(Exception):
    def __init__(self, error: api_errors.ApiError) -> None:
        super().__init__(str(error))
        self.error = error


# --- checks on the feed's items ----------------------------------------------------------------
def _latest_per_object(changes: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """The page's changes as checked dicts, the highest seq per object (unknown kinds skipped)."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for index, raw in enumerate(changes):
        change = _as_dict(raw)
        kind = change.get("kind")
        if kind not in KNOWN_KINDS:
            log.info("skipped a change of unknown kind %r", str(kind)[:40])
            continue
        if isinstance(raw, Change):  # the API client's wire models checked the rest
            _check_validated(index, change)
        else:
            _check_change(index, change)
        key = (str(kind), change["id"])
        if key not in latest or change["seq"] > latest[key]["seq"]:
            latest[key] = change
    return latest


def _as_dict(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return dict(raw)
    if hasattr(raw, "model_dump"):
        return dict(raw.model_dump(mode="json"))
    return {name: getattr(raw, name, None) for name in ("seq", "kind", "op", "id", "data")}


def _check_validated(index: int, change: dict[str, Any]) -> None:
    """What :mod:`~eoffice_client.core.api.wire` lets through and the sync refuses: an
    attachment without a size (the wire model allows null)."""
    if change["kind"] != "document" or change["op"] != "upsert":
        return
    for n, attachment in enumerate(change["data"]["attachments"]):
        size = attachment.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ItemDoesNotFit(f"item {index} (id {str(change.get('id'))[:60]!r}): "
                                 f"document.attachments[{n}].size is not a size")


def _check_change(index: int, change: dict[str, Any]) -> None:
    where = f"item {index} (id {str(change.get('id'))[:60]!r})"
    seq, op, object_id, data = change.get("seq"), change.get("op"), change.get("id"), change.get(
        "data")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ItemDoesNotFit(f"{where}: seq is not an integer")
    if not isinstance(object_id, str) or not object_id:
        raise ItemDoesNotFit(f"{where}: id is not a string")
    if op == "delete":
        return
    if op != "upsert":
        raise ItemDoesNotFit(f"{where}: op must be upsert or delete")
    if not isinstance(data, dict):
        raise ItemDoesNotFit(f"{where}: data is not an object")
    if change["kind"] != "catalog" and data.get("id") != object_id:
        raise ItemDoesNotFit(f"{where}: data.id differs from the change's id")
    if change["kind"] == "document":
        _check_document(where, data)
    elif change["kind"] == "user" and not isinstance(data.get("roles"), list):
        raise ItemDoesNotFit(f"{where}: user.roles is not a list")


_DOC_FIELDS: dict[str, type | tuple[type, ...]] = {
    "direction": str, "type_code": str, "subject": str, "status": str, "version": int,
    "attachments": list, "assignments": list, "comments": list, "history": list,
    "pending_with": list,
}


def _check_document(where: str, data: dict[str, Any]) -> None:
    for name, kind in _DOC_FIELDS.items():
        value = data.get(name)
        if name not in data or not isinstance(value, kind) or isinstance(value, bool):
            raise ItemDoesNotFit(f"{where}: document.{name} is missing or not a {_name(kind)}")
    secrecy = data.get("secrecy", 0)
    if not isinstance(secrecy, int) or isinstance(secrecy, bool):
        raise ItemDoesNotFit(f"{where}: document.secrecy is not an integer")
    for n, attachment in enumerate(data["attachments"]):
        if not isinstance(attachment, dict) or not isinstance(attachment.get("id"), str):
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}] has no id")
        if not valid_sha256(attachment.get("sha256")):
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}].sha256 is not 64 "
                                 "lowercase hex digits")
        size = attachment.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}].size is not a size")


def _name(kind: type | tuple[type, ...]) -> str:
    return kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)


def _short(cursor: str | None) -> str:
    return "(none)" if cursor is None else (cursor[:16] + "…" if len(cursor) > 16 else cursor)


def _mark_synced(conn: Connection) -> None:
    meta.set_meta(conn, state.LAST_SYNC, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


# --- local effects -----------------------------------------------------------------------------
def _refresh_me(conn: Connection, users: list[dict[str, Any]]) -> None:
    me = documents.get_me(conn)
    if not me:
        return
    for user in users:
        if user.get("id") == me.get("id") and _role_view(user) != _role_view(me):
            documents.set_me(conn, user)


def _role_view(user: dict[str, Any]) -> tuple[Any, ...]:
    return (sorted(user.get("roles") or []), user.get("unit_id"), user.get("active"))


def _created_here(conn: Connection) -> set[str]:
    rows = conn.execute(text("SELECT DISTINCT document_id FROM outbox WHERE kind = 'create'"))
    return {str(r[0]) for r in rows}


def _remove_document(conn: Connection, doc_id: str, orphans: set[str]) -> int:
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


def _drop_stale_files(conn: Connection, docs: list[dict[str, Any]], orphans: set[str]) -> None:
    """Files of attachments that an upsert removes from a document may become orphans."""
    if not stored_files.has_cached_files(conn):
        return  # nothing on disk to orphan (the first sync, or --no-files users)
    wanted = {doc["id"]: set() if int(doc.get("secrecy") or 0) >= 1 else
              {a.get("sha256") for a in doc.get("attachments") or []} for doc in docs}
    for doc_id, sha in stored_files.attachment_hashes(conn, list(wanted)):
        if sha not in wanted[doc_id] and valid_sha256(sha):
            orphans.add(sha)


def _forget_orphans(conn: Connection, orphans: set[str]) -> None:
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


# --- the side file of a full pass --------------------------------------------------------------
def _append_ids(path: Path, ids: list[str]) -> None:
    if not ids:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("".join(f"{i}\n" for i in ids if "\n" not in i))
        handle.flush()
        os.fsync(handle.fileno())


def _read_ids(path: Path) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return {line.rstrip("\n") for line in handle if line.strip()}
    except FileNotFoundError:
        return set()


def _reset_ids(path: Path, remove: bool = False) -> None:
    if remove:
        path.unlink(missing_ok=True)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.flush()
        os.fsync(handle.fileno())
