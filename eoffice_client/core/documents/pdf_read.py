"""Opening PDF files safely: page count and text for search, bounded in pages and time.

Every failure a person can cause (a missing, empty, non-PDF, broken or password-protected
file) is a :class:`DocumentFileError` (exit 9) naming the file and the problem; pypdf's
own exceptions never reach the caller.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader

from eoffice_client.core.documents.errors import DocumentFileError

#: How far into the file the "%PDF-" header may start (the PDF spec allows leading junk).
HEADER_WINDOW = 1024
DEFAULT_MAX_PAGES = 20
DEFAULT_MAX_SECONDS = 2.0


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf reports damage it repairs as warnings and log lines; here they are not
    errors (a broken file that cannot be repaired raises, and is reported as such)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_pdf_bytes(path: Path) -> bytes:
    """The bytes of ``path``, checked to be a PDF by its header."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentFileError("documents.file_missing", path=str(path)) from None
    except OSError as exc:
        raise DocumentFileError("documents.file_unreadable", path=str(path),
                                detail=exc.strerror or str(exc)) from None
    if not data:
        raise DocumentFileError("documents.pdf_empty", path=str(path))
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise DocumentFileError("documents.pdf_not_pdf", path=str(path))
    return data


def open_pdf(path: Path, data: bytes | None = None) -> PdfReader:
    """A reader of ``path`` with at least one page; encrypted files open only when they
    need no password (owner-restricted files are still readable)."""
    raw = read_pdf_bytes(path) if data is None else data
    try:
        with quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise DocumentFileError("documents.pdf_encrypted", path=str(path))
            count = len(reader.pages)
    except DocumentFileError:
        raise
    except Exception as exc:  # pypdf raises many kinds (and some plain ones) on damage
        if "decrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise DocumentFileError("documents.pdf_encrypted", path=str(path)) from None
        raise DocumentFileError("documents.pdf_broken", path=str(path),
                                detail=_short(exc)) from None
    if count < 1:
        raise DocumentFileError("documents.pdf_no_pages", path=str(path))
    return reader


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def page_count(path: Path) -> int:
    """The number of pages of the PDF at ``path``."""
    return len(open_pdf(path).pages)


def extract_text(path: Path, max_pages: int = DEFAULT_MAX_PAGES,
                 max_seconds: float = DEFAULT_MAX_SECONDS) -> str:
    """The text of the first ``max_pages`` pages, for the content search. Stops at the
    first page boundary after ``max_seconds``; a page whose text cannot be read is
    skipped (the rest still counts). Pages are joined by a form feed."""
    return "\f".join(extract_pages(path, None, max_pages, max_seconds))


def extract_pages(path: Path, data: bytes | None, max_pages: int = DEFAULT_MAX_PAGES,
                  max_seconds: float = DEFAULT_MAX_SECONDS) -> list[str]:
    """The texts of the pages read (see :func:`extract_text`); ``data``, when given, are
    the file's bytes (``path`` then only names it in messages)."""
    started = time.monotonic()
    reader = open_pdf(path, data)
    texts: list[str] = []
    with quiet_pypdf():
        for index, page in enumerate(reader.pages):
            if index >= max_pages or time.monotonic() - started > max_seconds:
                break
            try:
                texts.append(page.extract_text() or "")
            except Exception:  # a damaged page: keep what the others give
                texts.append("")
    return texts
