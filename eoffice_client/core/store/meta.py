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
    value = row[0]
    # the column's type JSON has NUMERIC affinity in SQLite: a number comes back as one
    return json.loads(value) if isinstance(value, str | bytes) else value


def set_meta(conn: Connection, key: str, value: Any) -> None:
    """Stores ``value`` (anything JSON can hold) under ``key``."""
    conn.exec_driver_sql(_SET, (key, json.dumps(value)))


def delete_meta(conn: Connection, key: str) -> None:
    conn.exec_driver_sql(_DELETE, (key,))
