"""``eoffice-client diagnostics --out FILE.zip``: what IT staff get, and no secret in it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.security.redaction import KNOWN_SECRETS
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    DOCS,
    run,
    sample_cache_fixture,
    sample_profile_fixture,
)

PROXY_PASSWORD = "pr0xy-Secret-77"
TOKEN = "tok_9f8e7d6c5b4a39281706"


def bundle(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as opened:
        return {name: opened.read(name).decode("utf-8") for name in opened.namelist()}


def test_the_bundle_has_every_part_and_no_secret(
        sample_profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], memory_keyring) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"Language": "en", "EncryptCache": 0}), encoding="utf-8")
    monkeypatch.setenv("EOFFICE_POLICY_FILE", str(policy))
    profile = Profile(sample_profile)
    settings = profile.load_settings()
    settings.proxy = f"http://it:{PROXY_PASSWORD}@proxy.local:3128"
    profile.save_settings(settings)
    doc = next(d for d in DOCS if d["secrecy"] == 0)
    with App(profile) as app:
        app.changes.act(doc["id"], "mark_read")
    profile.logs_dir.mkdir(exist_ok=True)
    (profile.logs_dir / "old.log").write_text(  # written before the filter was there
        f"GET /api/v1/sync Authorization: Bearer {TOKEN}\nrefresh token={TOKEN} sent\n")
    profile.reports_dir.mkdir(exist_ok=True)
    (profile.reports_dir / "crash-1.txt").write_text(f"ValueError: bad answer {TOKEN}\n")
    KNOWN_SECRETS.add(TOKEN)  # as a token held in memory is
    try:
        assert run(sample_profile, "diagnostics", "--out", str(tmp_path / "d.zip"),
                   lang="en") == 0
    finally:
        KNOWN_SECRETS.discard(TOKEN)
    out = capsys.readouterr().out
    assert "Diagnostics bundle saved" in out and "audit trail is intact" in out
    parts = bundle(tmp_path / "d.zip")
    assert {"versions.json", "settings.json", "status.json", "permissions.json",
            "audit/trail.jsonl", "audit/verify.json", "logs/old.log", "logs/sync.log",
            "reports/crash-1.txt", "created.txt"} <= set(parts)
    everything = "\n".join(parts.values())
    assert TOKEN not in everything and PROXY_PASSWORD not in everything
    assert "proxy.local" in everything
    found = json.loads(parts["settings.json"])["settings"]
    assert found["language"]["source"] == "machine_policy" and found["language"]["locked"]
    assert found["proxy"]["source"] == "user" and not found["proxy"]["locked"]
    assert found["server"]["source"] == "built_in"
    assert found["encrypt_cache"] == {"value": False, "source": "machine_policy",
                                      "location": str(policy), "locked": True}
    status = json.loads(parts["status.json"])
    assert status["status"]["pending_actions"] == 1 and status["http_warning"] is None
    assert status["encryption"]["cache_encrypted"] is False
    assert json.loads(parts["permissions.json"])["ok"] is True
    verified = json.loads(parts["audit/verify.json"])
    assert verified["ok"] is True and verified["entries"] == 1
    assert '"kind":"queued"' in parts["audit/trail.jsonl"]
    versions = json.loads(parts["versions.json"])
    assert {"eoffice-client", "python", "sqlite", "SQLAlchemy", "sqlcipher3"} <= set(versions)


def test_a_bundle_where_it_cannot_be_written_is_exit_9(sample_profile: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    assert run(sample_profile, "diagnostics", "--out", str(tmp_path / "nowhere" / "d.zip"),
               lang="en") == 9
    assert "does not exist" in capsys.readouterr().err


def test_a_cache_that_cannot_open_still_gives_a_bundle(profile_dir: Path, tmp_path: Path
                                                      ) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # encryption needs the keyring, which is gone
    try:
        with App(Profile(profile_dir), Settings(encrypt_cache=True)) as app:
            made = app.diagnostics.export(tmp_path / "d.zip")
    finally:
        keyring.set_keyring(previous)
    parts = bundle(made.path)
    status = json.loads(parts["status.json"])
    assert status["status"] == {"error": "KeyringUnavailable"}
    assert status["encryption"] == {"error": "KeyringUnavailable"}
    assert json.loads(parts["audit/verify.json"])["reason"] == "audit.anchor_unusable"


def test_an_open_profile_folder_is_said(sample_profile: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with App(Profile(sample_profile)) as app:
        app.open()
        sample_profile.chmod(0o755)  # after the start closed the profile
        made = app.diagnostics.export(tmp_path / "d.zip")
    assert not made.permissions_ok and made.permission_problems >= 1
    report = json.loads(bundle(made.path)["permissions.json"])
    assert report["problems"][0] == {"path": str(sample_profile), "found": "mode 0755",
                                     "expected": "0700"}
    with App(Profile(sample_profile)) as app:  # the next start closes it again
        assert app.diagnostics.export(tmp_path / "again.zip").permissions_ok
