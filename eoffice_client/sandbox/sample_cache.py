"""Fill a local cache with sample data through the sync's bulk upsert path.

Used by the self-test, the training mode's quick start, tests and benchmarks
(``python -m bench.fill_cache``): the organisation's users, units and catalogue go in
first, "me" is set to one sample account (so the boxes are that person's), then the
documents, one transaction per page, exactly as the sync applies a feed page.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eoffice_client.core.store.directory import replace_catalog, upsert_units, upsert_users
from eoffice_client.core.store.documents import set_me, upsert_documents
from eoffice_client.core.store.engine import Store
from eoffice_client.sandbox.sample_data import generate

PAGE = 500  # the sync's default feed page


def pages(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def fill_store(store: Store, documents: int, seed: int, *, user: str = "chuyenvien",
               page: int = PAGE, today: dt.date | None = None) -> dict[str, Any]:
    """Fills ``store``; returns what was done (documents, seconds, rate per second)."""
    data = generate(documents, seed, today)
    with store.write() as conn:
        upsert_users(conn, data.users)
        upsert_units(conn, data.units)
        replace_catalog(conn, data.catalog)
        set_me(conn, data.user(user))
    started = time.perf_counter()
    count = 0
    for batch in pages(data.iter_documents(), page):
        with store.write() as conn:
            upsert_documents(conn, batch)
        count += len(batch)
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": seconds, "per_second": count / seconds if seconds else 0}


def fill_profile(db_path: Path, documents: int, *, user: str = "vanthu", seed: int = 11) -> int:
    """Fills the cache at ``db_path`` with sample documents as ``user`` sees them (the
    window's self-test and GUI tests); returns how many were written."""
    from eoffice_client.core.store.engine import open_store

    with open_store(db_path) as store:
        return int(fill_store(store, documents, seed, user=user)["documents"])
