"""Syncing from the window: the Sync command, the timer, a sync when the network comes
back, what the status bar says about it, and the sync issues (queued changes and
conflicts: apply again, drop, cancel)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from eoffice_client.config import Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Directory
from eoffice_client.core.app.types import (
    CancelToken,
    ClientStatus,
    ProgressEvent,
    SyncCancelled,
    SyncOutcome,
)
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.ui import display
from eoffice_client.ui.dialogs.messages import confirm, inform
from eoffice_client.ui.tasks import Cancelled, Task, TaskRunner
from eoffice_client.ui.window.errors import error_text
from eoffice_client.ui.window.status_bar import StatusBar

if TYPE_CHECKING:
    from eoffice_client.ui.sync_issues import SyncIssuesDialog

LOG = logging.getLogger("eoffice.ui")
MINUTE_MS = 60_000
#: while the server cannot be reached, a quiet round this often finds the network back
#: (a refused connection fails at once; the interval's timer keeps running as well)
OFFLINE_RETRY_MS = MINUTE_MS
#: while pages of the feed land, the list is read again at most this often
LANDED_REFRESH_MS = 1000


class _TaskProgress:
    """The core's sync progress events as a task's ``(done, total, what)`` reports."""

    def __init__(self, task: Task) -> None:
        self.task = task

    def update(self, event: ProgressEvent) -> None:
        if event.bytes_total:
            self.task.report(event.bytes_done // 1024, event.bytes_total // 1024,
                             f"{event.phase}:kb")
        else:
            self.task.report(event.items_done, event.items_total or 0, str(event.phase))


class _TaskCancel(CancelToken):
    """The core's cancel token, cancelled when the task is (the status bar's Cancel)."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    @property
    def cancelled(self) -> bool:
        if self.task.cancelled():
            self.cancel()
        return super().cancelled


class SyncController(QObject):
    """Runs one sync at a time through the task runner; ``finished`` gets the
    :class:`SyncOutcome` or the exception, after the status bar shows the outcome."""

    finished = Signal(object)
    runningChanged = Signal(bool)
    documentsChanged = Signal()  # a queued change was cancelled, dropped or applied again
    signInNeeded = Signal()
    message = Signal(str, int)  # a status-bar text and how long it shows (ms)
    arrivingChanged = Signal(bool)  # the first sync of this profile started / ended
    pagesLanded = Signal()  # pages of the feed were stored: the list may show them
    conflictsChanged = Signal(int)  # how many changes wait for the user's decision

    def __init__(self, app: App, runner: TaskRunner, status_bar: StatusBar,
                 window: QWidget) -> None:
        super().__init__(window)
        self.app, self.runner, self.status_bar, self.window = app, runner, status_bar, window
        self.core_ready = False  # no sync before the core is loaded (see the shell)
        self.online: bool | None = None  # None: not synced yet in this session
        self.last_sync: dt.datetime | None = None
        self.task: Task | None = None
        self.indexing: Task | None = None  # reading the fetched files' text (content search)
        self.new_urgent = 0  # urgent documents of the last sync, not told yet
        self.lang = "vi"
        self.directory = Directory()
        self.issues_dialog: SyncIssuesDialog | None = None  # made when first opened
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start)
        self.retry = QTimer(self)  # offline: try again soon, the changes wait meanwhile
        self.retry.setSingleShot(True)
        self.retry.setInterval(OFFLINE_RETRY_MS)
        self.retry.timeout.connect(self.start)
        self.arriving = False
        self.pulling = False  # the round is reading the change feed
        self.landed = QTimer(self)
        self.landed.setSingleShot(True)
        self.landed.setInterval(LANDED_REFRESH_MS)
        self.landed.timeout.connect(self.pagesLanded)

    def apply_settings(self, settings: Settings) -> None:
        self.timer.start(max(1, settings.sync_interval_min) * MINUTE_MS)

    # --- one round -------------------------------------------------------------------------
    def sync_now(self) -> None:
        """The Sync command: signed out, it says so and offers the sign-in."""
        if self.core_ready and not self.app.session.signed_in():
            self.message.emit(self.tr("Not signed in: nothing can be synced. Sign in first."),
                              8000)
            self.update_status()
            self.signInNeeded.emit()
            return
        self.start()

    def start(self) -> None:
        """A round when the core is loaded, nobody else runs one and somebody is signed
        in (the timer and the network's return call it too: quietly)."""
        if not self.core_ready or self.task is not None or not self.app.session.signed_in():
            return
        self.runningChanged.emit(True)
        self._set_arriving(self._never_synced())
        self.task = self.runner.run(self._round, self._done, self._failed,
                                    label=self.tr("Syncing"))
        self.task.signals.progress.connect(self._progress)
        self.message.emit(self.tr("Documents are arriving from the server…") if self.arriving
                          else self.tr("Syncing…"), 0)

    def _round(self, task: Task) -> SyncOutcome:
        """One round on a worker: push, pull, files; a server that does not answer is
        the round's failure (nothing is lost)."""
        try:
            outcome = self.app.sync.run(_TaskProgress(task), _TaskCancel(task))
        except SyncCancelled as exc:
            raise Cancelled() from exc
        if outcome.unreachable is not None:
            raise outcome.unreachable
        return outcome

    def read_new_files(self) -> None:
        """After a round, the fetched files' text for the content search: a task of its
        own, so the round's end (the list, the counts) does not wait for it."""
        if self.indexing is not None:
            return
        self.indexing = self.runner.run(
            lambda task: self.app.sync.index_content(_TaskProgress(task), _TaskCancel(task)),
            lambda _outcome: self._files_read(None), self._files_read,
            label=self.tr("Reading the files' text for search"))
        self.indexing.signals.progress.connect(self.status_bar.show_progress)

    def _files_read(self, exc: BaseException | None) -> None:
        self.indexing = None
        if exc is not None and not isinstance(exc, Cancelled):
            LOG.warning("the files' text was not read: %r", exc)

    def _never_synced(self) -> bool:
        try:
            return not self.app.session.status().last_sync
        except Exception:  # no cache yet: this is the first sync
            return True

    def _set_arriving(self, arriving: bool) -> None:
        if arriving != self.arriving:
            self.arriving = arriving
            self.arrivingChanged.emit(arriving)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.status_bar.show_progress(done, total, what)
        if what == "pull":
            if done and not self.landed.isActive():
                self.landed.start()  # the list follows the pages, not every one of them
            self.pulling = True
        elif self.pulling:  # the feed is read: every document is here (files may follow)
            self.pulling = False
            self.landed.stop()
            if self.arriving:
                self.message.emit(self.tr("The documents are here; their files follow…"), 0)
            self._set_arriving(False)
            self.pagesLanded.emit()

    def _ended(self) -> None:
        self.task = None
        self.pulling = False
        self.landed.stop()
        self.runningChanged.emit(False)
        self._set_arriving(False)

    def _done(self, report: SyncOutcome) -> None:
        self._ended()
        self.retry.stop()
        self.online = True
        self.last_sync = report.finished_at or dt.datetime.now(dt.UTC)
        self.new_urgent = len(report.new_urgent)
        self.message.emit(self.outcome_text(report), 10000 if (
            report.conflicts or report.already_done) else 4000)
        self._refresh_issues()
        self.update_status()
        self.finished.emit(report)
        self.read_new_files()

    def outcome_text(self, report: SyncOutcome) -> str:
        """What a round did, in plain words: what needs the user first."""
        parts = [self.tr("Sync finished.")]
        if report.already_done:
            parts.append(self.tr(
                "%n of your changes had already been done (on another computer or on the "
                "web): marked done, nothing to send.", "", report.already_done))
        if report.conflicts:
            parts.append(self.tr(
                "%n of your changes could not be applied on the server and need your "
                "decision: see Sync issues.", "", report.conflicts))
        return " ".join(parts)

    def _failed(self, exc: BaseException) -> None:
        self._ended()
        code = exc.exit_code if isinstance(exc, ClientError) else None
        if isinstance(exc, Cancelled):
            self.message.emit(self.tr("Sync cancelled."), 4000)
        elif code == ExitCode.UNREACHABLE:
            self.online = False
            self.retry.start()
            self.message.emit(self.tr(
                "The server cannot be reached; your changes are kept and sent later."), 8000)
        elif code == ExitCode.SIGNED_OUT:
            self.message.emit(self.tr("Please sign in again."), 8000)
            QTimer.singleShot(0, self.signInNeeded.emit)
        else:
            self.message.emit(error_text(exc), 10000)
        self.update_status()
        self.finished.emit(exc)

    def take_new_urgent(self) -> int:
        """How many urgent documents the last sync brought, once (for the tray)."""
        count, self.new_urgent = self.new_urgent, 0
        return count

    def update_status(self) -> None:
        """The status bar's connection state and what waits to be sent."""
        status: ClientStatus | None = None
        if self.core_ready:
            try:
                status = self.app.session.status()
            except Exception as exc:  # a cache that cannot be read: nothing waits
                LOG.info("no sync status: %r", exc)
        conflicts = status.conflicts if status else 0
        signed_in = not self.core_ready or self.app.session.signed_in()
        server = (status.server if status else None) or self.app.settings.server
        self.status_bar.show_sync_state(
            self.online, self.last_sync, server if signed_in else "",
            status.pending_actions if status else 0, conflicts, signed_in)
        self.conflictsChanged.emit(conflicts)

    # --- sync issues -----------------------------------------------------------------------
    def show_issues(self) -> None:
        dialog = self.issues_dialog or self._made_issues_dialog()
        dialog.lang = self.lang
        dialog.user_name = lambda user_id: display.person(self.directory, user_id)
        dialog.register_name = lambda register_id: display.register(
            self.directory, register_id)
        dialog.set_entries(self.app.reads.outbox() if self.core_ready else [])
        dialog.show()
        dialog.raise_()

    def _made_issues_dialog(self) -> SyncIssuesDialog:
        from eoffice_client.ui.sync_issues import SyncIssuesDialog

        dialog = self.issues_dialog = SyncIssuesDialog(self.window)
        dialog.retryRequested.connect(lambda i: self._outbox_change("retry", i))
        dialog.dropRequested.connect(lambda i: self._outbox_change("drop", i))
        dialog.cancelRequested.connect(lambda i: self._outbox_change("cancel", i))
        return dialog

    def _refresh_issues(self) -> None:
        """The open sync issues follow the outbox (a closed dialog reads it when shown)."""
        if self.issues_dialog is not None and self.issues_dialog.isVisible():
            self.issues_dialog.set_entries(self.app.reads.outbox())

    def _outbox_change(self, change: str, outbox_id: str) -> None:
        if change == "drop" and not confirm(self.window, self.tr("Drop my change"), self.tr(
                "Your change will be forgotten and the server's state kept. Go on?")):
            return
        try:
            if change == "retry":
                self.app.changes.retry(outbox_id)
            elif change == "drop":
                self.app.changes.drop(outbox_id)
            else:
                self.app.changes.cancel(outbox_id)
        except ClientError as exc:
            inform(self.window, self.tr("Sync issues"), error_text(exc), warning=True)
        self._refresh_issues()
        self.documentsChanged.emit()
        if change == "retry":
            self.start()
