"""When did this process start? For ``gui --startup-probe`` and bench/bench_gui.py."""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.time()


def process_start_time() -> float:
    """The process's start as a Unix time; the import time of this module when unknown."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_start()
        if sys.platform == "win32":  # pragma: no cover - Windows only
            return _windows_start()
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return _IMPORTED_AT


def _linux_start() -> float:
    """Now minus the process's age by the boot clock (/proc/uptime, 10 ms ticks); ``btime``
    alone is rounded to whole seconds."""
    with open("/proc/self/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of stat(5)
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return time.time() - (uptime - started_after_boot)


def _windows_start() -> float:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.GetCurrentProcess()
    if not kernel32.GetProcessTimes(handle, ctypes.byref(creation), ctypes.byref(exit_),
                                    ctypes.byref(kernel), ctypes.byref(user)):
        raise OSError("GetProcessTimes failed")
    ticks = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
    return ticks / 10_000_000 - 11_644_473_600


def elapsed_ms() -> int:
    return round((time.time() - process_start_time()) * 1000)
