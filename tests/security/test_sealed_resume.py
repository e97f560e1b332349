"""A sealed file cut short goes on from its last whole chunk; its plaintext size is known
without the key; small reads hand out the same bytes as one big read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eoffice_client.core.security.sealed import (
    HEADER_SIZE,
    NONCE,
    TAG,
    SealedFileDamaged,
    SealedReader,
    SealedWriter,
    plain_size,
)

KEY = bytes(range(32))
CHUNK = 1024


def sealed(path: Path, data: bytes, chunk: int = CHUNK) -> Path:
    with SealedWriter(path, KEY, chunk) as writer:
        writer.write(data)
    return path


def test_a_suspended_file_resumes_from_its_last_whole_chunk(tmp_path: Path) -> None:
    data = os.urandom(CHUNK * 3 + 100)
    part = tmp_path / "x.part"
    writer = SealedWriter(part, KEY, CHUNK)
    writer.write(data[:CHUNK * 2 + 500])  # two whole chunks sealed, 500 bytes buffered
    writer.suspend()
    kept: list[bytes] = []
    resumed = SealedWriter.resume(part, KEY, kept.append)
    assert resumed.size == CHUNK * 2 and b"".join(kept) == data[:CHUNK * 2]
    resumed.write(data[CHUNK * 2:])
    resumed.close()
    with SealedReader(part, KEY) as reader:
        assert reader.read() == data


def test_resume_cuts_off_a_torn_record_and_a_sealed_end(tmp_path: Path) -> None:
    data = os.urandom(CHUNK * 2 + 10)
    whole = sealed(tmp_path / "whole", data)  # closed: its last chunk is flagged "last"
    kept: list[bytes] = []
    writer = SealedWriter.resume(whole, KEY, kept.append)
    assert writer.size == CHUNK * 2  # the "last" chunk does not check as a middle one
    writer.suspend()
    with open(whole, "ab") as handle:
        handle.write(b"\x00" * (NONCE + 40))  # half a record, as a cut write leaves it
    writer = SealedWriter.resume(whole, KEY, lambda _: None)
    assert writer.size == CHUNK * 2
    writer.write(data[CHUNK * 2:])
    writer.close()
    with SealedReader(whole, KEY) as reader:
        assert reader.read() == data


def test_resume_refuses_what_is_not_a_sealed_file_of_this_key(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"%PDF-1.4 not sealed")
    with pytest.raises(SealedFileDamaged):
        SealedWriter.resume(plain, KEY, lambda _: None)
    other = sealed(tmp_path / "other", os.urandom(CHUNK * 2 + 1))
    writer = SealedWriter.resume(other, bytes(32), lambda _: None)  # another key
    assert writer.size == 0  # nothing of it checks: it starts over after the header
    writer.suspend()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK * 3, CHUNK * 3 + 7])
def test_plain_size_from_the_length_alone(tmp_path: Path, size: int) -> None:
    path = sealed(tmp_path / "f", os.urandom(size))
    assert plain_size(path) == size
    # by the format: a header, then one record per whole chunk and a last one (maybe empty)
    records = size // CHUNK + 1
    assert path.stat().st_size == HEADER_SIZE + size + records * (NONCE + TAG)


def test_plain_size_refuses_a_file_that_is_not_sealed(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(b"%PDF-1.7\n" * 10)
    with pytest.raises(SealedFileDamaged):
        plain_size(path)


def test_small_reads_give_the_same_bytes(tmp_path: Path) -> None:
    data = os.urandom(CHUNK * 5 + 333)
    path = sealed(tmp_path / "f", data)
    pieces = []
    with SealedReader(path, KEY) as reader:
        while piece := reader.read(100):
            assert len(piece) <= 100
            pieces.append(piece)
    assert b"".join(pieces) == data
    with SealedReader(path, KEY) as reader:
        head = reader.read(CHUNK + 5)
        assert head + reader.read() == data
