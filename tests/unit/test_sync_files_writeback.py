"""A large download asks the OS to start writing its bytes to disk as they arrive (so the
one fsync at the end is short), without changing what is verified and stored."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.sync import files as files_module
from eoffice_client.core.sync.files import FileCache
from tests.unit.test_sync_files_lock import FakeSource


def test_writeback_is_started_in_ranges_and_the_file_is_verified(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = os.urandom(25_000)
    sha = hashlib.sha256(body).hexdigest()
    hints: list[tuple[int, int]] = []

    def fadvise(fd: int, start: int, length: int, advice: int) -> None:
        os.fstat(fd)  # a real, open descriptor
        hints.append((start, length))

    monkeypatch.setattr(files_module, "WRITEBACK_EVERY", 8_000)
    monkeypatch.setattr(files_module, "_FADVISE", fadvise)
    record: dict[str, Any] = {"id": "a1", "sha256": sha, "size": len(body)}
    path = FileCache(tmp_path / "files").download(FakeSource(body), record, secrecy=0)
    assert path.read_bytes() == body
    assert hints == [(0, 8_000), (8_000, 8_000), (16_000, 8_000)]  # 1,000-byte chunks


def test_a_refused_hint_does_not_fail_the_download(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = os.urandom(5_000)

    def refuse(*_: Any) -> None:
        raise OSError(22, "not supported here")

    monkeypatch.setattr(files_module, "WRITEBACK_EVERY", 1_000)
    monkeypatch.setattr(files_module, "_FADVISE", refuse)
    record = {"id": "a1", "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    assert FileCache(tmp_path / "files").download(FakeSource(body), record,
                                                  secrecy=0).read_bytes() == body
