"""The sync engine's own rows in the store: its meta keys, per-object seq, server copies.

Tables (store revision 0001): ``object_seq(kind, id, seq)``, ``server_documents(id, data
JSON)``; the meta values are read and written with :mod:`eoffice_client.core.store.meta`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

# meta keys
CURSOR = "cursor"
LAST_SYNC = "last_sync"
SERVER = "server"
USERNAME = "username"
ORGANIZATION = "organization"
FULL_PASS = "full_pass"  # {"track": bool}: a pass from no cursor is running
ME = "me"


def seqs(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, int]:
    """The last applied seq of each of ``ids`` (absent: never applied)."""
    found: dict[str, int] = {}
    batch: list[str] = []
    for object_id in ids:
        batch.append(object_id)
        if len(batch) >= 500:
            found.update(_seq_batch(conn, kind, batch))
            batch = []
    if batch:
        found.update(_seq_batch(conn, kind, batch))
    return found


# Plain driver SQL for the two statements every page runs (no statement building per call).
def _seq_batch(conn: Connection, kind: str, ids: list[str]) -> dict[str, int]:
    marks = ", ".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT id, seq FROM object_seq WHERE kind = ? AND id IN ({marks})", (kind, *ids))
    return {str(r[0]): int(r[1]) for r in rows}


def set_seqs(conn: Connection, kind: str, values: dict[str, int]) -> None:
    if not values:
        return
    conn.exec_driver_sql(
        "INSERT INTO object_seq (kind, id, seq) VALUES (?, ?, ?) "
        "ON CONFLICT(kind, id) DO UPDATE SET seq = excluded.seq",
        [(kind, k, v) for k, v in values.items()],
    )


def get_server_doc(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        text("SELECT data FROM server_documents WHERE id = :id"), {"id": doc_id}
    ).first()
    if row is None:
        return None
    value = json.loads(row[0]) if isinstance(row[0], str | bytes) else row[0]
    return value if isinstance(value, dict) else None


def set_server_doc(conn: Connection, doc: dict[str, Any]) -> None:
    conn.execute(
        text("INSERT INTO server_documents (id, data) VALUES (:id, :data) "
             "ON CONFLICT(id) DO UPDATE SET data = excluded.data"),
        {"id": doc["id"], "data": json.dumps(doc, ensure_ascii=False)},
    )


def delete_server_doc(conn: Connection, doc_id: str) -> None:
    conn.execute(text("DELETE FROM server_documents WHERE id = :id"), {"id": doc_id})
