"""The files cache's receiving side: the SHA-256 in its own thread, resume, a wrong prefix,
cancel, and an error in the hash thread."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.files import BackgroundHash, FileCache, FileMismatch
from eoffice_client.core.sync.progress import CancelToken, SyncCancelled

BODY = os.urandom(300_000)
SHA = hashlib.sha256(BODY).hexdigest()


class Response:
    """A body in pieces of ``piece`` bytes, as a socket delivers it."""

    def __init__(self, status: int, body: bytes, piece: int = 7_000) -> None:
        self.status = status
        self.body = body
        self.piece = piece

    def iter_chunks(self, chunk_size: int = 0) -> Iterator[bytes]:
        for start in range(0, len(self.body), self.piece):
            yield self.body[start:start + self.piece]

    def close(self) -> None:
        pass


class Source:
    def __init__(self, body: bytes = BODY, honour_range: bool = True) -> None:
        self.body = body
        self.honour_range = honour_range
        self.calls: list[int] = []

    def open_content(self, attachment_id: str, offset: int = 0,
                     if_range: str | None = None) -> Response:
        self.calls.append(offset)
        if offset and self.honour_range:
            return Response(206, self.body[offset:])
        return Response(200, self.body)


def record(**changes: Any) -> AttachmentRecord:
    values: dict[str, Any] = {"id": "a1", "sha256": SHA, "size": len(BODY), "file_name": "x",
                              "document_id": "d1", "secrecy": 0, **changes}
    return AttachmentRecord(**values)


def test_a_resumed_part_is_hashed_with_the_rest(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(BODY[:123_456])
    source = Source()
    assert cache.download(source, record()).read_bytes() == BODY
    assert source.calls == [123_456]


def test_a_wrong_prefix_on_disk_is_caught_by_the_hash(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"x" * 1000)
    with pytest.raises(FileMismatch):
        cache.download(Source(), record())
    assert not cache.has(SHA) and not part.exists()


def test_a_whole_body_instead_of_the_range_starts_the_hash_over(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"garbage" * 100)
    assert cache.download(Source(honour_range=False), record()).read_bytes() == BODY


def test_cancel_stops_and_keeps_the_part(tmp_path: Path) -> None:
    cache, token = FileCache(tmp_path / "files"), CancelToken()
    received: list[int] = []

    def cancel_after_some(count: int) -> None:
        received.append(count)
        if sum(received) > 40_000:
            token.cancel()

    with pytest.raises(SyncCancelled):
        cache.download(Source(), record(), cancel=token, on_bytes=cancel_after_some)
    assert 40_000 < cache.part_path(SHA).stat().st_size < len(BODY) and not cache.has(SHA)


def test_an_error_in_the_hash_thread_is_raised_without_a_hang() -> None:
    hasher = BackgroundHash()
    hasher.file_prefix(Path("/nonexistent/part"), 10)
    for _ in range(50):  # more pieces than the queue holds: none of them blocks
        hasher.update(b"0123456789")
    with pytest.raises(FileNotFoundError):
        hasher.finish()


def test_the_hash_is_of_the_pieces_in_order() -> None:
    hasher = BackgroundHash()
    for start in range(0, len(BODY), 10_000):
        hasher.update(BODY[start:start + 10_000])
    assert hasher.finish() == SHA
