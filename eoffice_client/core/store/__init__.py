"""The local SQLite cache (agreed interface item 2). Everything callers need is here.

    store = open_store(profile.db_path)          # migrations applied, damaged file set aside
    if store.recovery: print(store.recovery.message())
    with store.write() as conn:                  # ONE transaction
        upsert_documents(conn, docs)             # whole contract Documents, bulk path
    with store.read() as conn:
        page = list_documents(conn, DocumentQuery(box="to-process", search="quyet dinh"))

Signatures: ``open_store(path, *, migrations_dir=None) -> Store``; ``Store.read()``,
``Store.write()``, ``Store.durable()`` (context managers giving a ``Connection``),
``Store.close()``, ``Store.guard()`` (SQLite corruption -> ``StoreDamaged``, file flagged
for a full check at the next start); ``upsert_documents(conn, docs) -> None``;
``delete_documents(conn, ids) -> int``; ``get_document(conn, id) -> dict | None``;
``list_documents(conn, DocumentQuery) -> Page``; ``list_ids(conn, DocumentQuery)``;
``count_box(conn, box, me=None, *, today=None) -> (total, unread, overdue)``;
``set_me(conn, user)``, ``get_me(conn)``; ``upsert_users``, ``upsert_units``,
``replace_catalog``, ``get_catalog``; ``get_meta``/``set_meta``; ``local_fields(conn, docs)``.
"""

from eoffice_client.core.store.directory import (
    get_catalog,
    get_unit,
    get_units,
    get_user,
    get_users,
    replace_catalog,
    upsert_units,
    upsert_users,
)
from eoffice_client.core.store.documents import (
    box_flags,
    count_documents,
    delete_documents,
    document_date,
    get_document,
    get_me,
    local_fields,
    set_me,
    upsert_documents,
)
from eoffice_client.core.store.engine import (
    MigrationFailed,
    Recovery,
    Store,
    StoreDamaged,
    open_store,
)
from eoffice_client.core.store.meta import delete_meta, get_meta, set_meta
from eoffice_client.core.store.queries import (
    BOXES,
    DocumentQuery,
    Page,
    UnknownBox,
    count_box,
    list_documents,
    list_ids,
    match_expression,
)

__all__ = [
    "BOXES", "DocumentQuery", "MigrationFailed", "Page", "Recovery", "Store", "StoreDamaged",
    "UnknownBox",
    "box_flags", "count_box", "count_documents", "delete_documents", "delete_meta",
    "document_date", "get_catalog", "get_document", "get_me", "get_meta", "get_unit",
    "get_units", "get_user", "get_users", "list_documents", "list_ids", "local_fields",
    "match_expression", "open_store", "replace_catalog", "set_me", "set_meta", "upsert_documents",
    "upsert_units", "upsert_users",
]
