"""The sync log: ``profile/logs/sync.log``, rotating, plain sentences, never a secret.

Attached to the ``eoffice`` logger, so the API client (``eoffice.api``), the store and
the sync engine (``eoffice.sync``) write there. Nothing logged anywhere in the client
carries a token, a password or a document's content (only ids, counts, codes); the
handler's redaction filter (``core/security/redaction.py``) removes them all the same,
by their shape and, for the tokens and password in memory, by their value.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from eoffice_client.core.security.redaction import install

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handlers: dict[Path, logging.Handler] = {}


def attach_sync_log(logs_dir: Path, level: int = logging.INFO) -> logging.Handler:
    """Adds (once per file) a rotating handler for ``logs_dir/sync.log``; returns it."""
    path = (logs_dir / "sync.log").resolve()
    if path in _handlers:
        return _handlers[path]
    logs_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    install(handler)
    root = logging.getLogger("eoffice")
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handlers[path] = handler
    return handler


def detach_sync_log(logs_dir: Path) -> None:
    path = (logs_dir / "sync.log").resolve()
    handler = _handlers.pop(path, None)
    if handler is not None:
        logging.getLogger("eoffice").removeHandler(handler)
        handler.close()
