"""Help > export diagnostics: logs, versions, settings and status for IT staff, no secrets.

No password or token is ever in these files (they never reach logs or settings); a proxy
address's user:password part is removed all the same, and document contents are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import re
import sys
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import qVersion

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings, locked_fields

_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
_SECRET_WORDS = re.compile(r"(?i)(password|token|secret|authorization)\S*\s*[=:]\s*\S+")
MAX_LOG_BYTES = 5 * 1024 * 1024


def redact(text: str) -> str:
    """Drops ``user:pass@`` from addresses and ``token=...``-like pairs from a text."""
    return _SECRET_WORDS.sub(lambda m: m.group(1) + "=<removed>", _USERINFO.sub("", text))


def versions() -> dict[str, str]:
    return {"eoffice-client": __version__, "python": sys.version.split()[0],
            "platform": platform.platform(), "pyside6": PySide6.__version__,
            "qt": qVersion()}


def export_bundle(profile: Profile, settings: Settings, status: dict[str, Any],
                  out: Path) -> Path:
    """Writes the zip and returns its path."""
    settings_data = {k: redact(v) if isinstance(v, str) else v
                     for k, v in asdict(settings).items()}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("versions.json", json.dumps(versions(), indent=2))
        bundle.writestr("settings.json", json.dumps(
            {"settings": settings_data, "locked_by_policy": sorted(locked_fields())},
            ensure_ascii=False, indent=2))
        bundle.writestr("status.json", json.dumps(
            {k: redact(v) if isinstance(v, str) else v for k, v in status.items()},
            ensure_ascii=False, indent=2, default=str))
        bundle.writestr("created.txt", dt.datetime.now(dt.UTC).isoformat())
        for folder, prefix in ((profile.logs_dir, "logs"), (profile.reports_dir, "reports")):
            _add_texts(bundle, folder, prefix)
    return out


def _add_texts(bundle: zipfile.ZipFile, folder: Path, prefix: str) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()[-MAX_LOG_BYTES:]
        bundle.writestr(f"{prefix}/{path.name}", redact(data.decode("utf-8", "replace")))
