"""The files cache: attachments kept by sha256 under ``profile/files``, never by server names.

A download goes to ``files/.part/<sha256>.part``, resumes with ``Range`` + ``If-Range``
(the strong ETag is ``"<sha256>"``), is hashed while it is written, and becomes visible
(``os.replace`` into ``files/<aa>/<sha256>``) only after its SHA-256 and size match the
attachment's. Secret documents' files (secrecy >= 1) are never asked for: the callers
filter them, and :meth:`FileCache.download` refuses them again as a last guard.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from eoffice_client.core.errors import ClientError, ExitCode, NotAllowedError
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.progress import CancelToken

log = logging.getLogger("eoffice.sync.files")

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1 << 20
#: a download is read in pieces of this size: a cut connection loses at most one piece of
#: what was received (the rest stays in the .part for the resume)
RECEIVE_CHUNK = 256 << 10
#: pieces received but not hashed yet, at most (the receiver waits beyond: bounded memory)
HASH_BACKLOG = 32
#: Windows sharing violations (ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION): an antivirus or
#: an indexer holding the file for a moment. Retried a few times, then reported.
WINDOWS_SHARING_ERRORS = (5, 32)


class ContentStream(Protocol):
    """An attachment's body as ``ApiClient.open_content`` returns it."""

    status: int

    def iter_chunks(self, chunk_size: int = ...) -> Iterator[bytes]: ...

    def close(self) -> None: ...


class ContentSource(Protocol):
    def open_content(
        self, attachment_id: str, offset: int = 0, if_range: str | None = None
    ) -> ContentStream: ...


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
        attachment: AttachmentRecord,
        *,
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Path:
        """Fetches one attachment into the cache (resuming a .part), verified; returns its path."""
        if attachment.secrecy >= 1:
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
        hasher = BackgroundHash()
        try:
            if offset:
                hasher.file_prefix(part, offset)
            response = source.open_content(
                attachment.id, offset=offset, if_range=f'"{sha}"' if offset else None)
            try:
                if response.status != 206:  # a whole body (200): start over
                    offset = 0
                    hasher.restart()
                written = _receive(response, part, offset, size, hasher, cancel, on_bytes)
            finally:
                response.close()
        finally:
            digest = hasher.finish()
        if written != size or digest != sha:
            part.unlink(missing_ok=True)
            raise FileMismatch("sync.file_mismatch", name=_safe_name(attachment), sha256=sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_with_retry(part, target)
        _fsync_dir(target.parent)
        return target


def _checked_identity(attachment: AttachmentRecord) -> tuple[str, int]:
    if not valid_sha256(attachment.sha256):
        raise BadAttachment("sync.bad_sha256", value=attachment.sha256[:80])
    if attachment.size < 0:
        raise BadAttachment("sync.bad_size", value=str(attachment.size)[:40])
    return attachment.sha256, attachment.size


def _receive(
    response: ContentStream,
    part: Path,
    offset: int,
    size: int,
    hasher: BackgroundHash,
    cancel: CancelToken | None,
    on_bytes: Callable[[int], None] | None,
) -> int:
    """Appends the body to ``part`` from ``offset``; stops at a body longer than ``size``
    (never trusting the rest). Returns the bytes the part holds (or would, when too long)."""
    written = offset
    with open(part, "r+b" if offset and part.exists() else "wb") as handle:
        handle.seek(offset)
        handle.truncate()
        for chunk in response.iter_chunks(RECEIVE_CHUNK):
            if cancel is not None:
                cancel.raise_if_cancelled()
            written += len(chunk)
            if written > size:
                break
            handle.write(chunk)
            hasher.update(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
        handle.flush()
        os.fsync(handle.fileno())
    return written


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


def _safe_name(attachment: AttachmentRecord) -> str:
    """The server's file name for messages only: printable, short (never used as a path)."""
    name = attachment.file_name
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:120]


def copy_out(cache: FileCache, sha256: str, destination: Path) -> Path:
    """Copies a cached file to a place the user chose (open/save as)."""
    shutil.copyfile(cache.path_for(sha256), destination)
    return destination
