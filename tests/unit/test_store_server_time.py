"""'Today' for overdue follows the server's clock once the sync recorded its offset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.store.meta import set_meta
from eoffice_client.core.store.queries import SERVER_OFFSET_KEY, today_for


def test_today_uses_the_recorded_server_offset(tmp_path: Path) -> None:
    with open_store(tmp_path / "cache.sqlite3") as store:
        with store.read() as conn:
            assert today_for(conn) == today_vietnam()
        with store.write() as conn:
            set_meta(conn, SERVER_OFFSET_KEY, 3 * 86400.5)  # the server is 3 days ahead
        with store.read() as conn:
            ahead = today_vietnam(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3 * 86400.5))
            assert today_for(conn) == ahead
