"""The user's changes: actions, new documents, files, edits, and the queue's operations.

Every change is checked by the contract's rules on the cached state (refused at once:
7 not allowed, 9 invalid) and written to the outbox together with its local effect in ONE
durable transaction (``Store.durable``) before the call returns, so "saved" means saved,
with or without a network. The sync sends it later, exactly once. Each change queued,
cancelled, dropped or retried is recorded in the local audit trail (``audit.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import re
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from eoffice_client.core.app.audit import audited_queue
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.creation import (
    CREATE_FIELDS,
    INCOMING_ONLY_FIELDS,
    check_may_attach,
    create_body,
    local_document,
    may_edit,
)
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.documents.pdf_merge import check_scan, join_scans
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import AttachmentRole, Role, Status
from eoffice_client.core.domain.numbering import code_text
from eoffice_client.core.errors import ClientError, ExitCode, InvalidInputError, NotAllowedError
from eoffice_client.core.store import directory, meta
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.sync import outbox, state

log = logging.getLogger("eoffice.app.changes")

MAX_UPLOAD = 100 * 1000 * 1000  # contract section 5: over 100 MB is 413


class SignedOut(ClientError):
    exit_code = ExitCode.SIGNED_OUT


class ChangesApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    def act(self, document_id: str, action: str, params: Mapping[str, object] | None = None
            ) -> str:
        """Queues an action after the rules' checks on the cached state; returns the
        outbox id."""
        if params is not None and not isinstance(params, Mapping):
            raise InvalidInputError("sync.params_not_object")
        values: JsonObject = dict(params or {})
        if action not in workflow.RULES:
            raise InvalidInputError("sync.unknown_action", action=action,
                                    choices=", ".join(workflow.ACTIONS))
        if action == "comment":
            values.setdefault("id", str(uuid.uuid4()))
        me = self._me()
        with audited_queue(self._context) as conn:
            row_id = queue_action(conn, document_id, action, values, me)
        log.info("queued %s %s on %s", action, row_id, document_id)
        return row_id

    def act_on_many(self, document_ids: Sequence[str], action: str,
                    params: Mapping[str, object] | None = None) -> list[str]:
        """The same action on several documents (a comment gets its own id on each)."""
        queued = []
        for document_id in document_ids:
            own = dict(params or {})
            if action == "comment" and len(document_ids) > 1:
                own["id"] = str(uuid.uuid4())
            queued.append(self.act(document_id, action, own))
        return queued

    def new_document(self, direction: str, type_code: str, subject: str,
                     fields: Mapping[str, object] | None = None) -> str:
        """Queues a create; returns the new document's id."""
        me = self._me()
        body = create_body(direction, type_code, subject, dict(fields or {}), me)
        with audited_queue(self._context) as conn:
            _queue_create(conn, body, me)
        log.info("queued create of %s", body["id"])
        return str(body["id"])

    def register_paper(self, fields: Mapping[str, object], scans: Sequence[Path],
                       register_id: str | None) -> str:
        """A paper document arrives: its create, its scans joined into one main PDF (named
        by its number and notation) and its registration in ``register_id``, queued as
        ONE chain; every file and the register are checked before anything is queued."""
        me = self._me()
        values = dict(fields)
        type_code, subject = str(values.pop("type_code", "")), str(values.pop("subject", ""))
        values.pop("direction", None)
        body = create_body("incoming", type_code, subject, values, me)
        for scan in scans:
            check_scan(Path(scan))
        folder = Path(tempfile.mkdtemp(prefix="eoffice-scan-"))
        try:
            upload = None
            if scans:
                pdf = folder / scan_file_name(body)
                join_scans([Path(s) for s in scans], pdf)
                upload = self.prepare_upload(pdf, AttachmentRole.MAIN)
            with audited_queue(self._context) as conn:
                doc_id = _queue_create(conn, body, me)
                if upload is not None:
                    queue_upload(conn, doc_id, upload, me)
                if register_id:
                    queue_action(conn, doc_id, "register", {"register_id": register_id}, me)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        log.info("queued the registration of paper document %s", doc_id)
        return doc_id

    def attach(self, document_id: str, path: Path, role: str) -> str:
        """Copies the file into the cache and queues its upload; returns the attachment id."""
        if role not in {r.value for r in AttachmentRole}:
            raise InvalidInputError("sync.bad_value", field="role", value=role)
        me = self._me()
        with self._context.store.read() as conn:
            check_may_attach(outbox.require_document(conn, document_id), me)
        upload = self.prepare_upload(Path(path), role)
        with audited_queue(self._context) as conn:
            queue_upload(conn, document_id, upload, me)
        log.info("queued upload of attachment %s on %s", upload.params["attachment_id"],
                 document_id)
        return str(upload.params["attachment_id"])

    def prepare_upload(self, path: Path, role: str) -> PreparedUpload:
        """Checks the file and copies it into the files cache (outside any transaction)."""
        if not path.is_file():
            raise InvalidInputError("sync.no_such_file", path=str(path))
        if path.stat().st_size > MAX_UPLOAD:
            raise InvalidInputError("sync.file_too_large", path=str(path))
        files = self._context.files
        sha, size = files.add_local(path)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return PreparedUpload(
            params={"attachment_id": str(uuid.uuid4()), "role": role, "file_name": path.name,
                    "content_type": content_type, "size": size, "sha256": sha},
            relative_path=files.relative(sha))

    def patch_document(self, document_id: str, patch: Mapping[str, object]) -> str:
        """Queues a merge patch (the creator on draft/returned; clerks on received)."""
        me = self._me()
        bad = sorted(set(patch) - CREATE_FIELDS - INCOMING_ONLY_FIELDS - {"type_code", "subject"})
        if bad:
            raise InvalidInputError("sync.unknown_fields", fields=", ".join(bad))
        with audited_queue(self._context) as conn:
            doc = outbox.require_document(conn, document_id)
            status = doc.get("status")
            creator_edit = may_edit(doc, me)
            clerk_edit = me.has_role(Role.CLERK) and status == Status.RECEIVED
            if not (creator_edit or clerk_edit):
                raise NotAllowedError("sync.not_allowed", action="patch", status=status,
                                      detail="")
            row = outbox.enqueue(conn, document_id, "patch", dict(patch),
                                 base_version=int(doc.get("version") or 0))
            outbox.refresh_document(conn, document_id)
        return row.id

    # --- the queue ---------------------------------------------------------------------------
    def retry(self, row_id: str) -> None:
        """Applies a conflict's action again (a new request, with a new key)."""
        with self._context.store.durable() as conn:
            row = outbox.retry(conn, row_id)
        self._context.audit.record("retried", document_id=row.document_id, outbox_id=row.id,
                                   detail={"action": row.label})

    def drop(self, row_id: str) -> None:
        """Forgets a conflict (the server's state stays)."""
        with audited_queue(self._context, removed="dropped") as conn:
            outbox.drop(conn, row_id)

    def cancel(self, row_id: str) -> int:
        """Cancels a change not sent yet (and what depends on it); returns how many went."""
        with audited_queue(self._context, removed="cancelled") as conn:
            return len(outbox.cancel(conn, row_id))

    def may_create(self, direction: str) -> bool:
        """Whether the signed-in user may create a document of ``direction`` (the same
        rule ``new_document`` and ``register_paper`` apply); False when signed out."""
        me = self._context.me()
        return me is not None and workflow.may_create(direction, me.as_json())

    def me(self) -> Person:
        """The signed-in user (5, signed out, when nobody is)."""
        return self._me()

    def _me(self) -> Person:
        me = self._context.me()
        if me is None or not me.id:
            raise SignedOut("api.sign_in_needed", status="-", code="-", detail="")
        return me


@dataclass(frozen=True)
class PreparedUpload:
    """A file already in the files cache, ready to be queued for upload."""

    params: JsonObject
    relative_path: str


def _queue_create(conn: Connection, body: JsonObject, me: Person) -> str:
    doc_id = str(body["id"])
    types = directory.document_type_codes(conn)
    if types and body["type_code"] not in types:
        raise InvalidInputError("sync.unknown_type", code=str(body["type_code"]))
    org = meta.get_meta(conn, state.ORGANIZATION) or {}
    outbox.enqueue(conn, doc_id, "create", body, local_state=local_document(body, me, org))
    outbox.refresh_document(conn, doc_id)
    return doc_id


def queue_upload(conn: Connection, document_id: str, upload: PreparedUpload,
                 me: Person) -> None:
    check_may_attach(outbox.require_document(conn, document_id), me)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    params = upload.params
    stored_files.record_cached_file(conn, str(params["sha256"]), int(str(params["size"])),
                                    upload.relative_path, stamp)
    outbox.enqueue(conn, document_id, "upload", params, file_path=upload.relative_path)
    outbox.refresh_document(conn, document_id)


def check_action(conn: Connection, doc: Mapping[str, object], action: str,
                 params: JsonObject, me: Person) -> None:
    """Raises the error a person reads when the rules refuse ``action`` on ``doc`` now."""
    context = workflow.CheckContext(
        directory=workflow.UserIndex(directory.users_by_id(conn)),
        catalog=workflow.Catalog(directory.registers_for_rules(conn)), today=today_vietnam())
    refusal = workflow.check(dict(doc), action, params, me.as_json(), context)
    if refusal is not None:
        raise refusal_error(refusal, action, str(doc.get("status")))


def queue_action(conn: Connection, document_id: str, action: str, params: JsonObject,
                 me: Person) -> str:
    """Checks the action by the rules on the cached state and queues it; the outbox id."""
    doc = outbox.require_document(conn, document_id)
    check_action(conn, doc, action, params, me)
    row = outbox.enqueue(conn, document_id, "action", params, action=action,
                         base_version=int(doc.get("version") or 0))
    outbox.refresh_document(conn, document_id)
    return row.id


def scan_file_name(body: Mapping[str, object]) -> str:
    """The main PDF of a registered paper document, named by its number and notation
    (``45-UBND-VP.pdf``), with only characters every file system accepts."""
    code = code_text(body.get("code_number"), str(body.get("code_notation") or ""))
    safe = re.sub(r"[^\w.-]+", "-", code.replace("/", "-"), flags=re.UNICODE).strip("-.")
    return f"{safe or 'van-ban-den'}.pdf"


def refusal_error(refusal: workflow.Refusal, action: str, status: str) -> ClientError:
    """The error a person reads for a refusal of the rules (7, or 9 for bad params)."""
    if refusal.status == 422:
        fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in refusal.errors)
        return InvalidInputError("sync.invalid_params", action=action,
                                 detail=fields or refusal.detail)
    return NotAllowedError("sync.not_allowed", action=action, status=status,
                           detail=refusal.detail)
