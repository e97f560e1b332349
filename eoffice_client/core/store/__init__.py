"""The local SQLite cache: import what you need from its modules.

- ``engine``: ``open_store(path) -> Store`` (migrations applied, a damaged file set aside;
  ``Store.read()``, ``write()``, ``durable()``, ``bulk_writes()``, ``guard()``).
- ``models``: the SQLAlchemy tables; ``migrations/``: their Alembic revisions.
- ``documents``: the bulk upsert the sync uses, deletes, whole documents, "me".
- ``directory``: users, units, the catalogue (registers, document types).
- ``files``: the table of verified cached files.
- ``meta``: small named values.
- ``rows``: boxes, the list query and the list row (no SQLAlchemy: shared with
  ``first_page``, the reader of the window's first page).
- ``queries``: lists, counts and pages composed with SQLAlchemy Core.
"""
