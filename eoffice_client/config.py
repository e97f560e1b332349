"""Profile folders and typed settings, with central policy taking precedence.

A profile is one folder holding the cache database, the files cache, settings and
logs of one user on one server. Several profiles may be used side by side. Policy
(set by IT staff) comes from ``HKLM``/``HKCU\\Software\\Policies\\eOffice\\Client`` on
Windows, and from the JSON file named by ``EOFFICE_POLICY_FILE`` (default
``/etc/eoffice-client/policy.json``) elsewhere; a field set by policy cannot be changed
by the user and is shown locked.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

APP_NAME = "eOfficeClient"
VENDOR = "eOffice"
POLICY_KEY = r"Software\Policies\eOffice\Client"


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
    holidays: list[str] = field(default_factory=list)

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

    def load_settings(self) -> Settings:
        """User settings with policy applied over them."""
        settings = Settings()
        for name, value in _read_json(self.settings_path).items():
            _set_field(settings, name, value)
        for name, value in read_policy().items():
            _set_field(settings, name, value)
        return settings

    def save_settings(self, settings: Settings) -> None:
        """Saves what the user set; fields set by policy are not written."""
        locked = read_policy()
        data = {k: v for k, v in asdict(settings).items() if k not in locked}
        _atomic_write(self.settings_path, json.dumps(data, ensure_ascii=False, indent=2))


def locked_fields() -> set[str]:
    """Settings fixed by policy (shown locked in the window)."""
    return set(read_policy())


def read_policy() -> dict[str, Any]:
    """Policy values by settings field name; unknown names are ignored."""
    values = _read_windows_policy() if sys.platform == "win32" else _read_policy_file()
    return {k: v for k, v in values.items() if k in Settings.names()}


def _read_policy_file() -> dict[str, Any]:
    path = os.environ.get("EOFFICE_POLICY_FILE", "/etc/eoffice-client/policy.json")
    return _read_json(Path(path))


def _read_windows_policy() -> dict[str, Any]:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return {}
    import winreg

    found: dict[str, Any] = {}
    for hive in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):  # HKLM wins
        try:
            with winreg.OpenKey(hive, POLICY_KEY) as key:
                index = 0
                while True:
                    try:
                        name, value, _ = winreg.EnumValue(key, index)
                    except OSError:
                        break
                    found[name] = value
                    index += 1
        except OSError:
            continue
    return found


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
