"""What the drafting -> signing -> numbering -> issuing chain returns (``app.documents``).

The key types of the signing engine are re-exported here, so that the window and the
CLI, which import only ``core.app``, can name a key: ``Pkcs12Key(path)`` or
``Pkcs11Key(library, token_label=..., key_label=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.convert import ConverterKind
from eoffice_client.core.documents.signing_keys import KeySource, Pkcs11Key, Pkcs12Key
from eoffice_client.core.errors import ClientError, ExitCode

__all__ = [
    "ChainItem", "ChainOutcome", "ChainProgress", "ChainProgressCallback", "ChainStep",
    "ExtendItem", "ExtendOutcome", "KeySource", "Pkcs11Key", "Pkcs12Key", "PreparedDraft",
]


@dataclass(frozen=True)
class PreparedDraft:
    """A draft made ready for approval: its .docx, its PDF with the empty number and date
    fields (already in the files cache) and the queued upload of that PDF as ``main``."""

    document_id: str
    attachment_id: str
    docx: Path
    pdf: Path
    converter: ConverterKind
    notation: str  # as printed after "Số:    /"
    year: int | None  # as printed after "năm"


class ChainStep:
    """The steps a batch reports (ChainProgress.step)."""

    SIGN = "sign"  # the leader's batch
    ISSUE = "issue"  # the clerk's fill, seal and issue


@dataclass(frozen=True)
class ChainItem:
    """One document of a batch: done (its file queued for upload and its action queued)
    or not, with the error a person reads."""

    document_id: str
    attachment_id: str | None = None  # the queued signed / final PDF
    action_row: str | None = None  # the outbox id of the queued sign / issue
    pades_level: str | None = None  # "B-B", "B-T" or "B-LTA"
    extension_queued: bool = False  # the B-LT/B-LTA step waits for a timestamp server
    error: ClientError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.attachment_id is not None

    def message(self, lang: str | None = None) -> str:
        """The error as a person reads it ("" when the document is done)."""
        return self.error.message(lang) if self.error is not None else ""


@dataclass(frozen=True)
class ChainOutcome:
    """A batch: every document asked for, in order, with what became of it."""

    step: str
    items: tuple[ChainItem, ...]
    cancelled: bool = False
    stopped_by: ClientError | None = None  # the key went away: the rest were not tried

    @property
    def done(self) -> tuple[ChainItem, ...]:
        return tuple(item for item in self.items if item.ok)

    @property
    def failed(self) -> tuple[ChainItem, ...]:
        return tuple(item for item in self.items if not item.ok)

    @property
    def exit_code(self) -> ExitCode:
        """OK when every document was done; else the first failure's code."""
        if self.stopped_by is not None:
            return self.stopped_by.exit_code
        for item in self.items:
            if item.error is not None:
                return item.error.exit_code
        return ExitCode.OK


@dataclass(frozen=True)
class ChainProgress:
    """After each document of a batch: ``index`` of ``total`` (0-based), its result."""

    step: str
    index: int
    total: int
    item: ChainItem


ChainProgressCallback = Callable[[ChainProgress], None]


@dataclass(frozen=True)
class ExtendItem:
    """One queued B-LT/B-LTA step: ``state`` is "extended" (the queued upload now carries
    validation data and a document timestamp), "sent_already" (its upload went out
    before a timestamp server could be reached; the issue step's extension covers the
    leader's signature), "waiting" (kept for the next time) or "failed"."""

    document_id: str
    attachment_id: str
    state: str
    error: ClientError | None = None


@dataclass(frozen=True)
class ExtendOutcome:
    items: tuple[ExtendItem, ...] = ()
    timestamp_server: str = ""  # "" when none is configured: everything waits
    waiting: int = 0
