"""The security core wired into the product, against the real sandbox: a whole session leaves
no password or token anywhere (profile, logs, diagnostics bundle), with encryption at rest
the cache and the cached files are unreadable without the key, uploads from a sealed cache
arrive whole, and every push outcome is in the audit trail."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.security.redaction import KNOWN_SECRETS
from eoffice_client.core.security.sealed import is_sealed
from eoffice_client.core.sync.log import attach_sync_log
from eoffice_client.sandbox.state import password_hash
from eoffice_client.sandbox.testing import SandboxServer

from .test_sync_support import documents, open_documents, signed_in

PASSWORD = "Mật-khẩu-phiên-làm-việc-7Q2x9"


def set_password(server: SandboxServer, username: str, password: str) -> None:
    """The sandbox's accounts all have ``demo``: too short to search for by value."""
    state = server.state
    assert state is not None
    with state.db.write() as conn:
        iterations = int(state.db.get_meta(conn, "password_iterations") or 2000)
        salt = os.urandom(16)
        conn.execute("UPDATE users SET salt = ?, hash = ? WHERE username = ?",
                     (salt, password_hash(password, salt, iterations), username))


def secrets_now(memory_keyring: Any) -> set[str]:
    """The tokens held in memory and the values in the keyring that are sign-in tokens."""
    values = set(KNOWN_SECRETS.values())
    values |= {v for (_, account), v in memory_keyring.secrets.items()
               if account.count("|") == 2}  # <profile>|<server>|<user>: the refresh token
    return {v for v in values if len(v) >= 16}


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_whole_session_leaves_no_secret_and_audits_every_step(
        sandbox: SandboxServer, tmp_path: Path, memory_keyring: Any, encrypted: bool) -> None:
    set_password(sandbox, "chuyenvien", PASSWORD)
    root = tmp_path / "p"
    profile = Profile.at(root)
    attach_sync_log(profile.logs_dir, logging.DEBUG)  # every line the client writes
    upload = tmp_path / "bao-cao.pdf"
    upload.write_bytes(b"%PDF-1.4\n" + os.urandom(300_000))
    seen: set[str] = set()
    with App(profile, Settings(encrypt_cache=encrypted)) as app:
        assert app.session.sign_in("chuyenvien", PASSWORD, sandbox.url).username
        seen |= secrets_now(memory_keyring)
        assert int(app.sync.run().exit_code) == 0
        target = open_documents(app, secrecy=0)[0]
        app.changes.act(target["id"], "comment", {"kind": "opinion", "text": "Đã xem."})
        created = app.changes.new_document("internal", "CV", "Về việc kiểm thử bảo mật")
        app.changes.attach(created, upload, "draft")
        sandbox.advance_clock(4000)  # the access token expires: the next round refreshes
        assert int(app.sync.run().exit_code) == 0
        seen |= secrets_now(memory_keyring)
        held = sorted(KNOWN_SECRETS.values())
        assert held and set(held) <= seen | {PASSWORD}
        logging.getLogger("eoffice.bug").warning("a careless line: %s", held[0])
        bundle = app.diagnostics.export(tmp_path / "diagnostics.zip")
        kinds = [e.kind for e in app.audit.entries()]
        assert app.audit.verify().ok
        app.session.logout()
    assert len(seen) >= 4  # two access tokens and two refresh tokens at least
    with zipfile.ZipFile(bundle.path) as opened:
        parts = {n: opened.read(n) for n in opened.namelist()}
    log_text = (root / "logs" / "sync.log").read_text(encoding="utf-8")
    assert "sync started" in log_text and "a careless line: <removed>" in log_text
    places = {**files_under(root), **{f"bundle:{n}": d for n, d in parts.items()}}
    for secret in seen | {PASSWORD}:
        for name, data in places.items():
            assert secret.encode("utf-8") not in data, f"a secret in {name}"
    assert kinds[0] == "signed_in" and {"queued", "sent", "accepted", "downloaded"} <= set(kinds)
    assert kinds.count("accepted") == 3  # the comment, the create, the upload
    assert server_bytes(sandbox, "chuyenvien", PASSWORD, created) == upload.read_bytes()


def server_bytes(sandbox: SandboxServer, username: str, password: str, doc_id: str) -> bytes:
    """The bytes the server keeps for the document's one attachment (plain requests)."""
    http = requests.Session()
    login = http.post(f"{sandbox.api_url}/auth/login", timeout=10, json={
        "username": username, "password": password, "device_name": "pytest"}).json()
    http.headers["Authorization"] = f"Bearer {login['access_token']}"
    doc, cursor = None, None
    while True:  # the feed to its end: the document's last state
        page = http.get(f"{sandbox.api_url}/sync/changes", timeout=10,
                        params={"limit": 1000, **({"cursor": cursor} if cursor else {})}).json()
        doc = next((c["data"] for c in reversed(page["changes"]) if c["id"] == doc_id
                    and c["kind"] == "document"), doc)
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert doc is not None
    [attachment] = doc["attachments"]
    body = http.get(f"{sandbox.api_url}/attachments/{attachment['id']}/content",
                    timeout=10).content
    assert hashlib.sha256(body).hexdigest() == attachment["sha256"]
    return body


def test_encrypted_cache_and_files_are_unreadable_without_the_key(
        sandbox: SandboxServer, tmp_path: Path) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao", encrypt_cache=True) as app:
        assert int(app.sync.run().exit_code) == 0
        docs = documents(app)
        cached = [a for d in docs.values() if d["secrecy"] == 0 for a in d["attachments"]
                  if app.context.files.has(a["sha256"])]
        subjects = [d["subject"] for d in docs.values()]
        plain = {a["sha256"]: app.context.files.read_bytes(a["sha256"]) for a in cached}
    assert cached, "the prefetch fetched files"
    db = tmp_path / "p" / "cache.sqlite3"
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(db) as conn:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    everything = files_under(tmp_path / "p")
    for name, data in everything.items():
        assert not any(s.encode() in data for s in subjects[:50] if len(s) > 12), name
    for sha, body in plain.items():
        stored = tmp_path / "p" / "files" / sha[:2] / sha
        assert hashlib.sha256(body).hexdigest() == sha  # the plaintext is the attachment
        assert is_sealed(stored) and stored.read_bytes() != body
        assert body[:1024] not in stored.read_bytes() and b"%PDF" not in stored.read_bytes()


def test_conflicts_and_already_done_changes_are_in_the_trail(sandbox: SandboxServer,
                                                             tmp_path: Path) -> None:
    first = signed_in(tmp_path / "a", sandbox.url, "lanhdao")
    second = signed_in(tmp_path / "b", sandbox.url, "lanhdao")
    with first, second:
        first.sync.run(files=False)
        second.sync.run(files=False)
        one, other = (d["id"] for d in open_documents(first)[:2])
        second.changes.act(one, "extend", {"due_date": "2031-02-01", "reason": "second"})
        second.changes.act(other, "extend", {"due_date": "2031-05-01", "reason": "both"})
        assert int(second.sync.run(files=False).exit_code) == 0
        refused = first.changes.act(one, "extend", {"due_date": "2031-03-01",
                                                    "reason": "first"})
        settled = first.changes.act(other, "extend", {"due_date": "2031-05-01",
                                                      "reason": "both"})
        outcome = first.sync.run(files=False)
        assert outcome.conflicts == 1 and outcome.already_done == 1
        entries = {(e.kind, e.outbox_id): e for e in first.audit.entries()}
    assert ("conflict", refused) in entries and ("dropped", settled) in entries
    assert entries[("conflict", refused)].detail["code"] == "version_conflict"
    assert entries[("dropped", settled)].detail["reason"] == "already_done"


def test_an_encrypted_profile_signs_in_and_syncs_through_the_cli(
        sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from eoffice_client.cli import main

    policy = tmp_path / "policy.json"
    policy.write_text('{"EncryptCache": 1}', encoding="utf-8")
    monkeypatch.setenv("EOFFICE_POLICY_FILE", str(policy))
    profile = tmp_path / "p"
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    assert main(["--profile", str(profile), "--lang", "en", "login", "--server", sandbox.url,
                 "--username", "vanthu", "--password-stdin"]) == 0
    assert main(["--profile", str(profile), "sync", "--no-files"]) == 0
    assert main(["--profile", str(profile), "--lang", "en", "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    assert not (profile / "cache.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert keyring.get_password("eoffice-client",
                                f"{Profile(profile).profile_id}|cache-key") is not None
    assert main(["--profile", str(profile), "logout", "--wipe"]) == 0
    assert keyring.get_password("eoffice-client",
                                f"{Profile(profile).profile_id}|cache-key") is None
    assert not (profile / "cache.sqlite3").exists() and not (profile / "audit" /
                                                             "trail.jsonl").exists()
