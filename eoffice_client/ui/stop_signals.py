"""Ctrl+C in the terminal (SIGINT) and SIGTERM (logging out, ``kill``) close the window as
its close button does, so what closing does still happens (the training mode's folder goes).

Python runs a signal handler only between bytecodes, and a Qt event loop waiting for
events runs none: the signal's byte on a socket (``signal.set_wakeup_fd``) wakes a
QSocketNotifier, whose slot gives Python the turn to run the handler.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM")
                     if hasattr(signal, name))


class StopOnSignals(QObject):
    """While it lives, SIGINT and SIGTERM quit ``app``'s event loop."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.reader, self.writer = socket.socketpair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        self.previous_fd = signal.set_wakeup_fd(self.writer.fileno())
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        self.previous = {number: signal.signal(number, self._stop) for number in STOP_SIGNALS}

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self.reader.recv(64)

    def _stop(self, _number: int, _frame: FrameType | None) -> None:
        self.app.quit()

    def close(self) -> None:
        """The handlers from before come back."""
        for number, handler in self.previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        signal.set_wakeup_fd(self.previous_fd)
        self.notifier.setEnabled(False)
        self.reader.close()
        self.writer.close()
