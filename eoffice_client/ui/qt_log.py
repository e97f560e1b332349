"""Qt's own messages: into our log, never lost before the log exists, and a fatal one
turned into one clear line (start_failure.py) instead of Qt's silent abort."""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable
from logging.handlers import MemoryHandler
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

QT_LOG = logging.getLogger("eoffice.qt")
QT_LOG.addHandler(logging.NullHandler())  # never logging's last resort (stderr)
#: Qt's messages from before the window's log file exists (the platform plugin speaks
#: while QApplication is made, before the profile is known); written into the log by
#: :func:`release_early_messages`
EARLY_MESSAGES = MemoryHandler(capacity=500, flushLevel=logging.CRITICAL + 1,
                               flushOnClose=False)
QT_LOG.addHandler(EARLY_MESSAGES)
#: Qt's own switches for its diagnostics on the console: who sets them wants to read them
CONSOLE_ASKED = any(os.environ.get(name, "0") not in ("", "0") for name in (
    "QT_DEBUG_PLUGINS", "QT_LOGGING_RULES", "QT_LOGGING_TO_CONSOLE"))
#: the last messages, for explaining a fatal one (Qt names the cause in the ones before)
RECENT = 20


class QtMessageLog:
    """Qt's own messages (e.g. the offscreen plugin's "does not support
    propagateSizeHints()") go to the ``eoffice.qt`` log, not to the console a person
    sees; then to the handler that was installed before, if any (pytest-qt's under
    test, which fails a test on a Qt warning). A fatal message (no platform plugin could
    be loaded: Qt aborts right after it) ends the process with one clear line instead."""

    def __init__(self) -> None:
        self.previous: Callable[[QtMsgType, QMessageLogContext, str], Any] | None = None
        self.recent: deque[tuple[str, str]] = deque(maxlen=RECENT)

    def install(self) -> None:
        previous = qInstallMessageHandler(self)
        if previous is not self:  # installed again: keep the handler it came after
            self.previous = previous

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        category = context.category or "default"
        self.recent.append((category, text))
        if category != "default":
            QT_LOG.log(level, "%s: %s", category, text)
        else:
            QT_LOG.log(level, "%s", text)
        if CONSOLE_ASKED:
            print(f"{category}: {text}", file=sys.stderr)
        if kind == QtMsgType.QtFatalMsg:
            from eoffice_client.ui.start_failure import fail

            fail(list(self.recent))
        if self.previous is not None:
            self.previous(kind, context, text)


_QT_MESSAGES = QtMessageLog()


def route_qt_messages() -> None:
    """Qt's messages into our log from now on (see :class:`QtMessageLog`)."""
    _QT_MESSAGES.install()


def release_early_messages(log_file: logging.Handler) -> None:
    """The log file exists: the messages kept until now go into it; later ones reach it
    through the ``eoffice`` logger."""
    if EARLY_MESSAGES not in QT_LOG.handlers:
        return
    QT_LOG.removeHandler(EARLY_MESSAGES)
    EARLY_MESSAGES.setTarget(log_file)
    EARLY_MESSAGES.flush()
    EARLY_MESSAGES.setTarget(None)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
