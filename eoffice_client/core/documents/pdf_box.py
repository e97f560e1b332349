"""A rectangle on a PDF page, as the drafting and the signing steps pass places around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfBox:
    """A rectangle on one page: ``page`` 0-based (-1 = last), x1 < x2 and y1 < y2 in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    def as_ints(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))

    def is_sane(self) -> bool:
        return self.x1 < self.x2 and self.y1 < self.y2
