"""The table of verified cached files (``cached_files``) and the attachments that name them.

A file is kept once per sha256 (``core/sync/files.py`` keeps the bytes); these functions
say which bytes are cached, which are still needed, and which may go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.dialects.sqlite import insert

from eoffice_client.core.store.models import Attachment, CachedFile, Document, OutboxEntry

CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class AttachmentRecord:
    """An attachment as the files cache needs it."""

    id: str
    sha256: str
    size: int
    file_name: str
    document_id: str
    secrecy: int


def attachment(conn: Connection, attachment_id: str) -> AttachmentRecord | None:
    stmt = (select(Attachment.id, Attachment.sha256, Attachment.size, Attachment.file_name,
                   Attachment.document_id, Document.secrecy)
            .join(Document, Document.id == Attachment.document_id)
            .where(Attachment.id == attachment_id))
    found = conn.execute(stmt).first()
    return None if found is None else _record(found)


def attachments_of(conn: Connection, document_id: str) -> list[AttachmentRecord]:
    stmt = (select(Attachment.id, Attachment.sha256, Attachment.size, Attachment.file_name,
                   Attachment.document_id, Document.secrecy)
            .join(Document, Document.id == Attachment.document_id)
            .where(Attachment.document_id == document_id))
    return [_record(r) for r in conn.execute(stmt)]


def attachment_hashes(conn: Connection, document_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(document id, sha256) of the attachments of these documents."""
    found: list[tuple[str, str]] = []
    for start in range(0, len(document_ids), CHUNK):
        chunk = list(document_ids[start:start + CHUNK])
        stmt = select(Attachment.document_id, Attachment.sha256).where(
            Attachment.document_id.in_(chunk))
        found.extend((str(r[0]), str(r[1])) for r in conn.execute(stmt))
    return found


@dataclass(frozen=True)
class PdfAttachment:
    role: str
    sha256: str
    file_name: str
    uploaded_at: str


def pdf_attachments(conn: Connection, document_ids: Sequence[str], roles: Sequence[str]
                    ) -> dict[str, list[PdfAttachment]]:
    """The PDFs (by file name) of these roles attached to these documents, in their
    documents' order; a document without one is absent."""
    found: dict[str, list[PdfAttachment]] = {}
    unique = list(dict.fromkeys(document_ids))
    for start in range(0, len(unique), CHUNK):
        stmt = (select(Attachment.document_id, Attachment.role, Attachment.sha256,
                       Attachment.file_name, Attachment.uploaded_at)
                .where(Attachment.document_id.in_(unique[start:start + CHUNK]),
                       Attachment.role.in_(list(roles)),
                       func.lower(Attachment.file_name).like("%.pdf"))
                .order_by(Attachment.document_id, Attachment.position))
        for doc_id, role, sha, name, uploaded in conn.execute(stmt):
            found.setdefault(str(doc_id), []).append(PdfAttachment(
                str(role), str(sha or ""), str(name or ""), str(uploaded or "")))
    return found


def files_to_prefetch(conn: Connection, max_bytes: int) -> list[AttachmentRecord]:
    """Attachments of non-secret documents up to ``max_bytes`` whose bytes are not cached,
    newest documents first, one per sha256."""
    stmt = (select(Attachment.id, Attachment.sha256, Attachment.size, Attachment.file_name,
                   Attachment.document_id, Document.secrecy)
            .join(Document, Document.id == Attachment.document_id)
            .outerjoin(CachedFile, CachedFile.sha256 == Attachment.sha256)
            .where(Document.secrecy == 0, CachedFile.sha256.is_(None),
                   Attachment.size <= max_bytes)
            .order_by(Document.sort_no.desc()))
    seen: set[str] = set()
    found = []
    for r in conn.execute(stmt):
        record = _record(r)
        if record.sha256 not in seen:
            seen.add(record.sha256)
            found.append(record)
    return found


def sha256_in_use(conn: Connection, sha256: str) -> bool:
    """Whether any cached document (or a queued upload) still references these bytes."""
    if conn.execute(select(Attachment.id).where(Attachment.sha256 == sha256).limit(1)).first():
        return True
    upload = select(OutboxEntry.id).where(OutboxEntry.kind == "upload",
                                          OutboxEntry.file_path.like(f"%{sha256}")).limit(1)
    return conn.execute(upload).first() is not None


def record_cached_file(conn: Connection, sha256: str, size: int, path: str, when: str) -> None:
    stmt = insert(CachedFile).values(sha256=sha256, size=size, path=path, fetched_at=when)
    conn.execute(stmt.on_conflict_do_update(index_elements=["sha256"], set_={
        "size": stmt.excluded.size, "path": stmt.excluded.path,
        "fetched_at": stmt.excluded.fetched_at}))


def forget_cached_file(conn: Connection, sha256: str) -> None:
    conn.execute(delete(CachedFile).where(CachedFile.sha256 == sha256))


def forget_all_cached_files(conn: Connection) -> None:
    conn.execute(delete(CachedFile))


def is_cached(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(CachedFile.sha256).where(CachedFile.sha256 == sha256)).first() \
        is not None


def has_cached_files(conn: Connection) -> bool:
    return conn.execute(select(CachedFile.sha256).limit(1)).first() is not None


def cached_hashes(conn: Connection, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` are cached."""
    found: set[str] = set()
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), CHUNK):
        stmt = select(CachedFile.sha256).where(CachedFile.sha256.in_(unique[start:start + CHUNK]))
        found.update(str(s) for s in conn.execute(stmt).scalars())
    return found


def cached_bytes(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.sum(CachedFile.size), 0))).scalar_one())


def _record(r: Sequence[object]) -> AttachmentRecord:
    return AttachmentRecord(id=str(r[0]), sha256=str(r[1] or ""),
                            size=r[2] if isinstance(r[2], int) else 0,
                            file_name=str(r[3] or ""), document_id=str(r[4]),
                            secrecy=r[5] if isinstance(r[5], int) else 0)
