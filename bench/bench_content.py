"""Content search benchmark: indexing cached PDFs beside a live event loop, and searching
words found only inside files, each against a baseline measured in the same run.

    python -m bench.bench_content --documents 100000 --files 1000 [--seed 1]

1. Indexing. ``--files`` cached attachments of the generated documents become 3-page PDFs
   (the sandbox's sample PDF, three times over), written into the profile's file cache
   and recorded as cached. ``index_pending`` (what ``app.sync.index_content`` runs) then
   reads them on a worker thread while a Qt event loop on the main thread ticks a 5 ms
   timer. The longest gap between two ticks, less the interval, is the stall a window
   would show. Baseline: the same loop for the same time with nothing else running.
   Target: the longest stall during indexing <= 50 ms.
2. Search. Words that occur only in the indexed files (never in the metadata) are
   searched as the window searches (``document_ids``: the ids of the first page of 50),
   against the same SQL text run by ``sqlite3`` on the same file. Target: median <= 2x
   raw FTS5. The CLI's page of whole documents (their JSON parsed) is printed beside it.

Prints the figures and ratios measured in this run and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import sqlite3
import statistics
import tempfile
import threading
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from bench.bench_store import fetch, ms, timed
from eoffice_client.config import Profile
from eoffice_client.core.content.indexer import index_pending
from eoffice_client.core.content.outcome import ContentOutcome
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.files import record_cached_file
from eoffice_client.core.store.queries import document_ids, list_documents, rows, statement
from eoffice_client.core.store.rows import DocumentQuery
from eoffice_client.core.sync.files import FileCache
from eoffice_client.sandbox.sample_cache import fill_store
from eoffice_client.sandbox.sample_pdf import attachment_pdf

TICK_MS = 5
TARGET_STALL_MS, TARGET_SEARCH_RATIO = 50.0, 2.0
PAGES_PER_FILE = 3


# --- the cached files ------------------------------------------------------------------------
def three_pages(attachment_id: str, file_name: str, role: str) -> bytes:
    """The sample attachment's page three times: a 3-page PDF with that file's words."""
    page = PdfReader(io.BytesIO(attachment_pdf(attachment_id, file_name, role))).pages[0]
    writer = PdfWriter()
    for _ in range(PAGES_PER_FILE):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def cache_files(store: Store, files: FileCache, count: int) -> int:
    """Writes ``count`` attachments of non-secret documents into the file cache."""
    with store.read() as conn:
        chosen = list(conn.exec_driver_sql(
            "SELECT a.id, a.file_name, a.role, a.sha256 FROM attachments a "
            "JOIN documents d ON d.id = a.document_id "
            "WHERE d.secrecy = 0 AND a.sha256 IS NOT NULL "
            "ORDER BY d.sort_no DESC LIMIT ?", (count,)))
    when = dt.datetime.now(dt.UTC).isoformat()
    with store.write() as conn:
        for attachment_id, name, role, sha in chosen:
            path = files.path_for(sha)
            path.parent.mkdir(parents=True, exist_ok=True)
            data = three_pages(attachment_id, name, role)
            path.write_bytes(data)
            record_cached_file(conn, sha, len(data), files.relative(sha), when)
    return len(chosen)


# --- 1. indexing beside an event loop --------------------------------------------------------
def longest_stall(seconds: float | None, work: Callable[[], object] | None = None
                  ) -> tuple[float, float]:
    """Runs a Qt event loop ticking every TICK_MS; while ``work`` runs on a thread (or for
    ``seconds`` without work), returns (longest gap less the interval in ms, seconds)."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])
    clock, gaps, last = QElapsedTimer(), [], [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    done = threading.Event()

    def run_work() -> None:
        if work is not None:
            work()
        done.set()

    worker = threading.Thread(target=run_work)

    def begin() -> None:
        timer.start()
        if work:
            worker.start()

    def finished() -> bool:
        return done.is_set() if work else clock.elapsed() >= (seconds or 0) * 1000

    def maybe_quit() -> None:
        if finished():
            app.quit()

    QTimer.singleShot(0, begin)
    stop = QTimer()
    stop.setInterval(20)
    stop.timeout.connect(maybe_quit)
    stop.start()
    app.exec()
    timer.stop()
    stop.stop()
    if work:
        worker.join()
    return max(0.0, max(gaps[1:], default=0) - TICK_MS), clock.elapsed() / 1000.0


def bench_indexing(store: Store, files: FileCache) -> dict[str, Any]:
    outcome: list[ContentOutcome] = []
    stall, seconds = longest_stall(None, lambda: outcome.append(index_pending(store, files)))
    idle_stall, _ = longest_stall(min(seconds, 10.0))
    return {"stall_ms": stall, "idle_stall_ms": idle_stall, "seconds": seconds,
            "indexed": outcome[0].indexed, "skipped": outcome[0].skipped}


# --- 2. content search --------------------------------------------------------------------
def content_only_words(store: Store, count: int) -> list[str]:
    """Indexed words that no document's metadata holds (the folded FTS columns), most
    frequent first."""
    with store.read() as conn:
        texts = [r[0] for r in conn.exec_driver_sql(
            "SELECT words FROM file_texts WHERE state = 'indexed' LIMIT 2000")]
        known = {word for record in conn.exec_driver_sql(
            "SELECT subject, notation, issuer, signer FROM documents_fts")
                 for column in record for word in (column or "").split()}
    frequency: dict[str, int] = {}
    for text in texts:
        for word in set(text.split()):
            if len(word) > 3 and word not in known:
                frequency[word] = frequency.get(word, 0) + 1
    return sorted(frequency, key=lambda w: (-frequency[w], w))[:count]


def bench_search(store: Store, words: Sequence[str], repeat: int) -> list[dict[str, Any]]:
    """The window's search (the ids of the list's first page) and the CLI's (whole
    documents, parsed), each against the same SQL text run by ``sqlite3``."""
    results = []
    with store.read() as conn, closing(sqlite3.connect(store.path)) as raw:
        for text in words:
            query = DocumentQuery(box="all", search=text, limit=50)
            ids_sql, ids_params = raw_ids_sql(query)
            hits = document_ids(conn, query)
            shown = rows(conn, hits, text)
            results.append({
                "query": text, "hits": len(hits),
                "by_content": sum(1 for row in shown.values() if row.matched_by_content),
                "ours_ms": median_ms(partial(document_ids, conn, query), repeat),
                "raw_ms": median_ms(partial(fetch, raw, ids_sql, ids_params), repeat),
                "cli_ms": median_ms(partial(list_documents, conn, query), repeat)})
    return results


def raw_ids_sql(query: DocumentQuery) -> tuple[str, tuple[Any, ...]]:
    """bench_store's baseline for the ids the window asks for."""
    from sqlalchemy.dialects import sqlite

    compiled = statement(query, ["id"]).compile(
        dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True})
    return str(compiled), tuple(compiled.params[name] for name in compiled.positiontup or ())


def median_ms(function: Any, repeat: int) -> float:
    function()  # warm
    return ms(statistics.median(timed(function) for _ in range(repeat)))


# --- report ------------------------------------------------------------------------------
def report(indexing: dict[str, Any], searches: list[dict[str, Any]]) -> list[str]:
    """Prints the figures; returns the targets missed."""
    missed = []
    print(f"indexing: {indexing['indexed']} files read, {indexing['skipped']} skipped in "
          f"{indexing['seconds']:.1f} s; longest event-loop stall {indexing['stall_ms']:.0f} ms "
          f"(idle loop, same run: {indexing['idle_stall_ms']:.0f} ms; "
          f"target <= {TARGET_STALL_MS:.0f} ms)")
    if indexing["stall_ms"] > TARGET_STALL_MS:
        missed.append("indexing stall")
    if not indexing["indexed"]:
        missed.append("nothing indexed")
    print("content search (first page of 50, words found only inside files):")
    for item in searches:
        print(f"  {item['query']!r:24} hits {item['hits']:3} (by content {item['by_content']:3})"
              f"  ours {item['ours_ms']:6.2f} ms  raw {item['raw_ms']:6.2f} ms  "
              f"x{item['ours_ms'] / item['raw_ms']:.2f}  (CLI page, parsed: "
              f"{item['cli_ms']:.2f} ms)")
    if not searches or not all(i["by_content"] for i in searches):
        missed.append("content search found nothing by content")
        return missed
    ours = statistics.median(i["ours_ms"] for i in searches)
    raw = statistics.median(i["raw_ms"] for i in searches)
    print(f"content search median: ours {ours:.2f} ms, raw FTS5 {raw:.2f} ms, ratio "
          f"{ours / raw:.2f} (target <= {TARGET_SEARCH_RATIO}x)")
    if ours / raw > TARGET_SEARCH_RATIO:
        missed.append("content search")
    return missed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_content", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=1000, help="cached 3-page PDFs to index")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--searches", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=15, help="runs per search")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="bench-content-"))
    try:
        profile = Profile.at(folder / "profile")
        with open_store(profile.db_path) as store:
            fill_store(store, args.documents, args.seed)
            files = FileCache(profile.files_dir)
            cached = cache_files(store, files, args.files)
            print(f"{args.documents} documents, {cached} cached files of "
                  f"{PAGES_PER_FILE} pages")
            indexing = bench_indexing(store, files)
            searches = bench_search(store, content_only_words(store, args.searches),
                                    args.repeat)
        missed = report(indexing, searches)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
