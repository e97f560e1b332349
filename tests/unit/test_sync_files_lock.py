"""Files cache (resume, verify, hostile records) and the per-profile sync lock."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.errors import ExitCode, NotAllowedError
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.files import BadAttachment, FileCache, FileMismatch
from eoffice_client.core.sync.lock import SyncLock, SyncRunning

DATA = bytes(range(256)) * 40  # 10 KiB
SHA = hashlib.sha256(DATA).hexdigest()


class FakeResponse:
    def __init__(self, status: int, body: bytes, cut_after: int | None = None) -> None:
        self.status = status
        self.headers: dict[str, str] = {}
        self.body = body
        self.cut_after = cut_after
        self.closed = False

    def iter_chunks(self, chunk_size: int = 1000) -> Iterator[bytes]:
        sent = 0
        for start in range(0, len(self.body), 1000):
            chunk = self.body[start:start + 1000]
            if self.cut_after is not None and sent + len(chunk) > self.cut_after:
                raise ConnectionResetError("cut")
            sent += len(chunk)
            yield chunk

    def close(self) -> None:
        self.closed = True


class FakeSource:
    def __init__(self, body: bytes = DATA, honour_range: bool = True,
                 cut_after: int | None = None) -> None:
        self.body = body
        self.honour_range = honour_range
        self.cut_after = cut_after
        self.calls: list[tuple[int, str | None]] = []

    def open_content(self, attachment_id: str, offset: int = 0,
                     if_range: str | None = None) -> FakeResponse:
        self.calls.append((offset, if_range))
        cut, self.cut_after = self.cut_after, None
        if offset and self.honour_range:
            return FakeResponse(206, self.body[offset:], cut)
        return FakeResponse(200, self.body, cut)


def attachment(**changes: Any) -> AttachmentRecord:
    values: dict[str, Any] = {"id": "a1", "file_name": "../../evil.exe", "size": len(DATA),
                              "sha256": SHA, "document_id": "d1", "secrecy": 0, **changes}
    return AttachmentRecord(**values)


def test_download_is_verified_and_named_by_hash_only(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    path = cache.download(FakeSource(), attachment(file_name="CON"))
    assert path == tmp_path / "files" / SHA[:2] / SHA and path.read_bytes() == DATA
    everything = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert everything == [path]  # no part left, nothing named after the server's name


def test_cut_download_resumes_with_range_and_if_range(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    source = FakeSource(cut_after=4000)
    with pytest.raises(ConnectionResetError):
        cache.download(source, attachment())
    assert cache.part_path(SHA).stat().st_size == 4000 and not cache.has(SHA)
    cache.download(source, attachment())
    assert source.calls[-1] == (4000, f'"{SHA}"') and cache.has(SHA)


def test_server_ignoring_range_restarts_from_zero(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files")
    part = cache.part_path(SHA)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"garbage!" * 10)
    cache.download(FakeSource(honour_range=False), attachment())
    assert cache.path_for(SHA).read_bytes() == DATA


@pytest.mark.parametrize("body", [DATA[:-1] + b"x", DATA[:5000], DATA + b"more"])
def test_wrong_bytes_are_dropped(tmp_path: Path, body: bytes) -> None:
    cache = FileCache(tmp_path / "files")
    with pytest.raises(FileMismatch):
        cache.download(FakeSource(body), attachment())
    assert not cache.has(SHA) and not cache.part_path(SHA).exists()


@pytest.mark.parametrize("record", [attachment(sha256="../../etc/passwd"),
                                    attachment(sha256=SHA.upper()), attachment(size=-1)])
def test_hostile_records_are_refused(tmp_path: Path, record: AttachmentRecord) -> None:
    with pytest.raises(BadAttachment):
        FileCache(tmp_path / "files").download(FakeSource(), record)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_secret_files_are_never_asked_for(tmp_path: Path) -> None:
    source = FakeSource()
    with pytest.raises(NotAllowedError):
        FileCache(tmp_path / "files").download(source, attachment(secrecy=1))
    assert source.calls == []


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    path = tmp_path / "sync.lock"
    with SyncLock(path):
        with pytest.raises(SyncRunning) as caught:
            SyncLock(path).acquire()
        assert caught.value.exit_code == ExitCode.SYNC_RUNNING
    with SyncLock(path) as again:
        assert again.held


def test_a_killed_holder_leaves_no_stuck_lock(tmp_path: Path) -> None:
    path = tmp_path / "sync.lock"
    code = ("import sys, time; from pathlib import Path; "
            "from eoffice_client.core.sync.lock import SyncLock; "
            f"lock = SyncLock(Path({str(path)!r})); lock.acquire(); "
            "print('held', flush=True); time.sleep(60)")
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            with pytest.raises(SyncRunning):
                SyncLock(path).acquire()
        finally:
            holder.kill()
    deadline = time.monotonic() + 5
    while True:
        try:
            with SyncLock(path) as lock:
                assert lock.held
            break
        except SyncRunning:
            assert time.monotonic() < deadline
            time.sleep(0.05)


def test_progress_lines_and_cancel() -> None:
    import io

    from eoffice_client.cli.cmd_sync import StderrProgress
    from eoffice_client.core.messages import set_language
    from eoffice_client.core.sync.progress import (
        CancelToken,
        Phase,
        ProgressEvent,
        SyncCancelled,
    )

    set_language("en")
    try:
        stream = io.StringIO()
        progress = StderrProgress(stream, interval_s=3600)
        progress.update(ProgressEvent(Phase.PULL, 10))
        progress.update(ProgressEvent(Phase.PULL, 20))  # throttled
        progress.update(ProgressEvent(Phase.FILES, 1, 4, 2_500_000, 9_000_000))
        assert stream.getvalue().splitlines() == ["Receiving changes: 10",
                                                  "Fetching files: 1/4 (2.5 MB)"]
    finally:
        set_language("vi")
    token = CancelToken()
    token.raise_if_cancelled()
    token.cancel()
    with pytest.raises(SyncCancelled):
        token.raise_if_cancelled()


def test_exit_codes_of_a_round() -> None:
    from eoffice_client.core.api.errors import Unreachable
    from eoffice_client.core.sync.engine import RoundReport
    from eoffice_client.core.sync.pull import PullResult

    assert RoundReport().exit_code == ExitCode.OK
    assert RoundReport(conflicts=2).exit_code == ExitCode.CONFLICTS
    report = RoundReport(conflicts=2)
    report.push.stopped_by = Unreachable(reason="x", server="s")
    assert report.exit_code == ExitCode.UNREACHABLE
    assert RoundReport(pull=PullResult(problem="bad")).exit_code == ExitCode.UNREACHABLE
    kept = RoundReport()
    kept.push.kept = 1
    assert kept.exit_code == ExitCode.UNREACHABLE
