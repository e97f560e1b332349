"""Work off the GUI thread: one way to run a function in a pool and hear back by signals.

As in Anki's ``aqt.operations``: the caller gives the function and what to do with its
result or error; a progress indicator appears only when the work lasts longer than
:data:`PROGRESS_DELAY_MS`; a task may be cancelled (the function polls ``cancelled()``).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

LOG = logging.getLogger("eoffice.ui.tasks")
PROGRESS_DELAY_MS = 600


class Cancelled(Exception):
    """A task stopped because the user cancelled it (not an error to show)."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task(QRunnable):
    """One function run in the pool; its signals arrive in the GUI thread."""

    def __init__(self, fn: Callable[[Task], Any], label: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.label = label
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        """Progress from the worker (thread-safe: a queued signal)."""
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled as exc:
            self._emit(self.signals.failed, exc)
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            LOG.debug("task %s failed: %s", self.label, "".join(traceback.format_exception(exc)))
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)

    def _emit(self, signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is shutting down: nobody listens any more
            LOG.debug("task %s ended after its receiver", self.label)


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they end; tells a progress view about long ones."""

    started = Signal(object)  # Task, after PROGRESS_DELAY_MS when still running
    ended = Signal(object)  # Task

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()
        self.closed = False  # its window is gone: late answers are dropped

    def close(self) -> None:
        """Stops the tasks and waits for them; what they answer after that goes nowhere
        (the window that asked may be deleted by then)."""
        self.cancel_all()
        self.wait(10000)
        self.closed = True

    def run(
        self,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        show_progress: bool = True,
    ) -> Task:
        task = Task(fn, label)
        self._running.add(task)
        task.signals.done.connect(lambda result: self._finish(task, on_done, result))
        task.signals.failed.connect(lambda exc: self._finish(task, on_error, exc))
        if show_progress:
            QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._announce(task))
        self.pool.start(task)
        return task

    def busy(self) -> bool:
        """Whether some task has not ended yet."""
        return bool(self._running)

    def cancel_all(self) -> None:
        """Asks every running task to stop (each polls ``cancelled()``)."""
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _announce(self, task: Task) -> None:
        if not task.finished:
            self.started.emit(task)

    def _finish(self, task: Task, callback: Callable[[Any], None] | None, value: Any) -> None:
        if self.closed:
            return
        task.finished = True
        self._running.discard(task)
        self.ended.emit(task)
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException) and not isinstance(value, Cancelled):
            raise value
