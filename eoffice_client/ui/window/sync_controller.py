"""Syncing from the window: the Sync command, the timer, a sync when the network comes
back, what the status bar says about it, and the sync issues (queued changes and
conflicts: apply again, drop, cancel)."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QWidget

from eoffice_client.config import Settings
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.ui.backend import Backend, Cancelled, Directory, SyncReport
from eoffice_client.ui.dialogs.messages import confirm, inform
from eoffice_client.ui.sync_issues import SyncIssuesDialog
from eoffice_client.ui.tasks import Task, TaskRunner
from eoffice_client.ui.window.errors import error_text
from eoffice_client.ui.window.status_bar import StatusBar

LOG = logging.getLogger("eoffice.ui")
#: after the network comes back, wait this long before syncing (the link settles)
RECONNECT_DELAY_MS = 2000
MINUTE_MS = 60_000


class SyncController(QObject):
    """Runs one sync at a time through the task runner; ``finished`` gets the SyncReport
    or the exception, after the status bar shows the outcome."""

    finished = Signal(object)
    runningChanged = Signal(bool)
    documentsChanged = Signal()  # a queued change was cancelled, dropped or applied again
    signInNeeded = Signal()
    message = Signal(str, int)  # a status-bar text and how long it shows (ms)

    def __init__(self, backend: Backend, runner: TaskRunner, status_bar: StatusBar,
                 window: QWidget) -> None:
        super().__init__(window)
        self.backend, self.runner, self.status_bar, self.window = (
            backend, runner, status_bar, window)
        self.backend_ready = False  # no sync before the core is loaded (see the shell)
        self.online: bool | None = None  # None: not synced yet in this session
        self.last_sync: dt.datetime | None = None
        self.task: Task | None = None
        self.new_urgent = 0  # urgent documents of the last sync, not told yet
        self.lang = "vi"
        self.directory = Directory([], [], {})
        self.issues_dialog = SyncIssuesDialog(window)
        self.issues_dialog.retryRequested.connect(lambda i: self._outbox_change("retry", i))
        self.issues_dialog.dropRequested.connect(lambda i: self._outbox_change("drop", i))
        self.issues_dialog.cancelRequested.connect(lambda i: self._outbox_change("cancel", i))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start)

    def apply_settings(self, settings: Settings) -> None:
        self.timer.start(max(1, settings.sync_interval_min) * MINUTE_MS)

    def watch_network(self) -> None:
        """Syncs soon after the network comes back, where Qt can tell."""
        if not QNetworkInformation.loadDefaultBackend():
            LOG.info("network information unavailable on this platform")
            return
        info = QNetworkInformation.instance()
        info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            QTimer.singleShot(RECONNECT_DELAY_MS, self.start)

    # --- one round -------------------------------------------------------------------------
    def start(self) -> None:
        if not self.backend_ready or self.task is not None or self.backend.me() is None:
            return
        self.runningChanged.emit(True)
        self.task = self.runner.run(
            lambda task: self.backend.sync(task.report, task.cancelled),
            self._done, self._failed, label=self.tr("Syncing"))
        self.task.signals.progress.connect(self.status_bar.show_progress)
        self.message.emit(self.tr("Syncing…"), 0)

    def _done(self, report: SyncReport) -> None:
        self.task = None
        self.runningChanged.emit(False)
        self.online = True
        self.last_sync = report.finished_at or dt.datetime.now(dt.UTC)
        self.new_urgent = len(report.new_urgent)
        self.message.emit(self.tr("Sync finished."), 4000)
        self.issues_dialog.set_entries(self.backend.outbox())
        self.update_status()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.runningChanged.emit(False)
        code = exc.exit_code if isinstance(exc, ClientError) else None
        if isinstance(exc, Cancelled):
            self.message.emit(self.tr("Sync cancelled."), 4000)
        elif code == ExitCode.UNREACHABLE:
            self.online = False
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
        try:
            status = self.backend.status()
        except Exception as exc:  # no cache yet, or one that cannot be read: nothing waits
            LOG.info("no sync status: %r", exc)
            status = {}
        self.status_bar.show_sync_state(
            self.online, self.last_sync, self.backend.server() if self.backend.me() else "",
            int(status.get("pending_actions") or 0), int(status.get("conflicts") or 0))

    # --- sync issues -----------------------------------------------------------------------
    def show_issues(self) -> None:
        self.issues_dialog.lang = self.lang
        self.issues_dialog.user_name = self.directory.user
        self.issues_dialog.register_name = lambda register_id: str(
            (self.directory.registers.get(register_id) or {}).get("name") or register_id)
        self.issues_dialog.set_entries(self.backend.outbox())
        self.issues_dialog.show()
        self.issues_dialog.raise_()

    def _outbox_change(self, change: str, outbox_id: str) -> None:
        if change == "drop" and not confirm(self.window, self.tr("Drop my change"), self.tr(
                "Your change will be forgotten and the server's state kept. Go on?")):
            return
        try:
            if change == "retry":
                self.backend.retry(outbox_id)
            elif change == "drop":
                self.backend.drop(outbox_id)
            else:
                self.backend.cancel(outbox_id)
        except ClientError as exc:
            inform(self.window, self.tr("Sync issues"), error_text(exc), warning=True)
        self.issues_dialog.set_entries(self.backend.outbox())
        self.documentsChanged.emit()
        if change == "retry":
            self.start()
