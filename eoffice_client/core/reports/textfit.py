"""How tall a wrapped .xlsx row must be: text widths from Times New Roman's metrics.

Spreadsheet programs do not re-measure rows when they open a file (LibreOffice keeps the
default height of a row that has none), so a row of wrapped text must carry its height.
Widths come from the advance widths of Times New Roman (the Adobe metrics of Times-Roman,
per 1000 units of the em); a Vietnamese letter is as wide as its base letter.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

_WIDTHS = {
    " ": 250, "0": 500, "1": 500, "2": 500, "3": 500, "4": 500, "5": 500, "6": 500, "7": 500,
    "8": 500, "9": 500, "a": 444, "b": 500, "c": 444, "d": 500, "e": 444, "f": 333,
    "g": 500, "h": 500, "i": 278, "j": 278, "k": 500, "l": 278, "m": 778, "n": 500,
    "o": 500, "p": 500, "q": 500, "r": 333, "s": 389, "t": 278, "u": 500, "v": 500,
    "w": 722, "x": 500, "y": 500, "z": 444, "A": 722, "B": 667, "C": 667, "D": 722,
    "E": 611, "F": 556, "G": 722, "H": 722, "I": 333, "J": 389, "K": 722, "L": 611,
    "M": 889, "N": 722, "O": 722, "P": 556, "Q": 722, "R": 667, "S": 556, "T": 611,
    "U": 722, "V": 722, "W": 944, "X": 722, "Y": 722, "Z": 611, ",": 250, ".": 250,
    ":": 278, ";": 278, "/": 278, "-": 333, "(": 333, ")": 333, '"': 408, "'": 180,
    "&": 778, "%": 833, "«": 500, "»": 500, "–": 500, "—": 1000,
}
_UNKNOWN = 560
_WIDEST = max(*_WIDTHS.values(), _UNKNOWN)
_BOLD = 1.08
#: points of one line of 11-point text in a row, and of the row's padding
LINE_PT, PAD_PT = 13.0, 3.0


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if char in _WIDTHS:
        return _WIDTHS[char]
    base = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))[:1]
    return _WIDTHS.get(base, _UNKNOWN)


def text_width(text: str) -> float:
    """Width of ``text`` in thousandths of an em."""
    return float(sum(map(_char_width, text)))


def column_points(width: float) -> float:
    """The text width, in points, of a column ``width`` characters wide (Calibri 11 digits:
    7 pixels each plus 5 of padding, less the cell's own 2-pixel margins)."""
    return (7 * width + 5 - 4) * 0.75


@lru_cache(maxsize=65536)
def lines_needed(text: str, width: float, size: float = 11, *, bold: bool = False) -> int:
    """Lines ``text`` wraps into in a column ``width`` characters wide."""
    if not text:
        return 1
    room = column_points(width) * 1000 / (size * (_BOLD if bold else 1.0))
    if len(text) * _WIDEST <= room and "\n" not in text:
        return 1  # fits whatever its letters
    total = 0
    for paragraph in text.split("\n"):
        total += _wrapped(paragraph, room)
    return max(total, 1)


def _wrapped(paragraph: str, room: float) -> int:
    if text_width(paragraph) <= room:
        return 1
    lines, used, space = 1, 0.0, _WIDTHS[" "]
    for word in paragraph.split(" "):
        width = text_width(word)
        if width > room:  # a word longer than the line breaks anywhere
            extra = width + (used + space if used else 0)
            lines += math.ceil(extra / room) - 1
            used = extra % room
            continue
        needed = width if not used else used + space + width
        if needed <= room:
            used = needed
        else:
            lines += 1
            used = width
    return lines


def row_height(cells: list[tuple[str, float]], size: float = 11, *, bold: bool = False
               ) -> float:
    """Points a row needs so every cell's wrapped text shows: ``cells`` = (text, width)."""
    lines = max((lines_needed(text, width, size, bold=bold) for text, width in cells),
                default=1)
    return round(lines * LINE_PT * size / 11 + PAD_PT, 1)
