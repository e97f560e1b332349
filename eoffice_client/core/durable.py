"""Writes that survive a crash or a power cut: a file reaches the disk before it replaces
the old one, and the folder's entry for it is flushed too (POSIX; Windows' NTFS journals
its folder entries itself)."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Flushes ``folder``'s entries (a file just created, renamed or removed in it)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(path: Path, data: bytes) -> None:
    """Writes ``data`` to a temporary file beside ``path``, flushes it to the disk and
    puts it in ``path``'s place: a reader sees the old file or the whole new one. An
    OSError (a full disk, a folder that cannot be written) leaves ``path`` as it was."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
