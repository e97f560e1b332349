"""How the window words an error: a core error's own message, else its kind (never a
traceback; the crash handler keeps those)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from eoffice_client.core.errors import ClientError
from eoffice_client.ui.backend import Cancelled

LOG = logging.getLogger("eoffice.ui")
#: how long a background task's error stays in the status bar
BACKGROUND_ERROR_MS = 8000


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        return exc.message()
    return QCoreApplication.translate("Errors", "Unexpected error: %1").replace(
        "%1", type(exc).__name__)


def report_background_error(exc: BaseException, show: Callable[[str, int], None]) -> None:
    """A task the user did not start (a list, the counts, a file) failed: a line in the
    log, and ``show(text, ms)`` puts it in the status bar."""
    if isinstance(exc, Cancelled):
        return
    LOG.warning("background task failed: %r", exc)
    show(error_text(exc), BACKGROUND_ERROR_MS)
