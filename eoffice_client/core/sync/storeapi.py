"""The few store functions the sync engine uses, in one place (STORE owns the store).

Document rows, their children and the FTS index are written ONLY through the store's
own functions (``upsert_documents``, ``delete_documents``, ...), so its per-user flags
and search index stay right; the sync engine's own tables are in :mod:`.state`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core import store as _store


def get_document(conn: Connection, document_id: str) -> dict[str, Any] | None:
    return _store.get_document(conn, document_id)


def upsert_documents(conn: Connection, docs: list[dict[str, Any]]) -> None:
    if docs:
        _store.upsert_documents(conn, docs)


def delete_documents(conn: Connection, ids: Iterable[str]) -> None:
    ids = list(ids)
    if ids:
        _store.delete_documents(conn, ids)


def upsert_users(conn: Connection, users: list[dict[str, Any]]) -> None:
    if users:
        _store.upsert_users(conn, users)


def upsert_units(conn: Connection, units: list[dict[str, Any]]) -> None:
    if units:
        _store.upsert_units(conn, units)


def replace_catalog(conn: Connection, catalog: dict[str, Any]) -> None:
    _store.replace_catalog(conn, catalog)


def set_me(conn: Connection, user: dict[str, Any]) -> None:
    _store.set_me(conn, user)


def get_me(conn: Connection) -> dict[str, Any] | None:
    return _store.get_me(conn)


def users_by_id(conn: Connection) -> dict[str, dict[str, Any]]:
    return {u["id"]: u for u in _store.get_users(conn)
            if isinstance(u, dict) and isinstance(u.get("id"), str)}


def registers(conn: Connection) -> list[dict[str, Any]] | None:
    rows = conn.execute(text("SELECT id, direction, year, secret FROM registers")).all()
    if not rows:
        return None  # the catalogue is not known yet: not checked locally
    return [{"id": r[0], "direction": r[1], "year": r[2], "secret": bool(r[3])} for r in rows]


def document_type_codes(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute(text("SELECT code FROM document_types"))}


def all_document_ids(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute(text("SELECT id FROM documents"))}


def document_count(conn: Connection) -> int:
    return int(conn.execute(text("SELECT COUNT(*) FROM documents")).scalar_one())


def attachments_of(conn: Connection, document_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        text("SELECT id, sha256, size FROM attachments WHERE document_id = :d"),
        {"d": document_id},
    )
    return [{"id": r[0], "sha256": r[1], "size": r[2]} for r in rows]


def has_cached_files(conn: Connection) -> bool:
    return conn.execute(text("SELECT 1 FROM cached_files LIMIT 1")).first() is not None


def attachment_hashes(conn: Connection, document_ids: list[str]) -> list[tuple[str, str]]:
    """(document id, sha256) of the cached attachments of these documents."""
    found: list[tuple[str, str]] = []
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start:start + 500]
        marks = ", ".join(f":d{n}" for n in range(len(chunk)))
        rows = conn.execute(
            text(f"SELECT document_id, sha256 FROM attachments WHERE document_id IN ({marks})"),
            {f"d{n}": v for n, v in enumerate(chunk)})
        found.extend((str(r[0]), str(r[1])) for r in rows)
    return found


def sha256_in_use(conn: Connection, sha256: str) -> bool:
    """Whether any cached document (or a queued upload) still references these bytes."""
    if conn.execute(
        text("SELECT 1 FROM attachments WHERE sha256 = :s LIMIT 1"), {"s": sha256}
    ).first():
        return True
    return conn.execute(
        text("SELECT 1 FROM outbox WHERE kind = 'upload' AND file_path LIKE :p LIMIT 1"),
        {"p": f"%{sha256}"},
    ).first() is not None


def files_to_prefetch(conn: Connection, max_bytes: int) -> list[dict[str, Any]]:
    """Attachments of non-secret documents up to ``max_bytes`` whose bytes are not cached."""
    rows = conn.execute(
        text(
            "SELECT a.id, a.sha256, a.size, a.file_name, a.document_id FROM attachments a "
            "JOIN documents d ON d.id = a.document_id "
            "LEFT JOIN cached_files c ON c.sha256 = a.sha256 "
            "WHERE d.secrecy = 0 AND c.sha256 IS NULL AND a.size <= :m "
            "ORDER BY d.sort_no DESC"
        ),
        {"m": max_bytes},
    )
    seen: set[str] = set()
    found = []
    for r in rows:
        if r[1] in seen:
            continue
        seen.add(r[1])
        found.append({"id": r[0], "sha256": r[1], "size": r[2], "file_name": r[3],
                      "document_id": r[4]})
    return found


def record_cached_file(conn: Connection, sha256: str, size: int, path: str, when: str) -> None:
    conn.execute(
        text("INSERT INTO cached_files (sha256, size, path, fetched_at) VALUES (:s, :z, :p, :w) "
             "ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, path = excluded.path, "
             "fetched_at = excluded.fetched_at"),
        {"s": sha256, "z": size, "p": path, "w": when},
    )


def forget_cached_file(conn: Connection, sha256: str) -> None:
    conn.execute(text("DELETE FROM cached_files WHERE sha256 = :s"), {"s": sha256})


def cached_bytes(conn: Connection) -> int:
    return int(conn.execute(text("SELECT COALESCE(SUM(size), 0) FROM cached_files")).scalar_one())


def is_cached(conn: Connection, sha256: str) -> bool:
    return conn.execute(
        text("SELECT 1 FROM cached_files WHERE sha256 = :s"), {"s": sha256}
    ).first() is not None
