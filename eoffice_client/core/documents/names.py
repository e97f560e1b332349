"""Breaking names and subjects into the lines a clerk would print."""

from __future__ import annotations

import re

from eoffice_client.core.documents.font_metrics import text_width_mm

#: Words before which an issuer's name breaks first: the administrative level of a place
#: ("ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN").
PLACE_LEVELS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN")
_CV_PREFIX = re.compile(r"^\s*(v/v|về việc)\s*[:.]?\s*", re.IGNORECASE)


def split_lines(text: str, width_mm: float, size: float, bold: bool = False) -> list[str]:
    """``text`` in one line when it fits ``width_mm``; else broken before a place level
    when both halves fit, else at the space that balances the lines best."""
    text = " ".join(text.split())
    if not text or text_width_mm(text, size, bold) <= width_mm:
        return [text]
    words = text.split(" ")
    candidates = []
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        widths = (text_width_mm(head, size, bold), text_width_mm(tail, size, bold))
        fits = max(widths) <= width_mm
        at_level = tail.startswith(PLACE_LEVELS)
        candidates.append((not fits, not at_level, max(widths), head, tail))
    best = min(candidates)
    if best[0]:  # no single break fits: break the tail again
        return [best[3], *split_lines(best[4], width_mm, size, bold)]
    return [best[3], best[4]]


def cong_van_subject(subject: str) -> str:
    """A công văn's trích yếu after "V/v" (§II.5.b), whatever prefix it was typed with."""
    return "V/v " + _CV_PREFIX.sub("", subject.strip(), count=1)
