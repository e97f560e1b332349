"""The files cache's receiving side: ``readinto`` into a ring of reused buffers, the SHA-256
in its own thread (started before the request), resume, cuts, cancel, short writes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.sync import files as files_module
from eoffice_client.core.sync.files import FileCache, FileMismatch
from eoffice_client.core.sync.progress import CancelToken, SyncCancelled

BODY = os.urandom(300_000)
SHA = hashlib.sha256(BODY).hexdigest()


class ReadintoResponse:
    """A response read with ``readinto`` only (no ``iter_chunks``): at most ``piece`` bytes
    per call, like a socket; ``cut_after`` raises a reset there."""

    def __init__(self, status: int, body: bytes, piece: int = 7_000,
                 cut_after: int | None = None) -> None:
        self.status = status
        self.headers: dict[str, str] = {}
        self.body = body
        self.piece = piece
        self.cut_after = cut_after
        self.sent = 0
        self.requested: list[int] = []
        self.buffers: set[int] = set()
        self.closed = False

    def readinto(self, buffer: memoryview) -> int:
        self.requested.append(len(buffer))
        self.buffers.add(id(buffer.obj))
        count = min(len(buffer), self.piece, len(self.body) - self.sent)
        if self.cut_after is not None and self.sent + count > self.cut_after:
            raise ConnectionResetError("cut")
        buffer[:count] = self.body[self.sent:self.sent + count]
        self.sent += count
        return count

    def close(self) -> None:
        self.closed = True


class Source:
    def __init__(self, body: bytes = BODY, honour_range: bool = True, **response: Any) -> None:
        self.body = body
        self.honour_range = honour_range
        self.response = response
        self.calls: list[tuple[int, str | None]] = []
        self.last: ReadintoResponse | None = None

    def open_content(self, attachment_id: str, offset: int = 0,
                     if_range: str | None = None) -> ReadintoResponse:
        self.calls.append((offset, if_range))
        options, self.response = self.response, {}
        if offset and self.honour_range:
            self.last = ReadintoResponse(206, self.body[offset:], **options)
        else:
            self.last = ReadintoResponse(200, self.body, **options)
        return self.last


def record(**changes: Any) -> dict[str, Any]:
    return {"id": "a1", "sha256": SHA, "size": len(BODY), **changes}


@pytest.fixture
def small_ring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Buffers much smaller than the body, so the ring turns many times."""
    monkeypatch.setattr(files_module, "RECV_CHUNK", 16_000)
    monkeypatch.setattr(files_module, "FIRST_READ", 2_000)


def test_readinto_download_is_verified_with_reused_buffers(tmp_path: Path,
                                                           small_ring: None) -> None:
    source, progress = Source(), []
    path = FileCache(tmp_path / "files").download(source, record(), secrecy=0,
                                                  on_bytes=progress.append)
    assert path.read_bytes() == BODY and sum(progress) == len(BODY)
    assert source.last is not None and source.last.closed
    assert source.last.requested[0] == 2_000  # a short first read: the hash starts at once
    assert set(source.last.requested[1:-1]) == {16_000}
    assert len(source.last.buffers) <= files_module.RING  # the same few buffers, reused


def test_a_cut_keeps_the_part_and_the_next_round_resumes(tmp_path: Path,
                                                         small_ring: None) -> None:
    cache = FileCache(tmp_path / "files")
    source = Source(cut_after=100_000)
    with pytest.raises(ConnectionResetError):
        cache.download(source, record(), secrecy=0)
    kept = cache.part_path(SHA).stat().st_size
    assert 0 < kept <= 100_000 and cache.part_path(SHA).read_bytes() == BODY[:kept]
    path = cache.download(source, record(), secrecy=0)
    assert source.calls[-1] == (kept, f'"{SHA}"') and path.read_bytes() == BODY


def test_a_whole_body_instead_of_the_range_starts_the_hash_over(tmp_path: Path,
                                                                small_ring: None) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(BODY[:50_000])
    path = cache.download(Source(honour_range=False), record(), secrecy=0)
    assert path.read_bytes() == BODY


def test_a_wrong_prefix_on_disk_is_caught_by_the_hash(tmp_path: Path, small_ring: None) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"x" * 50_000)
    with pytest.raises(FileMismatch):
        cache.download(Source(), record(), secrecy=0)
    assert not part.exists() and not cache.has(SHA)


@pytest.mark.parametrize("body", [BODY + b"more", BODY[:-1], BODY[:-1] + b"?"])
def test_wrong_bodies_are_dropped(tmp_path: Path, small_ring: None, body: bytes) -> None:
    cache = FileCache(tmp_path / "files")
    with pytest.raises(FileMismatch):
        cache.download(Source(body), record(), secrecy=0)
    assert not cache.has(SHA) and not cache.part_path(SHA).exists()


def test_cancel_stops_and_keeps_the_part(tmp_path: Path, small_ring: None) -> None:
    cache, token = FileCache(tmp_path / "files"), CancelToken()

    def cancel_after_some(count: int) -> None:
        if cache.part_path(SHA).stat().st_size > 40_000:
            token.cancel()

    with pytest.raises(SyncCancelled):
        cache.download(Source(), record(), secrecy=0, cancel=token, on_bytes=cancel_after_some)
    assert 40_000 < cache.part_path(SHA).stat().st_size < len(BODY) and not cache.has(SHA)


def test_an_error_in_the_hash_thread_is_raised_without_a_hang() -> None:
    hasher = files_module._Hasher(2, 1_000)
    hasher.feed_file(Path("/nonexistent/part"), 10)
    for _ in range(6):  # more pieces than buffers: each comes back although not hashed
        buffer = hasher.free_buffer()
        hasher.feed(memoryview(buffer)[:10], buffer)
    with pytest.raises(FileNotFoundError):
        hasher.finish()


def test_short_writes_are_completed() -> None:
    class Trickle:
        def __init__(self) -> None:
            self.data = bytearray()

        def write(self, view: memoryview) -> int:
            self.data += view[:3]
            return min(3, len(view))

    sink = Trickle()
    files_module._write_all(sink, memoryview(b"0123456789"))
    assert bytes(sink.data) == b"0123456789"


def test_a_hash_thread_without_buffers_stops_the_receiving_side() -> None:
    hasher = files_module._Hasher(2, 1 << 62)  # cannot be allocated
    with pytest.raises(MemoryError):
        hasher.free_buffer()
    with pytest.raises(MemoryError):
        hasher.finish()


def test_a_file_that_takes_no_bytes_is_an_error() -> None:
    class Full:
        def write(self, view: memoryview) -> int:
            return 0

    with pytest.raises(OSError):
        files_module._write_all(Full(), memoryview(b"abc"))
