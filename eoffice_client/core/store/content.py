"""The content search's part of the cache: the text of each cached file, once per sha256
(``file_texts``), and each document's ``content`` words in ``documents_fts``.

A document's ``content`` is the folded words of its indexed files joined by spaces (as
the metadata columns are), so a search is still one FTS5 MATCH walked in list order.
It is written when a file's text is recorded (:func:`record_text`) and again after the
sync replaces a document's row (:func:`refresh_documents`, from ``upsert_documents``).
Secret documents never get any: they have no cached files, and a document that became
secret loses its content at its next upsert.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from eoffice_client.core.store.models import FTS_TABLE

INDEXED, SKIPPED = "indexed", "skipped"
CHUNK = 500  # ids per IN (...) list

_TO_INDEX = (
    "SELECT a.sha256, min(a.file_name), max(d.sort_no) FROM cached_files c "
    "JOIN attachments a ON a.sha256 = c.sha256 JOIN documents d ON d.id = a.document_id "
    "LEFT JOIN file_texts t ON t.sha256 = c.sha256 "
    "WHERE t.sha256 IS NULL AND d.secrecy = 0 "
    "GROUP BY a.sha256 ORDER BY max(d.sort_no) DESC")
#: (sort_no, words of its indexed files) of documents chosen by ``{where}``
_CONTENT_OF = (
    "SELECT sort_no, group_concat(words, ' ') FROM ("
    " SELECT DISTINCT d.sort_no AS sort_no, t.sha256, t.words AS words FROM documents d"
    " JOIN attachments a ON a.document_id = d.id"
    " JOIN file_texts t ON t.sha256 = a.sha256"
    f" WHERE t.state = '{INDEXED}' AND d.secrecy = 0 AND {{where}}"
    ") GROUP BY sort_no")
_SET_CONTENT = f"UPDATE {FTS_TABLE} SET content = ? WHERE rowid = ?"
_RECORD = (
    "INSERT INTO file_texts (sha256, state, words, pages, reason, indexed_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET state = excluded.state, "
    "words = excluded.words, pages = excluded.pages, reason = excluded.reason, "
    "indexed_at = excluded.indexed_at")


@dataclass(frozen=True)
class FileToIndex:
    """A cached file whose text has not been read yet."""

    sha256: str
    file_name: str


@dataclass(frozen=True)
class IndexCounts:
    """How far the content index is: files read, files skipped, files waiting."""

    indexed: int
    skipped: int
    waiting: int


def files_to_index(conn: Connection) -> list[FileToIndex]:
    """Cached files of non-secret documents without a text, newest documents first."""
    return [FileToIndex(str(sha), str(name or ""))
            for sha, name, _ in conn.exec_driver_sql(_TO_INDEX)]


def record_text(conn: Connection, sha256: str, words: str, *, pages: int, state: str,
                reason: str | None, when: str) -> int:
    """Keeps a file's words (or why it was skipped) and puts them into the index of every
    non-secret document with that file; returns how many documents were updated."""
    conn.exec_driver_sql(_RECORD, (sha256, state, words, pages, reason, when))
    if state != INDEXED:
        return 0
    sql = _CONTENT_OF.format(where="d.sort_no IN (SELECT d2.sort_no FROM attachments a2 "
                                   "JOIN documents d2 ON d2.id = a2.document_id "
                                   "WHERE a2.sha256 = ?)")
    found = list(conn.exec_driver_sql(sql, (sha256,)))
    _set_content(conn, found)
    return len(found)


def has_texts(conn: Connection) -> bool:
    """Whether any file's text is indexed (the sync's upserts skip the refresh otherwise)."""
    found = conn.exec_driver_sql(
        f"SELECT 1 FROM file_texts WHERE state = '{INDEXED}' LIMIT 1").first()
    return found is not None


def refresh_documents(conn: Connection, ids: Sequence[str]) -> None:
    """Puts the words of their indexed files back into these documents' FTS rows (after
    the rows were written again)."""
    for start in range(0, len(ids), CHUNK):
        chunk = tuple(ids[start:start + CHUNK])
        sql = _CONTENT_OF.format(where=f"d.id IN ({', '.join('?' * len(chunk))})")
        _set_content(conn, list(conn.exec_driver_sql(sql, chunk)))


def _set_content(conn: Connection, found: Sequence[Sequence[object]]) -> None:
    if found:
        conn.exec_driver_sql(_SET_CONTENT, [(words, sort_no) for sort_no, words in found])


def forget_unused_texts(conn: Connection) -> int:
    """Removes the texts of files no cached document has any more; returns how many."""
    result = conn.exec_driver_sql(
        "DELETE FROM file_texts WHERE sha256 NOT IN "
        "(SELECT sha256 FROM attachments WHERE sha256 IS NOT NULL)")
    return int(result.rowcount or 0)


def counts(conn: Connection) -> IndexCounts:
    """Files indexed, skipped, and cached files still waiting for their text."""
    indexed, skipped = conn.exec_driver_sql(
        f"SELECT count(*) FILTER (WHERE state = '{INDEXED}'), "
        f"count(*) FILTER (WHERE state = '{SKIPPED}') FROM file_texts").one()
    waiting = len(files_to_index(conn))
    return IndexCounts(int(indexed or 0), int(skipped or 0), waiting)
