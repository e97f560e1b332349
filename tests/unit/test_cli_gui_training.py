"""`eoffice-client` on a fresh machine opens the training mode; a configured one does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eoffice_client.cli.cmd_gui import _nothing_configured
from eoffice_client.cli.context import CliContext


def _ctx(profile: Path) -> CliContext:
    return CliContext(profile_arg=str(profile), lang="vi")


def test_fresh_profile_means_training(profile_dir: Path) -> None:
    assert _nothing_configured(_ctx(profile_dir))


def test_a_server_in_settings_opens_the_real_window(profile_dir: Path) -> None:
    (profile_dir / "settings.json").write_text(json.dumps({"server": "https://eoffice.gov.vn"}),
                                               encoding="utf-8")
    assert not _nothing_configured(_ctx(profile_dir))


def test_a_past_sign_in_opens_the_real_window(profile_dir: Path) -> None:
    (profile_dir / "session.json").write_text("{}", encoding="utf-8")
    assert not _nothing_configured(_ctx(profile_dir))


def test_a_server_set_by_policy_opens_the_real_window(
    profile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"server": "https://eoffice.langson.gov.vn"}), encoding="utf-8")
    monkeypatch.setenv("EOFFICE_POLICY_FILE", str(policy))
    assert not _nothing_configured(_ctx(profile_dir))
