"""Profile folders and typed settings, with central policy taking precedence.

A profile is one folder holding the cache database, the files cache, settings and
logs of one user on one server. Several profiles may be used side by side.

Settings are read, strongest first, from the computer's policy, the user's policy, the
user's own settings.json, machine defaults from the installer, and the built-in defaults
(config_sources.py says where each lives on Windows and on Linux). A setting that a
policy sets is locked: :func:`setting_locks` tells which and by what, for the settings
dialog's "set by your organisation" line.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from eoffice_client.config_sources import (
    POLICY_KEY,
    ConfigSources,
    Layer,
    SettingOrigin,
    SettingValue,
    Source,
)

APP_NAME = "eOfficeClient"
VENDOR = "eOffice"
#: Settings only a policy may set: the user's settings.json and the machine defaults (which
#: include HKCU, writable by anything running as the user) are not read for them.
POLICY_ONLY = frozenset({"allow_http"})
__all__ = ["APP_NAME", "POLICY_KEY", "POLICY_ONLY", "VENDOR", "ConfigSources", "Profile",
           "SettingOrigin", "SettingValue", "Settings", "Source", "lock_notice", "locked_fields",
           "read_machine_defaults",
           "read_policy", "setting_locks", "setting_origins"]


@dataclass
class Settings:
    """What a user (or policy) can set. Defaults suit a provincial network."""

    server: str = ""
    language: str = "vi"
    sync_interval_min: int = 10
    prefetch: str = "non_secret"  # "non_secret" (all non-secret files) or "none"
    prefetch_max_mb: int = 20  # files larger than this are fetched on demand only
    ca_bundle: str = ""  # an extra CA bundle (PEM), added to the OS trust store
    proxy: str = ""  # empty: the system proxy
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 60.0
    allow_http: bool = False  # http:// to non-loopback servers (policy only, with a warning)
    encrypt_cache: bool = False  # the cache and its files encrypted at rest (core/app/at_rest.py)
    holidays: list[str] = field(default_factory=list)
    timestamp_url: str = ""  # RFC 3161 timestamp server for signatures; empty: none
    pkcs11_library: str = ""  # the token's PKCS#11 module (e.g. the province's USB token)
    idle_lock_min: int = 0  # lock the window after this many idle minutes; 0: never
    update_manifest_url: str = ""  # JSON naming the newest MSI (core/update.py); empty: off
    mark_read_on_open: bool = True  # a document shown in the window is marked read

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass
class Profile:
    """The folder of one profile and the paths inside it."""

    root: Path

    @classmethod
    def default(cls) -> Profile:
        import platformdirs  # only when no --profile is given: keeps the start lean

        return cls(Path(platformdirs.user_data_dir(APP_NAME, VENDOR, roaming=False)) / "default")

    @classmethod
    def at(cls, path: str | os.PathLike[str] | None) -> Profile:
        profile = cls(Path(path).expanduser().resolve()) if path else cls.default()
        profile.root.mkdir(parents=True, exist_ok=True)
        return profile

    @property
    def db_path(self) -> Path:
        return self.root / "cache.sqlite3"

    @property
    def files_dir(self) -> Path:
        return self.root / "files"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    @property
    def session_path(self) -> Path:
        """Who signed in last (no secret; core/api/credentials.py keeps it)."""
        return self.root / "session.json"

    @property
    def sync_lock_path(self) -> Path:
        return self.root / "sync.lock"

    @property
    def profile_id(self) -> str:
        """A stable id of this profile, part of the keyring account name."""
        marker = self.root / "profile-id"
        try:
            return marker.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            import uuid

            value = str(uuid.uuid4())
            _atomic_write(marker, value)
            return value

    def load_settings(self, sources: ConfigSources | None = None) -> Settings:
        """The settings in force: built-in < machine defaults < the user's < policy."""
        sources = sources or ConfigSources.for_this_machine()
        settings = _base_settings(sources.machine_defaults())
        for name, value in _read_json(self.settings_path).items():
            if name not in POLICY_ONLY:
                _set_field(settings, name, value)
        for name, (value, _origin) in sources.policy().items():
            setattr(settings, name, value)
        return settings

    def save_settings(self, settings: Settings, sources: ConfigSources | None = None) -> None:
        """Saves what the user set: neither what policy locks nor what equals the defaults.

        A value left at the machine default follows it when IT changes the default later.
        """
        sources = sources or ConfigSources.for_this_machine()
        locked = sources.policy()
        base = asdict(_base_settings(sources.machine_defaults()))
        data = {k: v for k, v in asdict(settings).items()
                if k not in locked and k not in POLICY_ONLY and v != base.get(k)}
        _atomic_write(self.settings_path, json.dumps(data, ensure_ascii=False, indent=2))

    def setting_origins(self, sources: ConfigSources | None = None) -> dict[str, SettingOrigin]:
        """Where each setting's value comes from (policy, the user, a default)."""
        sources = sources or ConfigSources.for_this_machine()
        user_fields = set(_read_json(self.settings_path)) & set(Settings.names()) - POLICY_ONLY
        return setting_origins(sources, user_fields, str(self.settings_path))


def setting_origins(sources: ConfigSources, user_fields: set[str],
                    user_location: str) -> dict[str, SettingOrigin]:
    """Every Settings field with the source its value comes from."""
    origins = {name: SettingOrigin(name, Source.BUILT_IN, "") for name in Settings.names()}
    origins.update({name: origin for name, (_v, origin) in sources.machine_defaults().items()
                    if name not in POLICY_ONLY})
    origins.update({name: SettingOrigin(name, Source.USER, user_location)
                    for name in user_fields})
    origins.update({name: origin for name, (_v, origin) in sources.policy().items()})
    return origins


def setting_locks(sources: ConfigSources | None = None) -> dict[str, SettingOrigin]:
    """The settings a policy sets, with the policy's place (the dialog shows them locked)."""
    sources = sources or ConfigSources.for_this_machine()
    return {name: origin for name, (_value, origin) in sources.policy().items()}


def locked_fields(sources: ConfigSources | None = None) -> set[str]:
    """Settings fixed by policy (shown locked in the window)."""
    return set(setting_locks(sources))


def read_policy(sources: ConfigSources | None = None) -> dict[str, Any]:
    """Policy values by settings field name, checked against their types."""
    sources = sources or ConfigSources.for_this_machine()
    return {name: value for name, (value, _origin) in sources.policy().items()}


def read_machine_defaults(sources: ConfigSources | None = None) -> dict[str, SettingValue]:
    """The installer's (or IT's) machine defaults by settings field name."""
    sources = sources or ConfigSources.for_this_machine()
    return {name: value for name, (value, _origin) in sources.machine_defaults().items()}


def _base_settings(defaults: Layer) -> Settings:
    settings = Settings()
    for name, (value, _origin) in defaults.items():
        if name not in POLICY_ONLY:
            setattr(settings, name, value)
    return settings


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _set_field(settings: Settings, name: str, value: Any) -> None:
    """Sets a known field when the value has the field's type (ints from the registry too)."""
    if name not in Settings.names():
        return
    current = getattr(settings, name)
    try:
        if isinstance(current, bool):
            value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        elif isinstance(current, int):
            value = int(value)
        elif isinstance(current, float):
            value = float(value)
        elif isinstance(current, list):
            value = list(value) if isinstance(value, list) else str(value).split(",")
        else:
            value = str(value)
    except (TypeError, ValueError):
        return
    setattr(settings, name, value)


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def lock_notice(origin: SettingOrigin, lang: str | None = None) -> str:
    """The settings dialog's line under a locked field, in the person's language."""
    from eoffice_client.core.messages import tr

    key = ("settings.locked_user_policy" if origin.source == Source.USER_POLICY
           else "settings.locked_machine_policy")
    return tr(key, lang, location=origin.location)
