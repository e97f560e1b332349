"""Decompression bombs: a tiny PNG that claims a huge picture.

Scanned images are read in one place, the scans joined into a PDF (core/documents/
pdf_merge.py, Pillow), which refuses a picture above MAX_SCAN_PIXELS from its header,
before decoding it: the bomb becomes a DocumentFileError naming the file, without the
memory being taken.
"""

from __future__ import annotations

import resource
import struct
import time
import zlib
from pathlib import Path

import pytest

from .conftest import tried

SIDE = 24_000  # 24,000 x 24,000 grey: 576 MB once decoded


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_bomb(path: Path, side: int = SIDE) -> Path:
    # every row is its filter byte 0 and black pixels: the image data is all zero bytes
    total, block = side * (side + 1), b"\x00" * (1 << 22)
    compressor = zlib.compressobj(1)
    parts = [compressor.compress(block) for _ in range(total // len(block))]
    body = b"".join(parts) + compressor.compress(block[:total % len(block)]) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body)
                     + _chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("side", [SIDE, 9_000])  # above Pillow's own bound, and below it
def test_a_png_bomb_is_refused_without_taking_the_memory(tmp_path, side):
    from eoffice_client.core.documents.errors import DocumentFileError
    from eoffice_client.core.documents.pdf_merge import join_scans

    tried("images.decompression_bomb")
    bomb = png_bomb(tmp_path / "scan.png", side)
    assert bomb.stat().st_size < 5_000_000  # a 100- to 200-fold bomb
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.monotonic()
    with pytest.raises(DocumentFileError) as caught:
        join_scans([bomb], tmp_path / "out.pdf")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert str(bomb) in caught.value.message("vi") and "quá lớn" in caught.value.message("vi")
    assert grown_mib < 200 and time.monotonic() - started < 10
    assert not (tmp_path / "out.pdf").exists()
