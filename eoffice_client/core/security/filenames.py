"""A local file name made from a name that came from outside (a server's ``file_name``).

The files cache never uses such names (files live under their SHA-256, see
:mod:`eoffice_client.core.sync.files`); this is for the places where a person gets a file
with a readable name: "save as" suggestions, exports, a copy handed to an external viewer.
:func:`safe_file_name` keeps the base name only and makes it valid and harmless on Windows
and POSIX alike:

- no folder part: ``/``, ``\\``, a drive (``C:``) and ``..`` can never reach the path;
- no control characters (NUL included), no bidirectional overrides or marks (a name such
  as ``invoice\\u202Efdp.exe`` shows as "invoiceexe.pdf"), no zero-width characters;
- none of Windows' reserved characters ``<>:"|?*`` and no reserved device name (``CON``,
  ``NUL``, ``COM1``... with or without an extension), no trailing dots or spaces;
- at most :data:`MAX_CHARS` characters and :data:`MAX_BYTES` UTF-8 bytes, shortened in
  the stem so the extension stays; NFC-normalised (Vietnamese accents as one character);
- an empty result becomes the ``fallback``.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 120
MAX_BYTES = 240  # under every common file system's 255-byte name limit
_RESERVED_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{n}" for n in [*range(10), "¹", "²", "³"]}
    | {f"lpt{n}" for n in [*range(10), "¹", "²", "³"]})
_WINDOWS_FORBIDDEN = set('<>:"|?*/\\')
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_BIDI_MARKS = {"\u200e", "\u200f", "\u061c"}
_BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_SPACES = re.compile(r"\s+")
_MAX_EXT = 12


def _allowed(char: str) -> bool:
    if char in _WINDOWS_FORBIDDEN or char in _INVISIBLE or char in _BIDI_MARKS:
        return False
    if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):  # controls, surrogates...
        return False
    return unicodedata.bidirectional(char) not in _BIDI_CONTROLS


def _base_name(name: str) -> str:
    """The part after the last folder separator of either system, without a drive."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"^[A-Za-z]:", "", name)


def _is_reserved(name: str) -> bool:
    stem = name.split(".", 1)[0].strip().lower()
    return stem in _RESERVED_DEVICES


def _shorten(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > _MAX_EXT:
        stem, ext = name, ""
    suffix = "." + ext if ext else ""
    while stem and (len(stem + suffix) > MAX_CHARS
                    or len((stem + suffix).encode("utf-8")) > MAX_BYTES):
        stem = stem[:-1]
    return (stem.rstrip(". ") + suffix) if stem else suffix.lstrip(".")[:MAX_CHARS]


def safe_file_name(name: object, fallback: str = "tep-dinh-kem") -> str:
    """A harmless local file name for ``name`` (see the module docstring)."""
    text = unicodedata.normalize("NFC", str(name) if name is not None else "")
    text = "".join(ch if _allowed(ch) else " " if ch in "\t\n\r" else "" for ch in
                   _base_name(text))
    text = _SPACES.sub(" ", text).strip(" .")
    if not text or text in (".", ".."):
        return fallback
    text = _shorten(text).rstrip(". ")
    if not text:
        return fallback
    if _is_reserved(text):
        text = "_" + text
    return text
