"""Qt's own messages go to our log, and (under test) on to pytest-qt, never to the console;
the window's log file rotates."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qWarning

from eoffice_client.config import Profile
from eoffice_client.ui.app import LOG_BACKUPS, LOG_MAX_BYTES, route_qt_messages, setup_logging


@pytest.mark.qt_log_ignore("a message from inside Qt")
def test_qt_warnings_reach_our_log_and_pytest_qt(caplog: Any, capfd: Any, qtlog: Any) -> None:
    route_qt_messages()
    route_qt_messages()  # twice (every window does it): still one record each
    with caplog.at_level(logging.DEBUG, logger="eoffice.qt"):
        qWarning("a message from inside Qt")
    found = [r for r in caplog.records if r.name == "eoffice.qt"]
    assert [r.getMessage() for r in found] == ["a message from inside Qt"]
    assert found[0].levelno == logging.WARNING
    # pytest-qt saw it too (so a Qt warning fails a test), once
    assert [r.message for r in qtlog.records] == ["a message from inside Qt"]
    assert "a message from inside Qt" not in capfd.readouterr().err


def test_the_log_file_rotates(tmp_path: Path) -> None:
    profile = Profile.at(tmp_path / "profile")
    root = logging.getLogger("eoffice")
    before = list(root.handlers)
    setup_logging(profile)
    setup_logging(profile)  # a second window of the same profile: one handler
    added = [h for h in root.handlers if h not in before]
    try:
        assert len(added) == 1 and isinstance(added[0], RotatingFileHandler)
        handler = added[0]
        assert (handler.maxBytes, handler.backupCount) == (LOG_MAX_BYTES, LOG_BACKUPS)
        assert Path(handler.baseFilename) == profile.logs_dir / "eoffice-gui.log"
        logging.getLogger("eoffice.ui").warning("a line for the log file")
        handler.flush()
        text = (profile.logs_dir / "eoffice-gui.log").read_text(encoding="utf-8")
        assert "a line for the log file" in text
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
