"""One sync at a time per profile: an OS file lock that dies with its process.

``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) locks are released by the
kernel when the holding process ends, however it ends (SIGKILL, power loss aside), so
a crashed sync never leaves the profile stuck. The file stays empty: only the lock counts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from eoffice_client.core.errors import ClientError, ExitCode


class SyncRunning(ClientError):
    """Another sync of this profile holds the lock (exit 10)."""

    exit_code = ExitCode.SYNC_RUNNING


class SyncLock:
    """A non-blocking exclusive lock on ``path``; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            try_lock(handle)
        except OSError:
            handle.close()
            raise SyncRunning("sync.lock_held") from None
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            unlock(handle)
        finally:
            handle.close()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def try_lock(handle: IO[bytes]) -> None:
        """Takes the exclusive lock of ``handle`` at once or raises OSError."""
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(handle: IO[bytes]) -> None:
        """Takes the exclusive lock of ``handle`` at once or raises OSError."""
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
