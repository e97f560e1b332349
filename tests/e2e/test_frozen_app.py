"""The frozen app (PyInstaller folder) as a person or a script would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eoffice_client import __version__
from tests.e2e.frozen_folder import frozen_dir

pytestmark = pytest.mark.frozen
EXE = ".exe" if sys.platform == "win32" else ""
#: "at most 150 MB on disk" (decimal MB of the files, as installers/build.py counts them)
MAX_BYTES = float(os.environ.get("EOFFICE_MAX_FROZEN_MB") or 150) * 1e6


def run(*args: str, profile: Path | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    program = frozen_dir() / f"eoffice-client{EXE}"
    command = [str(program), *(["--profile", str(profile)] if profile else []), *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env,
                          check=False)


def test_self_test_passes() -> None:
    done = run("gui", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checks = {line.split()[1].rstrip(":") for line in lines}
    assert checks >= {"resources", "database", "translations", "main", "pdf"}
    assert all(line.startswith("ok") for line in lines), done.stdout
    assert "eoffice_vi.qm" in done.stdout  # the .qm built by the release, not compiled later


def test_version_and_status_json(tmp_path: Path) -> None:
    done = run("--version")
    assert done.stdout.strip() == f"eoffice-client {__version__}"
    status = run("status", "--json", profile=tmp_path / "p")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["pending_actions"] == 0


def test_folder_size_and_contents() -> None:
    """The budget is the Windows product's: Qt for Linux brings its own ICU (Windows uses
    the system's), so those libraries are left out of the sum (installers/build.py)."""
    folder = frozen_dir()
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.lstat().st_size for p in files if not p.name.startswith("libicu"))
    assert size <= MAX_BYTES, f"{size / 1e6:.1f} MB"
    names = {p.name for p in folder.rglob("*")}
    assert {"eoffice_vi.qm", "eoffice_en.qm", "app.svg", "app.ico", "0001_initial.py"} <= names
    forbidden = [n for n in names if any(word in n for word in (
        "WebEngine", "Qml", "Quick", "Qt63D", "qwayland", "libqeglfs", "qgtk3"))]
    assert forbidden == []


def test_training_sandbox_serves(tmp_path: Path) -> None:
    """The sandbox server (Flask, training mode) runs from the frozen folder too."""
    import requests

    program = frozen_dir() / f"eoffice-client{EXE}"
    with subprocess.Popen([str(program), "sandbox", "--data", str(tmp_path / "sandbox"),
                           "--documents", "20"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()  # "listening on http://127.0.0.1:PORT"
            assert line.startswith("listening on http://127.0.0.1:"), line
            with requests.get(line.split()[-1] + "/api/v1/info", timeout=10) as info:
                assert info.status_code == 200
                assert info.json()["min_client_version"] == __version__
        finally:
            process.terminate()
            process.wait(timeout=30)
