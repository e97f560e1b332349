"""The sync engine's own rows in the store: meta values, per-object seq, server copies.

Tables (store revision 0001): ``meta(key, value JSON)``, ``object_seq(kind, id, seq)``,
``server_documents(id, data JSON)``. Values are written as JSON text so any reader
(SQLAlchemy's JSON type or plain ``json.loads``) sees the same thing.
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


def _load(value: Any) -> Any:
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def get_meta(conn: Connection, key: str, default: Any = None) -> Any:
    from eoffice_client.core.store import get_meta as _get

    return _get(conn, key, default)


def get_metas(conn: Connection, *keys: str) -> list[Any]:
    """The values of ``keys`` (None when absent), read by ONE query."""
    marks = ", ".join("?" * len(keys))
    found = {str(r[0]): r[1] for r in conn.exec_driver_sql(
        f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)}
    return [_load(found[key]) if key in found else None for key in keys]


def set_meta(conn: Connection, key: str, value: Any) -> None:
    from eoffice_client.core.store import set_meta as _set

    _set(conn, key, value)


def delete_meta(conn: Connection, key: str) -> None:
    from eoffice_client.core.store import delete_meta as _delete

    _delete(conn, key)


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
    return None if row is None else _load(row[0])


def set_server_doc(conn: Connection, doc: dict[str, Any]) -> None:
    conn.execute(
        text("INSERT INTO server_documents (id, data) VALUES (:id, :data) "
             "ON CONFLICT(id) DO UPDATE SET data = excluded.data"),
        {"id": doc["id"], "data": json.dumps(doc, ensure_ascii=False)},
    )


def delete_server_doc(conn: Connection, doc_id: str) -> None:
    conn.execute(text("DELETE FROM server_documents WHERE id = :id"), {"id": doc_id})
