"""Central policy and machine defaults: the order of the sources, locks, types, files."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from eoffice_client.config import (
    ConfigSources,
    Profile,
    Settings,
    Source,
    lock_notice,
    locked_fields,
    read_machine_defaults,
    read_policy,
    setting_locks,
)
from eoffice_client.config_sources import RegistryValue

POLICY = r"Software\Policies\eOffice\Client"
DEFAULTS = r"Software\eOffice\Client"


class FakeRegistry:
    """Keys by (hive, path), each a dict of value name -> REG_SZ (str) or REG_DWORD (int)."""

    def __init__(self, keys: dict[tuple[str, str], dict[str, RegistryValue]]) -> None:
        self.keys = keys
        self.reads: list[tuple[str, str]] = []

    def values(self, hive: str, key: str) -> dict[str, RegistryValue]:
        self.reads.append((hive, key))
        return dict(self.keys.get((hive, key), {}))


def windows(keys: dict[tuple[str, str], dict[str, RegistryValue]]) -> ConfigSources:
    return ConfigSources(registry=FakeRegistry(keys))


# Written by hand from the order in the brief: HKLM policy > HKCU policy > the user's
# settings > machine defaults (HKCU, then HKLM) > built-in. Each row: which sources set the
# server, and the server expected.
ORDER = [
    ({"hklm_policy", "hkcu_policy", "user", "hkcu_default", "hklm_default"}, "https://a.hklm-policy"),
    ({"hkcu_policy", "user", "hkcu_default", "hklm_default"}, "https://b.hkcu-policy"),
    ({"user", "hkcu_default", "hklm_default"}, "https://c.user"),
    ({"hkcu_default", "hklm_default"}, "https://d.hkcu-default"),
    ({"hklm_default"}, "https://e.hklm-default"),
    (set(), ""),
]
PLACES = {"hklm_policy": ("HKLM", POLICY, "https://a.hklm-policy"),
          "hkcu_policy": ("HKCU", POLICY, "https://b.hkcu-policy"),
          "hkcu_default": ("HKCU", DEFAULTS, "https://d.hkcu-default"),
          "hklm_default": ("HKLM", DEFAULTS, "https://e.hklm-default")}


@pytest.mark.parametrize(("present", "expected"), ORDER)
def test_sources_in_order(profile_dir: Path, present: set[str], expected: str) -> None:
    keys = {(hive, key): {"Server": value} for name, (hive, key, value) in PLACES.items()
            if name in present}
    profile = Profile.at(profile_dir)
    if "user" in present:
        profile.settings_path.write_text(json.dumps({"server": "https://c.user"}),
                                         encoding="utf-8")
    assert profile.load_settings(windows(keys)).server == expected


def test_policy_locks_and_says_by_what(profile_dir: Path) -> None:
    sources = windows({
        ("HKLM", POLICY): {"Server": "https://eoffice.langson.gov.vn", "AllowHttp": 0},
        ("HKCU", POLICY): {"Server": "https://user.example", "Language": "en"},
        ("HKLM", DEFAULTS): {"AutoSyncMinutes": "15"},
    })
    assert locked_fields(sources) == {"server", "allow_http", "language"}
    locks = setting_locks(sources)
    assert locks["server"].source is Source.MACHINE_POLICY
    assert locks["server"].location == r"HKLM\Software\Policies\eOffice\Client\Server"
    assert locks["language"].source is Source.USER_POLICY
    assert "sync_interval_min" not in locks  # a machine default does not lock
    origins = Profile.at(profile_dir).setting_origins(sources)
    assert origins["sync_interval_min"].source is Source.MACHINE_DEFAULT
    assert origins["proxy"].source is Source.BUILT_IN
    assert "Set by your organisation" in lock_notice(locks["server"], "en")
    assert "Do tổ chức của bạn thiết lập" in lock_notice(locks["language"], "vi")
    assert "chính sách của người dùng" in lock_notice(locks["language"], "vi")


# (value name, registry value, expected Settings field and value or None when refused)
TYPES = [
    ("AutoSyncMinutes", 5, ("sync_interval_min", 5)),
    ("AutoSyncMinutes", "30", ("sync_interval_min", 30)),  # REG_SZ written by the MSI
    ("AutoSyncMinutes", 0, None),
    ("AutoSyncMinutes", 100000, None),
    ("AutoSyncMinutes", "ten", None),
    ("Language", "en", ("language", "en")),
    ("Language", "fr", None),
    ("Prefetch", "none", ("prefetch", "none")),
    ("Prefetch", "all", None),
    ("AllowHttp", 1, ("allow_http", True)),
    ("AllowHttp", 0, ("allow_http", False)),
    ("AllowHttp", 2, None),
    ("Server", "ftp://eoffice.gov.vn", None),
    ("Server", 12, None),
    ("TimestampServer", "http://tsa.ca.gov.vn", ("timestamp_url", "http://tsa.ca.gov.vn")),
    ("Pkcs11Library", r"C:\Windows\System32\vnpt-ca.dll",
     ("pkcs11_library", r"C:\Windows\System32\vnpt-ca.dll")),
    ("IdleLockMinutes", 15, ("idle_lock_min", 15)),
    ("ExtraCABundle", r"C:\ProgramData\eOffice\ca.pem",
     ("ca_bundle", r"C:\ProgramData\eOffice\ca.pem")),
    ("Proxy", "http://proxy:8080", ("proxy", "http://proxy:8080")),
    ("UpdateManifestUrl", "https://it.example/eoffice.json",
     ("update_manifest_url", "https://it.example/eoffice.json")),
    ("PrefetchMaxMB", 50, ("prefetch_max_mb", 50)),
    ("serVER", "https://case.example", ("server", "https://case.example")),  # names: any case
    ("Unknown", "x", None),
]


@pytest.mark.parametrize(("name", "raw", "expected"), TYPES)
def test_policy_values_are_checked(name: str, raw: RegistryValue,
                                   expected: tuple[str, object] | None,
                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "eoffice.config")
    policy = read_policy(windows({("HKLM", POLICY): {name: raw}}))
    if expected is None:
        assert policy == {}
        if name != "Unknown":
            assert "not a valid" in caplog.text
    else:
        assert policy == {expected[0]: expected[1]}
        assert type(policy[expected[0]]) is type(expected[1])


def test_save_keeps_neither_locked_nor_default_values(profile_dir: Path) -> None:
    registry = FakeRegistry({("HKLM", POLICY): {"Language": "vi"},
                             ("HKLM", DEFAULTS): {"Server": "https://old.example"}})
    sources = ConfigSources(registry=registry)
    profile = Profile.at(profile_dir)
    settings = profile.load_settings(sources)
    assert settings.server == "https://old.example" and settings.language == "vi"
    settings.language = "en"  # locked: not saved
    settings.sync_interval_min = 3
    profile.save_settings(settings, sources)
    saved = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    assert saved == {"sync_interval_min": 3}
    # the server was left at the machine default: it follows IT's new default
    registry.keys[("HKLM", DEFAULTS)] = {"Server": "https://new.example"}
    assert profile.load_settings(sources).server == "https://new.example"


def test_linux_files(profile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     caplog: pytest.LogCaptureFixture) -> None:
    policy = tmp_path / "policy.json"
    defaults = tmp_path / "defaults.json"
    policy.write_text(json.dumps({"IdleLockMinutes": 10, "proxy": "http://p:3128"}),
                      encoding="utf-8")
    defaults.write_text(json.dumps({"server": "https://defaults.example",
                                    "AutoSyncMinutes": "20"}), encoding="utf-8")
    monkeypatch.setenv("EOFFICE_POLICY_FILE", str(policy))
    monkeypatch.setenv("EOFFICE_DEFAULTS_FILE", str(defaults))
    monkeypatch.setattr("sys.platform", "linux")
    settings = Profile.at(profile_dir).load_settings()
    assert (settings.idle_lock_min, settings.proxy) == (10, "http://p:3128")
    assert (settings.server, settings.sync_interval_min) == ("https://defaults.example", 20)
    assert locked_fields() == {"idle_lock_min", "proxy"}
    assert setting_locks()["proxy"].location == str(policy)
    assert read_machine_defaults() == {"server": "https://defaults.example",
                                       "sync_interval_min": 20}
    policy.write_text("{broken", encoding="utf-8")
    caplog.set_level(logging.WARNING, "eoffice.config")
    assert read_policy() == {}
    assert str(policy) in caplog.text


def test_windows_reads_hklm_and_hkcu_only(profile_dir: Path) -> None:
    registry = FakeRegistry({})
    Profile.at(profile_dir).load_settings(ConfigSources(registry=registry))
    assert set(registry.reads) == {("HKLM", POLICY), ("HKCU", POLICY),
                                   ("HKLM", DEFAULTS), ("HKCU", DEFAULTS)}


def test_new_settings_have_safe_defaults() -> None:
    settings = Settings()
    assert (settings.timestamp_url, settings.pkcs11_library, settings.idle_lock_min,
            settings.update_manifest_url) == ("", "", 0, "")
