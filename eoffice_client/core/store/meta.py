"""Small named values of the client's state in table ``meta`` (JSON values).

Keys used: ``me`` (the current User), ``sort_counter`` (documents.py), ``catalog`` (the whole
catalog object), and the sync engine's own (``cursor``, ``last_sync``, ``server``,
``username``, ...).

Values are JSON text, written and read the way SQLAlchemy's ``JSON`` type of the model
(:class:`~eoffice_client.core.store.models.Meta`) does, but through plain driver SQL: these
few statements run several times in every sync round, and the ORM's statement building and
result processing cost more than the queries themselves.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

_GET = "SELECT value FROM meta WHERE key = ?"
_SET = ("INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
_DELETE = "DELETE FROM meta WHERE key = ?"


def get_meta(conn: Connection, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default``."""
    row = conn.exec_driver_sql(_GET, (key,)).first()
    if row is None:
        return default
    # the column's type JSON has NUMERIC affinity in SQLite: a number comes back as one
    return _decoded(row[0])


def set_meta(conn: Connection, key: str, value: Any) -> None:
    """Stores ``value`` (anything JSON can hold) under ``key``."""
    conn.exec_driver_sql(_SET, (key, json.dumps(value)))


def delete_meta(conn: Connection, key: str) -> None:
    conn.exec_driver_sql(_DELETE, (key,))


def get_metas(conn: Connection, *keys: str) -> list[Any]:
    """The values of ``keys`` (None when absent), read by ONE query."""
    marks = ", ".join("?" * len(keys))
    found = {str(r[0]): r[1] for r in conn.exec_driver_sql(
        f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)}
    return [_decoded(found[key]) if key in found else None for key in keys]


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value
