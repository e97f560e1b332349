"""The window's first box, read before the rest of the core is loaded.

:class:`FirstPage` reads the cache file with the standard library (see
``core/store/first_page.py``) so the window paints its inbox while the application API
(SQLAlchemy, the sync engine, the API client) is still being imported.
"""

from __future__ import annotations

from collections.abc import Sequence

from eoffice_client.config import Profile
from eoffice_client.core.app.records import Person
from eoffice_client.core.store.first_page import FirstPageReader
from eoffice_client.core.store.rows import DocumentQuery, Row


class FirstPage:
    """Read-only first reads of one profile's cache."""

    def __init__(self, profile: Profile) -> None:
        self._reader = FirstPageReader(profile.db_path)

    def can_list(self, query: DocumentQuery) -> bool:
        return self._reader.can_list(query)

    def me(self) -> Person | None:
        found = self._reader.me()
        return None if found is None else Person.from_json(found)

    def first_ids(self, query: DocumentQuery, limit: int) -> list[str]:
        return self._reader.first_ids(query, limit)

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        return self._reader.rows(ids)

    def close(self) -> None:
        self._reader.close()
