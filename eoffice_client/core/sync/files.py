"""The files cache: attachments kept by sha256 under ``profile/files``, never by server names.

A download goes to ``files/.part/<sha256>.part``, resumes with ``Range`` + ``If-Range``
(the strong ETag is ``"<sha256>"``), is hashed while it is written, and becomes visible
(``os.replace`` into ``files/<aa>/<sha256>``) only after its SHA-256 and size match the
attachment's. Secret documents' files (secrecy >= 1) are never asked for: the callers
filter them, and :meth:`FileCache.download` refuses them again as a last guard.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from eoffice_client.core.errors import ClientError, ExitCode, NotAllowedError
from eoffice_client.core.sync.progress import CancelToken

log = logging.getLogger("eoffice.sync.files")

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1 << 20
#: the receiving side reads into RING reused buffers of RECV_CHUNK bytes (see _Hasher)
RECV_CHUNK = 1 << 20
RING = 4
#: the first read is short: the hash thread starts on it while the rest arrives
FIRST_READ = 128 << 10
#: bytes received between two hints to the OS to start writing them to disk
WRITEBACK_EVERY = 8 << 20
_FADVISE = getattr(os, "posix_fadvise", None) if sys.platform.startswith("linux") else None
#: Windows sharing violations (ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION): an antivirus or
#: an indexer holding the file for a moment. Retried a few times, then reported.
WINDOWS_SHARING_ERRORS = (5, 32)


class ContentResponse(Protocol):
    """What ``ApiClient.open_content`` returns (agreed interface item 3)."""

    status: int
    headers: Any

    def iter_chunks(self, chunk_size: int = ...) -> Iterator[bytes]: ...

    def close(self) -> None: ...


class ContentSource(Protocol):
    def open_content(
        self, attachment_id: str, offset: int = 0, if_range: str | None = None
    ) -> ContentResponse: ...


class FileMismatch(ClientError):
    """The bytes received do not have the attachment's SHA-256 or size: dropped, reported."""

    exit_code = ExitCode.UNEXPECTED


class BadAttachment(ClientError):
    """An attachment record we cannot use safely (bad sha256, bad size): reported, skipped."""

    exit_code = ExitCode.UNEXPECTED


def valid_sha256(value: Any) -> bool:
    return isinstance(value, str) and SHA256_RE.fullmatch(value) is not None


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class FileCache:
    """The folder of cached files of one profile."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not valid_sha256(sha256):
            raise BadAttachment("sync.bad_sha256", value=str(sha256)[:80])
        return self.root / sha256[:2] / sha256

    def relative(self, sha256: str) -> str:
        return self.path_for(sha256).relative_to(self.root).as_posix()

    def part_path(self, sha256: str) -> Path:
        self.path_for(sha256)  # validates
        return self.root / ".part" / f"{sha256}.part"

    def has(self, sha256: str) -> bool:
        return valid_sha256(sha256) and self.path_for(sha256).is_file()

    def remove(self, sha256: str) -> None:
        if not valid_sha256(sha256):
            return
        for path in (self.path_for(sha256), self.part_path(sha256)):
            path.unlink(missing_ok=True)

    def add_local(self, source: Path) -> tuple[str, int]:
        """Copies a user's file into the cache (for a queued upload); returns (sha256, size)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp_dir = self.root / ".part"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"local-{os.getpid()}-{time.monotonic_ns()}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            replace_with_retry(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return sha, size

    def download(
        self,
        source: ContentSource,
        attachment: dict[str, Any],
        *,
        secrecy: int,
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Path:
        """Fetches one attachment into the cache (resuming a .part), verified; returns its path."""
        if secrecy >= 1:
            raise NotAllowedError("sync.secret_file")
        sha, size = _checked_identity(attachment)
        target = self.path_for(sha)
        if target.is_file():
            return target
        part = self.part_path(sha)
        part.parent.mkdir(parents=True, exist_ok=True)
        offset = part.stat().st_size if part.exists() else 0
        if offset > size:
            part.unlink()
            offset = 0
        # The hash thread and its buffers start now, and hash the part already received,
        # while the request waits for its answer's headers.
        hasher = _Hasher(RING, RECV_CHUNK)
        try:
            if offset:
                hasher.feed_file(part, offset)
            response = source.open_content(
                str(attachment["id"]), offset=offset, if_range=f'"{sha}"' if offset else None
            )
            try:
                if response.status != 206:  # a whole body (200): start over
                    offset = 0
                    hasher.restart()
                written = _receive(response, part, offset, size, hasher, cancel, on_bytes)
            finally:
                response.close()
        finally:
            digest = hasher.finish()
        if written != size or digest.hexdigest() != sha:
            part.unlink(missing_ok=True)
            raise FileMismatch("sync.file_mismatch", name=_safe_name(attachment), sha256=sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_with_retry(part, target)
        _fsync_dir(target.parent)
        return target


def _checked_identity(attachment: dict[str, Any]) -> tuple[str, int]:
    sha = attachment.get("sha256")
    size = attachment.get("size")
    if not valid_sha256(sha):
        raise BadAttachment("sync.bad_sha256", value=str(sha)[:80])
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise BadAttachment("sync.bad_size", value=str(size)[:40])
    return str(sha), size


def _hash_prefix(part: Path, length: int) -> Any:
    digest = hashlib.sha256()
    if length:
        with open(part, "rb") as handle:
            remaining = length
            while remaining > 0 and (chunk := handle.read(min(CHUNK, remaining))):
                digest.update(chunk)
                remaining -= len(chunk)
    return digest


def _receive(
    response: ContentResponse,
    part: Path,
    offset: int,
    size: int,
    hasher: _Hasher,
    cancel: CancelToken | None,
    on_bytes: Callable[[int], None] | None,
) -> int:
    """Appends the body to ``part`` from ``offset``; stops early at a body longer than ``size``.

    The SHA-256 runs in the hasher's thread (hashlib releases the GIL on big buffers), so
    the hash overlaps with receiving and writing instead of adding to them. The body is
    read into the hasher's few reused buffers (``readinto``) when the response can, the
    first read short so the hash starts at once; the ``fsync`` at the end runs while the
    hash finishes.
    """
    with open(part, "r+b" if offset and part.exists() else "wb", buffering=0) as handle:
        handle.seek(offset)
        handle.truncate()
        sink = _Sink(handle, offset, size, hasher, cancel, on_bytes)
        readinto = getattr(response, "readinto", None)
        if readinto is not None:
            sink.pump(readinto)
        else:
            sink.take_chunks(_chunks(response))
        os.fsync(handle.fileno())
    return sink.written


class _Sink:
    """Writes received bytes to the part file, feeds the hash, reports progress."""

    def __init__(self, handle: Any, offset: int, size: int, hasher: _Hasher,
                 cancel: CancelToken | None, on_bytes: Callable[[int], None] | None) -> None:
        self.handle = handle
        self.written = self.flushed = offset
        self.size = size
        self.hasher = hasher
        self.cancel = cancel
        self.on_bytes = on_bytes

    def pump(self, readinto: Callable[[memoryview], int]) -> None:
        """Fills free buffers of the hasher's ring until the body ends or is too long."""
        limit = FIRST_READ
        while True:
            buffer = self.hasher.free_buffer()
            view = memoryview(buffer)
            count = readinto(view[:limit])
            limit = len(buffer)
            if not count:
                self.hasher.give_back(buffer)
                return
            if not self.take(view[:count], buffer):
                return

    def take_chunks(self, chunks: Iterator[bytes]) -> None:
        for chunk in chunks:
            if not self.take(memoryview(chunk), None):
                return

    def take(self, data: memoryview, buffer: bytearray | None) -> bool:
        """One piece of the body; False when the body is longer than announced (stop)."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.written + len(data) > self.size:  # longer than announced: never trust the rest
            self.written += len(data)
            if buffer is not None:
                self.hasher.give_back(buffer)
            return False
        _write_all(self.handle, data)
        self.hasher.feed(data, buffer)
        self.written += len(data)
        if self.written - self.flushed >= WRITEBACK_EVERY:
            _start_writeback(self.handle.fileno(), self.flushed, self.written - self.flushed)
            self.flushed = self.written
        if self.on_bytes is not None:
            self.on_bytes(len(data))
        return True


def _write_all(handle: Any, data: memoryview) -> None:
    """A raw file's ``write`` may take only part of the bytes: the rest is written too."""
    while data:
        count = handle.write(data)
        if not count:
            raise OSError("the part file took no bytes")
        data = data[count:]


def _start_writeback(fd: int, start: int, length: int) -> None:
    """Asks the OS to start writing these bytes to disk now (Linux: ``POSIX_FADV_DONTNEED``
    starts an asynchronous writeback), so the one ``fsync`` at the end has little left to
    wait for; the disk works while the network still delivers. A hint only: no-op elsewhere.
    """
    if _FADVISE is not None:
        with contextlib.suppress(OSError):
            _FADVISE(fd, start, length, os.POSIX_FADV_DONTNEED)


def _chunks(response: ContentResponse) -> Iterator[bytes]:
    try:
        return iter(response.iter_chunks(CHUNK))
    except TypeError:  # an implementation without a chunk size
        return iter(response.iter_chunks())


class _Hasher:
    """A SHA-256 computed in a background thread, in order, which also lends the receiving
    side a small ring of reusable buffers: a buffer goes back to the ring once hashed.

    Jobs run in the order given: a file's first bytes (a resumed part), a restart (the
    server sent the whole file), pieces of the body. An error in the thread (the part
    file vanished) is raised by :meth:`finish`; the ring keeps turning meanwhile, so the
    receiving side never waits for a buffer that will not come back.
    """

    def __init__(self, buffers: int, buffer_size: int) -> None:
        self.digest: Any = hashlib.sha256()
        self.todo: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self.free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(buffers, buffer_size),
                                       name="sha256", daemon=True)
        self.thread.start()

    def _run(self, buffers: int, buffer_size: int) -> None:
        try:
            for _ in range(buffers):  # allocated here, while the request waits for headers
                self.free.put(bytearray(buffer_size))
        except MemoryError as exc:
            self.error = exc
            return
        get, give_back = self.todo.get, self.free.put
        while (job := get()) is not None:
            try:
                if self.error is None:
                    self._do(job)
            except BaseException as exc:  # handed to finish()
                self.error = exc
            if job.buffer is not None:
                give_back(job.buffer)

    def _do(self, job: _Job) -> None:
        if job.data is not None:
            self.digest.update(job.data)
        elif job.file is not None:
            self.digest = _hash_prefix(job.file, job.length)
        else:
            self.digest = hashlib.sha256()

    def free_buffer(self) -> bytearray:
        """The next buffer to fill (waits while all of them are being hashed)."""
        while True:
            try:
                return self.free.get(timeout=1.0)
            except queue.Empty:
                if not self.thread.is_alive():  # it died before lending its buffers
                    raise self.error or RuntimeError("the hash thread stopped") from None

    def give_back(self, buffer: bytearray) -> None:
        self.free.put(buffer)

    def feed(self, data: memoryview, buffer: bytearray | None = None) -> None:
        """Hashes ``data`` (a view of ``buffer``, given back to the ring once hashed)."""
        self.todo.put(_Job(data=data, buffer=buffer))

    def feed_file(self, path: Path, length: int) -> None:
        """Starts over from the first ``length`` bytes of ``path`` (a part to resume)."""
        self.todo.put(_Job(file=path, length=length))

    def restart(self) -> None:
        """Forgets everything hashed so far (the server sends the whole file again)."""
        self.todo.put(_Job())

    def finish(self) -> Any:
        """Waits for the last job; returns the digest."""
        self.todo.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.digest


class _Job:
    __slots__ = ("buffer", "data", "file", "length")

    def __init__(self, data: memoryview | None = None, buffer: bytearray | None = None,
                 file: Path | None = None, length: int = 0) -> None:
        self.data = data
        self.buffer = buffer
        self.file = file
        self.length = length


def replace_with_retry(source: Path, target: Path, attempts: int = 6) -> None:
    """``os.replace`` with a bounded retry on Windows sharing errors (winerror 5 and 32)."""
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in WINDOWS_SHARING_ERRORS or (
                attempt == attempts - 1
            ):
                raise
            time.sleep(0.05 * 2**attempt)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _safe_name(attachment: dict[str, Any]) -> str:
    """The server's file name for messages only: printable, short (never used as a path)."""
    name = str(attachment.get("file_name") or "")
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:120]


def copy_out(cache: FileCache, sha256: str, destination: Path) -> Path:
    """Copies a cached file to a place the user chose (open/save as)."""
    shutil.copyfile(cache.path_for(sha256), destination)
    return destination
