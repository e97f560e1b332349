"""Reading the words of one PDF for the content search, as the child process does it.

Everything here runs in the extraction process (worker.py), never in the window's: a
hostile file may take all the time or memory it wants there. The text of at most
``max_pages`` pages is read, stopping at a page boundary after ``max_seconds``; the words
are folded as the metadata is (domain/folding.py) and bounded in length. A file that
cannot be read gives the message key of the reason (documents.pdf_*), not an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.pdf_read import HEADER_WINDOW, extract_pages
from eoffice_client.core.domain.folding import words

DEFAULT_MAX_PAGES = 30
DEFAULT_MAX_SECONDS = 3.0
#: the folded words kept of one file (a long file's first pages are what people quote)
MAX_WORDS_CHARS = 200_000


@dataclass(frozen=True)
class Extracted:
    """A file's folded words and the pages read, or the key of why it was skipped."""

    words: str = ""
    pages: int = 0
    reason: str | None = None  # a message key (documents.* / content.*) when skipped

    @property
    def skipped(self) -> bool:
        return self.reason is not None


def extract_words(data: bytes, max_pages: int = DEFAULT_MAX_PAGES,
                  max_seconds: float = DEFAULT_MAX_SECONDS) -> Extracted:
    """The folded words of the PDF ``data`` (see the module docstring)."""
    if not data:
        return Extracted(reason="documents.pdf_empty")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        return Extracted(reason="documents.pdf_not_pdf")
    try:
        pages = extract_pages(Path("file.pdf"), data, max_pages, max_seconds)
    except DocumentFileError as exc:
        return Extracted(reason=exc.key)
    folded = " ".join(words(" ".join(pages)))
    if len(folded) > MAX_WORDS_CHARS:
        folded = folded[:MAX_WORDS_CHARS].rsplit(" ", 1)[0]
    return Extracted(words=folded, pages=len(pages))
