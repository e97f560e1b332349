"""README's start command on a desktop: the training mode's window opens on a real X
server (Xvfb, Qt's xcb plugin: a library it lacks fails here), closes on SIGTERM and
leaves no training data; a window that cannot start says why in one line, exits 1 and
leaves nothing behind either."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoffice_client.cli.training import PREFIX

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="Qt's xcb plugin and Xvfb are Linux's")
START_TIMEOUT_S = 180


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The user's environment as start.sh leaves it, with the temp folder in tmp_path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "EOFFICE_POLICY")) and k != "DISPLAY"}
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env.update(TMPDIR=str(temp), PYTHONUNBUFFERED="1", **extra)
    return env


def _start(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """``eoffice-client`` on a fresh profile: what ``bash scripts/start.sh`` runs."""
    command = [sys.executable, "-m", "eoffice_client", "--profile", str(tmp_path / "profile"),
               *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A virtual X server on a free display (Xvfb picks it: -displayfd)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail("Xvfb is missing: bash scripts/setup.sh installs it (package xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen([binary, "-displayfd", str(write), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        display = numbers.readline().strip()
    try:
        assert display, "Xvfb did not start"
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_window(process: subprocess.Popen[str], temp: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        for log in temp.glob(f"{PREFIX}*/profile/logs/eoffice-gui.log"):
            if "window shown on the xcb platform" in log.read_text(encoding="utf-8"):
                return
        if process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail(f"the window did not start (exit {process.returncode}): {err}")
        time.sleep(0.2)
    pytest.fail("the window did not show in time")


@pytest.mark.slow
def test_the_start_command_opens_the_window_on_a_real_x_server(
        tmp_path: Path, xvfb: str) -> None:
    env = _environment(tmp_path, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    temp = Path(env["TMPDIR"])
    with _start(tmp_path, env) as process:
        try:
            _wait_for_window(process, temp)
            assert len(list(temp.glob(f"{PREFIX}*"))) == 1  # the training data, while open
            process.send_signal(signal.SIGTERM)  # logging out: the window closes
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Chế độ tập huấn"), err  # no Qt noise
    assert out == ""
    assert list(temp.glob(f"{PREFIX}*")) == []


@pytest.mark.parametrize(("lang", "platform", "expected"), [
    (None, "xcb", "eoffice-client: Không mở được cửa sổ: không kết nối được màn hình đồ họa "
                  "(biến DISPLAY chưa được đặt)."),
    ("en", "xcb", "eoffice-client: The window cannot start: no connection to a graphical "
                  "display (DISPLAY is not set)."),
    ("vi", "nosuchplatform", "eoffice-client: Không mở được cửa sổ: Qt không có trình cắm "
                             "hiển thị «nosuchplatform» (biến QT_QPA_PLATFORM)."),
])
def test_a_window_that_cannot_start_says_why_in_one_line(
        tmp_path: Path, lang: str | None, platform: str, expected: str) -> None:
    env = _environment(tmp_path, QT_QPA_PLATFORM=platform)
    with _start(tmp_path, env, *(["--lang", lang] if lang else [])) as process:
        out, err = process.communicate(timeout=120)
    assert process.returncode == 1  # cli-v1.md: general error
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith(expected), err
    assert list(Path(env["TMPDIR"]).iterdir()) == []  # no training data made


FATAL_AFTER_FOLDER = """
import sys
from PySide6.QtCore import qFatal
from eoffice_client.cli.training import TrainingFolder
from eoffice_client.core.messages import set_language
from eoffice_client.ui.qt_log import route_qt_messages
from eoffice_client.ui.start_failure import on_failed_start

set_language("en")
route_qt_messages()
folder = TrainingFolder()
on_failed_start(folder.remove)
print(folder.path, flush=True)
qFatal("a fatal error inside Qt")
print("not reached", flush=True)
"""


def test_a_fatal_qt_error_after_the_training_data_removes_it(tmp_path: Path) -> None:
    env = _environment(tmp_path, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", FATAL_AFTER_FOLDER], env=env, text=True,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr  # not Qt's abort (134)
    folder = Path(done.stdout.strip())
    assert folder.name.startswith(PREFIX) and not folder.exists()
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("eoffice-client: The window cannot start: ")
    assert done.stderr.endswith("Reinstall the app; on Debian/Ubuntu run bash scripts/setup.sh.\n")
