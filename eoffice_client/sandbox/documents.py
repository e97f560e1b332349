"""Contract section 6: create, PATCH and actions on documents, in the order of section 1.

Each function gets the already authenticated user and answers ``(status, body)`` or
raises :class:`Problem`; the Idempotency-Key is handled by the caller.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.merge_patch import merge_patch
from eoffice_client.sandbox.fields import (
    COMMON_FIELDS,
    DIRECTIONS,
    INCOMING_FIELDS,
    OBJECT_FIELDS,
    field_errors,
    is_uuid,
)
from eoffice_client.sandbox.problems import Problem, invalid
from eoffice_client.sandbox.state import Effects, SandboxState
from eoffice_client.sandbox.visibility import user_tokens

#: What an absent (or null-patched) field becomes.
DEFAULTS: dict[str, Any] = {"urgency": 0, "secrecy": 0, "recipients": [], "place": "",
                            "code_notation": ""}
REQUIRED = ("type_code", "subject")


def for_user(doc: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """The document as ``user`` sees it: ``read`` is the reader's own."""
    return {**doc, "read": user["id"] in (doc.get("readers") or [])}


def visible(state: SandboxState, conn: sqlite3.Connection, doc_id: str, user: dict[str, Any]
            ) -> tuple[dict[str, Any], set[str]]:
    """The document and its involved users, or 404 when gone or not visible to ``user``."""
    found = state.load_document(conn, doc_id)
    if found is None or not any(t in user_tokens(user) for t in found[2].split()):
        raise Problem(404, "not_found", "no such document, or not visible to this user")
    return found[0], found[1]


def parse_if_match(header: str | None) -> int | str | None:
    """``"3"`` -> 3; ``*`` -> "*"; None when absent; -1 when it cannot be read."""
    if header is None:
        return None
    text = header.strip()
    if text == "*":
        return "*"
    text = text.removeprefix("W/").strip().strip('"')
    return int(text) if text.isdigit() else -1


def check_version(doc: dict[str, Any], if_match: int | str | None, user: dict[str, Any]) -> None:
    if if_match is None:
        raise Problem(428, "precondition_required", "this change needs If-Match: \"<version>\"")
    if if_match != "*" and if_match != doc.get("version"):
        raise Problem(412, "version_conflict", "the document changed since you saw it",
                      extra={"current": for_user(doc, user)})


# --- create ---------------------------------------------------------------------------------
def create(state: SandboxState, user: dict[str, Any], body: Any) -> tuple[int, dict[str, Any]]:
    if not isinstance(body, dict):
        raise invalid("body", "must be a JSON object")
    direction = body.get("direction")
    if direction == "incoming" and "clerk" not in (user.get("roles") or []):
        raise Problem(403, "forbidden", "only clerks register incoming documents")
    fp = _create_fingerprint(user, body)
    with state.db.write() as conn:
        if isinstance(body.get("id"), str):
            existing = _existing(state, conn, body["id"], user, fp)
            if existing is not None:
                return 200, existing
        _validate_create(state, body)
        doc = _new_document(state, user, body)
        state.put_document(conn, doc, {user["id"]}, create_fp=fp)
    return 201, for_user(doc, user)


def _create_fingerprint(user: dict[str, Any], body: dict[str, Any]) -> str:
    text = json.dumps([user["id"], body], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _existing(state: SandboxState, conn: sqlite3.Connection, doc_id: str, user: dict[str, Any],
              fp: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT create_fp FROM objects WHERE kind = 'document' AND id = ?",
                       (doc_id,)).fetchone()
    if row is None:
        return None
    found = state.load_document(conn, doc_id)
    if row[0] == fp and found and any(t in user_tokens(user) for t in found[2].split()):
        return for_user(found[0], user)
    raise Problem(409, "already_exists", "a document with this id exists")


def _ctx(state: SandboxState) -> dict[str, Any]:
    types = {t.get("code") for t in state.catalog.get("document_types") or []}
    return {"type_codes": types, "units": state.units}


def _validate_create(state: SandboxState, body: dict[str, Any]) -> None:
    errors = []
    if not is_uuid(body.get("id")):
        errors.append({"field": "id", "message": "must be a UUID"})
    direction = body.get("direction")
    if direction not in DIRECTIONS:
        errors.append({"field": "direction", "message": "must be incoming, outgoing or internal"})
    errors += [{"field": n, "message": "required"} for n in REQUIRED if body.get(n) is None]
    names = COMMON_FIELDS + (INCOMING_FIELDS if direction == "incoming" else ())
    errors += field_errors(body, names, _ctx(state))
    if direction == "incoming" and body.get("issuer") is None:
        errors.append({"field": "issuer", "message": "required for an incoming document"})
    if errors:
        raise Problem(422, "validation_failed", "invalid document", errors)


def _new_document(state: SandboxState, user: dict[str, Any], body: dict[str, Any]
                  ) -> dict[str, Any]:
    incoming = body["direction"] == "incoming"
    stamp = state.stamp()
    org = state.organization
    doc: dict[str, Any] = {
        "id": body["id"], "direction": body["direction"], "type_code": body["type_code"],
        "code_number": None, "code_notation": "",
        "issuer": {"org_id": org.get("org_id"), "org_name": org.get("org_name")},
        "issued_date": None, "place": "", "subject": body["subject"], "urgency": 0,
        "secrecy": 0, "signer": None, "arrival_number": None, "arrival_date": None,
        "register_id": None, "due_date": None,
        "unit_id": None if incoming else user.get("unit_id"),
        "page_count": None, "copies": None, "in_reply_to": None, "recipients": [],
        "status": "received" if incoming else "draft", "pending_with": [user["id"]],
        "version": 1, "created_by": user["id"], "registered_by": None,
        "created_at": stamp, "updated_at": stamp, "readers": [], "attachments": [],
        "assignments": [], "comments": [],
        "history": [{"at": stamp, "actor_id": user["id"], "action": "create", "detail": ""}],
    }
    names = COMMON_FIELDS + (INCOMING_FIELDS if incoming else ())
    for name in names:
        if name in body and body[name] is not None:
            doc[name] = body[name]
    return doc


# --- patch ----------------------------------------------------------------------------------
def patch(state: SandboxState, user: dict[str, Any], doc_id: str, if_match: str | None,
          body: Any) -> tuple[int, dict[str, Any]]:
    with state.db.write() as conn:
        doc, involved = visible(state, conn, doc_id, user)
        check_version(doc, parse_if_match(if_match), user)
        _may_patch(doc, user)
        new = _patched(state, doc, body)
        new["version"] = int(doc.get("version") or 0) + 1
        new["updated_at"] = state.stamp()
        new["history"] = [*(doc.get("history") or []), {
            "at": new["updated_at"], "actor_id": user["id"], "action": "patch",
            "detail": ", ".join(sorted(body)),
        }]
        state.put_document(conn, new, involved)
    return 200, for_user(new, user)


def _may_patch(doc: dict[str, Any], user: dict[str, Any]) -> None:
    creator = doc.get("created_by") == user["id"]
    clerk_incoming = "clerk" in (user.get("roles") or []) and doc.get("direction") == "incoming"
    if creator and doc.get("status") in ("draft", "returned"):
        return
    if clerk_incoming and doc.get("status") == "received":
        return
    if creator or clerk_incoming:
        raise Problem(409, "invalid_transition",
                      f"a {doc.get('status')} document can no longer be edited")
    raise Problem(403, "forbidden", "this user may not edit this document")


def _patched(state: SandboxState, doc: dict[str, Any], body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid("body", "must be a JSON merge patch object")
    allowed = COMMON_FIELDS + (INCOMING_FIELDS if doc.get("direction") == "incoming" else ())
    errors = [{"field": k, "message": "may not be changed"} for k in body if k not in allowed]
    if errors:
        raise Problem(422, "validation_failed", "fields that cannot be patched", errors)
    new = dict(doc)
    for key, value in body.items():
        if key in OBJECT_FIELDS and value is not None:
            new[key] = merge_patch(doc.get(key), value)
        else:
            new[key] = DEFAULTS.get(key) if value is None else value
    errors = field_errors(new, allowed, _ctx(state))
    errors += [{"field": n, "message": "required"} for n in REQUIRED if new.get(n) is None]
    if doc.get("direction") == "incoming" and new.get("issuer") is None:
        errors.append({"field": "issuer", "message": "required for an incoming document"})
    if errors:
        raise Problem(422, "validation_failed", "invalid patch", errors)
    return new


# --- actions --------------------------------------------------------------------------------
def act(state: SandboxState, user: dict[str, Any], doc_id: str, if_match: str | None,
        body: Any) -> tuple[int, dict[str, Any]]:
    with state.db.write() as conn:
        doc, involved = visible(state, conn, doc_id, user)
        action = body.get("action") if isinstance(body, dict) else None
        rule = workflow.RULES.get(action) if isinstance(action, str) else None
        if rule is None:
            raise invalid("action", "unknown action", f"unknown action {action!r}")
        params = body.get("params", {})
        params = {} if params is None else params
        if rule.versioned:
            check_version(doc, parse_if_match(if_match), user)
        seen = for_user(doc, user)
        refusal = workflow.check(seen, rule.action, params, user, state.check_context())
        if refusal is not None:
            raise Problem(refusal.status, refusal.code, refusal.detail, list(refusal.errors))
        _extra_checks(state, doc, rule.action, params)
        if rule.action == "mark_read" and user["id"] in (doc.get("readers") or []):
            return 200, seen
        new = workflow.apply(doc, rule.action, params, user, state.now(), state.directory,
                             Effects(state, conn))
        state.put_document(conn, new, involved | {user["id"]})
    return 200, for_user(new, user)


def _extra_checks(state: SandboxState, doc: dict[str, Any], action: str,
                  params: dict[str, Any]) -> None:
    """What only the server can check: ids that exist, a comment id not used twice."""
    if action == "comment":
        if not is_uuid(params.get("id")):
            raise invalid("params.id", "must be a UUID")
        if any(c.get("id") == params["id"] for c in doc.get("comments") or []):
            raise Problem(409, "already_exists", "a comment with this id exists")
    if action == "assign":
        errors = []
        for i, item in enumerate(params.get("assignments") or []):
            known = state.users if item.get("assignee_type") == "user" else state.units
            if item.get("assignee_id") not in known:
                errors.append({"field": f"params.assignments[{i}].assignee_id",
                               "message": "unknown user or unit"})
        if errors:
            raise Problem(422, "validation_failed", "invalid params", errors)
