"""The training mode's throw-away folder (``eoffice-demo-*`` in the temp folder).

It holds the sandbox's sample data and the throw-away profile, and goes when the window
closes or fails to start. A process killed outright cannot remove it, so each new one
sweeps the folders no live process owns: the owner holds an exclusive lock on the
folder's ``owner.lock`` for as long as it runs (the OS drops the lock when the process
dies, however it dies), and a folder whose lock can be taken is stale. A folder without
that file (left by a version before it) is removed once it is a day old.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO

LOG = logging.getLogger("eoffice.cli.training")
PREFIX = "eoffice-demo-"
OWNER_FILE = "owner.lock"
#: a folder without an owner file this old is a leftover (the file is made at once)
UNOWNED_AGE_S = 24 * 3600


class TrainingFolder:
    """A new ``eoffice-demo-*`` folder owned by this process until :meth:`remove`."""

    def __init__(self, parent: Path | None = None) -> None:
        parent = parent or Path(tempfile.gettempdir())
        sweep_stale(parent)
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
        self._owner: IO[bytes] | None = open(self.path / OWNER_FILE, "a+b")  # noqa: SIM115
        if not _lock(self._owner):  # nobody else knows the new name yet
            LOG.warning("could not lock %s", self.path / OWNER_FILE)
        self._owner.write(f"{os.getpid()}\n".encode())
        self._owner.flush()

    def remove(self) -> None:
        """Gives up the folder and deletes it (twice is harmless)."""
        owner, self._owner = self._owner, None
        if owner is not None:
            with contextlib.suppress(OSError):
                _unlock(owner)
            owner.close()
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> TrainingFolder:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.remove()


def sweep_stale(parent: Path | None = None) -> list[Path]:
    """Deletes the training folders in ``parent`` (the temp folder) that no live process
    owns; returns them."""
    parent = parent or Path(tempfile.gettempdir())
    removed = []
    for folder in sorted(parent.glob(f"{PREFIX}*")):
        try:
            if folder.is_symlink() or not folder.is_dir() or not _mine(folder):
                continue
            if _stale(folder):
                shutil.rmtree(folder)
                removed.append(folder)
        except OSError as exc:  # in use after all (Windows), or removed meanwhile
            LOG.info("training folder %s left: %s", folder, exc)
    if removed:
        LOG.info("removed %d training folder(s) of ended processes", len(removed))
    return removed


def _mine(folder: Path) -> bool:
    """Only this user's folders (a shared /tmp holds other users' too)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or folder.stat().st_uid == getuid()


def _stale(folder: Path) -> bool:
    owner = folder / OWNER_FILE
    if not owner.exists():
        return time.time() - folder.stat().st_mtime > UNOWNED_AGE_S
    with open(owner, "a+b") as handle:
        if not _lock(handle):
            return False  # its process is alive
        _unlock(handle)
        return True


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
