"""edXML (QCVN 102:2016) exchange: ``edxml import``, ``edxml export``, ``edxml status``.

An imported document message becomes a new incoming document queued for the clerk as
ONE chain (its create, an upload of each attached file and one of the edXML file itself,
in one durable transaction: all of it or nothing). A status message is not a document: it
is recorded as a note on the outgoing document it is about (when that one is cached), and
the result says so.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from sqlalchemy import Connection, Table, select

from eoffice_client.core.app.audit import audited_queue
from eoffice_client.core.app.changes import (
    ChangesApi,
    PreparedUpload,
    _queue_create,
    queue_upload,
)
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.creation import create_body
from eoffice_client.core.app.records import Person
from eoffice_client.core.domain.enums import AttachmentRole, Direction
from eoffice_client.core.errors import UnknownIdError
from eoffice_client.core.messages import current_language
from eoffice_client.core.store import documents, queries
from eoffice_client.core.store.models import Document

if TYPE_CHECKING:
    from eoffice_client.core.interop import (
        EdxmlDocument,
        EdxmlStatus,
        ExchangeContext,
        ExportResult,
        Unmapped,
    )

_DOCS = cast(Table, Document.__table__)
#: The comment text's limit (contract section 6, ``comment``).
COMMENT_MAX = 2000
_LEADING_NUMBER = re.compile(r"^\s*0*(\d+)\s*/")


@dataclass(frozen=True)
class EdxmlImport:
    """What ``edxml import`` did. ``kind`` "document": ``document_id`` is the new incoming
    document; "status": the outgoing document the status message was recorded on."""

    kind: Literal["document", "status"]
    document_id: str
    attachments: int = 0
    business: str = "new"  # new | revocation | update | replacement (TraceHeader)
    status_code: str = ""
    summary: str = ""  # the status message, as recorded on the document
    notes: tuple[str, ...] = field(default_factory=tuple)  # what did not fit, readable


@dataclass(frozen=True)
class EdxmlPreview:
    """An edXML file read and mapped, nothing queued yet: ``found`` is the document (its
    draft and files) or the status message; ``notes`` what could not be mapped, readable."""

    path: Path
    found: EdxmlDocument | EdxmlStatus
    notes: tuple[str, ...] = ()
    summary: str = ""  # a status message, in one readable line

    @property
    def kind(self) -> Literal["document", "status"]:
        from eoffice_client.core.interop import EdxmlStatus

        return "status" if isinstance(self.found, EdxmlStatus) else "document"


@dataclass(frozen=True)
class EdxmlExport:
    path: Path
    size: int
    attachments: int
    warnings: tuple[str, ...] = ()  # readable lines (e.g. a recipient without an edXML code)


class InteropApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._changes = ChangesApi(context)

    def import_edxml(self, path: Path) -> EdxmlImport:
        """Reads ``path`` (9 when it is not usable edXML). A document message is queued
        as a new incoming document with its files (7 unless a clerk); a status message
        is recorded on its outgoing document (6 when that is not cached)."""
        return self.register_edxml(self.preview_edxml(path))

    def preview_edxml(self, path: Path) -> EdxmlPreview:
        """Reads and maps ``path`` without queueing or recording anything, for the clerk to
        review first (9 naming what is wrong when it is not usable edXML)."""
        from eoffice_client.core.interop import (
            EdxmlStatus,
            exchange_context,
            read_edxml,
            status_summary,
        )

        with self._context.store.read() as conn:
            exchange = exchange_context(conn)
        found = read_edxml(Path(path), catalogue=exchange.catalogue)
        summary = ""
        if isinstance(found, EdxmlStatus):
            summary = status_summary(found, current_language())
        return EdxmlPreview(Path(path), found, readable(found.unmapped), summary)

    def register_edxml(self, preview: EdxmlPreview) -> EdxmlImport:
        """What :meth:`import_edxml` does, from a reviewed preview (the file is not read
        again, so what was reviewed is what is queued)."""
        from eoffice_client.core.interop import EdxmlDocument

        if isinstance(preview.found, EdxmlDocument):
            return self._import_document(preview.found, preview.path)
        return self._import_status(preview.found)

    def export_edxml(self, doc_id: str, out: Path) -> EdxmlExport:
        """The issued document ``doc_id`` with its final PDF and cached appendices as
        edXML (6 unknown id, 7 not issued or secret, 9 when the final PDF is not here)."""
        from eoffice_client.core.interop import export_issued

        doc, exchange = self._document_and_context(doc_id)
        with plain_files(self._context) as locate:
            result = exported(export_issued(doc, Path(out), context=exchange, locate=locate))
        self._context.audit.record("exported", document_id=doc_id,
                                   detail={"what": "edxml", "attachments": result.attachments})
        return result

    def status_edxml(self, doc_id: str, code: str, out: Path) -> EdxmlExport:
        """The status message ``code`` (01..06) about the received document ``doc_id``
        (6 unknown id, 7 when the code does not fit its status, 9 a bad code)."""
        from eoffice_client.core.interop import export_status

        doc, exchange = self._document_and_context(doc_id)
        result = exported(export_status(doc, code, Path(out), sender=exchange.sender,
                                        org_codes=exchange.org_codes(), staff=exchange.staff))
        self._context.audit.record("exported", document_id=doc_id,
                                   detail={"what": "edxml_status", "code": code})
        return result

    # --- inside ----------------------------------------------------------------------------
    def _document_and_context(self, doc_id: str) -> tuple[dict[str, Any], ExchangeContext]:
        from eoffice_client.core.interop import exchange_context

        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
            if doc is None:
                raise UnknownIdError("cli.unknown_document", id=doc_id)
            return doc, exchange_context(conn)

    def _import_document(self, found: EdxmlDocument, original: Path) -> EdxmlImport:
        """The create, an upload of each attached file, and one of the edXML file itself
        (an appendix: what the document cannot hold stays in it, nothing is lost)."""
        me = self._changes._me()
        with self._context.store.read() as conn:
            today = queries.today_for(conn)
        draft = found.draft
        raw = draft.create_body(str(uuid.uuid4()), today)
        fields = {k: v for k, v in raw.items() if k not in ("direction", "type_code", "subject")}
        body = create_body(Direction.INCOMING.value, draft.type_code, draft.subject, fields, me)
        folder = Path(tempfile.mkdtemp(prefix="eoffice-edxml-"))
        try:
            uploads = [self._changes.prepare_upload(file, role)
                       for file, role in _written_attachments(found, folder)]
            kept = self._changes.prepare_upload(original, AttachmentRole.APPENDIX.value)
            doc_id = self._queue_chain(body, [*uploads, kept], me)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return EdxmlImport(kind="document", document_id=doc_id, attachments=len(uploads),
                           business=found.business.value, notes=readable(found.unmapped))

    def _queue_chain(self, body: dict[str, object], uploads: Sequence[PreparedUpload],
                     me: Person) -> str:
        with audited_queue(self._context, detail={"source": "edxml"}) as conn:
            doc_id = _queue_create(conn, body, me)
            for upload in uploads:
                queue_upload(conn, doc_id, upload, me)
        return doc_id

    def _import_status(self, found: EdxmlStatus) -> EdxmlImport:
        from eoffice_client.core.interop import match_status, status_summary

        with self._context.store.read() as conn:
            doc_id = match_status(found, list(_documents_numbered(conn, found.about.code)))
        sender = found.sender.name or found.sender.org_id
        if doc_id is None:
            raise UnknownIdError("cli_documents.status_unmatched", code=found.about.code,
                                 sender=sender, status=found.code)
        summary = status_summary(found, "vi")  # the organisation's language: others read it
        self._changes.act(doc_id, "comment", {"kind": "note", "text": summary[:COMMENT_MAX]})
        return EdxmlImport(kind="status", document_id=doc_id, status_code=found.code,
                           summary=status_summary(found, current_language()),
                           notes=readable(found.unmapped))


@contextmanager
def plain_files(context: AppContext) -> Iterator[Callable[[str], Path | None]]:
    """``locate(sha256)`` for the edXML writer: the cached file's path in a plain cache, a
    plain copy (removed after the block) in a sealed one; None when it is not cached."""
    files = context.files
    if not files.sealed:
        yield lambda sha256: files.path_for(sha256) if files.has(sha256) else None
        return
    from eoffice_client.core.app.files import COPIES_DIR

    parent = context.profile.root / COPIES_DIR
    parent.mkdir(mode=0o700, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="export-", dir=parent))
    try:
        def locate(sha256: str) -> Path | None:
            if not files.has(sha256):
                return None
            target = folder / sha256
            return target if target.exists() else files.copy_to(sha256, target)

        yield locate
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _written_attachments(found: EdxmlDocument, folder: Path) -> Iterator[tuple[Path, str]]:
    """Each attached file's bytes in a file of its own folder (two files may share a
    name), named as the sender named it where that name is a plain file name."""
    for index, attachment in enumerate(found.attachments):
        name = Path(attachment.file_name.replace("\\", "/")).name.strip()
        if name in ("", ".", ".."):
            name = f"tep-dinh-kem-{index + 1}"
        place = folder / f"{index:03d}"
        place.mkdir()
        target = place / name
        target.write_bytes(attachment.data)
        yield target, attachment.role


def _documents_numbered(conn: Connection, code: str) -> Iterator[dict[str, Any]]:
    """The cached outgoing and internal documents that a status's code ("05/QĐ-UBND") may
    name: those with its number, else (a code without a number) every numbered one."""
    import json

    query = select(_DOCS.c.data).where(_DOCS.c.direction != Direction.INCOMING.value,
                                       _DOCS.c.code_number.is_not(None))
    number = _LEADING_NUMBER.match(code)
    if number is not None:
        query = query.where(_DOCS.c.code_number == int(number.group(1)))
    for (data,) in conn.execute(query):
        yield json.loads(data)


def readable(items: Sequence[Unmapped]) -> tuple[str, ...]:
    from eoffice_client.core.interop import describe_unmapped

    return tuple(describe_unmapped(items, current_language()))


def exported(result: ExportResult) -> EdxmlExport:
    return EdxmlExport(Path(result.path), result.size, result.attachments,
                       readable(result.warnings))
