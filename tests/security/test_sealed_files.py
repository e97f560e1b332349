"""AES-GCM sealed files: round trips, and every kind of tampering fails to open."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eoffice_client.core.security.sealed import (
    HEADER_SIZE,
    NONCE,
    TAG,
    SealedFileDamaged,
    SealedReader,
    SealedWriter,
    is_sealed,
    seal_in_place,
    unseal_to,
)

KEY = bytes(range(32))
SMALL = 64  # a small chunk size makes many chunks out of little data


def sealed(tmp_path: Path, data: bytes, chunk: int = SMALL, name: str = "f") -> Path:
    path = tmp_path / name
    with SealedWriter(path, KEY, chunk) as writer:
        writer.write(data)
    return path


def opened(path: Path, key: bytes = KEY) -> bytes:
    with SealedReader(path, key) as reader:
        return b"".join(reader.chunks())


@given(data=st.binary(max_size=600), chunk=st.sampled_from([1, 7, 64, 1 << 20]),
       pieces=st.integers(1, 9))
@settings(max_examples=80, deadline=None)
def test_round_trip_whatever_the_sizes(tmp_path_factory, data, chunk, pieces):
    path = tmp_path_factory.mktemp("s") / "f"
    with SealedWriter(path, KEY, chunk) as writer:
        step = max(1, len(data) // pieces)
        for start in range(0, len(data), step):
            writer.write(memoryview(data)[start:start + step])
    assert writer.size == len(data)
    assert opened(path) == data
    with SealedReader(path, KEY) as reader:
        assert reader.read(5) + reader.read() == data and reader.read() == b""


def test_the_plaintext_is_not_on_disk(tmp_path):
    secret = "Về việc bổ nhiệm Giám đốc Sở".encode() * 50
    path = sealed(tmp_path, secret)
    raw = path.read_bytes()
    assert b"Gi\xc3\xa1m" not in raw and is_sealed(path)
    assert opened(path) == secret


def records(path: Path) -> tuple[bytes, list[bytes]]:
    raw = path.read_bytes()
    size = NONCE + SMALL + TAG
    body = raw[HEADER_SIZE:]
    return raw[:HEADER_SIZE], [body[i:i + size] for i in range(0, len(body), size)]


DATA = bytes(range(256)) * 2  # 512 bytes: 8 full chunks of 64 + an empty last one


@pytest.mark.parametrize("damage", [
    "flip_byte", "swap_chunks", "drop_last_chunk", "cut_at_boundary", "cut_mid_chunk",
    "append_chunk", "header_file_id", "other_files_chunk", "empty", "wrong_key",
])
def test_tampering_is_detected(tmp_path, damage):
    path = sealed(tmp_path, DATA)
    header, chunks = records(path)
    key = KEY
    if damage == "flip_byte":
        raw = bytearray(path.read_bytes())
        raw[HEADER_SIZE + NONCE + 3] ^= 1
        path.write_bytes(bytes(raw))
    elif damage == "swap_chunks":
        chunks[1], chunks[2] = chunks[2], chunks[1]
        path.write_bytes(header + b"".join(chunks))
    elif damage == "drop_last_chunk":
        path.write_bytes(header + b"".join(chunks[:-1]))
    elif damage == "cut_at_boundary":
        path.write_bytes(header + b"".join(chunks[:4]))
    elif damage == "cut_mid_chunk":
        path.write_bytes(path.read_bytes()[:-10])
    elif damage == "append_chunk":
        path.write_bytes(header + b"".join(chunks) + chunks[0])
    elif damage == "header_file_id":
        raw = bytearray(path.read_bytes())
        raw[9] ^= 0x80
        path.write_bytes(bytes(raw))
    elif damage == "other_files_chunk":
        other = sealed(tmp_path, DATA, name="g")
        _, theirs = records(other)
        chunks[0] = theirs[0]  # same key, same index, another file
        path.write_bytes(header + b"".join(chunks))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "wrong_key":
        key = os.urandom(32)
    with pytest.raises(SealedFileDamaged) as caught:
        opened(path, key)
    assert str(path) in caught.value.message("en")


def test_chunks_only_come_out_checked(tmp_path):
    path = sealed(tmp_path, DATA)
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1  # the last (empty) chunk's tag
    path.write_bytes(bytes(raw))
    with SealedReader(path, KEY) as reader:
        got = []
        with pytest.raises(SealedFileDamaged):
            for chunk in reader.chunks():
                got.append(chunk)
    assert b"".join(got) == DATA  # the good chunks, then the error at the end


def test_a_failed_write_leaves_no_file(tmp_path):
    path = tmp_path / "f"
    with pytest.raises(RuntimeError), SealedWriter(path, KEY, SMALL) as writer:
        writer.write(b"x" * 100)
        raise RuntimeError("disk full")
    assert not path.exists()


def test_seal_in_place_and_unseal(tmp_path):
    plain = tmp_path / "ab" / ("ab" + "0" * 62)
    plain.parent.mkdir()
    data = os.urandom(3 * SMALL + 5)
    plain.write_bytes(data)
    seal_in_place(plain, KEY, SMALL)
    assert is_sealed(plain) and opened(plain) == data
    before = plain.read_bytes()
    seal_in_place(plain, KEY, SMALL)  # already sealed: untouched
    assert plain.read_bytes() == before
    assert [p.name for p in plain.parent.iterdir()] == [plain.name]  # no temp left
    out = tmp_path / "saved.pdf"
    assert unseal_to(plain, KEY, out) == len(data) and out.read_bytes() == data


def test_unseal_of_a_damaged_file_leaves_nothing(tmp_path):
    path = sealed(tmp_path, DATA)
    path.write_bytes(path.read_bytes()[:-1])
    out = tmp_path / "out.pdf"
    with pytest.raises(SealedFileDamaged):
        unseal_to(path, KEY, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]


def test_the_header_says_the_chunk_size(tmp_path):
    path = sealed(tmp_path, b"abc")
    assert struct.unpack(">I", path.read_bytes()[24:28]) == (SMALL,)
