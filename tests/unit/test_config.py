"""Profiles, settings and central policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eoffice_client.config import Profile, Settings, locked_fields


def test_settings_round_trip(profile_dir: Path) -> None:
    profile = Profile.at(profile_dir)
    settings = profile.load_settings()
    assert settings == Settings()
    settings.server = "https://eoffice.langson.gov.vn"
    settings.sync_interval_min = 5
    profile.save_settings(settings)
    assert profile.load_settings().server == "https://eoffice.langson.gov.vn"
    assert profile.load_settings().sync_interval_min == 5


def test_policy_wins_and_is_not_saved(
    profile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"server": "https://policy.example", "sync_interval_min": "3",
                                  "unknown": 1}), encoding="utf-8")
    monkeypatch.setenv("EOFFICE_POLICY_FILE", str(policy))
    profile = Profile.at(profile_dir)
    settings = profile.load_settings()
    assert settings.server == "https://policy.example"
    assert settings.sync_interval_min == 3
    assert locked_fields() == {"server", "sync_interval_min"}
    settings.language = "en"
    profile.save_settings(settings)
    saved = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    assert "server" not in saved and saved["language"] == "en"


def test_broken_settings_file_gives_defaults(profile_dir: Path) -> None:
    profile = Profile.at(profile_dir)
    profile.settings_path.write_text("{not json", encoding="utf-8")
    assert profile.load_settings() == Settings()


def test_profile_id_is_stable(profile_dir: Path) -> None:
    first = Profile.at(profile_dir).profile_id
    assert Profile.at(profile_dir).profile_id == first
    assert Profile.at(profile_dir / "other").profile_id != first
