"""SQLAlchemy 2 typed models of the local cache: what the contract carries plus the client's state.

Documents keep typed columns for what lists, filters and registers need, and the whole
contract object as JSON text in ``data`` (what ``show`` prints). Children (attachments,
assignments, comments, history) are also kept as rows so registers and queries can use
them; the store replaces them with the document on every upsert.

Per-user columns (``to_sign``, ``to_process``) are computed at upsert time from the
current user ("me", kept in ``meta``) and recomputed by ``set_me``.

``sort_no`` orders documents newest first (see :mod:`.documents`). It is the table's
INTEGER PRIMARY KEY (the rowid: rows are stored in list order, so a keyset page reads
neighbouring pages of the file) and the rowid of the document's row in the FTS5 table
``documents_fts`` (created by the migration, not a model: SQLAlchemy has no virtual
tables). The contract's ``id`` has a unique index; children refer to it.

The schema is made by the Alembic revisions in ``migrations/versions``; these models
must match them (a unit test compares the two).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# --- documents and their children ----------------------------------------------------------
class Document(Base):
    __tablename__ = "documents"

    #: the rowid: the table is stored in list order (see documents.py), FTS5 rowid too
    sort_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String, nullable=False)
    doc_date: Mapped[str] = mapped_column(String, nullable=False)  # YYYY-MM-DD, see documents.py
    direction: Mapped[str] = mapped_column(String, nullable=False)
    type_code: Mapped[str] = mapped_column(String, nullable=False)
    code_number: Mapped[int | None] = mapped_column(Integer)
    code_notation: Mapped[str] = mapped_column(String, nullable=False, default="")
    issuer_id: Mapped[str | None] = mapped_column(String)
    issuer_name: Mapped[str | None] = mapped_column(String)
    issued_date: Mapped[str | None] = mapped_column(String)
    subject: Mapped[str] = mapped_column(Text, nullable=False)
    urgency: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    secrecy: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    signer_name: Mapped[str | None] = mapped_column(String)
    arrival_number: Mapped[int | None] = mapped_column(Integer)
    arrival_date: Mapped[str | None] = mapped_column(String)
    register_id: Mapped[str | None] = mapped_column(String)
    due_date: Mapped[str | None] = mapped_column(String)
    #: due_date while the status is open (contract section 1), else NULL: the overdue box.
    open_due: Mapped[str | None] = mapped_column(String)
    unit_id: Mapped[str | None] = mapped_column(String)
    status: Mapped[str] = mapped_column(String, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_by: Mapped[str | None] = mapped_column(String)
    registered_by: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[str | None] = mapped_column(String)
    updated_at: Mapped[str | None] = mapped_column(String)
    is_read: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    to_sign: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    to_process: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)  # the whole Document, JSON text

    __table_args__ = (
        Index("ux_documents_id", "id", unique=True),
        Index("ix_documents_direction_sort", "direction", "sort_no"),
        Index("ix_documents_direction_counts", "direction", "is_read", "open_due"),
        Index("ix_documents_register", "register_id"),
        Index("ix_documents_unread", "sort_no", sqlite_where=text("is_read = 0")),
        Index("ix_documents_to_sign", "sort_no", sqlite_where=text("to_sign = 1")),
        Index("ix_documents_to_process", "sort_no", sqlite_where=text("to_process = 1")),
        Index("ix_documents_open_due", "sort_no", sqlite_where=text("open_due IS NOT NULL")),
    )


def _doc_fk() -> Any:
    return ForeignKey("documents.id", ondelete="CASCADE")


class Attachment(Base):
    __tablename__ = "attachments"

    document_id: Mapped[str] = mapped_column(String, _doc_fk(), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, nullable=False)
    file_name: Mapped[str | None] = mapped_column(String)
    content_type: Mapped[str | None] = mapped_column(String)
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    uploaded_by: Mapped[str | None] = mapped_column(String)
    uploaded_at: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        Index("ix_attachments_id", "id"),
        Index("ix_attachments_sha256", "sha256"),
        {"sqlite_with_rowid": False},
    )


class Assignment(Base):
    __tablename__ = "assignments"

    document_id: Mapped[str] = mapped_column(String, _doc_fk(), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str | None] = mapped_column(String)
    assignee_type: Mapped[str | None] = mapped_column(String)
    assignee_id: Mapped[str | None] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    due_date: Mapped[str | None] = mapped_column(String)
    assigned_by: Mapped[str | None] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_assignments_assignee", "assignee_id"),
                      {"sqlite_with_rowid": False})


class Comment(Base):
    __tablename__ = "comments"

    document_id: Mapped[str] = mapped_column(String, _doc_fk(), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str | None] = mapped_column(String)
    author_id: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str | None] = mapped_column(String)
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str | None] = mapped_column(String)

    __table_args__ = ({"sqlite_with_rowid": False},)


class HistoryEntry(Base):
    __tablename__ = "history"

    document_id: Mapped[str] = mapped_column(String, _doc_fk(), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # oldest first
    at: Mapped[str | None] = mapped_column(String)
    actor_id: Mapped[str | None] = mapped_column(String)
    action: Mapped[str | None] = mapped_column(String)
    detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = ({"sqlite_with_rowid": False},)


class PendingUser(Base):
    """One user in a document's ``pending_with`` (revision 0002): documents by the user
    they wait on, without reading every document's JSON."""

    __tablename__ = "pending_with"

    document_id: Mapped[str] = mapped_column(String, _doc_fk(), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String, nullable=False)

    __table_args__ = (Index("ix_pending_with_user", "user_id"), {"sqlite_with_rowid": False})


# --- directory and catalogue ---------------------------------------------------------------
class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    username: Mapped[str | None] = mapped_column(String)
    full_name: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    unit_id: Mapped[str | None] = mapped_column(String)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    roles: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    __table_args__ = (Index("ix_users_unit", "unit_id"),)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str | None] = mapped_column(String)
    code: Mapped[str | None] = mapped_column(String)
    parent_id: Mapped[str | None] = mapped_column(String)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class DocumentType(Base):
    __tablename__ = "document_types"

    code: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str | None] = mapped_column(String)
    abbreviation: Mapped[str | None] = mapped_column(String)


class Register(Base):
    __tablename__ = "registers"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str | None] = mapped_column(String)
    direction: Mapped[str | None] = mapped_column(String)
    year: Mapped[int | None] = mapped_column(Integer)
    secret: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str | None] = mapped_column(String)
    edxml_code: Mapped[str | None] = mapped_column(String)


class CalendarDay(Base):
    __tablename__ = "calendar_days"

    day: Mapped[str] = mapped_column(String, primary_key=True)  # YYYY-MM-DD
    kind: Mapped[str] = mapped_column(String, nullable=False)  # "holiday" | "working"


# --- the client's own state (used by the sync engine) --------------------------------------
class Meta(Base):
    """Small named values: cursor, last_sync, server, username, me, catalog, sort counter."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class ObjectSeq(Base):
    """The last applied change ``seq`` per object, kept after deletes (contract section 3)."""

    __tablename__ = "object_seq"

    kind: Mapped[str] = mapped_column(String, primary_key=True)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)


class OutboxEntry(Base):
    """One queued change; ``id`` is also its Idempotency-Key unless ``idempotency_key`` differs."""

    __tablename__ = "outbox"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    document_id: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, nullable=False)  # create|patch|action|upload|...
    action: Mapped[str | None] = mapped_column(String)
    params: Mapped[Any] = mapped_column(JSON, nullable=True)
    base_version: Mapped[int | None] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String, nullable=False)
    state: Mapped[str] = mapped_column(String, nullable=False)  # queued|sending|blocked|conflict
    error_code: Mapped[str | None] = mapped_column(String)
    error_detail: Mapped[str | None] = mapped_column(Text)
    local_state: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_state: Mapped[Any] = mapped_column(JSON, nullable=True)
    file_path: Mapped[str | None] = mapped_column(String)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[str] = mapped_column(String, nullable=False)
    updated_at: Mapped[str] = mapped_column(String, nullable=False)

    __table_args__ = (Index("ix_outbox_document", "document_id"),)


class ServerDocument(Base):
    """The last server state of a document with queued changes (its local copy is optimistic)."""

    __tablename__ = "server_documents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[Any] = mapped_column(JSON, nullable=False)


class CachedFile(Base):
    """A verified file in the profile's file cache, named by its sha256."""

    __tablename__ = "cached_files"

    sha256: Mapped[str] = mapped_column(String, primary_key=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    path: Mapped[str] = mapped_column(String, nullable=False)
    fetched_at: Mapped[str] = mapped_column(String, nullable=False)


class FileText(Base):
    """The text of one cached file for the content search (store/content.py): its folded
    words, or the reason it was skipped (``state`` "skipped", ``words`` empty)."""

    __tablename__ = "file_texts"

    sha256: Mapped[str] = mapped_column(String, primary_key=True)
    state: Mapped[str] = mapped_column(String, nullable=False)  # "indexed" | "skipped"
    words: Mapped[str] = mapped_column(Text, nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str | None] = mapped_column(String)  # a message key when skipped
    indexed_at: Mapped[str] = mapped_column(String, nullable=False)


#: The FTS5 table over the folded search fields and the words of the document's indexed
#: files (``content``, revision 0003); its rowid is ``documents.sort_no``.
FTS_TABLE = "documents_fts"
