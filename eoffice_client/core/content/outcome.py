"""What an indexing run reports (a plain value the application API hands out)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentOutcome:
    """One indexing run: files read, skipped and left (when cancelled), in how long."""

    indexed: int = 0
    skipped: int = 0
    documents: int = 0  # documents whose searchable content changed
    remaining: int = 0
    seconds: float = 0.0
    cancelled: bool = False
