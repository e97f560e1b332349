"""Writing and reading documents: the bulk upsert path the sync uses, deletes, whole objects.

Ordering ("newest first"). Every document has a *document date* ``doc_date``:
incoming -> ``arrival_date`` (ngày đến) once registered; outgoing and internal ->
``issued_date`` (ngày ban hành) once numbered; otherwise the Vietnam date of ``created_at``.
It is the date ``list --from/--to`` filter on. ``sort_no = ordinal(doc_date) << 32 | n``
where ``n`` grows each time the cache first sees a document on that date (or sees its date
change), so lists run by document date, newest first, and within one date the document the
cache learned of last comes first (for a full sync, the server's feed order). ``sort_no``
is unique, is the keyset of every list, and is the rowid of the document's FTS5 row, so a
search walks FTS5 matches in list order and stops after one page.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, select, text

from eoffice_client.core.domain.dates import document_date
from eoffice_client.core.domain.enums import (
    CLOSED_STATUSES,
    AssigneeType,
    AssignmentRole,
    AssignmentStatus,
    Role,
    Status,
)
from eoffice_client.core.domain.folding import fold, words
from eoffice_client.core.domain.numbering import code_text
from eoffice_client.core.store import content as content_store
from eoffice_client.core.store import meta as meta_store
from eoffice_client.core.store.models import (
    FTS_TABLE,
    Assignment,
    Attachment,
    CachedFile,
    Comment,
    Document,
    HistoryEntry,
    OutboxEntry,
    PendingUser,
)

Doc = dict[str, Any]
CHUNK = 500  # ids per IN (...) list
SORT_SHIFT = 32
SORT_COUNTER_KEY = "sort_counter"
CLERK_STATUSES = frozenset({Status.RECEIVED, Status.SIGNED, Status.NUMBERED})
_FTS_INSERT = (f"INSERT INTO {FTS_TABLE}(rowid, subject, notation, issuer, signer) "
               "VALUES (?, ?, ?, ?, ?)")
_FTS_DELETE = f"DELETE FROM {FTS_TABLE} WHERE rowid = ?"
_DOCS = cast(Table, Document.__table__)
_CHILD_TABLES = {
    "attachments": cast(Table, Attachment.__table__),
    "assignments": cast(Table, Assignment.__table__),
    "comments": cast(Table, Comment.__table__),
    "history": cast(Table, HistoryEntry.__table__),
    "pending_with": cast(Table, PendingUser.__table__),  # user ids, not objects
}


def _insert_sql(table: Table) -> tuple[str, tuple[str, ...]]:
    """A plain positional INSERT of every column of ``table``, in the model's column order."""
    columns = tuple(c.name for c in table.columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", columns


_DOC_INSERT, _DOC_COLUMNS = _insert_sql(_DOCS)
#: a document's row tuple from its values by column name, in one C call
_DOC_ROW = operator.itemgetter(*_DOC_COLUMNS)
#: per child kind: its INSERT and the fields of an item after (document_id, position)
_CHILD_INSERTS = {name: (sql, columns[2:]) for name, (sql, columns) in
                  ((n, _insert_sql(t)) for n, t in _CHILD_TABLES.items())}


# --- derived values --------------------------------------------------------------------------
def sort_base(day: str | dt.date) -> int:
    """The smallest ``sort_no`` of a document date (so date ranges are ``sort_no`` ranges)."""
    date = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    return date.toordinal() << SORT_SHIFT


def notation_text(doc: Doc) -> str:
    """``05/QĐ-UBND`` when numbered, else the bare notation."""
    return code_text(doc.get("code_number"), doc.get("code_notation"))


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding one character at a time, filled on first use."""

    def __missing__(self, code: int) -> str:
        value = fold(chr(code))
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def search_words(text: str) -> list[str]:
    """Exactly ``folding.words(text)``, fast for Vietnamese (the bulk path folds a lot).

    Folding character by character gives the same result as folding the whole text
    whenever the result is ASCII (every Vietnamese text): NFD, dropping marks and casefold
    all work per character, and NFC leaves ASCII alone. Anything else takes the exact path.
    """
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():
        return _ASCII_WORD.findall(folded)
    return words(text)


def search_fields(doc: Doc) -> tuple[str, str, str, str]:
    """The folded words of subject, notation, issuer name and signer's full name."""
    issuer = doc.get("issuer") or {}
    signer = doc.get("signer") or {}
    return (
        " ".join(search_words(doc.get("subject") or "")),
        " ".join(search_words(notation_text(doc))),
        " ".join(search_words(issuer.get("org_name") or "")),
        " ".join(search_words(signer.get("full_name") or "")),
    )


def box_flags(doc: Doc, me: dict[str, Any] | None) -> tuple[bool, bool]:
    """``(to_sign, to_process)`` of ``doc`` for the user ``me`` (cli-v1.md boxes)."""
    if not me or not me.get("id"):
        return False, False
    my_id, my_unit = me["id"], me.get("unit_id")
    status = doc.get("status")
    pending = my_id in (doc.get("pending_with") or [])
    to_sign = pending and status == Status.APPROVED
    clerk = Role.CLERK in (me.get("roles") or []) and status in CLERK_STATUSES
    return to_sign, pending or clerk or _has_open_assignment(doc, my_id, my_unit)


def _has_open_assignment(doc: Doc, my_id: str, my_unit: str | None) -> bool:
    """An assignment not done to me or my unit that asks for work: lead or support (an
    ``info`` one, nhận để biết, only informs, so it does not put the document "to process")."""
    for item in doc.get("assignments") or []:
        if item.get("status") == AssignmentStatus.DONE or item.get("role") == (
                AssignmentRole.INFO):
            continue
        kind, target = item.get("assignee_type"), item.get("assignee_id")
        if (kind == AssigneeType.USER and target == my_id) or (
            kind == AssigneeType.UNIT and my_unit is not None and target == my_unit
        ):
            return True
    return False


def _document_row(doc: Doc, sort_no: int, day: str, me: dict[str, Any] | None) -> tuple:
    return _DOC_ROW(_document_values(doc, sort_no, day, me))


def _document_values(doc: Doc, sort_no: int, day: str, me: dict[str, Any] | None) -> dict:
    issuer = doc.get("issuer") or {}
    signer = doc.get("signer") or {}
    status = doc["status"]
    to_sign, to_process = box_flags(doc, me)
    return {
        "id": doc["id"], "sort_no": sort_no, "doc_date": day,
        "direction": doc["direction"], "type_code": doc["type_code"],
        "code_number": doc.get("code_number"), "code_notation": doc.get("code_notation") or "",
        "issuer_id": issuer.get("org_id"), "issuer_name": issuer.get("org_name"),
        "issued_date": doc.get("issued_date"), "subject": doc["subject"],
        "urgency": doc.get("urgency") or 0, "secrecy": doc.get("secrecy") or 0,
        "signer_name": signer.get("full_name"), "arrival_number": doc.get("arrival_number"),
        "arrival_date": doc.get("arrival_date"), "register_id": doc.get("register_id"),
        "due_date": doc.get("due_date"),
        "open_due": doc.get("due_date") if status not in CLOSED_STATUSES else None,
        "unit_id": doc.get("unit_id"), "status": status, "version": doc.get("version") or 0,
        "created_by": doc.get("created_by"), "registered_by": doc.get("registered_by"),
        "created_at": doc.get("created_at"), "updated_at": doc.get("updated_at"),
        "is_read": int(bool(doc.get("read"))), "to_sign": int(to_sign),
        "to_process": int(to_process),
        "data": json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
    }


# --- writes ----------------------------------------------------------------------------------
def upsert_documents(conn: Connection, docs: Sequence[Doc]) -> None:
    """Stores whole documents (contract shape), replacing any cached copy and its children.

    The bulk path of the sync, inside the caller's transaction (``store.write()``): one
    executemany per table of positional INSERTs built from the models (see
    :func:`bulk_rows`), run through the Connection's ``exec_driver_sql`` so no per-row
    parameter processing is paid. The FTS row and the box flags for the current user
    ("me", see :func:`set_me`) are written with it. A later copy of the same id in
    ``docs`` wins.
    """
    latest = {doc["id"]: doc for doc in docs}
    if not latest:
        return
    existing = _existing_sort(conn, list(latest))
    if existing:
        _delete_rows(conn, list(existing), [sort_no for sort_no, _ in existing.values()])
    me = meta_store.get_meta(conn, "me")
    counter = int(meta_store.get_meta(conn, SORT_COUNTER_KEY) or 0)
    statements, counter = bulk_rows(list(latest.values()), me, counter, existing)
    for sql, rows in statements:
        if rows:
            conn.exec_driver_sql(sql, rows)
    if content_store.has_texts(conn):  # the rows were written again: their files' words too
        content_store.refresh_documents(conn, list(latest))
    meta_store.set_meta(conn, SORT_COUNTER_KEY, counter)


def bulk_rows(docs: Sequence[Doc], me: dict[str, Any] | None, counter: int,
              existing: dict[str, tuple[int, str]] | None = None,
              ) -> tuple[list[tuple[str, list[tuple]]], int]:
    """The INSERT statements and row tuples for ``docs`` (unique ids), and the new counter.

    ``existing`` maps ids already cached to their ``(sort_no, doc_date)``: the sort key is
    kept when the document date did not change. Public for bench/bench_store.py, which
    runs the very same rows through a raw ``sqlite3`` executemany as its baseline.
    """
    existing = existing or {}
    rows, fts_rows = [], []
    children: dict[str, list[tuple]] = {name: [] for name in _CHILD_INSERTS}
    for doc in docs:
        day = document_date(doc)
        kept = existing.get(doc["id"])
        if kept and kept[1] == day:
            sort_no = kept[0]
        else:
            counter += 1
            sort_no = sort_base(day) | (counter & 0xFFFFFFFF)
        rows.append(_document_row(doc, sort_no, day, me))
        fts_rows.append((sort_no, *search_fields(doc)))
        _collect_children(doc, children)
    statements = [(_DOC_INSERT, rows)]
    statements += [(sql, children[name]) for name, (sql, _) in _CHILD_INSERTS.items()]
    statements.append((_FTS_INSERT, fts_rows))
    return statements, counter


def _collect_children(doc: Doc, out: dict[str, list[tuple]]) -> None:
    doc_id = doc["id"]
    for name, (_, fields) in _CHILD_INSERTS.items():
        items = doc.get(name)
        if not items:
            continue
        append = out[name].append
        for position, item in enumerate(items):
            if isinstance(item, str):  # pending_with: a list of user ids
                append((doc_id, position, item))
            else:
                append((doc_id, position, *map(item.get, fields)))


def delete_documents(conn: Connection, ids: Iterable[str]) -> int:
    """Removes documents (children and FTS rows too); returns how many were cached."""
    existing = _existing_sort(conn, list(dict.fromkeys(ids)))
    if existing:
        _delete_rows(conn, list(existing), [sort_no for sort_no, _ in existing.values()])
    return len(existing)


def _delete_rows(conn: Connection, ids: list[str], sort_nos: list[int]) -> None:
    conn.exec_driver_sql(_FTS_DELETE, [(n,) for n in sort_nos])
    for chunk in _chunks(ids):
        conn.execute(delete(_DOCS).where(_DOCS.c.id.in_(chunk)))


def _existing_sort(conn: Connection, ids: list[str]) -> dict[str, tuple[int, str]]:
    """``(sort_no, doc_date)`` of the ids already cached (plain SQL: it runs every page)."""
    found: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT id, sort_no, doc_date FROM documents WHERE id IN ({marks})", tuple(chunk))
        for doc_id, sort_no, day in rows:
            found[doc_id] = (sort_no, day)
    return found


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


# --- the current user ------------------------------------------------------------------------
_RECOMPUTE_FLAGS = f"""
UPDATE documents SET
  to_sign = (status = '{Status.APPROVED}' AND EXISTS (
      SELECT 1 FROM pending_with p WHERE p.document_id = documents.id AND p.user_id = :me)),
  to_process = (
    EXISTS (SELECT 1 FROM pending_with p WHERE p.document_id = documents.id
      AND p.user_id = :me)
    OR (:clerk AND status IN ({", ".join(f"'{s}'" for s in sorted(CLERK_STATUSES))}))
    OR EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = documents.id
      AND COALESCE(a.status, '') != '{AssignmentStatus.DONE}'
      AND COALESCE(a.role, '') != '{AssignmentRole.INFO}'
      AND ((a.assignee_type = '{AssigneeType.USER}' AND a.assignee_id = :me)
        OR (a.assignee_type = '{AssigneeType.UNIT}' AND a.assignee_id = :unit))))
"""


def set_me(conn: Connection, user: dict[str, Any] | None) -> None:
    """Keeps the current user (contract User) in meta and recomputes every box flag for them.

    Same rules as :func:`box_flags`, in one SQL statement, so a change of user (or of
    their roles or unit) costs one pass over the cache, not a Python loop.
    """
    previous = meta_store.get_meta(conn, "me")
    meta_store.set_meta(conn, "me", user)
    if _flag_key(previous) == _flag_key(user):
        return
    if not user or not user.get("id"):
        conn.execute(text("UPDATE documents SET to_sign = 0, to_process = 0"))
        return
    conn.execute(text(_RECOMPUTE_FLAGS), {
        "me": user["id"], "unit": user.get("unit_id"),
        "clerk": int(Role.CLERK in (user.get("roles") or [])),
    })


def get_me(conn: Connection) -> dict[str, Any] | None:
    value = meta_store.get_meta(conn, "me")
    return value if isinstance(value, dict) else None


def _flag_key(user: dict[str, Any] | None) -> tuple:
    if not user:
        return ()
    return user.get("id"), user.get("unit_id"), tuple(sorted(user.get("roles") or []))


# --- reads -----------------------------------------------------------------------------------
def get_document(conn: Connection, doc_id: str) -> Doc | None:
    """The whole cached document (contract shape), or None."""
    data = conn.execute(select(_DOCS.c.data).where(_DOCS.c.id == doc_id)).scalar()
    return json.loads(data) if data is not None else None


def count_documents(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0)


def unread_urgent_among(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of these cached documents are unread and urgent."""
    found: set[str] = set()
    for chunk in _chunks(list(ids)):
        stmt = select(_DOCS.c.id).where(_DOCS.c.id.in_(chunk), _DOCS.c.is_read == 0,
                                        _DOCS.c.urgency >= 1)
        found.update(str(doc_id) for doc_id in conn.execute(stmt).scalars())
    return found


def all_document_ids(conn: Connection) -> set[str]:
    return {str(doc_id) for doc_id in conn.execute(select(_DOCS.c.id)).scalars()}


def local_fields(conn: Connection, docs: Sequence[Doc]) -> dict[str, dict[str, Any]]:
    """The CLI's local fields per id: ``pending_changes`` (outbox rows) and ``files_cached``.

    ``files_cached`` is true when every attachment's sha256 is in ``cached_files``; a
    secret document (secrecy >= 1) with attachments never has its files here: false.
    """
    ids = [doc["id"] for doc in docs]
    pending: dict[str, int] = {}
    for chunk in _chunks(ids):
        query = (select(OutboxEntry.document_id, text("count(*)"))
                 .where(OutboxEntry.document_id.in_(chunk)).group_by(OutboxEntry.document_id))
        pending.update({row[0]: int(row[1]) for row in conn.execute(query)})
    hashes = [a.get("sha256") or "" for doc in docs for a in doc.get("attachments") or []]
    cached: set[str] = set()
    for chunk in _chunks(list(dict.fromkeys(hashes))):
        found = select(CachedFile.sha256).where(CachedFile.sha256.in_(chunk))
        cached.update(conn.execute(found).scalars())
    result = {}
    for doc in docs:
        files = doc.get("attachments") or []
        secret = (doc.get("secrecy") or 0) >= 1
        all_cached = all((a.get("sha256") or "") in cached for a in files)
        result[doc["id"]] = {
            "pending_changes": pending.get(doc["id"], 0),
            "files_cached": not (secret and files) and all_cached,
        }
    return result
