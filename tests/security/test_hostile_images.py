"""Decompression bombs: a tiny PNG that claims a huge picture.

No Pillow in the project. Images are read in one place, the window's scan import
(ui/scans.py, Qt's QImage), and Qt 6 refuses to allocate more than its image reader's
allocation limit (256 MiB by default), so the bomb becomes a ScanError naming the file,
without the memory being taken.
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


def test_a_png_bomb_is_refused_without_taking_the_memory(tmp_path, qapp):
    from eoffice_client.ui.scans import ScanError, join_scans

    tried("images.decompression_bomb")
    bomb = png_bomb(tmp_path / "scan.png")
    assert bomb.stat().st_size < 5_000_000  # a 200-fold bomb
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.monotonic()
    with pytest.raises(ScanError) as caught:
        join_scans([bomb], tmp_path / "out.pdf")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert str(bomb) in str(caught.value)
    assert grown_mib < 200 and time.monotonic() - started < 10
    assert not (tmp_path / "out.pdf").exists()
