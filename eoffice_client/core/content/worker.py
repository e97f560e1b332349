"""The extraction process: one child process reads the PDFs for the indexer, one by one.

Why a process: pypdf is pure Python, and a hostile PDF (a content stream that never
ends, a decompression bomb, deep nesting) can take unbounded time or memory; a thread
cannot be stopped, a process can. Each file has a hard deadline after which the child is
killed (a new one starts for the next file); on POSIX the child's address space is
limited, so a bomb ends in a MemoryError there, not in the application. The calling
process only pipes bytes and reads words back: the window's GUI thread is not competing
with pypdf for the interpreter.

The child is started by multiprocessing's "spawn" method on every system (a frozen app
calls ``multiprocessing.freeze_support()`` at its entry) and stays for the whole run.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType

from eoffice_client.core.content.extract import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SECONDS,
    Extracted,
)

log = logging.getLogger("eoffice.content")

#: the child's address space (POSIX): a file needing more is skipped as too big
MEMORY_LIMIT = 1 << 30
#: a file larger than this is not read at all
MAX_FILE_BYTES = 64 * 1024 * 1024
#: a first start imports pypdf in a new interpreter: slow on a loaded machine
START_TIMEOUT_S = 60.0
#: beyond the child's own time bound (checked between pages) before it is killed
GRACE_S = 4.0


def child_main(conn: Connection, max_pages: int, max_seconds: float,
               memory_limit: int) -> None:
    """The child's loop: PDF bytes in, ``(words, pages, reason)`` out, until EOF."""
    _limit_memory(memory_limit)
    from eoffice_client.core.content.extract import extract_words

    conn.send("ready")
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            result = extract_words(data, max_pages, max_seconds)
        except MemoryError:
            result = Extracted(reason="content.too_big")
        except Exception:  # RecursionError and anything pypdf lets through
            result = Extracted(reason="documents.pdf_broken")
        del data
        conn.send((result.words, result.pages, result.reason))


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the deadline still holds
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > wanted:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


class Extractor:
    """The parent's side: ``extract(data)`` with the child's bounds and a hard deadline.

    Use it as a context manager (the child is stopped at the end). Every outcome is an
    :class:`Extracted`; nothing the file does raises here.
    """

    def __init__(self, max_pages: int = DEFAULT_MAX_PAGES,
                 max_seconds: float = DEFAULT_MAX_SECONDS, *,
                 memory_limit: int = MEMORY_LIMIT, max_bytes: int = MAX_FILE_BYTES,
                 child: Callable[[Connection, int, float, int], None] = child_main) -> None:
        """``child`` is the child's loop (tests give one that misbehaves)."""
        self.max_pages, self.max_seconds = max_pages, max_seconds
        self.child = child
        self.memory_limit, self.max_bytes = memory_limit, max_bytes
        self.deadline_s = max_seconds + GRACE_S
        self.restarts = 0
        self.started = 0  # child processes started
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def extract(self, data: bytes) -> Extracted:
        if len(data) > self.max_bytes:
            return Extracted(reason="content.too_big")
        conn = self._ready()
        if conn is None:
            return Extracted(reason="content.crashed")
        try:
            conn.send_bytes(data)
            if not conn.poll(self.deadline_s):
                log.warning("content: a file took over %.0f s; its reader was stopped",
                            self.deadline_s)
                self._stop()
                return Extracted(reason="content.timeout")
            words, pages, reason = conn.recv()
        except (EOFError, OSError, ValueError, TypeError):
            self._stop()  # the child died (its memory bound, a crash): a new one next time
            return Extracted(reason="content.crashed")
        return Extracted(str(words), int(pages), reason)

    def _ready(self) -> Connection | None:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=self.child, name="eoffice-content",
            args=(child, self.max_pages, self.max_seconds, self.memory_limit), daemon=True)
        process.start()
        self.started += 1
        child.close()
        self._process, self._conn = process, parent
        try:
            if parent.poll(START_TIMEOUT_S) and parent.recv() == "ready":
                return parent
        except (EOFError, OSError):
            pass
        log.warning("content: the text reader process did not start")
        self._stop()
        return None

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        process, self._process = self._process, None
        if process is None:
            return
        self.restarts += 1
        if process.is_alive():
            process.kill()
        process.join(5)

    def close(self) -> None:
        """Ends the child (its loop ends at EOF; killed if it does not)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        process, self._process = self._process, None
        if process is not None:
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(5)

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
