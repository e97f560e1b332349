"""Reading the cache: boxes, lists, rows, whole documents, the directory, the queue.

Everything here is local (no network) and fast enough for the window's GUI thread on
100,000 cached documents, except where a docstring says otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.records import AttachmentInfo, Directory, DocumentDetail
from eoffice_client.core.app.types import (
    BOXES,
    BoxCount,
    ContentIndex,
    DocumentPage,
    DocumentQuery,
    JsonObject,
    OutboxEntry,
    Reminders,
    Row,
    json_mapping,
)
from eoffice_client.core.domain import workflow
from eoffice_client.core.errors import UnknownIdError
from eoffice_client.core.store import content as stored_content
from eoffice_client.core.store import directory, documents, meta, queries
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.sync import outbox, state


class ReadsApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    def box_counts(self) -> dict[str, BoxCount]:
        """``(total, unread, overdue)`` of every box."""
        with self._context.store.read() as conn:
            today = queries.today_for(conn)
            return {box: BoxCount(*queries.count_box(conn, box, today=today)) for box in BOXES}

    def document_ids(self, query: DocumentQuery) -> list[str]:
        """The ids of the list, in its order (every match when its limit is None)."""
        with self._context.store.read() as conn:
            return queries.document_ids(conn, query)

    def rows(self, ids: Sequence[str], search: str | None = None) -> dict[str, Row]:
        """The list rows of these ids (fast for a page of a few hundred). Given the list's
        search, each row says whether it was found by its files' text
        (:attr:`Row.matched_by_content`)."""
        with self._context.store.read() as conn:
            return queries.rows(conn, ids, search)

    def content_index(self) -> ContentIndex:
        """How many cached files' texts are searchable, skipped, or still to be read."""
        with self._context.store.read() as conn:
            found = stored_content.counts(conn)
        return ContentIndex(found.indexed, found.skipped, found.waiting)

    def page(self, query: DocumentQuery) -> DocumentPage:
        """One page of whole documents with their local fields (cli-v1 ``list --json``)."""
        with self._context.store.read() as conn:
            page = queries.list_documents(conn, query)
            local = documents.local_fields(conn, page.items)
            matched = queries.count_matching(conn, query) if page.next_after else len(
                page.items)
        docs: list[JsonObject] = [{**doc, **local[str(doc["id"])]} for doc in page.items]
        return DocumentPage(docs, matched)

    def document(self, doc_id: str) -> DocumentDetail | None:
        """One cached document, whole (None when it is not cached)."""
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
            if doc is None:
                return None
            pending = documents.local_fields(conn, [doc])[doc["id"]]["pending_changes"]
            hashes = [str(a.get("sha256") or "") for a in doc.get("attachments") or []]
            cached = stored_files.cached_hashes(conn, hashes)
        return DocumentDetail.from_json(doc, pending_changes=int(pending),
                                        cached_hashes=frozenset(cached))

    def document_json(self, doc_id: str) -> JsonObject | None:
        """One cached document in the contract's shape with ``pending_changes`` and
        ``files_cached`` (cli-v1 ``show --json``)."""
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
            if doc is None:
                return None
            doc.update(documents.local_fields(conn, [doc])[doc["id"]])
        return dict(doc)

    def require_document(self, doc_id: str) -> DocumentDetail:
        found = self.document(doc_id)
        if found is None:
            raise UnknownIdError("cli.unknown_document", id=doc_id)
        return found

    def directory(self) -> Directory:
        """People, units and the catalogue as cached (empty before the first sync)."""
        with self._context.store.read() as conn:
            users, units = directory.get_users(conn), directory.get_units(conn)
            catalog = directory.get_catalog(conn) or {}
        return Directory.from_json(users, units, catalog)

    def organization(self) -> JsonObject:
        """The organisation this server serves (``/info``), as last seen."""
        with self._context.store.read() as conn:
            return dict(json_mapping(meta.get_meta(conn, state.ORGANIZATION)))

    def today(self) -> dt.date:
        """Today in Vietnam by the server's clock (as far as the sync has measured it)."""
        with self._context.store.read() as conn:
            return queries.today_for(conn)

    def reminders(self, today: dt.date) -> Reminders:
        with self._context.store.read() as conn:
            return Reminders(*queries.reminder_counts(conn, today))

    def allowed_actions(self, doc_ids: Sequence[str]) -> set[str]:
        """The actions every one of these documents allows the signed-in user, by the
        contract's rules on the cached state (section 6)."""
        me = self._context.me()
        if me is None or not doc_ids:
            return set()
        with self._context.store.read() as conn:
            docs = [documents.get_document(conn, doc_id) for doc_id in doc_ids]
        allowed = set(workflow.ACTIONS)
        for doc in docs:
            if doc is None:
                return set()
            allowed &= set(workflow.allowed_actions(doc, me.as_json()))
        return allowed

    def outbox(self) -> list[OutboxEntry]:
        """Queued changes and conflicts, oldest first."""
        entries = []
        with self._context.store.read() as conn:
            for row in outbox.list_rows(conn):
                doc = documents.get_document(conn, row.document_id) or row.local_state or {}
                entries.append(OutboxEntry(
                    id=row.id, document_id=row.document_id, action=row.label, kind=row.kind,
                    params=dict(row.params or {}), state=row.state,
                    error_code=row.error_code, error_detail=row.error_detail,
                    created_at=row.created_at, attempts=row.attempts,
                    subject=str(doc.get("subject") or ""),
                    local=dict(row.local_state or doc) or None,
                    server=dict(row.server_state) if row.server_state else None))
        return entries

    def cached_file(self, attachment: AttachmentInfo) -> Path | None:
        """The verified local copy of an attachment, None when it is not here (never
        fetches; a secret document's files are never here). Its path in the files cache:
        with encryption at rest the file there is sealed, and ``app.files`` gives its
        plaintext (``viewable``, ``read``, ``temporary_copy``, ``save_copy``)."""
        files = self._context.files
        sha = attachment.sha256
        return files.path_for(sha) if sha and files.has(sha) else None

    def attachment_record(self, attachment_id: str) -> stored_files.AttachmentRecord:
        with self._context.store.read() as conn:
            record = stored_files.attachment(conn, attachment_id)
        if record is None:
            raise UnknownIdError("sync.unknown_attachment", id=attachment_id)
        return record

