"""The command line as IT staff and scripts use it: every command its own process.

A real sandbox server process on loopback; the client signs in, syncs, searches, acts
while the server is down (queued), drains the queue when it is back, refreshes its token
when the access token expires (rotation), and signs out. Nothing secret reaches the
profile's files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN_TTL_S = 3


class Sandbox:
    """``eoffice-client sandbox`` as a process that can be stopped and started again."""

    def __init__(self, data: Path, env: dict[str, str]) -> None:
        self.data, self.env, self.port = data, env, 0
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "eoffice_client", "sandbox", "--port", str(self.port),
             "--data", str(self.data), "--documents", "60", "--seed", "3",
             "--token-ttl", str(TOKEN_TTL_S)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env,
        )
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("listening on http://"):
                self.port = int(line.rsplit(":", 1)[1])
                return
        raise AssertionError("the sandbox ended before listening")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process is not None:
            process, self.process = self.process, None
            with process:  # closes its pipe
                process.terminate()
                assert process.wait(timeout=20) == 0


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = dict(os.environ)
    values.update({
        "PYTHON_KEYRING_BACKEND": "tests.e2e.file_keyring.FileKeyring",
        "EOFFICE_TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
        "PYTHONPATH": str(ROOT),
    })
    return values


@pytest.fixture
def sandbox(tmp_path: Path, env: dict[str, str]) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path / "server", env)
    server.start()
    yield server
    server.stop()


class Cli:
    def __init__(self, profile: Path, env: dict[str, str]) -> None:
        self.profile, self.env = profile, env

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "eoffice_client", "--profile", str(self.profile), *args],
            input=stdin, capture_output=True, text=True, env=self.env, timeout=120,
        )

    def json(self, *args: str) -> Any:
        done = self(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)


def test_offline_queue_replay_rotation_and_sign_out(
    sandbox: Sandbox, tmp_path: Path, env: dict[str, str]
) -> None:
    cli = Cli(tmp_path / "profile", env)
    keyring_file = Path(env["EOFFICE_TEST_KEYRING_FILE"])
    login = cli("login", "--server", sandbox.url, "--username", "chuyenvien",
                "--password-stdin", stdin="demo\n")
    assert login.returncode == 0, login.stderr
    first_token = sign_in_entries(keyring_file)

    assert cli("sync", "--no-files").returncode == 0
    status = cli.json("status")
    assert status["documents"] > 0 and status["pending_actions"] == 0
    assert status["username"] == "chuyenvien"

    documents = cli.json("list", "--limit", "500")
    doc = documents[0]
    word = doc["subject"].split()[-1]
    from eoffice_client.core.domain.folding import fold

    with_marks = {d["id"] for d in cli.json("list", "--search", word, "--limit", "500")}
    without = {d["id"] for d in cli.json("list", "--search", fold(word), "--limit", "500")}
    assert doc["id"] in with_marks and with_marks == without

    sandbox.stop()  # the network is gone: actions are queued, nothing is lost
    text = f"Đã nghiên cứu, đề nghị phối hợp xử lý ({uuid.uuid4().hex[:6]})"
    comment = {"id": str(uuid.uuid4()), "kind": "opinion", "text": text}
    assert cli("act", doc["id"], "comment", "--params", json.dumps(comment)).returncode == 0
    assert cli("act", doc["id"], "mark_read").returncode == 0
    assert cli("sync", "--no-files").returncode == 3
    queued = cli.json("outbox")
    assert [row["action"] for row in queued] == ["comment", "mark_read"]
    assert all(row["state"] == "queued" for row in queued)

    sandbox.start()  # same port, same data
    time.sleep(TOKEN_TTL_S + 0.5)  # the access token has expired: the sync must refresh it
    assert cli("sync", "--no-files").returncode == 0
    assert cli.json("outbox") == []
    shown = cli.json("show", doc["id"])
    assert [c["text"] for c in shown["comments"]].count(text) == 1
    assert shown["read"] is True
    assert sign_in_entries(keyring_file) != first_token  # rotated

    assert cli("logout").returncode == 0
    assert cli("sync", "--no-files").returncode == 5
    assert sign_in_entries(keyring_file) == {}  # the audit trail's anchor stays
    _assert_no_secret_in(tmp_path / "profile", first_token)


def sign_in_entries(keyring_file: Path) -> dict[str, str]:
    """The keyring's sign-in entries (not the audit trail's anchor, which is the profile's)."""
    entries = json.loads(keyring_file.read_text(encoding="utf-8"))
    return {k: v for k, v in entries.items() if not k.endswith("|audit-anchor")}


def _assert_no_secret_in(profile: Path, entries: dict[str, str]) -> None:
    tokens = [t for t in entries.values() if len(t) >= 16]
    assert tokens
    files = [path for path in profile.rglob("*") if path.is_file()]
    assert files, "the profile holds the database and settings"
    for path in files:
        data = path.read_bytes()
        for token in tokens:
            assert token.encode() not in data, f"a refresh token in {path}"


def test_bad_input_gets_one_line_and_its_exit_code(tmp_path: Path, env: dict[str, str]) -> None:
    cli = Cli(tmp_path / "profile", env)
    cases = [
        (("list", "--box", "nowhere"), 64),
        (("list", "--from", "2026-13-01"), 9),
        (("show", "no-such-id"), 6),
        (("act", "no-such-id", "mark_read", "--params", "{not json"), 9),
        (("frobnicate",), 64),
    ]
    for args, code in cases:
        done = cli(*args)
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr


def test_corrupt_cache_is_set_aside_with_one_clear_line(
    tmp_path: Path, env: dict[str, str]
) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "cache.sqlite3").write_bytes(b"\x00garbage, not SQLite" * 4096)
    done = Cli(profile, env)("list")
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and "cache.sqlite3.damaged-" in done.stderr
    assert len(list(profile.glob("cache.sqlite3.damaged-*"))) == 1  # kept, never deleted
    assert "set aside" in (profile / "logs" / "sync.log").read_text(encoding="utf-8")
