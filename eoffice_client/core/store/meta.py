"""Small named values of the client's state in table ``meta`` (JSON values).

Keys used: ``me`` (the current User), ``sort_counter`` (documents.py), ``catalog`` (the whole
catalog object), and the sync engine's own (``cursor``, ``last_sync``, ``server``,
``username``, ...).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from eoffice_client.core.store.models import Meta


def get_meta(conn: Connection, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default``."""
    row = conn.execute(select(Meta.value).where(Meta.key == key)).first()
    return default if row is None else row[0]


def set_meta(conn: Connection, key: str, value: Any) -> None:
    """Stores ``value`` (anything JSON can hold) under ``key``."""
    statement = insert(Meta).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=[Meta.key],
                                                 set_={"value": statement.excluded.value}))


def delete_meta(conn: Connection, key: str) -> None:
    conn.execute(delete(Meta).where(Meta.key == key))
