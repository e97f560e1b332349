"""One sync round: push the outbox, pull the feed to its end, fetch the files of the policy.

:class:`SyncEngine` holds the profile's sync lock for the whole round (exit 10 when
another process has it) and returns a :class:`RoundReport` whose ``exit_code`` follows
cli-v1.md: 0 done; 3 when the server was unreachable, a page was refused or a change
could not be sent this time (nothing lost, try later; this wins over 4); 4 conflicts to
review. A file dropped for a wrong hash is reported but does not change the code.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import errors as api_errors
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.store import documents
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync import outbox
from eoffice_client.core.sync.files import BadAttachment, FileCache, FileMismatch, valid_sha256
from eoffice_client.core.sync.lock import SyncLock
from eoffice_client.core.sync.progress import (
    CancelToken,
    NullProgress,
    Phase,
    ProgressEvent,
    SyncProgress,
)
from eoffice_client.core.sync.pull import Puller, PullResult
from eoffice_client.core.sync.push import ChangeAudit, NoAudit, Pusher, PushResult

log = logging.getLogger("eoffice.sync")
MB = 1024 * 1024
SWEEP_AGE_S = 600
#: The sweep of files left by a crash lists the whole files folder: it runs at the first
#: round of a process, after a round that removed documents, and then at most this often.
SWEEP_EVERY_S = 600.0
_last_sweep: dict[Path, float] = {}  # files folder -> time.monotonic() of its last sweep


@dataclass
class FilesResult:
    fetched: int = 0
    bytes: int = 0
    failed: int = 0
    stopped_by: api_errors.ApiError | None = None


@dataclass
class RoundReport:
    push: PushResult = field(default_factory=PushResult)
    pull: PullResult | None = None
    files: FilesResult | None = None
    pending: int = 0
    conflicts: int = 0
    #: refused changes the server's state showed done already: dropped, not conflicts
    already_done: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def unreachable(self) -> api_errors.ApiError | None:
        for part in (self.push, self.pull, self.files):
            if part is not None and part.stopped_by is not None:
                return part.stopped_by
        return None

    @property
    def exit_code(self) -> ExitCode:
        refused_page = self.pull is not None and self.pull.problem
        if self.unreachable is not None or refused_page or self.push.kept:
            return ExitCode.UNREACHABLE  # nothing lost: what is left goes next time
        if self.conflicts:
            return ExitCode.CONFLICTS
        return ExitCode.OK


class SyncEngine:
    def __init__(
        self,
        profile: Profile,
        store: Any,
        api: Any,
        settings: Settings,
        *,
        progress: SyncProgress | None = None,
        cancel: CancelToken | None = None,
        sleep: Callable[[float], None] = time.sleep,
        files: FileCache | None = None,
        audit: ChangeAudit | None = None,
    ) -> None:
        """``files``: the profile's files cache (sealed when encryption at rest is on; a
        plain one by default); ``audit`` hears the outcome of each queued change."""
        self.profile = profile
        self.store = store
        self.api = api
        self.settings = settings
        self.progress = progress or NullProgress()
        self.cancel = cancel or CancelToken()
        self.sleep = sleep
        self.files = files or FileCache(profile.files_dir)
        self.audit = audit or NoAudit()

    def run(self, *, files: bool = True) -> RoundReport:
        with SyncLock(self.profile.sync_lock_path):
            return self._round(files)

    def _round(self, files: bool) -> RoundReport:
        report = RoundReport()
        started = time.monotonic()
        log.info("sync started")
        try:
            report.push = Pusher(self.store, self.api, self.files, self.progress, self.cancel,
                                 self.sleep, self.audit).run()
            if report.push.stopped_by is None:
                report.pull = self._pull()
                if report.pull.problem:
                    report.problems.append(report.pull.problem)
                report.already_done = self._settle_already_done()
            if files and report.unreachable is None:
                report.files = self.fetch_policy_files(report)
        finally:
            if self._sweep_due(report):
                self._sweep_orphans(report)
            with self.store.read() as conn:
                report.pending, report.conflicts = outbox.counts(conn)
        log.info("sync ended in %.1f s: sent %d, conflicts %d (new %d), applied %d, deleted %d, "
                 "files %d, exit %d", time.monotonic() - started, report.push.sent,
                 report.conflicts, report.push.conflicts,
                 report.pull.applied if report.pull else 0,
                 report.pull.deleted if report.pull else 0,
                 report.files.fetched if report.files else 0, report.exit_code)
        self.progress.update(ProgressEvent(Phase.DONE, report.push.sent + (
            report.pull.applied if report.pull else 0)))
        return report

    def _settle_already_done(self) -> int:
        """Conflicts the fresh server state shows done elsewhere are dropped with a note."""
        with self.store.write() as conn:
            me = documents.get_me(conn) or {}
            settled = outbox.settle_already_done(conn, str(me.get("id") or ""))
        for row in settled:
            self.audit.record("dropped", document_id=row.document_id, outbox_id=row.id,
                              detail={"action": row.label, "reason": "already_done"})
        return len(settled)

    def _pull(self) -> PullResult:
        puller = Puller(self.store, self.api, self.files, self.profile.root / "sync-pass.ids",
                        self.progress, self.cancel, self.sleep)
        result = puller.run()  # sets last_sync with the feed's last page
        self._unlink(result.orphans)
        return result

    # --- files ----------------------------------------------------------------------------------
    def fetch_policy_files(self, report: RoundReport | None = None) -> FilesResult:
        """Prefetch: every attachment of non-secret documents up to the size cap (Settings)."""
        result = FilesResult()
        if self.settings.prefetch == "none":
            return result
        with self.store.read() as conn:
            todo = stored_files.files_to_prefetch(conn, int(self.settings.prefetch_max_mb) * MB)
        total = sum(a.size for a in todo)
        for index, attachment in enumerate(todo):
            self.cancel.raise_if_cancelled()
            self.progress.update(ProgressEvent(Phase.FILES, index, len(todo), result.bytes,
                                               total))
            outcome = self.download(attachment, result=result)
            if outcome == "stop":
                break
            if outcome == "failed" and report is not None:
                report.problems.append(f"file {attachment.id}")
        self.progress.update(ProgressEvent(Phase.FILES, len(todo), len(todo), result.bytes, total))
        if result.fetched:
            self.audit.record("downloaded", detail={"files": result.fetched,
                                                    "bytes": result.bytes, "prefetch": True})
        return result

    def download(self, attachment: AttachmentRecord, result: FilesResult | None = None) -> str:
        """'ok', 'failed' (reported, the sync goes on) or 'stop' (the server is not reachable)."""
        result = result or FilesResult()

        def count(n: int) -> None:
            result.bytes += n

        for _ in range(2):
            try:
                path = self.files.download(self.api, attachment, cancel=self.cancel,
                                           on_bytes=count)
            except api_errors.RangeNotSatisfiable:
                self.files.part_path(attachment.sha256).unlink(missing_ok=True)
                continue
            except (FileMismatch, BadAttachment) as exc:
                log.error("file %s of document %s dropped: %s", attachment.id,
                          attachment.document_id, exc.message("en"))
                result.failed += 1
                return "failed"
            except (api_errors.Unreachable, api_errors.ServerUnavailable,
                    api_errors.BadResponse) as exc:
                log.warning("file %s not fetched (%s); the part received is kept to resume",
                            attachment.id, type(exc).__name__)
                result.stopped_by = exc
                return "stop"
            except api_errors.SignInNeeded:
                raise
            except api_errors.ApiError as exc:
                log.warning("file %s not fetched: %s %s", attachment.id, exc.status,
                            exc.code)
                result.failed += 1
                return "failed"
            self._record(attachment, path)
            result.fetched += 1
            return "ok"
        result.failed += 1
        return "failed"

    def _record(self, attachment: AttachmentRecord, path: Path) -> None:
        with self.store.write() as conn:
            stored_files.record_cached_file(
                conn, attachment.sha256, attachment.size,
                path.relative_to(self.files.root).as_posix(),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )

    # --- orphans --------------------------------------------------------------------------------
    def _unlink(self, orphans: set[str]) -> None:
        for sha in orphans:
            self.files.remove(sha)

    def _sweep_due(self, report: RoundReport) -> bool:
        last = _last_sweep.get(self.files.root)
        removed = report.pull is not None and bool(report.pull.deleted or report.pull.orphans)
        if last is not None and not removed and time.monotonic() - last < SWEEP_EVERY_S:
            return False
        _last_sweep[self.files.root] = time.monotonic()
        return True

    def _sweep_orphans(self, report: RoundReport) -> None:
        """Files on disk the store does not list (a crash between commit and unlink) go away."""
        root = self.files.root
        if not root.is_dir():
            return
        folders = [f for f in root.iterdir() if f.is_dir()]
        parts = [p for f in folders if f.name == ".part" for p in f.iterdir()]
        stored = [p for f in folders if len(f.name) == 2 for p in f.iterdir()]
        if not parts and not stored:
            return
        with self.store.read() as conn:
            known = {str(r[0]) for r in conn.execute(text("SELECT sha256 FROM cached_files"))}
            wanted = {str(r[0]) for r in conn.execute(text(
                "SELECT DISTINCT a.sha256 FROM attachments a JOIN documents d "
                "ON d.id = a.document_id WHERE d.secrecy = 0"))} if parts else set()
        settled = time.time() - SWEEP_AGE_S  # an attach in another process may be copying
        for part in parts:
            sha = part.name.removesuffix(".part")
            if valid_sha256(sha) and sha not in wanted:
                _unlink_quietly(part)
        for item in stored:
            if item.name not in known and _older_than(item, settled):
                _unlink_quietly(item)


def _older_than(path: Path, when: float) -> bool:
    try:
        return path.stat().st_mtime < when
    except OSError:
        return False


def _unlink_quietly(path: Path) -> None:
    try:
        if path.is_file():
            os.unlink(path)
    except OSError as exc:
        log.warning("could not remove %s: %s", path.name, exc)
