"""Cached files encrypted at rest: AES-256-GCM in chunks, written and read as streams.

Format (all integers big-endian)::

    header  "EOFSEAL1" | file id (16 random bytes) | chunk size (4 bytes)
    chunk*  nonce (12 random bytes) | ciphertext | GCM tag (16 bytes)

Every chunk but the last holds exactly ``chunk size`` bytes of plaintext; the last holds
the rest (0 bytes for an empty file). Each chunk is sealed with the header, its index (8
bytes) and a "last" flag as associated data, so a chunk moved to another place or another
file, a chunk dropped, a file cut at a chunk boundary or extended all fail to open, as
does any changed byte. The reader hands out a chunk's bytes only after its tag checked.
A reader that stops early (a viewer closing) never sees the end, so only a read to the
end proves the file whole.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from eoffice_client.core.errors import ClientError, ExitCode

MAGIC = b"EOFSEAL1"
CHUNK = 1 << 20
NONCE = 12
TAG = 16
FILE_ID = 16
_HEADER = struct.Struct(f">{len(MAGIC)}s{FILE_ID}sI")
HEADER_SIZE = _HEADER.size
MAX_CHUNK = 64 << 20


class SealedFileDamaged(ClientError):
    """A sealed file that does not open: changed, cut, reordered, or another key (exit 1)."""

    exit_code = ExitCode.UNEXPECTED


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


class SealedWriter:
    """Encrypts while writing: ``write`` plaintext, ``close`` seals the last chunk and fsyncs.

    Leaving the ``with`` block by an exception removes the partial file.
    """

    def __init__(self, path: Path, key: bytes, chunk_size: int = CHUNK) -> None:
        if not 0 < chunk_size <= MAX_CHUNK:
            raise ValueError("chunk size out of range")
        self.path = Path(path)
        self._aes = AESGCM(key)
        self._chunk = chunk_size
        self._header = _HEADER.pack(MAGIC, os.urandom(FILE_ID), chunk_size)
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        self.size = 0  # plaintext bytes taken
        self._handle: IO[bytes] = open(self.path, "xb")  # noqa: SIM115 - closed in close()
        self._handle.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        count = view.nbytes
        self.size += count
        while view:
            room = self._chunk - len(self._buffer)
            self._buffer += view[:room]
            view = view[room:]
            if len(self._buffer) == self._chunk and view:
                self._seal(last=False)
        return count

    def _seal(self, *, last: bool) -> None:
        nonce = os.urandom(NONCE)
        sealed = self._aes.encrypt(nonce, bytes(self._buffer), _aad(self._header, self._index,
                                                                    last))
        self._handle.write(nonce + sealed)
        self._buffer.clear()
        self._index += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if len(self._buffer) == self._chunk:
                self._seal(last=False)  # a full chunk is followed by an empty last one
            self._seal(last=True)
            self._handle.flush()
            os.fsync(self._handle.fileno())
        finally:
            self._handle.close()

    def abort(self) -> None:
        self._closed = True
        self._handle.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> SealedWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class SealedReader:
    """Decrypts and checks chunk by chunk; :class:`SealedFileDamaged` on any mismatch."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = Path(path)
        self._aes = AESGCM(key)
        self._handle: IO[bytes] = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        self._header = self._handle.read(HEADER_SIZE)
        try:
            magic, _, self._chunk = _HEADER.unpack(self._header)
        except struct.error:
            magic = b""
        if magic != MAGIC or not 0 < self._chunk <= MAX_CHUNK:
            self._handle.close()
            raise self._damaged("not a sealed file")
        self._record = NONCE + self._chunk + TAG
        self._pending = bytearray()
        self._index = 0
        self._done = False
        self._iter: Iterator[bytes] | None = None

    def _damaged(self, why: str) -> SealedFileDamaged:
        return SealedFileDamaged("security.sealed_damaged", path=self.path, detail=why)

    def chunks(self) -> Iterator[bytes]:
        """The plaintext, one checked chunk at a time, to the end."""
        record = self._handle.read(self._record)
        while not self._done:
            following = self._handle.read(self._record) if len(record) == self._record else b""
            last = not following
            if len(record) < NONCE + TAG:
                raise self._damaged(f"chunk {self._index} cut short")
            try:
                plain = self._aes.decrypt(record[:NONCE], record[NONCE:],
                                          _aad(self._header, self._index, last))
            except InvalidTag:
                raise self._damaged(f"chunk {self._index} does not check") from None
            self._index += 1
            self._done = last
            record = following
            yield plain

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left for -1); b"" at the end."""
        source = self._source()
        while (size < 0 or len(self._pending) < size) and not self._done:
            self._pending += next(source, b"")
        count = len(self._pending) if size < 0 else min(size, len(self._pending))
        out = bytes(self._pending[:count])
        del self._pending[:count]
        return out

    def _source(self) -> Iterator[bytes]:
        if self._iter is None:
            self._iter = self.chunks()
        return self._iter

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> SealedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def seal_in_place(path: Path, key: bytes, chunk_size: int = CHUNK) -> None:
    """Replaces a plain file by its sealed form: temp file, fsync, ``os.replace``, fsync dir.

    A crash leaves either the plain file or the sealed one, never a mix. A file already
    sealed is left alone.
    """
    path = Path(path)
    if is_sealed(path):
        return
    temp = path.with_name(f".{path.name}.sealing")
    temp.unlink(missing_ok=True)
    with open(path, "rb") as source, SealedWriter(temp, key, chunk_size) as writer:
        while block := source.read(chunk_size):
            writer.write(block)
    os.replace(temp, path)
    _fsync_dir(path.parent)


def unseal_to(path: Path, key: bytes, destination: Path) -> int:
    """Writes the checked plaintext to ``destination`` (a place the user chose); returns
    its size. A damaged file leaves no partial ``destination``."""
    temp = destination.with_name(f".{destination.name}.partial")
    size = 0
    try:
        with SealedReader(path, key) as reader, open(temp, "wb") as out:
            for chunk in reader.chunks():
                out.write(chunk)
                size += len(chunk)
        os.replace(temp, destination)
    finally:
        temp.unlink(missing_ok=True)
    return size


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
