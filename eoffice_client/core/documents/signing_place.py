"""Where signatures go on the page (PDF points, origin lower left, pages 0-based with
negative indexes counted from the end like pyHanko's ``on_page``).

Decree 30, Phụ lục I: the leader's image is centred between the signer's title and
name (ô 7c); the organisation's seal, at its real size, covers about the left third of
that image (ô 8a); on an attachment issued as a separate file the organisation's
signature is text only, upper right of page 1 (ô 8b).
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.pdf_box import PdfBox

#: Real size of a round seal of an organisation: 36-40 mm; 36 mm = 102 pt.
SEAL_DIAMETER_MM = 36.0
MM = 72.0 / 25.4
SEAL_SIZE_PT = SEAL_DIAMETER_MM * MM
#: The leader's image box when nothing better is known (the real specimen: 120 x 50 pt).
LEADER_BOX_WIDTH = 120.0
LEADER_BOX_HEIGHT = 50.0
#: The text-only organisation signature of an attachment (TNR 10 pt, two lines).
ATTACHMENT_BOX_WIDTH = 170.0
ATTACHMENT_BOX_HEIGHT = 28.0
PAGE_MARGIN = 20.0


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float
    y: float
    font_size: float

    def estimated_width(self) -> float:
        """Times-like fonts average about half an em per character."""
        return 0.5 * self.font_size * len(self.text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def page_text_lines(pdf: bytes, page_index: int) -> tuple[list[TextLine], float, float]:
    """The text pieces of one page with their start points, and the page's size."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_index]
    lines: list[TextLine] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object,
              size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        lines.append(TextLine(" ".join(text.split()), x, y, size * scale))

    page.extract_text(visitor_text=visit)
    box = page.mediabox
    return lines, float(box.width), float(box.height)


def _find(lines: list[TextLine], wanted: str) -> TextLine | None:
    """The lowest line containing ``wanted`` (diacritics and case ignored)."""
    key = _fold(wanted)
    hits = [line for line in lines if key and key in _fold(line.text)]
    return min(hits, key=lambda line: line.y) if hits else None


def fallback_leader_box(page_width: float, page_index: int = -1) -> PdfBox:
    """Right half of the page, a third of the way up: where a signature block sits."""
    centre = page_width * 0.72
    y1 = 200.0
    return PdfBox(page_index, centre - LEADER_BOX_WIDTH / 2, y1,
                  centre + LEADER_BOX_WIDTH / 2, y1 + LEADER_BOX_HEIGHT)


def find_signer_block(pdf: Path | bytes, signer_name: str, title: str | None = None,
                      page_index: int = -1) -> PdfBox:
    """The leader's image box on the last page: centred on the signer's name line,
    filling the gap up to the title line (or a standard height above the name).
    Falls back to :func:`fallback_leader_box` when the name is not on the page."""
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    lines, width, _height = page_text_lines(data, page_index)
    name_line = _find(lines, signer_name)
    if name_line is None:
        return fallback_leader_box(width, page_index)
    centre = name_line.x + name_line.estimated_width() / 2
    bottom = name_line.y + name_line.font_size * 1.2
    title_line = None
    if title:
        above = [line for line in lines if line.y > name_line.y]
        title_line = _find(above, title)
    top = title_line.y - 2.0 if title_line else bottom + LEADER_BOX_HEIGHT
    if top - bottom < 20.0:
        top = bottom + LEADER_BOX_HEIGHT
    height = min(top - bottom, 90.0)
    return PdfBox(page_index, centre - LEADER_BOX_WIDTH / 2, bottom,
                  centre + LEADER_BOX_WIDTH / 2, bottom + height)


def seal_box(leader: PdfBox, size: float = SEAL_SIZE_PT) -> PdfBox:
    """The seal square: its right edge a third into the leader's box, centred on it."""
    right = leader.x1 + leader.width / 3.0
    middle = (leader.y1 + leader.y2) / 2.0
    return PdfBox(leader.page, right - size, middle - size / 2, right, middle + size / 2)


def attachment_text_box(page_width: float, page_height: float,
                        longest_line: int = 0) -> PdfBox:
    """Upper right corner of page 1 (Phụ lục I, ô 8b), wide enough for the longest line
    at 10 pt (about 6 pt a character, generous for Times)."""
    width = max(ATTACHMENT_BOX_WIDTH, 6.0 * longest_line)
    x2 = round(page_width - PAGE_MARGIN)
    y2 = round(page_height - PAGE_MARGIN)
    return PdfBox(0, x2 - width, y2 - ATTACHMENT_BOX_HEIGHT, x2, y2)


def parse_box(text: str, page: int = -1) -> PdfBox:
    """``"x1,y1,x2,y2"`` (the CLI's --box) as a box; ValueError when malformed."""
    parts = [float(part) for part in text.split(",")]
    if len(parts) != 4:
        raise ValueError(text)
    box = PdfBox(page, *parts)
    if not box.is_sane():
        raise ValueError(text)
    return box
