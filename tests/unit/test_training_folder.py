"""The training mode's ``eoffice-demo-*`` folders: gone when their process ends, however it
ends; a live process's folder is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from eoffice_client.cli.training import OWNER_FILE, PREFIX, UNOWNED_AGE_S, TrainingFolder
from eoffice_client.cli.training import sweep_stale as sweep

OWNER_SCRIPT = """
import sys
from pathlib import Path
from eoffice_client.cli.training import TrainingFolder
folder = TrainingFolder(Path(sys.argv[1]))
print(folder.path, flush=True)
sys.stdin.read()
"""


def test_a_folder_goes_when_its_session_ends(tmp_path: Path) -> None:
    with TrainingFolder(tmp_path) as folder:
        assert folder.path.name.startswith(PREFIX)
        assert (folder.path / OWNER_FILE).read_text().strip() == str(os.getpid())
        (folder.path / "profile").mkdir()
        assert sweep(tmp_path) == []  # this process owns it
        assert folder.path.is_dir()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_process_folder_is_swept_a_live_one_is_not(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", OWNER_SCRIPT, str(tmp_path)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None
            owned = Path(child.stdout.readline().strip())
            (owned / "sandbox").mkdir()
            assert sweep(tmp_path) == []
            assert owned.is_dir()  # its process is alive
            child.kill()  # no cleanup of its own
            child.wait(timeout=30)
            assert owned.is_dir()
            assert sweep(tmp_path) == [owned]
            assert not owned.exists()
        finally:
            if child.poll() is None:
                child.kill()


def test_a_new_session_sweeps_before_it_starts(tmp_path: Path) -> None:
    stale = tmp_path / f"{PREFIX}killed"
    stale.mkdir()
    (stale / OWNER_FILE).write_text("12345\n")  # nobody holds its lock
    with TrainingFolder(tmp_path) as folder:
        assert not stale.exists()
        assert [p.name for p in tmp_path.iterdir()] == [folder.path.name]


def test_a_folder_without_owner_file_goes_only_when_old(tmp_path: Path) -> None:
    young = tmp_path / f"{PREFIX}young"
    old = tmp_path / f"{PREFIX}old"
    other = tmp_path / "someone-else"
    for folder in (young, old, other):
        folder.mkdir()
    past = time.time() - UNOWNED_AGE_S - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    assert sweep(tmp_path) == [old]
    assert young.is_dir() and other.is_dir()
