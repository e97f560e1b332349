"""The files cache with the files key: what it writes is sealed (never the file's bytes),
a cut download resumes from its sealed part, and every read hands out checked plaintext."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from eoffice_client.core.security.sealed import CHUNK, SealedFileDamaged, is_sealed
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.files import FileCache, FileMismatch
from eoffice_client.core.sync.files_at_rest import SealedBody
from tests.unit.test_sync_files_lock import FakeSource

KEY = os.urandom(32)
BODY = b"%PDF-1.4\n" + os.urandom(CHUNK * 2 + 12345)
SHA = hashlib.sha256(BODY).hexdigest()


def record(body: bytes = BODY) -> AttachmentRecord:
    return AttachmentRecord(id="a1", sha256=hashlib.sha256(body).hexdigest(), size=len(body),
                            file_name="Quyết định.pdf", document_id="d1", secrecy=0)


def assert_not_plain(path: Path, plain: bytes) -> None:
    data = path.read_bytes()
    assert is_sealed(path) and data != plain
    assert plain[:64] not in data and plain[-64:] not in data and b"%PDF" not in data


def test_a_local_file_is_kept_sealed_and_read_back_checked(tmp_path: Path) -> None:
    source = tmp_path / "du-thao.pdf"
    source.write_bytes(BODY)
    cache = FileCache(tmp_path / "files", KEY)
    sha, size = cache.add_local(source)
    assert (sha, size) == (SHA, len(BODY))
    assert_not_plain(cache.path_for(sha), BODY)
    assert cache.read_bytes(sha) == BODY
    copy = cache.copy_to(sha, tmp_path / "copy.pdf")
    assert copy.read_bytes() == BODY
    assert not list((tmp_path / "files" / ".part").iterdir())  # no plain leftover


def test_a_download_is_sealed_and_resumes_after_a_cut(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files", KEY)
    source = FakeSource(BODY, cut_after=CHUNK + 5000)  # past one whole chunk
    with pytest.raises(ConnectionResetError):
        cache.download(source, record())
    part = cache.part_path(SHA)
    assert part.exists() and is_sealed(part) and b"%PDF" not in part.read_bytes()
    path = cache.download(source, record())
    assert source.calls[-1] == (CHUNK, f'"{SHA}"')  # resumed after the whole chunk kept
    assert_not_plain(path, BODY)
    assert cache.read_bytes(SHA) == BODY and not part.exists()


def test_a_server_ignoring_the_range_starts_the_sealed_part_over(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files", KEY)
    source = FakeSource(BODY, honour_range=False, cut_after=CHUNK + 5000)
    with pytest.raises(ConnectionResetError):
        cache.download(source, record())
    cache.download(source, record())
    assert source.calls[-1][0] == CHUNK  # asked to resume, answered 200 with everything
    assert cache.read_bytes(SHA) == BODY


def test_wrong_bytes_are_dropped_and_a_foreign_part_is_started_afresh(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files", KEY)
    with pytest.raises(FileMismatch):
        cache.download(FakeSource(BODY[:-1] + b"x"), record())
    assert not cache.has(SHA) and not cache.part_path(SHA).exists()
    cache.part_path(SHA).parent.mkdir(parents=True, exist_ok=True)
    cache.part_path(SHA).write_bytes(BODY[:5000])  # a plain part from before: not resumable
    cache.download(FakeSource(BODY), record())
    assert cache.read_bytes(SHA) == BODY


def test_a_changed_sealed_file_is_refused_when_read(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "files", KEY)
    cache.download(FakeSource(BODY), record())
    path = cache.path_for(SHA)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(SealedFileDamaged):
        cache.read_bytes(SHA)
    with pytest.raises(SealedFileDamaged):
        cache.copy_to(SHA, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_the_upload_body_is_the_plaintext_with_its_length(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(BODY)
    cache = FileCache(tmp_path / "files", KEY)
    sha, _ = cache.add_local(source)
    opener = cache.upload_body(cache.relative(sha))
    assert callable(opener)
    body = opener()
    assert isinstance(body, SealedBody) and body.len == len(BODY)
    pieces = []
    while piece := body.read(8192):
        pieces.append(piece)
    body.close()
    assert b"".join(pieces) == BODY
    plain = FileCache(tmp_path / "plain")
    sha, _ = plain.add_local(source)
    assert plain.upload_body(plain.relative(sha)) == plain.path_for(sha)


def test_turning_encryption_on_seals_the_plain_files(tmp_path: Path) -> None:
    plain = FileCache(tmp_path / "files")
    sources = []
    for index in range(3):
        source = tmp_path / f"{index}.pdf"
        source.write_bytes(b"%PDF-1.4 " + os.urandom(1000 + index))
        sources.append((source, plain.add_local(source)[0]))
    part = tmp_path / "files" / ".part" / f"{sources[0][1]}.part"
    part.write_bytes(b"%PDF half")
    sealed = FileCache(tmp_path / "files", KEY)
    assert sealed.seal_plain_files() == 3 and not part.exists()
    assert sealed.seal_plain_files() == 0  # done once
    for source, sha in sources:
        assert_not_plain(sealed.path_for(sha), source.read_bytes())
        assert sealed.read_bytes(sha) == source.read_bytes()
