"""When the window cannot start: one clear line on stderr, then exit 1.

Qt ends the process (abort, exit 134, without a word once its messages go to our log)
right after a fatal message, typically "no Qt platform plugin could be initialized" while
QApplication is made. The message handler (qt_log.py) calls :func:`fail` instead: it reads
Qt's reason from the messages before the fatal one, says in the chosen language why and
what to install (``ldd`` names the libraries the plugin lacks), removes what the start
made (the training mode's folder: :func:`on_failed_start`) and exits with cli-v1.md's
code 1. It cannot return: Qt aborts as soon as the handler does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QLibraryInfo

from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr as message

LOG = logging.getLogger("eoffice.qt.start")  # kept for the log, like Qt's own messages
_cleanups: list[Callable[[], None]] = []

_NOT_FOUND = re.compile(r'Could not find the Qt platform plugin "([^"]*)"')
_NOT_LOADED = re.compile(r'Could not load the Qt platform plugin "([^"]*)"')
_AVAILABLE = re.compile(r"Available platform plugins are: ([^\n]*?)\.?\s*$", re.MULTILINE)
_NO_DISPLAY = "could not connect to display"
#: Debian's name of a library package where the usual rule (below) does not give it
_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0"}


def on_failed_start(cleanup: Callable[[], None]) -> Callable[[], None]:
    """Runs ``cleanup`` if the window fails to start; returns the call that forgets it."""
    _cleanups.append(cleanup)

    def forget() -> None:
        if cleanup in _cleanups:
            _cleanups.remove(cleanup)
    return forget


def fail(messages: Sequence[tuple[str, str]]) -> NoReturn:
    """The one line, the cleanups, exit 1 (``messages``: Qt's last (category, text))."""
    line = explain(messages)
    with contextlib.suppress(OSError, ValueError):  # no console to write to
        print(f"eoffice-client: {line}", file=sys.stderr, flush=True)
    LOG.critical("the window could not start: %s", line)
    for handler in logging.getLogger("eoffice").handlers:
        handler.flush()
    for cleanup in reversed(_cleanups):
        try:
            cleanup()
        except Exception:  # leave as much clean as possible
            LOG.exception("cleanup after a failed start")
    os._exit(int(ExitCode.UNEXPECTED))  # Qt would abort the moment this returned


def explain(messages: Sequence[tuple[str, str]]) -> str:
    """Why the window cannot start and what to do, in the chosen language."""
    texts = [text for _category, text in messages]
    joined = "\n".join(texts)
    missing = _NOT_FOUND.search(joined)
    if missing:
        available = _AVAILABLE.search(joined)
        return message("gui.start.no_plugin", plugin=missing.group(1),
                  available=available.group(1) if available else "")
    if any(_NO_DISPLAY in text for text in texts):
        display = os.environ.get("DISPLAY", "")
        return message("gui.start.no_display", display=f"DISPLAY={display}" if display
                  else message("gui.start.display_unset"))
    not_loaded = _NOT_LOADED.search(joined)
    if not_loaded:
        plugin = not_loaded.group(1)
        libraries = missing_libraries(plugin)
        if libraries:
            return message("gui.start.missing_libraries", plugin=plugin,
                      libraries=", ".join(libraries), install=install_hint(libraries))
        return message("gui.start.plugin_failed", plugin=plugin)
    fatal = texts[-1].strip() if texts else ""
    return message("gui.start.failed", detail=fatal.splitlines()[0] if fatal else "Qt")


def plugin_file(plugin: str) -> Path | None:
    """The platform plugin's library (``libqxcb.so`` for ``xcb``), None when not found."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    for candidate in sorted(folder.glob(f"*q{plugin}.*")):
        if candidate.suffix in (".so", ".dll", ".dylib"):
            return candidate
    return None


def missing_libraries(plugin: str) -> list[str]:
    """The libraries ``ldd`` finds missing for the plugin (none where there is no ldd)."""
    path = plugin_file(plugin)
    ldd = shutil.which("ldd")
    if path is None or ldd is None:
        return []
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    found = [line.split("=>")[0].strip() for line in done.stdout.splitlines()
             if "not found" in line]
    return sorted(set(found))


def debian_package(library: str) -> str:
    """Debian's package of a library: ``libxcb-icccm.so.4`` -> ``libxcb-icccm4``,
    ``libX11.so.6`` -> ``libx11-6`` (a hyphen where the name ends in a digit)."""
    if library in _PACKAGES:
        return _PACKAGES[library]
    name, _, version = library.partition(".so.")
    name = name.lower()
    version = version.split(".")[0]
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def install_hint(libraries: Sequence[str]) -> str:
    """The command that installs the libraries (apt-get where there is one)."""
    packages = sorted({debian_package(library) for library in libraries})
    if shutil.which("apt-get"):
        return "sudo apt-get install " + " ".join(packages)
    return ", ".join(packages)
