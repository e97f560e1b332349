"""When did this process start? For ``gui --startup-probe`` and bench/bench_gui.py."""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.time()


def process_start_time() -> float:
    """The process's start as a Unix time (Linux's /proc); elsewhere the import time of
    this module, which leaves the interpreter's own start-up out of the figure."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_start()
    except (OSError, ValueError, IndexError):
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


def elapsed_ms() -> int:
    return round((time.time() - process_start_time()) * 1000)
