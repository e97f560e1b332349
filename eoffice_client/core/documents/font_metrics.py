"""Advance widths of text in the shipped Liberation Serif faces, read from the .ttf files.

Liberation Serif is metric-compatible with Times New Roman, so these widths are the
widths Word and LibreOffice lay the text out with. Used to size the short rules of the
header (1/3-1/2 of their text) and to break long issuer names where a person would.
Only the tables needed are read (head, hhea, hmtx, cmap format 4); kerning is ignored.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

from eoffice_client.paths import resources_dir

FACES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
POINTS_PER_MM = 72 / 25.4


def fonts_dir() -> Path:
    """The folder of the shipped fonts (``resources/fonts``)."""
    return resources_dir() / "fonts"


class FaceMetrics:
    """Advance widths (font units) by character, and the font's units per em."""

    def __init__(self, data: bytes) -> None:
        _, self.advances, self.units_per_em = glyph_map(data)
        self.fallback = self.advances.get("n", self.units_per_em // 2)

    def width_pt(self, text: str, size: float) -> float:
        """The advance width of ``text`` at ``size`` points (NFC text; unknown chars: 'n')."""
        units = sum(self.advances.get(char, self.fallback) for char in text)
        return units * size / self.units_per_em


def _table_offsets(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    offsets = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        offsets[tag.decode("latin-1")] = offset
    return offsets


def _cmap_format4(data: bytes, cmap: int) -> dict[str, int]:
    """Character -> glyph id from the Windows Unicode BMP subtable (format 4)."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        if (platform, encoding) == (3, 1):
            return _read_format4(data, cmap + offset)
    raise ValueError("the font has no Windows Unicode (3, 1) cmap")


def _read_format4(data: bytes, at: int) -> dict[str, int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends_at = at + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    ranges_at = deltas_at + 2 * segments
    ends = struct.unpack_from(f">{segments}H", data, ends_at)
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, deltas_at)
    range_offsets = struct.unpack_from(f">{segments}H", data, ranges_at)
    glyphs: dict[str, int] = {}
    for seg in range(segments):
        for code in range(starts[seg], ends[seg] + 1):
            if code == 0xFFFF:
                continue
            if range_offsets[seg] == 0:
                gid = (code + deltas[seg]) & 0xFFFF
            else:
                where = ranges_at + 2 * seg + range_offsets[seg] + 2 * (code - starts[seg])
                gid = struct.unpack_from(">H", data, where)[0]
                gid = (gid + deltas[seg]) & 0xFFFF if gid else 0
            if gid:
                glyphs[chr(code)] = gid
    return glyphs


def glyph_map(data: bytes) -> tuple[dict[str, int], dict[str, int], int]:
    """(character -> glyph id, character -> advance width, units per em) of a .ttf."""
    tables = _table_offsets(data)
    units = struct.unpack_from(">H", data, tables["head"] + 18)[0]
    metric_count = struct.unpack_from(">H", data, tables["hhea"] + 34)[0]
    advances = struct.unpack_from(f">{metric_count * 2}H", data, tables["hmtx"])[0::2]
    glyphs = _cmap_format4(data, tables["cmap"])
    widths = {c: advances[min(g, metric_count - 1)] for c, g in glyphs.items()}
    return glyphs, widths, units


@lru_cache(maxsize=4)
def face(bold: bool = False, italic: bool = False) -> FaceMetrics:
    return FaceMetrics((fonts_dir() / FACES[(bold, italic)]).read_bytes())


def text_width_mm(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The printed width of one line of ``text`` in millimetres."""
    return face(bold, italic).width_pt(text, size) / POINTS_PER_MM
