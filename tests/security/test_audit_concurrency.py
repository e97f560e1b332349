"""Two processes appending to one profile's trail at once (the window and a CLI sync)."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from eoffice_client.config import Profile
from eoffice_client.core.security.audit import AuditLocation, read_entries
from eoffice_client.core.security.audit_check import verify_trail
from tests.e2e.file_keyring import FileKeyring

REPO = Path(__file__).resolve().parents[2]
PER_PROCESS = 200  # enough that the two overlap even on a loaded machine
APPENDER = """
import sys, time
from pathlib import Path
from eoffice_client.config import Profile
from eoffice_client.core.security.audit import AuditKind, AuditLocation, AuditTrail
trail = AuditTrail(AuditLocation.for_profile(Profile.at(sys.argv[1])))
(Path(sys.argv[1]) / f"ready-{sys.argv[2]}").touch()
go = Path(sys.argv[1]) / "go"
while not go.exists():  # both start appending at the same moment
    time.sleep(0.002)
for n in range(int(sys.argv[3])):
    trail.append(AuditKind.QUEUED, outbox_id=f"{sys.argv[2]}-{n}")
"""


def test_two_processes_append_without_breaking_the_chain(tmp_path, monkeypatch):
    profile = Profile.at(tmp_path / "profile")
    location = AuditLocation.for_profile(profile)  # creates the profile id first
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.e2e.file_keyring.FileKeyring",
           "EOFFICE_TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
           "PYTHONPATH": str(REPO)}
    workers = [subprocess.Popen([sys.executable, "-c", APPENDER, str(profile.root), name,
                                 str(PER_PROCESS)], env=env, cwd=REPO)
               for name in ("window", "cli")]
    ready = [profile.root / f"ready-{name}" for name in ("window", "cli")]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)  # both have imported the core: neither gets a head start
    (profile.root / "go").touch()
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    monkeypatch.setenv("EOFFICE_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())  # the conftest fixture puts the memory one back
    check = verify_trail(location)
    assert check.ok, check
    assert check.entries == 2 * PER_PROCESS and check.unanchored == 0
    assert not location.set_aside_files()
    ids = [e.outbox_id for e in read_entries(location)]
    for name in ("window", "cli"):
        mine = [i for i in ids if i and i.startswith(name)]
        assert mine == [f"{name}-{n}" for n in range(PER_PROCESS)]  # each in its own order
    switches = sum(1 for a, b in itertools.pairwise(ids) if a[0] != b[0])
    assert switches >= 2  # the two really took turns


KILLED = """
import sys
from eoffice_client.config import Profile
from eoffice_client.core.security.audit import AuditKind, AuditLocation, AuditTrail
trail = AuditTrail(AuditLocation.for_profile(Profile.at(sys.argv[1])))
n = 0
while True:
    trail.append(AuditKind.SENT, outbox_id=f"ob-{n}", detail={"attempt": n})
    n += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_processes_killed_while_appending_leave_a_trail_that_verifies(tmp_path, monkeypatch):
    profile = Profile.at(tmp_path / "profile")
    location = AuditLocation.for_profile(profile)
    keyring_file = tmp_path / "keyring.json"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.e2e.file_keyring.FileKeyring",
           "EOFFICE_TEST_KEYRING_FILE": str(keyring_file), "PYTHONPATH": str(REPO)}
    monkeypatch.setenv("EOFFICE_TEST_KEYRING_FILE", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    rng = random.Random(7)
    for _ in range(4):
        before = len(read_entries(location))
        worker = subprocess.Popen([sys.executable, "-c", KILLED, str(profile.root)], env=env,
                                  cwd=REPO)
        deadline = time.monotonic() + 30
        while len(read_entries(location)) < before + 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        check = verify_trail(location)
        assert check.ok, check
        assert check.entries > before and not location.set_aside_files()
