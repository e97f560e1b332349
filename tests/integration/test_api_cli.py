"""``eoffice-client login`` / ``logout`` with their exit codes, against the real sandbox."""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring
import pytest

from eoffice_client.cli import main
from eoffice_client.core.api import client as client_module
from eoffice_client.sandbox.testing import SandboxServer, free_port
from tests.integration.test_api_auth import BrokenKeyring


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=10, seed=31) as running:
        yield running


def cli(profile: Path, *args: str, stdin: str = "", monkeypatch=None) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--profile", str(profile), "--lang", "en", *args])


def sign_in_secrets(backend) -> dict:
    """The keyring's entries but the audit trail's anchor (a profile's, not a sign-in's)."""
    return {k: v for k, v in backend.secrets.items() if not k[1].endswith("|audit-anchor")}


def login(server, profile, monkeypatch, username="vanthu", password="demo\n") -> int:
    return cli(profile, "login", "--server", server.url, "--username", username,
               "--password-stdin", stdin=password, monkeypatch=monkeypatch)


def test_login_prints_who_and_keeps_the_token_in_the_keyring(server, tmp_path, monkeypatch,
                                                            capsys, memory_keyring):
    profile = tmp_path / "p"
    assert login(server, profile, monkeypatch) == 0
    out, err = capsys.readouterr()
    full_name = server.user("vanthu")["full_name"]
    assert f"Signed in: {full_name} (vanthu) at {server.url}." in out and err == ""
    token = next(iter(memory_keyring.secrets.values()))
    assert token not in out + err
    settings = json.loads((profile / "settings.json").read_text(encoding="utf-8"))
    assert settings["server"] == server.url
    for path in profile.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes()
    # the server now comes from the settings
    assert cli(profile, "login", "--username", "vanthu", "--password-stdin", stdin="demo",
               monkeypatch=monkeypatch) == 0


@pytest.mark.parametrize(("args", "stdin", "code", "text"), [
    (["--username", "vanthu", "--password-stdin"], "wrong\n", 2, "Wrong username or password"),
    (["--username", "vanthu"], "demo\n", 64, "usage"),
    (["--username", "vanthu", "--password-stdin"], "", 9, "No password"),
])
def test_login_failures(server, tmp_path, monkeypatch, capsys, args, stdin, code, text):
    assert cli(tmp_path / "p", "login", "--server", server.url, *args, stdin=stdin,
               monkeypatch=monkeypatch) == code
    assert text in capsys.readouterr().err


def test_login_address_and_server_problems(server, tmp_path, monkeypatch, capsys):
    profile = tmp_path / "p"
    assert cli(profile, "login", "--username", "u", "--password-stdin", stdin="x",
               monkeypatch=monkeypatch) == 9  # no server anywhere
    assert cli(profile, "login", "--server", "http://eoffice.example.gov.vn", "--username", "u",
               "--password-stdin", stdin="x", monkeypatch=monkeypatch) == 11
    assert "unencrypted" in capsys.readouterr().err
    down = f"http://127.0.0.1:{free_port()}"
    assert cli(profile, "login", "--server", down, "--username", "u", "--password-stdin",
               stdin="x", monkeypatch=monkeypatch) == 3
    assert "Cannot reach" in capsys.readouterr().err
    monkeypatch.setattr(client_module, "__version__", "0.0.1")
    assert login(server, profile, monkeypatch) == 12
    assert "too old" in capsys.readouterr().err


def test_login_locked_account_says_so(server, tmp_path, monkeypatch, capsys):
    username = server.sample().users[-2]["username"]
    for _ in range(5):
        assert login(server, tmp_path / "p", monkeypatch, username, "bad") == 2
    capsys.readouterr()
    assert login(server, tmp_path / "p", monkeypatch, username) == 2
    assert "locked" in capsys.readouterr().err


def test_login_without_a_usable_keyring_warns(server, tmp_path, monkeypatch, capsys):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        assert login(server, tmp_path / "p", monkeypatch) == 0
    finally:
        keyring.set_keyring(previous)
    out, err = capsys.readouterr()
    assert "Signed in" in out and "credential store cannot be used" in err


def test_logout_revokes_then_says_not_signed_in(server, tmp_path, monkeypatch, capsys,
                                                memory_keyring):
    profile = tmp_path / "p"
    assert login(server, profile, monkeypatch) == 0
    assert memory_keyring.secrets
    assert cli(profile, "logout", monkeypatch=monkeypatch) == 0
    assert "Signed out vanthu" in capsys.readouterr().out
    assert sign_in_secrets(memory_keyring) == {}  # the audit trail's anchor stays
    assert cli(profile, "logout", monkeypatch=monkeypatch) == 0
    assert "Not signed in" in capsys.readouterr().out
    assert cli(profile, "logout", "--force", monkeypatch=monkeypatch) == 64


def test_logout_with_server_down_still_signs_out_here(tmp_path, monkeypatch, capsys,
                                                      memory_keyring):
    sandbox = SandboxServer(tmp_path / "sb", documents=3, seed=4).start()
    profile = tmp_path / "p"
    assert login(sandbox, profile, monkeypatch) == 0
    sandbox.stop()
    assert cli(profile, "logout", monkeypatch=monkeypatch) == 0
    out, err = capsys.readouterr()
    assert "Signed out" in out and "Could not tell the server" in err
    assert sign_in_secrets(memory_keyring) == {}


def signed_in_with_a_queued_change(server, profile, monkeypatch) -> None:
    assert login(server, profile, monkeypatch) == 0
    assert cli(profile, "new", "--direction", "outgoing", "--type", "CV", "--subject",
               "Công văn chưa gửi", monkeypatch=monkeypatch) == 0


def test_wipe_refused_while_changes_are_queued_unless_forced(server, tmp_path, monkeypatch,
                                                             capsys, memory_keyring):
    profile = tmp_path / "p"
    signed_in_with_a_queued_change(server, profile, monkeypatch)
    (profile / "files").mkdir(exist_ok=True)
    (profile / "files" / "x.bin").write_bytes(b"cached")
    capsys.readouterr()
    assert cli(profile, "logout", "--wipe", monkeypatch=monkeypatch) == 11
    assert "not sent to the server" in capsys.readouterr().err
    assert (profile / "cache.sqlite3").exists() and memory_keyring.secrets
    assert cli(profile, "logout", "--wipe", "--force", monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Signed out" in out and "Deleted" in out
    assert not (profile / "cache.sqlite3").exists() and not (profile / "files").exists()
    assert not (profile / "session.json").exists() and memory_keyring.secrets == {}
    assert (profile / "settings.json").exists()


def test_login_as_another_user_refused_while_changes_are_queued(server, tmp_path, monkeypatch,
                                                               capsys, memory_keyring):
    """The rule the window's sign-in follows too (core session ``switch_refusal``)."""
    profile = tmp_path / "p"
    signed_in_with_a_queued_change(server, profile, monkeypatch)
    capsys.readouterr()
    assert login(server, profile, monkeypatch, username="lanhdao") == 11
    assert "unsent changes of vanthu" in capsys.readouterr().err
    assert cli(profile, "outbox", "--json", monkeypatch=monkeypatch) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1  # the queue survives
    assert login(server, profile, monkeypatch) == 0  # the same person: welcome back


def test_wipe_without_queued_changes(server, tmp_path, monkeypatch, capsys, memory_keyring):
    profile = tmp_path / "p"
    assert login(server, profile, monkeypatch) == 0
    assert cli(profile, "logout", "--wipe", monkeypatch=monkeypatch) == 0
    assert not (profile / "session.json").exists() and memory_keyring.secrets == {}
