"""The files cache: attachments kept by sha256 under ``profile/files``, never by server names.

A download goes to ``files/.part/<sha256>.part``, resumes with ``Range`` + ``If-Range``
(the strong ETag is ``"<sha256>"``), is hashed while it is written, and becomes visible
(``os.replace`` into ``files/<aa>/<sha256>``) only after its SHA-256 and size match the
attachment's. Secret documents' files (secrecy >= 1) are never asked for: the callers
filter them, and :meth:`FileCache.download` refuses them again as a last guard.

A cache given the files key (encryption at rest) writes every file, ``.part`` included,
sealed with AES-256-GCM and reads them back checked (``files_at_rest.py``); its names stay
the attachments' SHA-256, the hash of the plaintext.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from eoffice_client.core.durable import fsync_folder
from eoffice_client.core.errors import ClientError, ExitCode, NotAllowedError
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync import files_at_rest
from eoffice_client.core.sync.files_at_rest import Readable
from eoffice_client.core.sync.hashing import BackgroundHash

__all__ = ["BackgroundHash", "BadAttachment", "FileCache", "FileMismatch", "copy_out",
           "replace_with_retry", "sha256_of", "valid_sha256"]
from eoffice_client.core.sync.progress import CancelToken

log = logging.getLogger("eoffice.sync.files")

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1 << 20
#: a download is read in pieces of this size: a cut connection loses at most one piece of
#: what was received (the rest stays in the .part for the resume)
RECEIVE_CHUNK = 256 << 10
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
    """The folder of cached files of one profile; sealed at rest when given ``key``."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self._key = key  # the files key (CacheKey.files_key()); None: files kept plain

    @property
    def sealed(self) -> bool:
        """Whether the files are written sealed (encryption at rest)."""
        return self._key is not None

    def __repr__(self) -> str:  # never the key
        return f"FileCache({str(self.root)!r}, sealed={self.sealed})"

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
            with open(source, "rb") as src, files_at_rest.new_writer(tmp, self._key) as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
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
        receive = _Receive(source, attachment, part, cancel, on_bytes)
        if self._key is None:
            written, digest = receive.into_plain_part()
        else:
            written, digest = receive.into_sealed_part(self._key)
        if written != size or digest != sha:
            part.unlink(missing_ok=True)
            raise FileMismatch("sync.file_mismatch", name=_safe_name(attachment), sha256=sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_with_retry(part, target)
        fsync_folder(target.parent)
        return target

    # --- the plaintext of cached files ---------------------------------------------------------
    def open(self, sha256: str) -> Readable:
        """The file's plaintext, checked as it is read when sealed (close it)."""
        return files_at_rest.open_readable(self.path_for(sha256), self._key)

    def read_bytes(self, sha256: str) -> bytes:
        return files_at_rest.read_all(self.path_for(sha256), self._key)

    def copy_to(self, sha256: str, destination: Path) -> Path:
        """The file's plaintext written whole to ``destination`` (or not at all)."""
        return files_at_rest.copy_plain(self.path_for(sha256), self._key, destination)

    def upload_body(self, relative: str) -> Path | Callable[[], Readable]:
        """A queued upload's file (relative to the cache) for the PUT: its path in a plain
        cache, else what opens its plaintext for each try."""
        if self._key is None:
            return self.root / relative
        return files_at_rest.body_opener(self.root / relative, self._key)

    def seal_plain_files(self) -> int:
        """Seals the files written before encryption was turned on; returns how many."""
        if self._key is None:
            return 0
        return files_at_rest.seal_plain_files(self.root, self._key)


class _Receive:
    """One download into its ``.part``: resumed from what is there, hashed as it goes."""

    def __init__(self, source: ContentSource, attachment: AttachmentRecord, part: Path,
                 cancel: CancelToken | None, on_bytes: Callable[[int], None] | None) -> None:
        self.source, self.attachment, self.part = source, attachment, part
        self.cancel, self.on_bytes = cancel, on_bytes

    def _open(self, offset: int) -> ContentStream:
        sha = self.attachment.sha256
        return self.source.open_content(self.attachment.id, offset=offset,
                                        if_range=f'"{sha}"' if offset else None)

    def into_plain_part(self) -> tuple[int, str]:
        """(bytes the part holds, their SHA-256)."""
        part, size = self.part, self.attachment.size
        offset = part.stat().st_size if part.exists() else 0
        if offset > size:
            part.unlink()
            offset = 0
        hasher = BackgroundHash()
        try:
            if offset:
                hasher.file_prefix(part, offset)
            response = self._open(offset)
            try:
                if response.status != 206:  # a whole body (200): start over
                    offset = 0
                    hasher.restart()
                written = _receive(response, part, offset, size, hasher, self.cancel,
                                   self.on_bytes)
            finally:
                response.close()
        finally:
            digest = hasher.finish()
        return written, digest

    def into_sealed_part(self, key: bytes) -> tuple[int, str]:
        """Like :meth:`into_plain_part`, the part sealed: it resumes from its last whole
        chunk, and is sealed to its end only once the whole body came."""
        hasher = BackgroundHash()
        try:
            with files_at_rest.SealedPart(self.part, key, hasher.update) as part:
                if part.size > self.attachment.size:  # longer than the file: start over
                    part.restart()
                    hasher.restart()
                offset = part.size
                response = self._open(offset)
                try:
                    if offset and response.status != 206:  # a whole body: start over
                        part.restart()
                        hasher.restart()
                    written = _pour(response, part.write, part.size, self.attachment.size,
                                    hasher, self.cancel, self.on_bytes)
                finally:
                    response.close()
                part.finish()
        finally:
            digest = hasher.finish()
        return written, digest


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
    with open(part, "r+b" if offset and part.exists() else "wb") as handle:
        handle.seek(offset)
        handle.truncate()
        written = _pour(response, handle.write, offset, size, hasher, cancel, on_bytes)
        handle.flush()
        os.fsync(handle.fileno())
    return written


def _pour(response: ContentStream, write: Callable[[bytes], object], offset: int, size: int,
          hasher: BackgroundHash, cancel: CancelToken | None,
          on_bytes: Callable[[int], None] | None) -> int:
    """Writes the body's pieces after ``offset`` bytes; stops at a body longer than
    ``size``. Returns the bytes there are (or would be, when too long)."""
    written = offset
    for chunk in response.iter_chunks(RECEIVE_CHUNK):
        if cancel is not None:
            cancel.raise_if_cancelled()
        written += len(chunk)
        if written > size:
            break
        write(chunk)
        hasher.update(chunk)
        if on_bytes is not None:
            on_bytes(len(chunk))
    return written


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




def _safe_name(attachment: AttachmentRecord) -> str:
    """The server's file name for messages only: printable, short (never used as a path)."""
    name = attachment.file_name
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:120]


def copy_out(cache: FileCache, sha256: str, destination: Path) -> Path:
    """Copies a cached file's plaintext to a place the user chose (open/save as)."""
    return cache.copy_to(sha256, destination)
