"""One-page A4 PDFs with real Vietnamese text for the sample attachments, built from the
attachment alone.

The bytes depend only on the attachment's ``id``, ``file_name`` and ``role``, so the
sandbox rebuilds a file from the metadata it keeps (no file store for 200,000 documents)
and the sha256 written at generation time still matches. The text (Quốc hiệu, a title
from the file name, a few sentences chosen by the id, the role and the id) is set in one
small shipped font, a subset of Liberation Serif with the Vietnamese letters
(``resources/fonts/EOfficeSampleSerif-Regular.ttf``, built by scripts/build_sample_font.py),
embedded uncompressed as a CID font with a ToUnicode map so readers and text extraction
see the diacritics. Everything before the page's content stream is the same in every
file, so its sha256 state is computed once and copied.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eoffice_client.core.documents.font_metrics import fonts_dir, glyph_map
from eoffice_client.sandbox.sample_pdf_font import embedded_font_objects

FONT_FILE = "EOfficeSampleSerif-Regular.ttf"
PAGE = (595, 842)
LEFT, RIGHT, TOP = 85.0, 57.0, 780.0
TEXT_WIDTH = PAGE[0] - LEFT - RIGHT
ROLE_NAMES = {"main": "Văn bản chính", "appendix": "Phụ lục", "draft": "Dự thảo",
              "signed": "Bản đã ký số", "final": "Bản phát hành"}
SENTENCES = (
    "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, các cơ quan, đơn vị khẩn trương triển "
    "khai các nội dung theo kế hoạch đã đề ra.",
    "Đề nghị các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố phối hợp chặt "
    "chẽ, bảo đảm tiến độ và chất lượng công việc.",
    "Kết quả thực hiện gửi về Văn phòng Ủy ban nhân dân tỉnh trước ngày 25 hằng tháng để "
    "tổng hợp, báo cáo.",
    "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời để "
    "được hướng dẫn giải quyết.",
    "Giao Sở Thông tin và Truyền thông chủ trì, hướng dẫn, kiểm tra, đôn đốc việc thực "
    "hiện và định kỳ báo cáo kết quả.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn "
    "hợp pháp khác.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh "
    "về kết quả thực hiện nhiệm vụ được giao.",
    "Văn bản điện tử được gửi qua Trục liên thông văn bản quốc gia, có giá trị pháp lý "
    "như văn bản giấy.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, số hóa hồ sơ và giải quyết thủ tục hành chính "
    "trên môi trường điện tử.",
    "Tăng cường kỷ luật, kỷ cương hành chính; nâng cao chất lượng phục vụ người dân, "
    "doanh nghiệp.",
)
SENTENCES_PER_FILE = 4
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


@dataclass(frozen=True)
class _Font:
    gids: dict[str, int]
    widths: dict[str, int]  # per 1000 units of the em
    prefix: bytes  # header and objects 1-8, identical in every file
    prefix_hash: Any  # hashlib state after ``prefix``
    xref_head: str  # the cross-reference table: every object's offset is fixed
    hex_table: dict[int, str]  # str.translate table: character -> its glyph id in hex


@lru_cache(maxsize=1)
def _font() -> _Font:
    data = (fonts_dir() / FONT_FILE).read_bytes()
    gids, widths, units = glyph_map(data)
    per_mille = {char: round(widths[char] * 1000 / units) for char in gids}
    prefix = embedded_font_objects(data, gids, {gids[c]: per_mille[c] for c in gids}, PAGE)
    offsets, start = [], 0
    for number in range(1, 9):
        start = prefix.index(f"\n{number} 0 obj\n".encode(), start) + 1
        offsets.append(start)
    offsets.append(len(prefix))  # object 9, the content stream, follows the prefix
    rows = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    hex_table = {ord(char): f"{gid:04X}" for char, gid in gids.items()}
    return _Font(gids, per_mille, prefix, hashlib.sha256(prefix),
                 f"xref\n0 10\n0000000000 65535 f \n{rows}", hex_table)


def ascii_text(text: str) -> str:
    """Vietnamese text without marks: ``Đề án`` -> ``De an`` (the fallback for a
    character the sample font lacks)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TABLE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _glyphs(text: str) -> list[str]:
    """Characters the font has: NFC, and others by their letter without marks or '?'."""
    font = _font()
    text = unicodedata.normalize("NFC", text)
    if len(text.translate(font.hex_table)) == 4 * len(text):  # every character is there
        return list(text)
    out: list[str] = []
    for char in text:
        if char in font.gids:
            out.append(char)
        else:
            out.extend(c if c in font.gids else "?" for c in (ascii_text(char) or "?"))
    return out


def _hex(chars: Iterable[str]) -> str:
    """Glyph ids in hex of characters the font has (as :func:`_glyphs` gives them)."""
    return "".join(chars).translate(_font().hex_table)


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[tuple[str, ...], int]:
    """A word's glyphs and its width in thousandths of an em."""
    glyphs = tuple(_glyphs(word))
    widths = _font().widths
    return glyphs, sum(widths[c] for c in glyphs)


def _wrap(text: str, size: float, width: float = TEXT_WIDTH) -> list[tuple[list[str], int]]:
    """The lines of ``text`` within ``width`` points, each with its width (per mille)."""
    limit = width * 1000 / size
    space = _font().widths[" "]
    lines: list[tuple[list[str], int]] = []
    current: list[str] = []
    used = 0
    for word in text.split():
        glyphs, units = _word(word)
        if current and used + space + units > limit:
            lines.append((current, used))
            current, used = list(glyphs), units
        else:
            if current:
                current.append(" ")
                used += space
            current.extend(glyphs)
            used += units
    lines.append((current, used))
    return lines


def _line_ops(text: str, size: float, centred: bool = False, after: float = 0.0) -> str:
    """Text ops that start and end at the left margin: the lines of ``text`` (wrapped),
    each followed by a move to the next line (``after`` points more after the last)."""
    leading = size * 1.3
    ops = [f"/F1 {size:g} Tf\n"]
    lines = _wrap(text, size)
    for index, (glyphs, units) in enumerate(lines):
        gap = leading + (after if index == len(lines) - 1 else 0.0)
        dx = (TEXT_WIDTH - units * size / 1000) / 2 if centred else 0.0
        if dx:
            ops.append(f"{dx:.2f} 0 Td <{_hex(glyphs)}> Tj {-dx:.2f} {-gap:.2f} Td\n")
        else:
            ops.append(f"<{_hex(glyphs)}> Tj 0 {-gap:.2f} Td\n")
    return "".join(ops)


@lru_cache(maxsize=1)
def _top_ops() -> str:
    return (_line_ops("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, centred=True)
            + _line_ops("Độc lập - Tự do - Hạnh phúc", 13, centred=True, after=18))


@lru_cache(maxsize=8192)
def _title_ops(file_name: str) -> str:
    stem = file_name[:-4] if file_name.lower().endswith(".pdf") else file_name
    return _line_ops(stem, 14, centred=True, after=12)


@lru_cache(maxsize=len(SENTENCES))
def _sentence_ops(index: int) -> str:
    return _line_ops(SENTENCES[index], 13, after=6)


def _body_ops(attachment_id: str) -> str:
    digest = hashlib.blake2b(attachment_id.encode("utf-8"), digest_size=8).digest()
    chosen: list[int] = []
    for byte in digest:
        index = byte % len(SENTENCES)
        if index not in chosen:
            chosen.append(index)
        if len(chosen) == SENTENCES_PER_FILE:
            break
    return "".join(_sentence_ops(i) for i in chosen)


def _content(ops: str) -> bytes:
    stream = f"BT\n{LEFT:.2f} {TOP:.2f} Td\n{ops}ET".encode("ascii")
    return b"9 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(stream), stream)


def _tail(content: bytes) -> bytes:
    """The page's content object, the cross-reference table and the trailer."""
    font = _font()
    xref_at = len(font.prefix) + len(content)
    trailer = (f"{font.xref_head}trailer\n<< /Size 10 /Root 1 0 R >>\n"
               f"startxref\n{xref_at}\n%%EOF\n")
    return content + trailer.encode("ascii")


def render_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing ``lines`` (Vietnamese welcome) top-down at 12 pt."""
    return _font().prefix + _tail(_content("".join(_line_ops(line, 12) for line in lines)))


@lru_cache(maxsize=16)
def _role_ops(role: str) -> str:
    return _line_ops(f"Vai trò: {ROLE_NAMES.get(role, role)}", 11)


def _id_ops(attachment_id: str) -> str:
    """The "Mã tệp: <id>" line; an id is short (a UUID), so it is not wrapped."""
    return f"/F1 11 Tf\n<{_hex(_glyphs('Mã tệp: ' + attachment_id))}> Tj 0 -14.30 Td\n"


def _attachment_tail(attachment_id: str, file_name: str, role: str) -> bytes:
    ops = (_top_ops() + _title_ops(file_name) + _body_ops(attachment_id) + _role_ops(role)
           + _id_ops(attachment_id))
    return _tail(_content(ops))


def attachment_pdf(attachment_id: str, file_name: str, role: str) -> bytes:
    """The bytes of a sample attachment: a title from its file name, sentences chosen by
    its id, its role and its id."""
    return _font().prefix + _attachment_tail(attachment_id, file_name, role)


def attachment_digest(attachment_id: str, file_name: str, role: str) -> tuple[int, str]:
    """(size, sha256) of :func:`attachment_pdf`, without hashing the constant part again."""
    font = _font()
    tail = _attachment_tail(attachment_id, file_name, role)
    state = font.prefix_hash.copy()
    state.update(tail)
    return len(font.prefix) + len(tail), state.hexdigest()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
