"""The drafter's step before submitting: the draft rendered (.docx), converted to PDF by
LibreOffice or Word, given the empty number and date fields on the gaps of "Số:    /…"
and "ngày    tháng    năm …", and queued for upload as the document's ``main`` PDF
(the one ``approve`` needs). A main PDF prepared before (a returned draft) is replaced:
its upload is cancelled when it has not gone out, else its deletion is queued."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from eoffice_client.core.app.audit import audited_queue
from eoffice_client.core.app.chain_types import PreparedDraft
from eoffice_client.core.app.changes import ChangesApi, queue_upload
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.creation import check_may_attach
from eoffice_client.core.documents.signing_prepare import add_fields_to_pdf
from eoffice_client.core.security.filenames import safe_file_name
from eoffice_client.core.sync import outbox

if TYPE_CHECKING:
    from eoffice_client.core.app.documents import DocumentsApi
    from eoffice_client.core.app.types import CancelToken

log = logging.getLogger("eoffice.app.drafting")

#: The drafts' working files, one folder per document inside the profile.
DRAFTS_FOLDER = "drafts"


def prepare_for_approval(context: AppContext, drafting: DocumentsApi, doc_id: str,
                         body_text: str | None = None, folder: Path | None = None,
                         cancel: CancelToken | None = None) -> PreparedDraft:
    """Raises 6 (not cached), 7 (not the creator's draft, or a secret one), 9 (no
    converter; a page without "Số:" or its date line), 8 (the PDF cannot be read);
    nothing is queued then. ``cancel``, set while the converter runs, stops before
    anything is queued (SyncCancelled)."""
    changes = ChangesApi(context)
    me = changes.me()
    with context.store.read() as conn:
        check_may_attach(outbox.require_document(conn, doc_id), me)
    work = Path(folder) if folder is not None else (
        context.profile.root / DRAFTS_FOLDER / safe_file_name(doc_id, fallback="draft"))
    work.mkdir(parents=True, exist_ok=True)
    with context.store.read() as conn:
        subject = str(outbox.require_document(conn, doc_id).get("subject") or "")
    name = safe_file_name(subject.replace("/", "-")[:80], fallback="du-thao")
    docx, converted = work / f"{name}.docx", work / f"{name}.converted.pdf"
    result = drafting.render(doc_id, docx, out_pdf=converted, body_text=body_text)
    assert result.pdf is not None and result.converter is not None  # or it raised
    pdf = work / f"{name}.pdf"
    places = add_fields_to_pdf(result.pdf, pdf)
    converted.unlink(missing_ok=True)
    if cancel is not None:
        cancel.raise_if_cancelled()
    upload = changes.prepare_upload(pdf, "main")
    with audited_queue(context, removed="cancelled") as conn:
        replace_earlier_mains(conn, doc_id)
        queue_upload(conn, doc_id, upload, me)
    attachment_id = str(upload.params["attachment_id"])
    log.info("draft %s prepared for approval (main %s)", doc_id, attachment_id)
    cached = pdf if context.files.sealed else context.files.path_for(
        str(upload.params["sha256"]))  # a sealed cache's file is no PDF a viewer reads
    return PreparedDraft(doc_id, attachment_id, docx, cached, result.converter,
                         places.notation, places.year)


def replace_earlier_mains(conn: Connection, doc_id: str) -> None:
    """``approve`` needs exactly one main PDF: the earlier ones go."""
    doc = outbox.require_document(conn, doc_id)
    uploads = {str(row.params.get("attachment_id")): row for row in outbox.list_rows(conn, doc_id)
               if row.kind == "upload"}
    for attachment in doc.get("attachments") or []:
        if attachment.get("role") != "main":
            continue
        row = uploads.get(str(attachment.get("id")))
        if row is not None and row.state in (outbox.QUEUED, outbox.BLOCKED) and not row.attempts:
            outbox.cancel(conn, row.id)
        else:
            outbox.enqueue(conn, doc_id, "delete_attachment",
                           {"attachment_id": str(attachment.get("id"))})
    outbox.refresh_document(conn, doc_id)
