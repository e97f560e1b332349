"""A SHA-256 computed in its own thread while a download is received and written."""

from __future__ import annotations

import hashlib
import queue
import threading
from pathlib import Path
from typing import Any

CHUNK = 1 << 20
#: pieces received but not hashed yet, at most (the receiver waits beyond: bounded memory)
HASH_BACKLOG = 32


class _Restart:
    """The hash starts over (see :meth:`BackgroundHash.restart`)."""


_RESTART = _Restart()


class BackgroundHash:
    """A SHA-256 computed in its own thread, in the order the pieces were given, so the
    hash of a large download overlaps with receiving and writing it (hashlib releases the
    GIL on large buffers). An error in the thread (the part file vanished) is raised by
    :meth:`finish`."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._todo: queue.Queue[bytes | tuple[Path, int] | _Restart | None] = queue.Queue(
            HASH_BACKLOG)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="sha256", daemon=True)
        self._thread.start()

    def update(self, data: bytes) -> None:
        self._todo.put(data)

    def file_prefix(self, path: Path, length: int) -> None:
        """Starts over from the first ``length`` bytes of ``path`` (a part to resume)."""
        self._todo.put((path, length))

    def restart(self) -> None:
        """Forgets everything hashed so far (the server sends the whole file again)."""
        self._todo.put(_RESTART)

    def finish(self) -> str:
        """Waits for the last piece; returns the hex digest."""
        self._todo.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._digest.hexdigest()

    def _run(self) -> None:
        while (job := self._todo.get()) is not None:
            if self._error is not None:
                continue  # keep taking pieces so the receiver never waits on a full queue
            try:
                if isinstance(job, bytes):
                    self._digest.update(job)
                elif isinstance(job, tuple):
                    self._digest = _hash_prefix(*job)
                else:
                    self._digest = hashlib.sha256()
            except BaseException as exc:  # handed to finish()
                self._error = exc


def _hash_prefix(part: Path, length: int) -> Any:
    digest = hashlib.sha256()
    with open(part, "rb") as handle:
        remaining = length
        while remaining > 0 and (chunk := handle.read(min(CHUNK, remaining))):
            digest.update(chunk)
            remaining -= len(chunk)
    return digest
