"""The files cache's bytes on the disk: plain, or sealed (AES-256-GCM) with the files key.

With encryption at rest on, :class:`~eoffice_client.core.sync.files.FileCache` holds the
files key and everything it writes goes through
:class:`~eoffice_client.core.security.sealed.SealedWriter`: a queued upload's copy and a
download, whose ``.part`` is a sealed file too (a cut download resumes from its last whole
chunk, :meth:`SealedWriter.resume`). Reads go through
:class:`~eoffice_client.core.security.sealed.SealedReader`, whatever asks: the upload of a
queued file, the viewer's bytes, a copy the person saves. A file still plain in a sealed
cache (written before encryption was turned on and not sealed yet) is read as it is.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from eoffice_client.core.security.sealed import (
    SealedFileDamaged,
    SealedReader,
    SealedWriter,
    is_sealed,
    plain_size,
    seal_in_place,
    unseal_to,
)

READ_CHUNK = 1 << 20


class Readable(Protocol):
    """What a request body and the viewer read from."""

    def read(self, size: int = -1) -> bytes: ...

    def close(self) -> None: ...


class Sink(Protocol):
    """Where received or copied bytes go: a plain file or a sealed writer."""

    def write(self, data: bytes) -> int: ...


class PlainBody:
    """A plain cached file as a request body (its length known: a Content-Length)."""

    def __init__(self, path: Path) -> None:
        self.len = path.stat().st_size
        self._handle = open(path, "rb")  # noqa: SIM115 - closed by close()

    def read(self, size: int = -1) -> bytes:
        return self._handle.read(size)

    def close(self) -> None:
        self._handle.close()


class SealedBody:
    """A sealed cached file as a request body: the checked plaintext, streamed chunk by
    chunk, with its plaintext length (``requests`` sends it as the Content-Length)."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.len = plain_size(path)
        self._reader = SealedReader(path, key)

    def read(self, size: int = -1) -> bytes:
        return self._reader.read(size)

    def close(self) -> None:
        self._reader.close()


def open_readable(path: Path, key: bytes | None) -> Readable:
    """The plaintext of a cached file: a plain cache's files are read as they are; a sealed
    cache's are checked chunk by chunk (:class:`SealedFileDamaged` when one does not),
    except a file still plain from before encryption was turned on."""
    if key is not None and is_sealed(path):
        return SealedBody(path, key)
    return PlainBody(path)


def body_opener(path: Path, key: bytes | None) -> Callable[[], Readable]:
    """Opens the file anew for each try of an upload."""
    return lambda: open_readable(path, key)


def read_all(path: Path, key: bytes | None) -> bytes:
    readable = open_readable(path, key)
    try:
        return readable.read()
    finally:
        readable.close()


def copy_plain(path: Path, key: bytes | None, destination: Path) -> Path:
    """The checked plaintext at ``destination``, written whole or not at all."""
    if key is not None and is_sealed(path):
        unseal_to(path, key, destination)
        return destination
    temp = destination.with_name(f".{destination.name}.partial")
    try:
        shutil.copyfile(path, temp)
        os.replace(temp, destination)
    finally:
        temp.unlink(missing_ok=True)
    return destination


class PlainWriter:
    """A new plain file written like a :class:`SealedWriter`: ``close`` fsyncs it, an
    exception inside ``with`` removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = 0
        self._handle = open(path, "xb")  # noqa: SIM115 - closed by close()/abort()

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return self._handle.write(data)

    def close(self) -> None:
        if self._handle.closed:
            return
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
        finally:
            self._handle.close()

    def abort(self) -> None:
        self._handle.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> PlainWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def new_writer(path: Path, key: bytes | None) -> SealedWriter | PlainWriter:
    return SealedWriter(path, key) if key is not None else PlainWriter(path)


class SealedPart:
    """The sealed ``.part`` of a download, resumed when one is there (its whole chunks go to
    ``on_kept``, for the hash). Leaving the ``with`` block by an exception keeps the whole
    chunks for the next try; :meth:`finish` seals the end once the whole body came."""

    def __init__(self, part: Path, key: bytes, on_kept: Callable[[bytes], None]) -> None:
        self.part, self._key = part, key
        self.writer: SealedWriter | None = None
        if part.exists():
            try:
                self.writer = SealedWriter.resume(part, key, on_kept)
            except SealedFileDamaged:  # not ours, or another key's: start it afresh
                part.unlink()
        if self.writer is None:
            self.writer = SealedWriter(part, key)

    def _current(self) -> SealedWriter:
        assert self.writer is not None
        return self.writer

    @property
    def size(self) -> int:
        """Plaintext bytes the part holds."""
        return self._current().size

    def write(self, data: bytes) -> int:
        return self._current().write(data)

    def restart(self) -> None:
        """Empties the part (the server sends the whole file again)."""
        self._current().abort()
        self.writer = SealedWriter(self.part, self._key)

    def finish(self) -> None:
        self._current().close()

    def __enter__(self) -> SealedPart:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is not None:
            self._current().suspend()


def seal_plain_files(root: Path, key: bytes) -> int:
    """Seals every plain file of the cache in place (turning encryption on); plain ``.part``
    files cannot be resumed as sealed ones and are removed. Returns how many were sealed."""
    sealed = 0
    if not root.is_dir():
        return 0
    for folder in sorted(root.iterdir()):
        if folder.name == ".part" and folder.is_dir():
            for part in folder.iterdir():
                if part.is_file() and not is_sealed(part):
                    part.unlink()
        elif len(folder.name) == 2 and folder.is_dir():
            for item in sorted(folder.iterdir()):
                if item.is_file() and not is_sealed(item):
                    seal_in_place(item, key)
                    sealed += 1
    return sealed
