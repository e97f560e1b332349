"""The user's changes: actions, new documents, files, edits, and the queue's operations.

Every change is checked by the contract's rules on the cached state (refused at once:
7 not allowed, 9 invalid) and written to the outbox together with its local effect in ONE
durable transaction (``Store.durable``) before the call returns, so "saved" means saved,
with or without a network. The sync sends it later, exactly once.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.creation import (
    CREATE_FIELDS,
    INCOMING_ONLY_FIELDS,
    check_may_attach,
    create_body,
    local_document,
)
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import AttachmentRole, Role, Status
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
        with self._context.store.durable() as conn:
            doc = outbox.require_document(conn, document_id)
            context = workflow.CheckContext(
                directory=workflow.Directory(directory.users_by_id(conn)),
                catalog=workflow.Catalog(directory.registers_for_rules(conn)),
                today=today_vietnam())
            refusal = workflow.check(doc, action, values, me.as_json(), context)
            if refusal is not None:
                raise refusal_error(refusal, action, str(doc.get("status")))
            row = outbox.enqueue(conn, document_id, "action", values, action=action,
                                 base_version=int(doc.get("version") or 0))
            outbox.refresh_document(conn, document_id)
        log.info("queued %s %s on %s", action, row.id, document_id)
        return row.id

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
        with self._context.store.durable() as conn:
            types = directory.document_type_codes(conn)
            if types and type_code not in types:
                raise InvalidInputError("sync.unknown_type", code=type_code)
            org = meta.get_meta(conn, state.ORGANIZATION) or {}
            doc = local_document(body, me, org)
            outbox.enqueue(conn, str(body["id"]), "create", body, local_state=doc)
            outbox.refresh_document(conn, str(body["id"]))
        log.info("queued create of %s", body["id"])
        return str(body["id"])

    def attach(self, document_id: str, path: Path, role: str) -> str:
        """Copies the file into the cache and queues its upload; returns the attachment id."""
        if role not in {r.value for r in AttachmentRole}:
            raise InvalidInputError("sync.bad_value", field="role", value=role)
        path = Path(path)
        if not path.is_file():
            raise InvalidInputError("sync.no_such_file", path=str(path))
        if path.stat().st_size > MAX_UPLOAD:
            raise InvalidInputError("sync.file_too_large", path=str(path))
        me = self._me()
        with self._context.store.read() as conn:
            check_may_attach(outbox.require_document(conn, document_id), me)
        files = self._context.files
        sha, size = files.add_local(path)
        attachment_id = str(uuid.uuid4())
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        params: JsonObject = {"attachment_id": attachment_id, "role": role,
                              "file_name": path.name, "content_type": content_type,
                              "size": size, "sha256": sha}
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._context.store.durable() as conn:
            check_may_attach(outbox.require_document(conn, document_id), me)
            stored_files.record_cached_file(conn, sha, size, files.relative(sha), stamp)
            outbox.enqueue(conn, document_id, "upload", params, file_path=files.relative(sha))
            outbox.refresh_document(conn, document_id)
        log.info("queued upload of attachment %s on %s", attachment_id, document_id)
        return attachment_id

    def patch_document(self, document_id: str, patch: Mapping[str, object]) -> str:
        """Queues a merge patch (the creator on draft/returned; clerks on received)."""
        me = self._me()
        bad = sorted(set(patch) - CREATE_FIELDS - INCOMING_ONLY_FIELDS - {"type_code", "subject"})
        if bad:
            raise InvalidInputError("sync.unknown_fields", fields=", ".join(bad))
        with self._context.store.durable() as conn:
            doc = outbox.require_document(conn, document_id)
            status = doc.get("status")
            creator_edit = doc.get("created_by") == me.id and status in (
                Status.DRAFT, Status.RETURNED)
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
            outbox.retry(conn, row_id)

    def drop(self, row_id: str) -> None:
        """Forgets a conflict (the server's state stays)."""
        with self._context.store.durable() as conn:
            outbox.drop(conn, row_id)

    def cancel(self, row_id: str) -> int:
        """Cancels a change not sent yet (and what depends on it); returns how many went."""
        with self._context.store.durable() as conn:
            return len(outbox.cancel(conn, row_id))

    def _me(self) -> Person:
        me = self._context.me()
        if me is None or not me.id:
            raise SignedOut("api.sign_in_needed", status="-", code="-", detail="")
        return me


def refusal_error(refusal: workflow.Refusal, action: str, status: str) -> ClientError:
    """The error a person reads for a refusal of the rules (7, or 9 for bad params)."""
    if refusal.status == 422:
        fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in refusal.errors)
        return InvalidInputError("sync.invalid_params", action=action,
                                 detail=fields or refusal.detail)
    return NotAllowedError("sync.not_allowed", action=action, status=status,
                           detail=refusal.detail)
