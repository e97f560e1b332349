"""Child loops for the extraction process's tests: they misbehave as a hostile PDF
would make pypdf misbehave (run by multiprocessing's spawn, so they live in a module)."""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection

from eoffice_client.core.content.worker import child_main


def hanging_child(conn: Connection, max_pages: int, max_seconds: float,
                  memory_limit: int) -> None:
    """Answers ready, then never answers a file whose bytes start with b"hang"."""
    conn.send("ready")
    while True:
        data = conn.recv_bytes()
        if data.startswith(b"hang"):
            time.sleep(3600)
        conn.send(("fine words", 1, None))


def dying_child(conn: Connection, max_pages: int, max_seconds: float,
                memory_limit: int) -> None:
    """Dies on a file whose bytes start with b"die" (as a crash in a C extension would)."""
    conn.send("ready")
    while True:
        data = conn.recv_bytes()
        if data.startswith(b"die"):
            os._exit(3)
        conn.send(("fine words", 1, None))


def greedy_child(conn: Connection, max_pages: int, max_seconds: float,
                 memory_limit: int) -> None:
    """The real loop, but any file first asks for far more memory than the bound."""
    from eoffice_client.core.content import extract

    real = extract.extract_words

    def greedy(data: bytes, pages: int, seconds: float) -> object:
        if data.startswith(b"%PDF-greedy"):
            _ = bytearray(4 * memory_limit)
        return real(data, pages, seconds)

    extract.extract_words = greedy  # type: ignore[assignment]
    child_main(conn, max_pages, max_seconds, memory_limit)
