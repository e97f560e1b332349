"""The rules for a new document's body and what a queued create shows until the server
answers (contract sections 5 and 6)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import JsonObject, json_mapping
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import VIETNAM
from eoffice_client.core.domain.enums import Direction, Role, Status
from eoffice_client.core.errors import InvalidInputError, NotAllowedError

#: create fields beyond id, direction, type_code and subject (contract section 6)
CREATE_FIELDS = frozenset({
    "urgency", "secrecy", "due_date", "recipients", "signer", "place", "page_count", "copies",
    "in_reply_to", "unit_id",
})
INCOMING_ONLY_FIELDS = frozenset({
    "issuer", "code_number", "code_notation", "issued_date", "arrival_date",
})


def create_body(direction: str, type_code: str, subject: str, fields: JsonObject,
                me: Person) -> JsonObject:
    """The body of ``POST /documents``, checked (9 for a bad value, 7 for a role)."""
    if direction not in {d.value for d in Direction}:
        raise InvalidInputError("sync.bad_value", field="direction", value=direction)
    if not isinstance(subject, str) or not 1 <= len(subject.strip()) <= 500:
        raise InvalidInputError("sync.bad_value", field="subject", value=str(subject)[:40])
    allowed = CREATE_FIELDS | (INCOMING_ONLY_FIELDS if direction == Direction.INCOMING
                               else frozenset())
    unknown = sorted(set(fields) - allowed - {"id"})
    if unknown:
        raise InvalidInputError("sync.unknown_fields", fields=", ".join(unknown))
    check_fields(fields)
    if direction == Direction.INCOMING:
        if not workflow.may_create(direction, me.as_json()):
            raise NotAllowedError("sync.incoming_needs_clerk")
        if not json_mapping(fields.get("issuer")).get("org_name"):
            raise InvalidInputError("sync.incoming_needs_issuer")
    elif not fields.get("unit_id") and me.unit_id:
        fields["unit_id"] = me.unit_id
    new_id = fields.pop("id", None) or str(uuid.uuid4())
    return {"id": str(new_id), "direction": direction, "type_code": type_code,
            "subject": subject.strip(), **fields}


def check_fields(fields: Mapping[str, object]) -> None:
    for name, top in (("urgency", 4), ("secrecy", 3)):
        value = fields.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            raise InvalidInputError("sync.bad_value", field=name, value=str(value)[:40])
    for name in ("due_date", "issued_date", "arrival_date"):
        value = fields.get(name)
        if value is None:
            continue
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            raise InvalidInputError("sync.bad_value", field=name, value=str(value)[:40]) from None
    if "recipients" in fields and not isinstance(fields["recipients"], list):
        raise InvalidInputError("sync.bad_value", field="recipients", value="(not a list)")


def check_may_attach(doc: Mapping[str, object], me: Person) -> None:
    """Contract section 5: pending_with; the creator on draft/returned; clerks on some
    statuses; never a secret document's files."""
    secrecy = doc.get("secrecy")
    if isinstance(secrecy, int) and secrecy >= 1:
        raise NotAllowedError("sync.secret_file")
    status = doc.get("status")
    pending = doc.get("pending_with")
    allowed = (
        (isinstance(pending, list) and me.id in pending)
        or (doc.get("created_by") == me.id and status in (Status.DRAFT, Status.RETURNED))
        or (me.has_role(Role.CLERK)
            and status in (Status.RECEIVED, Status.SIGNED, Status.NUMBERED))
    )
    if not allowed:
        raise NotAllowedError("sync.not_allowed", action="attach", status=status, detail="")


def may_edit(doc: Mapping[str, object], me: Person) -> bool:
    """Contract section 6, PATCH: the creator while the draft is ``draft`` or ``returned``
    (outgoing and internal documents: the compose window's edits)."""
    return doc.get("created_by") == me.id and doc.get("status") in (Status.DRAFT,
                                                                   Status.RETURNED)


def local_document(body: JsonObject, me: Person, org: Mapping[str, object]) -> JsonObject:
    """What a queued create shows until the server's answer arrives."""
    now = dt.datetime.now(VIETNAM).isoformat(timespec="seconds")
    incoming = body["direction"] == Direction.INCOMING
    issuer = body.get("issuer") if incoming else {
        "org_id": org.get("org_id", ""), "org_name": org.get("org_name", "")}
    return {
        "id": body["id"], "direction": body["direction"], "type_code": body["type_code"],
        "code_number": body.get("code_number") if incoming else None,
        "code_notation": body.get("code_notation", "") if incoming else "",
        "issuer": issuer, "issued_date": body.get("issued_date") if incoming else None,
        "place": body.get("place", ""), "subject": body["subject"],
        "urgency": body.get("urgency", 0), "secrecy": body.get("secrecy", 0),
        "signer": body.get("signer"), "arrival_number": None,
        "arrival_date": body.get("arrival_date") if incoming else None, "register_id": None,
        "due_date": body.get("due_date"), "unit_id": body.get("unit_id"),
        "page_count": body.get("page_count"), "copies": body.get("copies"),
        "in_reply_to": body.get("in_reply_to"), "recipients": body.get("recipients") or [],
        "status": Status.RECEIVED.value if incoming else Status.DRAFT.value,
        "pending_with": [me.id], "version": 1, "created_by": me.id,
        "registered_by": None, "created_at": now, "updated_at": now, "read": True,
        "readers": [me.id], "attachments": [], "assignments": [], "comments": [],
        "history": [{"at": now, "actor_id": me.id, "action": "create", "detail": ""}],
    }
