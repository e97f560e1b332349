"""How the window words an error: a core error's own message, else its kind (never a
traceback; the crash handler keeps those)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from eoffice_client.core.errors import ClientError
from eoffice_client.ui.tasks import Cancelled

LOG = logging.getLogger("eoffice.ui")
#: how long a background task's error stays in the status bar
BACKGROUND_ERROR_MS = 8000


def error_text(exc: BaseException) -> str:
    """What a person reads: the core's message, else what happened and what to do in
    plain words (never a class name; the log keeps the details)."""
    if isinstance(exc, ClientError):
        return exc.message()
    translate = QCoreApplication.translate
    LOG.warning("error shown to the user: %r", exc)
    if isinstance(exc, OSError) and exc.filename:
        return translate("Errors", "The file «%1» cannot be read or written (%2). Check that "
                         "it exists and is not open in another program, then try again."
                         ).replace("%1", str(exc.filename)).replace(
                             "%2", exc.strerror or translate("Errors", "access refused"))
    if isinstance(exc, (ConnectionError, TimeoutError, OSError)):
        return translate("Errors", "The server cannot be reached. Check the network, then "
                         "try again; what you did is kept.")
    return translate("Errors", "This did not work; nothing you typed is lost. Try again; if "
                     "it happens again, export a diagnostics bundle (Help menu) for IT staff.")


def report_background_error(exc: BaseException, show: Callable[[str, int], None]) -> None:
    """A task the user did not start (a list, the counts, a file) failed: a line in the
    log, and ``show(text, ms)`` puts it in the status bar."""
    if isinstance(exc, Cancelled):
        return
    LOG.warning("background task failed: %r", exc)
    show(error_text(exc), BACKGROUND_ERROR_MS)
