"""Qt's own messages go to our log, never to the console; the window's log file rotates."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qWarning

from eoffice_client.ui.app import RotatingLog, route_qt_messages


@pytest.mark.no_qt_log  # pytest-qt would put its own handler in place of ours
def test_qt_warnings_reach_the_eoffice_qt_logger(caplog: Any, capfd: Any) -> None:
    route_qt_messages()
    with caplog.at_level(logging.DEBUG, logger="eoffice.qt"):
        qWarning("a message from inside Qt")
    found = [r for r in caplog.records if r.name == "eoffice.qt"]
    assert [r.getMessage() for r in found] == ["a message from inside Qt"]
    assert found[0].levelno == logging.WARNING
    assert "a message from inside Qt" not in capfd.readouterr().err


def test_log_file_rotates_and_keeps_backups(tmp_path: Path) -> None:
    path = tmp_path / "eoffice-gui.log"
    handler = RotatingLog(str(path), max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("eoffice.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(40):
            logger.warning("line %02d %s", number, "x" * 20)
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert path.stat().st_size < 200 + 40
    assert (tmp_path / "eoffice-gui.log.1").is_file()
    assert (tmp_path / "eoffice-gui.log.2").is_file()
    assert not (tmp_path / "eoffice-gui.log.3").exists()
    assert "line 39" in path.read_text(encoding="utf-8")
