"""The constant head of every sample PDF: catalogue, page tree, page, and the embedded
font (Type0 / CIDFontType2, Identity-H, glyph ids as CIDs, with widths and a ToUnicode
map), written once per process. Nothing here is compressed, so the bytes are the same
with any zlib."""

from __future__ import annotations

POSTSCRIPT_NAME = "EOFSMP+EOfficeSampleSerif-Regular"


def _to_unicode(gids: dict[str, int]) -> bytes:
    """gid -> character; the precomposed character wins where a glyph has several."""
    by_gid: dict[int, str] = {}
    for char, gid in sorted(gids.items(), key=lambda item: (len(item[0]), item[0])):
        by_gid.setdefault(gid, char)
    entries = sorted(by_gid.items())
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{gid:04X}> <{ord(char):04X}>" for gid, char in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _widths(per_gid: dict[int, int]) -> str:
    count = max(per_gid) + 1
    return "[0 [" + " ".join(str(per_gid.get(gid, 0)) for gid in range(count)) + "]]"


def _stream(number: int, data: bytes, extra: str = "") -> bytes:
    head = f"{number} 0 obj\n<< /Length {len(data)}{extra} >>\nstream\n".encode("ascii")
    return head + data + b"\nendstream\nendobj\n"


def embedded_font_objects(font_file: bytes, gids: dict[str, int], per_gid: dict[int, int],
                          page: tuple[int, int]) -> bytes:
    """The PDF header and objects 1-8; object 9 (the content stream) comes after."""
    width, height = page
    objects = [
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        f"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}]"
        " /Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R >>\nendobj\n",
        f"4 0 obj\n<< /Type /Font /Subtype /Type0 /BaseFont /{POSTSCRIPT_NAME}"
        " /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 8 0 R >>\nendobj\n",
        f"5 0 obj\n<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{POSTSCRIPT_NAME}"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        f" /FontDescriptor 6 0 R /DW 500 /W {_widths(per_gid)} /CIDToGIDMap /Identity >>"
        "\nendobj\n",
        f"6 0 obj\n<< /Type /FontDescriptor /FontName /{POSTSCRIPT_NAME} /Flags 6"
        " /FontBBox [-177 -303 1006 981] /ItalicAngle 0 /Ascent 891 /Descent -216"
        " /CapHeight 662 /StemV 80 /FontFile2 7 0 R >>\nendobj\n",
    ]
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + "".join(objects).encode("ascii")
    return (head + _stream(7, font_file, f" /Length1 {len(font_file)}")
            + _stream(8, _to_unicode(gids)))
