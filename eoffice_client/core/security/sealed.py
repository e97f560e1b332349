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
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from eoffice_client.core.durable import fsync_folder
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


def _chunk_size(header: bytes) -> int | None:
    """The chunk size a header names, None when it is not a sealed file's header."""
    try:
        magic, _, chunk = _HEADER.unpack(header)
    except struct.error:
        return None
    return chunk if magic == MAGIC and 0 < chunk <= MAX_CHUNK else None


def plain_size(path: Path) -> int:
    """The plaintext size of a whole sealed file, from its length (no key needed): every
    chunk carries a nonce and a tag, and a whole file ends with a last chunk."""
    with open(path, "rb") as handle:
        chunk = _chunk_size(handle.read(HEADER_SIZE))
        total = handle.seek(0, os.SEEK_END)
    if chunk is None or total < HEADER_SIZE + NONCE + TAG:
        raise SealedFileDamaged("security.sealed_damaged", path=path, detail="not a sealed file")
    body = total - HEADER_SIZE
    records = -(-body // (NONCE + chunk + TAG))
    return body - records * (NONCE + TAG)


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

    @classmethod
    def resume(cls, path: Path, key: bytes, on_chunk: Callable[[bytes], None]) -> SealedWriter:
        """Goes on writing a sealed file whose writer stopped before :meth:`close` (a cut
        download): every whole chunk that checks is kept and handed to ``on_chunk`` in
        order, whatever follows it is cut off, and :attr:`size` says how much plaintext the
        file holds. A file that is not a sealed file of ``key`` is
        :class:`SealedFileDamaged` (the caller starts it afresh)."""
        writer = cls.__new__(cls)
        writer.path, writer._aes = Path(path), AESGCM(key)
        writer._buffer, writer._closed = bytearray(), False
        writer._handle = open(writer.path, "r+b")  # noqa: SIM115 - closed in close()
        try:
            writer._header = writer._handle.read(HEADER_SIZE)
            chunk = _chunk_size(writer._header)
            if chunk is None:
                raise SealedFileDamaged("security.sealed_damaged", path=path,
                                        detail="not a sealed file")
            writer._chunk = chunk
            writer._index = writer._keep_whole_chunks(on_chunk)
        except BaseException:
            writer._handle.close()
            raise
        writer.size = writer._index * writer._chunk
        return writer

    def _keep_whole_chunks(self, on_chunk: Callable[[bytes], None]) -> int:
        record, index = NONCE + self._chunk + TAG, 0
        while True:
            start = self._handle.tell()
            data = self._handle.read(record)
            plain = self._open_chunk(data, index) if len(data) == record else None
            if plain is None:
                self._handle.seek(start)
                self._handle.truncate()
                return index
            on_chunk(plain)
            index += 1

    def _open_chunk(self, data: bytes, index: int) -> bytes | None:
        try:
            return self._aes.decrypt(data[:NONCE], data[NONCE:],
                                     _aad(self._header, index, False))
        except InvalidTag:
            return None

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

    def suspend(self) -> None:
        """Stops without sealing the end (a cut download): the whole chunks written so far
        are kept, fsynced, for :meth:`resume`; the plaintext still buffered is dropped."""
        if self._closed:
            return
        self._closed = True
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
        finally:
            self._handle.close()

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
        chunk = _chunk_size(self._header)
        if chunk is None:
            self._handle.close()
            raise self._damaged("not a sealed file")
        self._chunk = chunk
        self._record = NONCE + self._chunk + TAG
        self._pending = b""
        self._offset = 0  # bytes of ``_pending`` already handed out
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
        """Up to ``size`` bytes (all that is left for -1); b"" at the end. Small reads of
        a large file cost no copying of the rest of its chunk."""
        if size < 0:
            rest = [self._pending[self._offset:], *self._source()]
            self._pending, self._offset = b"", 0
            return b"".join(rest)
        while len(self._pending) - self._offset < max(size, 1) and not self._done:
            self._pending = self._pending[self._offset:] + next(self._source(), b"")
            self._offset = 0
        out = self._pending[self._offset:self._offset + size]
        self._offset += len(out)
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
    fsync_folder(path.parent)


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
