"""Indexing the cached files' text: what the sync downloaded and nobody has read yet.

For each cached file of a non-secret document without a text (store/content.py), newest
documents first: its plaintext (sealed files are opened in memory, never written out in
clear) is piped to the extraction process (worker.py), and its words, or the reason it
was skipped, are written to the cache in small batches, so a cancel or a crash loses at
most one batch and the next run goes on where this one stopped. A skipped file (broken,
encrypted, empty, not a PDF, too slow, too big) is logged with its reason once and not
read again: its bytes cannot change under the same sha256.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from eoffice_client.core.content.extract import Extracted
from eoffice_client.core.content.outcome import ContentOutcome
from eoffice_client.core.content.worker import Extractor
from eoffice_client.core.errors import ClientError
from eoffice_client.core.store import content as stored
from eoffice_client.core.store.engine import Store
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.progress import CancelToken, Phase, ProgressEvent, SyncProgress

log = logging.getLogger("eoffice.content")

#: files whose words are written in one transaction
BATCH = 25
#: ... or fewer, once this long has passed since the last write
BATCH_S = 1.0


@dataclass
class _Run:
    indexed: int = 0
    skipped: int = 0
    documents: int = 0
    done: int = 0


def index_pending(store: Store, files: FileCache, progress: SyncProgress | None = None,
                  cancel: CancelToken | None = None, *,
                  extractor: Callable[[], Extractor] = Extractor) -> ContentOutcome:
    """Reads the text of every cached file that has none yet (see the module docstring)."""
    started = time.monotonic()
    with store.write() as conn:
        stored.forget_unused_texts(conn)
    with store.read() as conn:
        todo = stored.files_to_index(conn)
    run, batch = _Run(), []
    last_write = time.monotonic()
    _report(progress, 0, len(todo))
    with extractor() as reader:
        for item in todo:
            if cancel is not None and cancel.cancelled:
                break
            batch.append((item, _read(reader, files, item)))
            run.done += 1
            if len(batch) >= BATCH or time.monotonic() - last_write >= BATCH_S:
                _write(store, batch, run)
                batch, last_write = [], time.monotonic()
            _report(progress, run.done, len(todo))
    _write(store, batch, run)
    outcome = ContentOutcome(run.indexed, run.skipped, run.documents, len(todo) - run.done,
                             time.monotonic() - started, run.done < len(todo))
    if todo:
        log.info("content: %d files read, %d skipped, %d left in %.1f s", outcome.indexed,
                 outcome.skipped, outcome.remaining, outcome.seconds)
    return outcome


def _read(reader: Extractor, files: FileCache, item: stored.FileToIndex) -> Extracted:
    try:
        data = files.read_bytes(item.sha256)
    except (OSError, ClientError) as exc:
        log.warning("content: cached file %s not read (%s)", item.sha256[:12],
                    type(exc).__name__)
        return Extracted(reason="content.unreadable")
    result = reader.extract(data)
    if result.skipped:
        log.info("content: file %s skipped: %s", item.sha256[:12], result.reason)
    return result


def _write(store: Store, batch: list[tuple[stored.FileToIndex, Extracted]], run: _Run) -> None:
    if not batch:
        return
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.write() as conn:
        for item, result in batch:
            state = stored.SKIPPED if result.skipped else stored.INDEXED
            run.documents += stored.record_text(conn, item.sha256, result.words,
                                                pages=result.pages, state=state,
                                                reason=result.reason, when=when)
            if result.skipped:
                run.skipped += 1
            else:
                run.indexed += 1


def _report(progress: SyncProgress | None, done: int, total: int) -> None:
    if progress is not None:
        progress.update(ProgressEvent(Phase.CONTENT, items_done=done, items_total=total))
