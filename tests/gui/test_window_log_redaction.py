"""The window's log file has the core's redaction filter: a token in memory never lands."""

from __future__ import annotations

import logging
from pathlib import Path

from eoffice_client.config import Profile
from eoffice_client.core.security.redaction import KNOWN_SECRETS
from eoffice_client.ui.app import setup_logging

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2YW50aHUifQ.c2lnbmF0dXJlLXdpbmRvdw"  # a JWT
HELD = "rt_window_refresh_9a8b7c6d5e4f"


def test_the_window_log_removes_secrets(tmp_path: Path) -> None:
    profile = Profile.at(tmp_path / "p")
    setup_logging(profile)
    root = logging.getLogger("eoffice")
    handler = next(h for h in root.handlers if isinstance(h, logging.FileHandler)
                   and h.baseFilename == str(profile.logs_dir / "eoffice-gui.log"))
    KNOWN_SECRETS.add(HELD)
    try:
        logging.getLogger("eoffice.ui").warning("answer %s with %s", TOKEN, HELD)
        logging.getLogger("eoffice.ui").warning("password=hunter2-long")
    finally:
        KNOWN_SECRETS.discard(HELD)
        handler.flush()
        root.removeHandler(handler)
        handler.close()
    text = (profile.logs_dir / "eoffice-gui.log").read_text(encoding="utf-8")
    assert "answer <removed> with <removed>" in text and "password=<removed>" in text
    assert TOKEN not in text and HELD not in text and "hunter2" not in text
