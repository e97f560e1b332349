"""Vietnamese folding for search: đ/Đ -> d, every tone and vowel mark removed, case folded.

FTS5's ``remove_diacritics`` cannot fold đ (it has no Unicode decomposition), so the
store indexes text folded here and folds queries the same way.
"""

from __future__ import annotations

import re
import unicodedata

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """``"Quyết định QĐ-UBND"`` -> ``"quyet dinh qd-ubnd"``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters and digits (``05/QĐ-UBND`` -> 05, qd, ubnd)."""
    return _WORD.findall(fold(text))
