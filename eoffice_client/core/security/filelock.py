"""A blocking exclusive lock on a file, between threads and processes, that dies with its holder.

The OS lock of :mod:`eoffice_client.core.sync.lock` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows, released by the kernel however the holder ends), but WAITING for the lock, up to
a bound: two appenders of the audit trail (the window and a CLI sync of the same profile)
take turns instead of one of them failing. A thread lock is taken first, because
``flock`` locks of one process on separate handles do not exclude each other on every
system.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.sync.lock import try_lock, unlock

POLL_S = 0.005
_THREAD_LOCKS: dict[Path, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


class LockTimeout(ClientError):
    """The file lock stayed held by another process longer than the bound."""

    exit_code = ExitCode.UNEXPECTED


def _thread_lock(path: Path) -> threading.Lock:
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(path, threading.Lock())


@contextmanager
def exclusive(path: Path, timeout_s: float = 10.0) -> Iterator[None]:
    """Holds an exclusive lock on ``path`` (created empty if missing) inside the block."""
    path = Path(path).resolve()
    local = _thread_lock(path)
    if not local.acquire(timeout=timeout_s):
        raise LockTimeout("security.lock_timeout", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a+b") as handle:
            _wait_for(handle, path, time.monotonic() + timeout_s)
            try:
                yield
            finally:
                unlock(handle)
    finally:
        local.release()


def _wait_for(handle: IO[bytes], path: Path, deadline: float) -> None:
    while True:
        try:
            try_lock(handle)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise LockTimeout("security.lock_timeout", path=path) from None
            time.sleep(POLL_S)

