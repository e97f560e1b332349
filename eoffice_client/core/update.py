"""Is a newer eOffice out? The update manifest named by policy, checked at most daily.

IT staff publish a small JSON file and name it in the ``UpdateManifestUrl`` policy::

    {"version": "0.2.0", "msi_url": "https://.../eoffice-client-0.2.0.msi",
     "sha256": "<64 hex digits of the MSI>"}

:func:`check_for_update` reads it at most once a day (the last answer is kept in the
profile's ``update-check.json``) and returns an :class:`UpdateNotice` for the window and
``status --json``; :func:`read_update_notice` returns the kept answer without the network.
The client never installs anything itself: IT upgrades with the MSI (docs/it-guide.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings

if TYPE_CHECKING:
    import requests

CHECK_EVERY = dt.timedelta(days=1)
STATE_FILE = "update-check.json"
MAX_MANIFEST_BYTES = 64 * 1024
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_VERSION = re.compile(r"\d+(\.\d+){0,3}([.-]?[A-Za-z0-9]+)*")


class ManifestError(Exception):
    """The manifest could not be fetched or is not what it should be (a readable reason)."""


@dataclass(frozen=True)
class Manifest:
    version: str
    msi_url: str
    sha256: str


@dataclass(frozen=True)
class UpdateNotice:
    """What the last check of the update manifest found."""

    manifest_url: str
    current_version: str
    checked_at: str | None  # RFC 3339 (UTC) of the last check that reached the manifest
    latest_version: str | None = None
    msi_url: str | None = None
    sha256: str | None = None
    error: str | None = None  # why the last check failed (the version found before is kept)

    @property
    def update_available(self) -> bool:
        return self.latest_version is not None and is_newer(self.latest_version,
                                                            self.current_version)

    def message(self, lang: str | None = None) -> str | None:
        """The window's line about a newer version, or None when there is none."""
        if not self.update_available:
            return None
        from eoffice_client.core.messages import tr

        return tr("update.available", lang, version=self.latest_version,
                  current=self.current_version)

    def error_message(self, lang: str | None = None) -> str | None:
        """Why the last check failed (for diagnostics), or None."""
        if self.error is None:
            return None
        from eoffice_client.core.messages import tr

        return tr("update.manifest_unreadable", lang, url=self.manifest_url, detail=self.error)

    def as_json(self) -> dict[str, str | bool | None]:
        """The ``update`` field of ``status --json`` (machine output, never localised)."""
        return {"current_version": self.current_version,
                "latest_version": self.latest_version,
                "update_available": self.update_available,
                "msi_url": self.msi_url, "sha256": self.sha256,
                "checked_at": self.checked_at, "manifest_url": self.manifest_url,
                "error": self.error}


def version_key(text: str) -> tuple[tuple[int, ...], int]:
    """Release numbers, then 1 for a release and 0 for a pre-release (``0.2.0rc1``)."""
    match = re.match(r"v?(\d+(?:\.\d+)*)(.*)", text.strip())
    if match is None:
        return (0,), 0
    numbers = [int(part) for part in match.group(1).split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers), 0 if match.group(2).strip(".-+") else 1


def is_newer(candidate: str, current: str) -> bool:
    return version_key(candidate) > version_key(current)


def client_too_old_message(required: str, lang: str | None = None) -> str:
    """What the window says when the server's ``min_client_version`` is above ours."""
    from eoffice_client.core.messages import tr

    return tr("update.too_old", lang, required=required, current=__version__)


def parse_manifest(data: bytes) -> Manifest:
    """A manifest from its JSON bytes; ManifestError names the field that is wrong."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ManifestError(f"not JSON ({exc})") from None
    if not isinstance(value, dict):
        raise ManifestError("not a JSON object")
    version, msi_url, sha256 = (value.get(name) for name in ("version", "msi_url", "sha256"))
    if not isinstance(version, str) or not _VERSION.fullmatch(version.strip()):
        raise ManifestError("field «version» is missing or not a version")
    if not isinstance(msi_url, str) or not msi_url.lower().startswith(("https://", "http://")):
        raise ManifestError("field «msi_url» is missing or not an http(s) address")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise ManifestError("field «sha256» is missing or not 64 hexadecimal digits")
    return Manifest(version.strip(), msi_url, sha256.lower())


def fetch_manifest(url: str, settings: Settings,
                   session: requests.Session | None = None) -> Manifest:
    """GETs the manifest with the client's TLS trust and proxy (at most 64 KB)."""
    import requests

    own = session is None
    if session is None:
        from eoffice_client.core.api.transport import make_session

        session = make_session(url, settings)
    try:
        with session.get(url, stream=True, allow_redirects=True,
                         timeout=(settings.connect_timeout_s, 30.0)) as response:
            if response.status_code != 200:
                raise ManifestError(f"HTTP {response.status_code}")
            data = response.raw.read(MAX_MANIFEST_BYTES + 1, decode_content=True)
    except requests.RequestException as exc:
        raise ManifestError(type(exc).__name__) from None
    finally:
        if own:
            session.close()
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(f"larger than {MAX_MANIFEST_BYTES} bytes")
    return parse_manifest(data)


def read_update_notice(profile: Profile, settings: Settings) -> UpdateNotice | None:
    """The last check's answer (no network); None when no manifest is configured."""
    url = settings.update_manifest_url
    if not url:
        return None
    kept = _load_state(profile.root / STATE_FILE)
    if kept is None or kept.manifest_url != url:
        return UpdateNotice(manifest_url=url, current_version=__version__, checked_at=None)
    return UpdateNotice(**{**asdict(kept), "current_version": __version__})


def check_for_update(profile: Profile, settings: Settings, *, now: dt.datetime | None = None,
                     force: bool = False,
                     session: requests.Session | None = None) -> UpdateNotice | None:
    """Reads the manifest unless it was read less than a day ago; None when none is set."""
    kept = read_update_notice(profile, settings)
    if kept is None:
        return None
    now = now or dt.datetime.now(dt.UTC)
    if not force and kept.checked_at and not _due(kept.checked_at, now):
        return kept
    try:
        manifest = fetch_manifest(kept.manifest_url, settings, session)
    except ManifestError as exc:
        notice = UpdateNotice(**{**asdict(kept), "error": str(exc),
                                 "checked_at": now.isoformat(timespec="seconds")})
    else:
        notice = UpdateNotice(manifest_url=kept.manifest_url, current_version=__version__,
                              checked_at=now.isoformat(timespec="seconds"),
                              latest_version=manifest.version, msi_url=manifest.msi_url,
                              sha256=manifest.sha256)
    _save_state(profile.root / STATE_FILE, notice)
    return notice


def _due(checked_at: str, now: dt.datetime) -> bool:
    try:
        last = dt.datetime.fromisoformat(checked_at)
    except ValueError:
        return True
    if last.tzinfo is None:
        last = last.replace(tzinfo=dt.UTC)
    return not (dt.timedelta(0) <= now - last < CHECK_EVERY)


def _load_state(path: Path) -> UpdateNotice | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("manifest_url"), str):
        return None
    fields = ("checked_at", "latest_version", "msi_url", "sha256", "error")
    values = {name: data.get(name) if isinstance(data.get(name), str) else None
              for name in fields}
    return UpdateNotice(manifest_url=data["manifest_url"], current_version=__version__,
                        **values)


def _save_state(path: Path, notice: UpdateNotice) -> None:
    data = {k: v for k, v in asdict(notice).items() if k != "current_version"}
    tmp = path.with_suffix(".json.tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a profile that cannot be written only means checking again next time
