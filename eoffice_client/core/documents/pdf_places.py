"""Where the number after "Số:" and the date of the place-and-date line are in a PDF.

The signing step puts form fields there, which the clerk fills at ``number``. Text is read
with pypdf's visitor (pure Python, so it works on Windows without poppler); each shown
string gives its start, and the width of every character comes from the shipped Liberation
Serif metrics, which are Times New Roman's, the document's font. Boxes are in PDF user
space (points, origin lower-left) of the page they are on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.font_metrics import face
from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.pdf_read import open_pdf, quiet_pypdf

#: Glyph box above and below the baseline, as fractions of the font size.
ASCENT = 0.9
DESCENT = 0.25
LINE_TOLERANCE_PT = 2.0
#: The widest gap, in ems, between two shown strings of one line of text.
WORD_GAP_EMS = 1.5
_DATE = re.compile(r"ngày[\s\u00a0]*(\d*)[\s\u00a0]*tháng[\s\u00a0]*(\d*)[\s\u00a0]*năm"
                   r"[\s\u00a0]*(\d*)")


@dataclass(frozen=True)
class NumberDatePlaces:
    """``number``: between "Số:" and the "/" of the notation. ``date``: "ngày … tháng …
    năm YYYY" of the place-and-date line (the place and its comma excluded). ``day`` and
    ``month``: the gaps after "ngày" and after "tháng", where the numbers are filled in.

    Each box spans its line from :data:`DESCENT` below the baseline to :data:`ASCENT`
    above it (fractions of the line's font size). What the page prints around the gaps
    comes too: the font sizes, whether the date is italic, the notation after "/" and
    the year, so that a filler writes in the page's own style and can check that the
    server's number and date fit what the leader signed."""

    number: PdfBox
    date: PdfBox
    day: PdfBox
    month: PdfBox
    number_size: float = 13.0
    date_size: float = 14.0
    date_italic: bool = True
    notation: str = ""
    year: int | None = None


@dataclass(frozen=True)
class _Glyph:
    char: str
    x1: float
    x2: float


@dataclass
class _Line:
    page: int
    y: float
    size: float
    glyphs: list[_Glyph]
    italic: bool = False

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)


def _chunks(path: Path) -> list[_Line]:
    """One _Line per shown string (later merged into lines by baseline)."""
    reader = open_pdf(path)
    pieces: list[_Line] = []
    for page_index, page in enumerate(reader.pages[:2]):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  page_index: int = page_index) -> None:
            if not text.strip("\n") or not font:
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = abs(tm[0] * cm[0]) or 1.0
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            italic = "Italic" in name or "Oblique" in name
            metrics = face(bold="Bold" in name, italic=italic)
            glyphs = []
            for char in unicodedata.normalize("NFC", text):
                width = metrics.width_pt(char, size * scale)
                glyphs.append(_Glyph(char, x, x + width))
                x += width
            pieces.append(_Line(page_index, y, size * scale, glyphs, italic))

        with quiet_pypdf():
            try:
                page.extract_text(visitor_text=visit)
            except Exception as exc:
                raise DocumentFileError("documents.pdf_broken", path=str(path),
                                        detail=str(exc)[:200]) from None
    return _merge_lines(pieces)


def _merge_lines(pieces: list[_Line]) -> list[_Line]:
    lines: list[_Line] = []
    for piece in pieces:
        for line in lines:
            if _continues(line, piece):
                line.glyphs.extend(piece.glyphs)
                line.size = max(line.size, piece.size)
                break
        else:
            lines.append(_Line(piece.page, piece.y, piece.size, list(piece.glyphs),
                               piece.italic))
    return lines


def _continues(line: _Line, piece: _Line) -> bool:
    """Whether ``piece`` goes on ``line``: same page and baseline, starting where the line
    ends (so the number cell and the date cell of the header stay apart)."""
    if line.page != piece.page or abs(line.y - piece.y) > LINE_TOLERANCE_PT:
        return False
    gap = piece.glyphs[0].x1 - line.glyphs[-1].x2
    return -LINE_TOLERANCE_PT <= gap <= WORD_GAP_EMS * max(line.size, piece.size)


def _box(line: _Line, x1: float, x2: float) -> PdfBox:
    return PdfBox(line.page, round(x1, 2), round(line.y - DESCENT * line.size, 2),
                  round(x2, 2), round(line.y + ASCENT * line.size, 2))


def _number_place(lines: list[_Line]) -> tuple[PdfBox, _Line] | None:
    for line in lines:
        text = line.text
        at = text.find("Số:")
        slash = text.find("/", at + 3) if at >= 0 else -1
        if at >= 0 and slash > at:
            return _box(line, line.glyphs[at + 2].x2, line.glyphs[slash].x1), line
    return None


def _notation(line: _Line) -> str:
    """What follows the "/" of the "Số:" line: the ký hiệu as printed."""
    text = line.text
    at = text.find("Số:")
    slash = text.find("/", at + 3)
    return " ".join(text[slash + 1:].split()) if at >= 0 and slash > at else ""


def _date_places(lines: list[_Line], number_line: _Line
                 ) -> tuple[PdfBox, PdfBox, PdfBox, _Line, int | None] | None:
    """The place-and-date line is on the row of the number (the header's second row);
    a date in the body ("trước ngày 20 tháng 02 năm 2026") is further away."""
    candidates = [line for line in lines if _DATE.search(line.text)]
    candidates.sort(key=lambda line: (line.page != number_line.page,
                                      abs(line.y - number_line.y)))
    for line in candidates[:1]:
        match = _DATE.search(line.text)
        assert match is not None
        glyphs = line.glyphs
        start, end = match.start(), match.end() - 1
        month_at = line.text.index("tháng", start)
        year_at = line.text.index("năm", month_at)
        whole = _box(line, glyphs[start].x1, glyphs[end].x2)
        day = _box(line, glyphs[start + 3].x2, glyphs[month_at].x1)
        month = _box(line, glyphs[month_at + 4].x2, glyphs[year_at].x1)
        year = int(match.group(3)) if match.group(3) else None
        return whole, day, month, line, year
    return None


def find_number_and_date_places(pdf: Path) -> NumberDatePlaces:
    """The boxes of the number and the date on the first pages of ``pdf``; a
    DocumentFileError naming what is missing when the PDF has no "Số:" or no date line."""
    lines = _chunks(pdf)
    found = _number_place(lines)
    if found is None:
        raise DocumentFileError("documents.places_not_found", path=str(pdf), what="Số: …/…")
    number, number_line = found
    dates = _date_places(lines, number_line)
    if dates is None:
        raise DocumentFileError("documents.places_not_found", path=str(pdf),
                                what="ngày … tháng … năm …")
    whole, day, month, date_line, year = dates
    return NumberDatePlaces(number, whole, day, month, number_size=round(number_line.size, 2),
                            date_size=round(date_line.size, 2), date_italic=date_line.italic,
                            notation=_notation(number_line), year=year)
