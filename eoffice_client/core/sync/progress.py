"""Progress and cancellation of a sync: a small interface the CLI and the GUI implement.

The engine calls :meth:`SyncProgress.update` with a :class:`ProgressEvent` (phase,
items, bytes) and checks :class:`CancelToken` between steps; cancelling stops at the next
safe point (after a page's transaction, between requests, between file chunks), so
nothing is left half-applied.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from eoffice_client.core.errors import ClientError
from eoffice_client.core.messages import tr


class Phase(StrEnum):
    PUSH = "push"
    PULL = "pull"
    FILES = "files"
    CONTENT = "content"  # reading the fetched files' text for search (core/content)
    DONE = "done"


@dataclass(frozen=True)
class ProgressEvent:
    phase: Phase
    items_done: int = 0
    items_total: int | None = None  # None: not known (the feed does not say its length)
    bytes_done: int = 0
    bytes_total: int | None = None


class SyncProgress(Protocol):
    def update(self, event: ProgressEvent) -> None: ...


class NullProgress:
    def update(self, event: ProgressEvent) -> None:
        return None


class CancelToken:
    """A flag another thread (the GUI's Cancel button, a signal handler) may set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise SyncCancelled("sync.cancelled")


class SyncCancelled(ClientError):
    """The user stopped the sync; everything applied so far is kept (exit 130 in the CLI)."""


def format_event(event: ProgressEvent) -> str:
    phase = tr(f"sync.phase.{event.phase}")
    items = str(event.items_done)
    if event.items_total is not None:
        items += f"/{event.items_total}"
    text = tr("sync.progress", phase=phase, items=items)
    if event.bytes_done or event.bytes_total:
        text += " " + tr("sync.progress_bytes", mb=f"{event.bytes_done / 1e6:.1f}")
    return text
