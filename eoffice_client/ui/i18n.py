"""Translations: load ``eoffice_<lang>.qm``, compiling it from the ``.ts`` when it is missing.

The ``.qm`` files are built by ``pyside6-lrelease`` at build time (setup.py) and not
committed. In an editable install or a checkout they are missing, so the first start
compiles them into the user's cache folder (keyed by the ``.ts`` content) and reuses them.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import platformdirs
import PySide6

from eoffice_client.config import APP_NAME, VENDOR
from eoffice_client.ui.resources import data_dir

LOG = logging.getLogger("eoffice.ui.i18n")
LANGUAGES = ("vi", "en")


def ts_path(lang: str) -> Path:
    return data_dir("translations") / f"eoffice_{lang}.ts"


def qm_path(lang: str) -> Path | None:
    """A compiled catalogue for ``lang``: the packaged one, else one compiled into the cache."""
    packaged = data_dir("translations") / f"eoffice_{lang}.qm"
    if packaged.is_file():
        return packaged
    source = ts_path(lang)
    if not source.is_file():
        return None
    content = source.read_bytes()  # a cache key, not a check against tampering
    digest = f"{zlib.crc32(content):08x}{len(content):x}"
    cache_dir = Path(os.environ.get("EOFFICE_QM_CACHE") or _user_cache()) / "translations"
    target = cache_dir / f"eoffice_{lang}-{digest}.qm"
    if target.is_file():
        return target
    return compile_ts(source, target)


def _user_cache() -> str:
    return str(platformdirs.user_cache_dir(APP_NAME, VENDOR))


def lrelease_command() -> list[str] | None:
    """How to run lrelease here: the PySide6 wrapper next to Python, or on PATH."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        candidate = folder / name
        if candidate.is_file():
            return [str(candidate)]
        found = shutil.which(name)
        if found:
            return [found]
    binary = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    return [str(binary)] if binary.is_file() else None


def compile_ts(source: Path, target: Path) -> Path | None:
    """Runs lrelease on one .ts; None (English source texts) when that is not possible."""
    command = lrelease_command()
    if command is None:
        LOG.warning("lrelease not found: %s stays uncompiled", source.name)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".qm.part")
    try:
        subprocess.run([*command, "-silent", str(source), "-qm", str(partial)], check=True,
                       capture_output=True, timeout=60)
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError) as exc:
        LOG.warning("compiling %s failed: %s", source.name, exc)
        return None
    return target
