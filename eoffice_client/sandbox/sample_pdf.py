"""Small valid one-page PDFs for the sample attachments, built from the attachment alone.

The bytes depend only on the attachment's ``id``, ``file_name`` and ``role``, so the
sandbox can rebuild a file from the metadata it keeps (no file store for 200,000
documents) and the sha256 written into the metadata at generation time still matches.
The standard 14 fonts have no Vietnamese glyphs, so the text is written without
diacritics (đ -> d); the PDF is still what a reader (pypdf, Qt PDF) opens and reads.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_HEADER = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
    b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n"
    b"4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
    b" /Encoding /WinAnsiEncoding >>\nendobj\n"
)


def _object_offsets() -> list[int]:
    offsets, start = [], 0
    for number in range(1, 5):
        start = _HEADER.index(f"{number} 0 obj".encode(), start)
        offsets.append(start)
    return offsets


_OFFSETS = _object_offsets()
_CONTENT_OFFSET = len(_HEADER)
_XREF_HEAD = "xref\n0 6\n0000000000 65535 f \n" + "".join(
    f"{offset:010d} 00000 n \n" for offset in [*_OFFSETS, _CONTENT_OFFSET]
)


def ascii_text(text: str) -> str:
    """Vietnamese text without marks, as the standard fonts can show it: ``Đề án`` -> ``De an``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TABLE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _wrap(text: str, width: int = 80) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines or [""]


def _text_ops(lines: list[str] | tuple[str, ...]) -> str:
    return "".join(f"({_escape(line)}) Tj T*\n" for line in lines)


def _pdf(text_ops: str) -> bytes:
    stream = f"BT\n/F1 12 Tf\n16 TL\n72 770 Td\n{text_ops}ET".encode("ascii")
    content = b"5 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        len(stream), stream
    )
    xref_at = _CONTENT_OFFSET + len(content)
    tail = f"{_XREF_HEAD}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
    return _HEADER + content + tail.encode("ascii")


def render_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing ``lines`` (plain ASCII) top-down in Helvetica 12."""
    return _pdf(_text_ops(lines))


_TOP = _text_ops(["CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc", ""])


@lru_cache(maxsize=8192)
def _title_ops(file_name: str) -> str:
    stem = file_name[:-4] if file_name.lower().endswith(".pdf") else file_name
    return _TOP + _text_ops([*_wrap(ascii_text(stem)), ""])


def attachment_pdf(attachment_id: str, file_name: str, role: str) -> bytes:
    """The bytes of a sample attachment: a title from its file name, its role and its id."""
    tail = f"(Vai tro: {_escape(role)}) Tj T*\n(Ma tep: {_escape(attachment_id)}) Tj T*\n"
    return _pdf(_title_ops(file_name) + tail)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
