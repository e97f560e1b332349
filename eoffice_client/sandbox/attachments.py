"""Contract section 5: attachment content (ETag, Range, If-Range), upload and delete."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from eoffice_client.sandbox.documents import visible
from eoffice_client.sandbox.fields import is_uuid
from eoffice_client.sandbox.problems import Problem, invalid
from eoffice_client.sandbox.state import SandboxState, dumps

MAX_BYTES = 100 * 1024 * 1024
ROLES = ("main", "appendix", "draft", "signed", "final")
DELETABLE_ROLES = ("main", "draft", "appendix")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass
class Content:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Upload:
    """A PUT's parts: the query and headers as sent, the body read by the caller."""

    attachment_id: str
    document_id: str | None
    role: str | None
    content_type: str | None
    file_name: str | None
    sha256: str | None
    length: int | None


def _found(state: SandboxState, conn: Any, attachment_id: str, user: dict[str, Any]
           ) -> tuple[dict[str, Any], dict[str, Any], bool, set[str]]:
    row = state.attachment_row(conn, attachment_id)
    if row is None:
        raise Problem(404, "not_found", "no such attachment")
    doc, involved = visible(state, conn, row[0], user)
    return doc, row[2], row[3], involved


def content(state: SandboxState, user: dict[str, Any], attachment_id: str,
            range_header: str | None, if_range: str | None) -> Content:
    """The bytes: 200 whole, 206 a range, 416 a range outside; 403 secret_content."""
    with state.db.connection() as conn:
        doc, attachment, stored, _ = _found(state, conn, attachment_id, user)
    if int(doc.get("secrecy") or 0) >= 1:
        raise Problem(403, "secret_content", "files of secret documents are not served")
    data = state.attachment_bytes(attachment, stored)
    etag = f'"{attachment["sha256"]}"'
    headers = {"ETag": etag, "Accept-Ranges": "bytes",
               "Content-Type": attachment.get("content_type") or "application/octet-stream"}
    wanted = _range(range_header, len(data)) if range_header else None
    if wanted is None or (if_range is not None and if_range.strip() != etag):
        return Content(200, headers, data)
    if isinstance(wanted, str):
        raise Problem(416, "range_not_satisfiable", "the range is outside the file",
                      headers={"Content-Range": f"bytes */{len(data)}"})
    start, end = wanted
    headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
    return Content(206, headers, data[start:end + 1])


def _range(header: str, size: int) -> tuple[int, int] | str | None:
    """One byte range (inclusive), "unsatisfiable", or None (ignored: whole file)."""
    match = _RANGE.match(header.strip().replace(" ", ""))
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        count = int(last)
        if count == 0:
            return "unsatisfiable"
        return max(0, size - count), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, end


def upload(state: SandboxState, user: dict[str, Any], up: Upload, read_body: Any
           ) -> tuple[int, dict[str, Any]]:
    """``read_body()`` gives the bytes, called only once the checks before 422 passed."""
    if not up.document_id:
        raise invalid("document_id", "required")
    with state.db.connection() as conn:
        doc, _ = visible(state, conn, up.document_id, user)
    if int(doc.get("secrecy") or 0) >= 1:
        raise Problem(403, "secret_content", "files of secret documents are not accepted")
    if not may_add(doc, user):
        raise Problem(403, "forbidden", "this user may not add files to this document")
    if up.length is not None and up.length > MAX_BYTES:
        raise Problem(413, "file_too_large", "files over 100 MB are refused")
    same = _same_upload(state, up)
    if same is not None:
        return 200, same
    meta = _checked_meta(up)
    data = read_body()
    if len(data) > MAX_BYTES:
        raise Problem(413, "file_too_large", "files over 100 MB are refused")
    if hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise Problem(422, "checksum_mismatch", "X-Content-SHA256 does not match the bytes",
                      [{"field": "X-Content-SHA256", "message": "does not match the bytes"}])
    _save(state, meta["sha256"], data)
    attachment = {"id": up.attachment_id, **meta, "size": len(data),
                  "uploaded_by": user["id"], "uploaded_at": state.stamp()}
    attachment = {k: attachment[k] for k in ("id", "file_name", "content_type", "size",
                                             "sha256", "role", "uploaded_by", "uploaded_at")}
    with state.db.write() as conn:
        same = _same_upload(state, up, conn)
        if same is not None:
            return 200, same
        doc, involved = visible(state, conn, up.document_id, user)
        conn.execute("INSERT INTO attachments (id, document_id, sha256, data, stored) "
                     "VALUES (?, ?, ?, ?, 1)",
                     (up.attachment_id, doc["id"], meta["sha256"], dumps(attachment)))
        new = {**doc, "attachments": [*(doc.get("attachments") or []), attachment],
               "updated_at": attachment["uploaded_at"]}
        state.put_document(conn, new, involved)
    return 201, attachment


def may_add(doc: dict[str, Any], user: dict[str, Any]) -> bool:
    """Pending users; the creator on draft/returned; clerks on received, signed, numbered."""
    status = doc.get("status")
    if user["id"] in (doc.get("pending_with") or []):
        return True
    if doc.get("created_by") == user["id"] and status in ("draft", "returned"):
        return True
    return "clerk" in (user.get("roles") or []) and status in ("received", "signed", "numbered")


def _same_upload(state: SandboxState, up: Upload, conn: Any = None
                 ) -> dict[str, Any] | None:
    """The attachment again (200) when id, hash and document match; 409 when they do not."""
    if conn is None:
        with state.db.connection() as own:
            row = state.attachment_row(own, up.attachment_id)
    else:
        row = state.attachment_row(conn, up.attachment_id)
    if row is None:
        return None
    if row[0] == up.document_id and row[1] == (up.sha256 or "").lower():
        return row[2]
    raise Problem(409, "attachment_exists", "this attachment id holds another file")


def _checked_meta(up: Upload) -> dict[str, Any]:
    errors = []
    if not is_uuid(up.attachment_id):
        errors.append({"field": "id", "message": "must be a UUID"})
    if up.role not in ROLES:
        errors.append({"field": "role", "message": "must be one of " + ", ".join(ROLES)})
    try:
        name = unquote(up.file_name or "", errors="strict")
    except UnicodeDecodeError:
        name = ""
    if not name.strip() or "/" in name or "\\" in name or len(name) > 255:
        errors.append({"field": "X-File-Name", "message": "a file name without folders"})
    sha = (up.sha256 or "").lower()
    if not _SHA256.match(sha):
        errors.append({"field": "X-Content-SHA256", "message": "64 lowercase hex digits"})
    if errors:
        raise Problem(422, "validation_failed", "invalid upload", errors)
    content_type = (up.content_type or "application/octet-stream").split(";")[0].strip()
    return {"file_name": name, "content_type": content_type, "sha256": sha, "role": up.role}


def _save(state: SandboxState, sha256: str, data: bytes) -> None:
    path = state.file_path(sha256)
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{sha256}.{os.getpid()}.{id(data)}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def delete(state: SandboxState, user: dict[str, Any], attachment_id: str
           ) -> tuple[int, dict[str, Any] | None]:
    """204; only the creator, on draft or returned documents, main/draft/appendix files."""
    with state.db.write() as conn:
        doc, attachment, _, involved = _found(state, conn, attachment_id, user)
        if doc.get("created_by") != user["id"]:
            raise Problem(403, "forbidden", "only the document's creator removes its files")
        if attachment.get("role") not in DELETABLE_ROLES:
            raise Problem(403, "forbidden", "signed and final files cannot be removed")
        if doc.get("status") not in ("draft", "returned"):
            raise Problem(409, "invalid_transition",
                          f"files of a {doc.get('status')} document cannot be removed")
        conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
        new = {**doc, "updated_at": state.stamp(),
               "attachments": [a for a in doc.get("attachments") or []
                               if a.get("id") != attachment_id]}
        state.put_document(conn, new, involved)
    return 204, None

