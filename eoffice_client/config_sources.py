"""Where settings come from besides the user: policies and machine defaults.

The order, strongest first (see :mod:`eoffice_client.config`):

1. the computer's policy: ``HKLM\\Software\\Policies\\eOffice\\Client`` (Group Policy,
   installers/admx/eoffice.admx), on Linux the JSON file named by ``EOFFICE_POLICY_FILE``
   (default ``/etc/eoffice-client/policy.json``);
2. the user's policy: ``HKCU\\Software\\Policies\\eOffice\\Client``;
3. the user's own settings (settings.json in the profile);
4. machine defaults: ``HKCU`` then ``HKLM\\Software\\eOffice\\Client`` (written by the MSI's
   SERVERURL, AUTOSYNCMINUTES and LANGUAGE), on Linux the JSON file named by
   ``EOFFICE_DEFAULTS_FILE`` (default ``/etc/eoffice-client/defaults.json``);
5. the built-in defaults of :class:`~eoffice_client.config.Settings`.

A policy locks what it sets; a machine default only pre-configures. Each source is read
through :class:`RegistryReader` or a file path, so tests pass a fake registry.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal, Protocol

LOG = logging.getLogger("eoffice.config")

POLICY_KEY = r"Software\Policies\eOffice\Client"
DEFAULTS_KEY = r"Software\eOffice\Client"
POLICY_FILE = "/etc/eoffice-client/policy.json"
DEFAULTS_FILE = "/etc/eoffice-client/defaults.json"

Hive = Literal["HKLM", "HKCU"]
RegistryValue = str | int
SettingValue = str | int | float | bool | list[str]
Kind = Literal["text", "decimal", "boolean", "enum"]


@dataclass(frozen=True)
class PolicySetting:
    """One setting IT staff can set: its Settings field, registry value name and type.

    ``text`` and ``enum`` are REG_SZ, ``decimal`` and ``boolean`` REG_DWORD (the ADMX
    element of the same name); a machine default written by the MSI may be a REG_SZ of
    digits for a decimal.
    """

    field: str
    value_name: str
    kind: Kind
    minimum: int = 0
    maximum: int = 0
    choices: tuple[str, ...] = ()
    url: bool = False


#: Every setting a policy or machine default may set (the ADMX has exactly these).
POLICY_SETTINGS: tuple[PolicySetting, ...] = (
    PolicySetting("server", "Server", "text", url=True),
    PolicySetting("sync_interval_min", "AutoSyncMinutes", "decimal", minimum=1, maximum=1440),
    PolicySetting("language", "Language", "enum", choices=("vi", "en")),
    PolicySetting("prefetch", "Prefetch", "enum", choices=("non_secret", "none")),
    PolicySetting("prefetch_max_mb", "PrefetchMaxMB", "decimal", minimum=0, maximum=10000),
    PolicySetting("ca_bundle", "ExtraCABundle", "text"),
    PolicySetting("proxy", "Proxy", "text"),
    PolicySetting("timestamp_url", "TimestampServer", "text", url=True),
    PolicySetting("pkcs11_library", "Pkcs11Library", "text"),
    PolicySetting("idle_lock_min", "IdleLockMinutes", "decimal", minimum=0, maximum=1440),
    PolicySetting("allow_http", "AllowHttp", "boolean"),
    PolicySetting("encrypt_cache", "EncryptCache", "boolean"),
    PolicySetting("update_manifest_url", "UpdateManifestUrl", "text", url=True),
)
BY_FIELD = {setting.field: setting for setting in POLICY_SETTINGS}
BY_VALUE_NAME = {setting.value_name.casefold(): setting for setting in POLICY_SETTINGS}


class Source(StrEnum):
    """Where the value of a setting came from."""

    MACHINE_POLICY = "machine_policy"
    USER_POLICY = "user_policy"
    USER = "user"
    MACHINE_DEFAULT = "machine_default"
    BUILT_IN = "built_in"


class RegistryReader(Protocol):
    """Reads the values of one registry key (an empty dict when the key is missing)."""

    def values(self, hive: Hive, key: str) -> dict[str, RegistryValue]: ...


class WindowsRegistry:
    """The real registry (64-bit view, where the MSI and Group Policy write)."""

    def values(self, hive: Hive, key: str) -> dict[str, RegistryValue]:
        if sys.platform != "win32":
            return {}
        import winreg

        root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
        found: dict[str, RegistryValue] = {}
        try:
            with winreg.OpenKey(root, key, 0,
                                winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as handle:
                index = 0
                while True:
                    try:
                        name, value, _kind = winreg.EnumValue(handle, index)
                    except OSError:
                        break
                    index += 1
                    if isinstance(value, str | int):  # REG_SZ, REG_EXPAND_SZ, REG_DWORD
                        found[name] = value
        except OSError:
            return {}
        return found


@dataclass(frozen=True)
class SettingOrigin:
    """Where one setting's value was read: a source and the place within it."""

    field: str
    source: Source
    location: str  # e.g. HKLM\Software\Policies\eOffice\Client\Server, or a file path

    @property
    def locked(self) -> bool:
        return self.source in (Source.MACHINE_POLICY, Source.USER_POLICY)


Layer = dict[str, tuple[SettingValue, SettingOrigin]]


@dataclass(frozen=True)
class ConfigSources:
    """The registry (None off Windows) and the JSON files read instead of it elsewhere."""

    registry: RegistryReader | None = None
    policy_file: Path | None = None
    defaults_file: Path | None = None

    @classmethod
    def for_this_machine(cls) -> ConfigSources:
        if sys.platform == "win32":
            return cls(registry=WindowsRegistry())
        return cls(policy_file=Path(os.environ.get("EOFFICE_POLICY_FILE") or POLICY_FILE),
                   defaults_file=Path(os.environ.get("EOFFICE_DEFAULTS_FILE") or DEFAULTS_FILE))

    def policy(self) -> Layer:
        """What policy sets: the computer's over the user's."""
        layer: Layer = {}
        if self.registry is not None:
            layer.update(_registry_layer(self.registry, "HKCU", POLICY_KEY, Source.USER_POLICY))
            layer.update(_registry_layer(self.registry, "HKLM", POLICY_KEY,
                                         Source.MACHINE_POLICY))
        if self.policy_file is not None:
            layer.update(_file_layer(self.policy_file, Source.MACHINE_POLICY))
        return layer

    def machine_defaults(self) -> Layer:
        """What the installer (or IT) pre-configured: the user's install over the machine's."""
        layer: Layer = {}
        if self.registry is not None:
            layer.update(_registry_layer(self.registry, "HKLM", DEFAULTS_KEY,
                                         Source.MACHINE_DEFAULT))
            layer.update(_registry_layer(self.registry, "HKCU", DEFAULTS_KEY,
                                         Source.MACHINE_DEFAULT))
        if self.defaults_file is not None:
            layer.update(_file_layer(self.defaults_file, Source.MACHINE_DEFAULT))
        return layer


def _registry_layer(registry: RegistryReader, hive: Hive, key: str, source: Source) -> Layer:
    layer: Layer = {}
    for name, raw in registry.values(hive, key).items():
        setting = BY_VALUE_NAME.get(name.casefold())
        if setting is None:
            continue
        location = f"{hive}\\{key}\\{setting.value_name}"
        value = checked_value(setting, raw, location)
        if value is not None:
            layer[setting.field] = (value, SettingOrigin(setting.field, source, location))
    return layer


def _file_layer(path: Path, source: Source) -> Layer:
    """A JSON object keyed by Settings field names or by the registry value names."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        LOG.warning("%s is not readable JSON (%s): ignored", path, exc)
        return {}
    if not isinstance(data, dict):
        LOG.warning("%s is not a JSON object: ignored", path)
        return {}
    layer: Layer = {}
    for name, raw in data.items():
        setting = BY_FIELD.get(str(name)) or BY_VALUE_NAME.get(str(name).casefold())
        if setting is None:
            continue
        value = checked_value(setting, raw, f"{path}: {name}")
        if value is not None:
            layer[setting.field] = (value, SettingOrigin(setting.field, source, str(path)))
    return layer


def checked_value(setting: PolicySetting, raw: object, location: str) -> SettingValue | None:
    """The value as the setting's type, or None (logged) when it does not fit."""
    value = _converted(setting, raw)
    if value is None:
        LOG.warning("%s: %r is not a valid %s value: ignored", location, raw, setting.field)
    return value


def _converted(setting: PolicySetting, raw: object) -> SettingValue | None:
    if setting.kind == "boolean":
        return _boolean(raw)
    if setting.kind == "decimal":
        number = _integer(raw)
        if number is None or not setting.minimum <= number <= setting.maximum:
            return None
        return number
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if setting.kind == "enum":
        return text if text in setting.choices else None
    if setting.url and text and not text.lower().startswith(("https://", "http://")):
        return None
    return text


def _boolean(raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return raw != 0 if raw in (0, 1) else None
    if isinstance(raw, str) and raw.strip().lower() in ("1", "true", "yes", "0", "false", "no"):
        return raw.strip().lower() in ("1", "true", "yes")
    return None


def _integer(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return None
