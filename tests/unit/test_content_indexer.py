"""The background indexing of cached files: newest first, skipped files logged with
their reason and not read again, a cancel keeps what was read, progress is reported."""

from __future__ import annotations

import logging
from pathlib import Path

from eoffice_client.core.content.indexer import index_pending
from eoffice_client.core.content.worker import Extractor
from eoffice_client.core.store import queries
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.store.files import record_cached_file
from eoffice_client.core.store.rows import DocumentQuery
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.progress import CancelToken, ProgressEvent
from tests.unit.content_samples import broken_pdf, encrypted_pdf, pages_pdf
from tests.unit.test_store_content import with_file
from tests.unit.test_store_factory import make_documents


class Events:
    def __init__(self, cancel: CancelToken | None = None, after: int = 0) -> None:
        self.seen: list[ProgressEvent] = []
        self.cancel, self.after = cancel, after

    def update(self, event: ProgressEvent) -> None:
        self.seen.append(event)
        if self.cancel is not None and event.items_done >= self.after:
            self.cancel.cancel()


def cache_with(tmp_path: Path, files: list[bytes]):
    """A store whose documents 0..n-1 each have one of ``files``, all cached."""
    store = open_store(tmp_path / "c.sqlite3")
    cache = FileCache(tmp_path / "files")
    docs = make_documents(len(files) + 5, seed=4)
    with store.write() as conn:
        for n, data in enumerate(files):
            source = tmp_path / f"f{n}.pdf"
            source.write_bytes(data)
            sha, size = cache.add_local(source)
            docs[n] = with_file(docs[n], sha=sha)
            record_cached_file(conn, sha, size, cache.relative(sha), "t")
        upsert_documents(conn, docs)
    return store, cache, docs


def test_cached_files_are_read_and_refused_ones_logged(tmp_path: Path, caplog) -> None:
    store, cache, docs = cache_with(tmp_path, [
        pages_pdf(["Kế hoạch chuyển đổi số"]), broken_pdf(), encrypted_pdf(), b""])
    events = Events()
    with store, caplog.at_level(logging.INFO, logger="eoffice.content"):
        outcome = index_pending(store, cache, events)
        assert (outcome.indexed, outcome.skipped, outcome.remaining) == (1, 3, 0)
        assert outcome.documents == 1 and not outcome.cancelled
        with store.read() as conn:
            found = queries.document_ids(conn, DocumentQuery(search="chuyen doi so"))
        assert found == [docs[0]["id"]]
        reasons = " ".join(r.getMessage() for r in caplog.records)
        for key in ("documents.pdf_broken", "documents.pdf_encrypted", "documents.pdf_empty"):
            assert key in reasons
        assert "Traceback" not in caplog.text
        assert events.seen[-1].items_done == events.seen[-1].items_total == 4
        assert index_pending(store, cache).indexed == 0, "nothing is read twice"


def test_a_cancel_keeps_what_was_read_and_the_next_run_goes_on(tmp_path: Path) -> None:
    store, cache, _ = cache_with(tmp_path, [pages_pdf([f"Tệp số {n}"]) for n in range(4)])
    cancel = CancelToken()
    with store:
        first = index_pending(store, cache, Events(cancel, after=2), cancel)
        assert first.cancelled and first.indexed == 2 and first.remaining == 2
        second = index_pending(store, cache)
        assert second.indexed == 2 and second.remaining == 0


def test_a_file_gone_from_the_cache_is_skipped_as_unreadable(tmp_path: Path) -> None:
    store, cache, _ = cache_with(tmp_path, [pages_pdf(["Mất tệp"])])
    for path in (tmp_path / "files").rglob("*"):
        if path.is_file():
            path.unlink()
    with store:
        outcome = index_pending(store, cache)
    assert outcome.skipped == 1 and outcome.indexed == 0


def test_nothing_to_read_starts_no_process(tmp_path: Path) -> None:
    store, cache, _ = cache_with(tmp_path, [])
    made: list[Extractor] = []

    def extractor() -> Extractor:
        made.append(Extractor())
        return made[-1]

    with store:
        outcome = index_pending(store, cache, extractor=extractor)
    assert outcome.indexed == outcome.skipped == outcome.remaining == 0
    assert made and made[0].started == 0 and not outcome.cancelled
