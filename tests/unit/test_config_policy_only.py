"""``allow_http`` from policy only; ``encrypt_cache`` from policy or the user; the warning
key while http:// is in use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eoffice_client.config import ConfigSources, Profile, Source
from eoffice_client.core.api.servers import plain_http_remote
from tests.unit.test_config_policy import DEFAULTS, POLICY, windows


def user_settings(profile: Profile, **values: object) -> None:
    profile.settings_path.write_text(json.dumps(values), encoding="utf-8")


def test_allow_http_in_the_users_settings_is_not_read(profile_dir: Path) -> None:
    profile = Profile(profile_dir)
    user_settings(profile, allow_http=True, encrypt_cache=True, proxy="http://p:3128")
    settings = profile.load_settings(windows({}))
    assert settings.allow_http is False
    assert settings.encrypt_cache is True and settings.proxy == "http://p:3128"
    origins = profile.setting_origins(windows({}))
    assert origins["allow_http"].source == Source.BUILT_IN
    assert origins["encrypt_cache"].source == Source.USER


def test_allow_http_in_the_machine_defaults_is_not_read(profile_dir: Path) -> None:
    """HKCU\\Software\\eOffice\\Client is writable by anything running as the user."""
    sources = windows({("HKCU", DEFAULTS): {"AllowHttp": 1, "EncryptCache": 1},
                       ("HKLM", DEFAULTS): {"AllowHttp": 1}})
    settings = Profile(profile_dir).load_settings(sources)
    assert settings.allow_http is False and settings.encrypt_cache is True
    assert Profile(profile_dir).setting_origins(sources)["allow_http"].source == Source.BUILT_IN


@pytest.mark.parametrize("hive", ["HKLM", "HKCU"])
def test_a_policy_allows_http_and_sets_encryption(profile_dir: Path, hive: str) -> None:
    profile = Profile(profile_dir)
    user_settings(profile, encrypt_cache=False)
    sources = windows({(hive, POLICY): {"AllowHttp": 1, "EncryptCache": 1}})
    settings = profile.load_settings(sources)
    assert settings.allow_http is True and settings.encrypt_cache is True
    origins = profile.setting_origins(sources)
    assert origins["allow_http"].locked and origins["encrypt_cache"].locked


def test_the_policy_file_on_linux(profile_dir: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"AllowHttp": "1", "encrypt_cache": True}), encoding="utf-8")
    settings = Profile(profile_dir).load_settings(ConfigSources(policy_file=policy))
    assert settings.allow_http is True and settings.encrypt_cache is True


def test_saving_never_writes_allow_http(profile_dir: Path) -> None:
    profile = Profile(profile_dir)
    settings = profile.load_settings(windows({}))
    settings.allow_http, settings.encrypt_cache = True, True
    profile.save_settings(settings, windows({}))
    saved = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    assert "allow_http" not in saved and saved["encrypt_cache"] is True


# Written by hand: which addresses are unencrypted http:// to another machine.
HTTP_REMOTE = [
    ("http://eoffice.langson.gov.vn", True),
    ("HTTP://10.0.0.5:8080/api", True),
    ("http://[fe80::1]:80", True),
    ("https://eoffice.langson.gov.vn", False),
    ("http://127.0.0.1:8000", False),
    ("http://localhost", False),
    ("http://[::1]:9000", False),
    ("eoffice.langson.gov.vn", False),  # a bare host gets https://
    ("", False),
]


@pytest.mark.parametrize(("server", "expected"), HTTP_REMOTE)
def test_plain_http_to_another_machine(server: str, expected: bool) -> None:
    assert plain_http_remote(server) is expected


def test_the_warning_key_while_http_is_in_use(profile_dir: Path) -> None:
    from eoffice_client.config import Settings
    from eoffice_client.core.app.application import App
    from eoffice_client.core.messages import MESSAGES

    with App(Profile(profile_dir), Settings(server="http://eoffice.noibo.vn")) as app:
        assert app.session.http_warning() == "security.http_in_use"
    with App(Profile(profile_dir), Settings(server="https://eoffice.noibo.vn")) as app:
        assert app.session.http_warning() is None
    vietnamese, english = MESSAGES["security.http_in_use"]
    assert "http://" in vietnamese and "không mã hóa" in vietnamese and "http://" in english
