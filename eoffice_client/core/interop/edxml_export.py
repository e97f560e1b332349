"""Writing edXML (QCVN 102:2016): an issued document with its files, and status messages.

The layout follows the official library's serializer (FIELDS.md sections 1-6): root
``edXML`` in the QCVN namespace, ``edXML:``-prefixed envelope, header and body, the
MessageHeader children in its order, a TraceHeaderList with this organisation's
TraceHeader and a "new document" Bussiness block, the Manifest's References, and the
files base64-encoded (one line each, streamed from disk) in ``AttachmentEncoded`` after
the envelope, its children unprefixed but ``edXML:ContentTransferEncoded``, ContentIds
``cid:<uuid>`` in both places. Status messages carry From, ResponseFor, StaffInfo,
StatusCode, Description and Timestamp (``yyyy/MM/dd HH:mm:ss``, Vietnam time).
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from eoffice_client.core.domain import numbering
from eoffice_client.core.domain.deadlines import VIETNAM
from eoffice_client.core.domain.enums import STATUS_LABELS, Direction, Status, label
from eoffice_client.core.errors import InvalidInputError, NotAllowedError
from eoffice_client.core.interop.model import (
    NAMESPACE,
    OUTGOING_STATUS_CODES,
    ExportResult,
    Organisation,
    OutgoingFile,
    StaffInfo,
    Unmapped,
)
from eoffice_client.core.messages import tr

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHUNK = 3 * 256 * 1024  # bytes read per base64 piece (a multiple of 3: no padding inside)
#: statuses of an incoming document each status code fits
STATUS_FITS: dict[str, frozenset[str]] = {
    "01": frozenset({"received", "registered", "awaiting_assignment", "assigned",
                     "in_progress", "completed", "returned"}),
    "02": frozenset({"received", "discarded"}),
    "03": frozenset({"registered", "awaiting_assignment", "assigned", "in_progress",
                     "completed", "returned"}),
    "04": frozenset({"awaiting_assignment", "assigned", "in_progress", "completed"}),
    "05": frozenset({"assigned", "in_progress", "completed"}),
    "06": frozenset({"completed"}),
}
DEFAULT_DESCRIPTIONS = {
    "01": "Đã đến - Phần mềm quản lý văn bản đã nhận, văn thư chưa xử lý",
    "02": "Từ chối tiếp nhận văn bản điện tử",
    "03": "Văn thư đã tiếp nhận, đăng ký văn bản",
    "04": "Lãnh đạo: Phân công xử lý",
    "05": "Đang xử lý văn bản đến",
    "06": "Đã xử lý xong văn bản",
}


class _Writer:
    """Indented XML text with the element names exactly as given (prefixes included)."""

    def __init__(self, out: IO[str]) -> None:
        self.out, self.depth = out, 0

    def open(self, name: str, attributes: str = "") -> None:
        self.out.write(f"{'  ' * self.depth}<{name}{attributes}>\n")
        self.depth += 1

    def close(self, name: str) -> None:
        self.depth -= 1
        self.out.write(f"{'  ' * self.depth}</{name}>\n")

    def leaf(self, name: str, value: object) -> None:
        text = "" if value is None else _CONTROL.sub("", str(value))
        self.out.write(f"{'  ' * self.depth}<{name}>{escape(text)}</{name}>\n")

    def group(self, name: str, leaves: Sequence[tuple[str, object]]) -> None:
        self.open(name)
        for child, value in leaves:
            self.leaf(child, value)
        self.close(name)


def edxml_date(value: str | dt.date | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def edxml_timestamp(moment: dt.datetime | None = None) -> str:
    local_time = (moment or dt.datetime.now(dt.UTC)).astimezone(VIETNAM)
    return local_time.strftime("%Y/%m/%d %H:%M:%S")


def code_text(doc: Mapping[str, Any]) -> str:
    return numbering.code_text(doc.get("code_number"), str(doc.get("code_notation") or ""))


def document_id(org_code: str, issued: str | dt.date | None, code: str) -> str:
    """``{orgcode},{yyyy/MM/dd},{số}/{ký hiệu}`` (the QCVN 102 convention)."""
    return f"{org_code},{edxml_date(issued)},{code}"


class OrgCodes:
    """edXML codes of the catalogue's organisations (``catalog.organizations``)."""

    def __init__(self, codes: Mapping[str, str], names: Mapping[str, str] | None = None
                 ) -> None:
        self.codes, self.names = dict(codes), dict(names or {})
        self.warnings: list[Unmapped] = []

    @classmethod
    def from_catalog(cls, catalog: Mapping[str, Any] | None) -> OrgCodes:
        orgs = (catalog or {}).get("organizations") or []
        return cls({str(o["id"]): str(o.get("edxml_code") or "") for o in orgs
                    if o.get("edxml_code")}, {str(o["id"]): str(o.get("name") or "")
                                               for o in orgs})

    def code(self, org_id: str, name: str = "") -> str:
        if org_id in self.codes:
            return self.codes[org_id]
        if org_id in self.codes.values():  # already an edXML code (an imported sender)
            return org_id
        self.warnings.append(Unmapped("To/OrganId", f"{name or self.names.get(org_id, '')} "
                                      f"({org_id})", "interop.no_org_code"))
        return org_id


def _organisation(w: _Writer, tag: str, org: Organisation) -> None:
    w.group(tag, [("edXML:OrganId", org.org_id),
                  ("edXML:OrganizationInCharge", org.in_charge or org.name),
                  ("edXML:OrganName", org.name), ("edXML:OrganAdd", org.address),
                  ("edXML:Email", org.email), ("edXML:Telephone", org.telephone),
                  ("edXML:Fax", org.fax), ("edXML:Website", org.website)])


def _staff(w: _Writer, staff: StaffInfo) -> None:
    w.group("edXML:StaffInfo", [("edXML:Department", staff.department),
                                ("edXML:Staff", staff.staff), ("edXML:Email", staff.email),
                                ("edXML:Mobile", staff.mobile)])


def _head(w: _Writer) -> None:
    w.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    w.open("edXML", f" xmlns={quoteattr(NAMESPACE)}")
    w.open("edXML:edXMLEnvelope", f" xmlns:edXML={quoteattr(NAMESPACE)}")
    w.open("edXML:edXMLHeader")
    w.open("edXML:MessageHeader")


def _write_atomically(out: Path, write: Any) -> int:
    partial = out.with_name(out.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, out)
        return out.stat().st_size
    except OSError as exc:
        raise InvalidInputError("interop.cannot_write", path=str(out),
                                detail=exc.strerror or str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)


# --- a document ---------------------------------------------------------------------------------
def export_document(doc: Mapping[str, Any], files: Sequence[OutgoingFile], out: Path, *,
                    sender: Organisation, org_codes: OrgCodes, type_name: str,
                    staff: StaffInfo | None = None, now: dt.datetime | None = None
                    ) -> ExportResult:
    """Writes the issued outgoing document ``doc`` with ``files`` (the final PDF first)."""
    status = str(doc.get("status") or "")
    if doc.get("direction") == Direction.INCOMING or status != Status.ISSUED \
            or (doc.get("secrecy") or 0) >= 1:
        raise NotAllowedError("interop.not_issued", status=status)
    if not files:
        raise InvalidInputError("interop.no_final_pdf")
    recipients = [(org_codes.code(str(r.get("org_id") or ""), str(r.get("org_name") or "")),
                   str(r.get("org_name") or "")) for r in doc.get("recipients") or []]
    content_ids = [str(uuid.uuid4()) for _ in files]

    def write(stream: IO[str]) -> None:
        w = _Writer(stream)
        _head(w)
        _document_header(w, doc, sender, recipients, org_codes, type_name)
        w.close("edXML:MessageHeader")
        w.open("edXML:TraceHeaderList")
        w.group("edXML:TraceHeader", [("edXML:OrganId", sender.org_id),
                                      ("edXML:Timestamp", edxml_timestamp(now))])
        w.open("edXML:Bussiness")
        w.leaf("edXML:BussinessDocType", 0)
        w.leaf("edXML:BussinessDocReason", "Văn bản điện tử mới")
        w.leaf("edXML:Paper", 0)
        if staff is not None:
            _staff(w, staff)
        w.close("edXML:Bussiness")
        w.close("edXML:TraceHeaderList")
        w.close("edXML:edXMLHeader")
        w.open("edXML:edXMLBody")
        w.open("edXML:edXMLManifest", ' version="1.0"')
        for cid, item in zip(content_ids, files, strict=True):
            w.group("edXML:Reference", [("edXML:ContentId", f"cid:{cid}"),
                                        ("edXML:ContentType", item.content_type),
                                        ("edXML:Description", item.file_name),
                                        ("edXML:AttachmentName", item.file_name)])
        w.close("edXML:edXMLManifest")
        w.close("edXML:edXMLBody")
        w.close("edXML:edXMLEnvelope")
        w.open("AttachmentEncoded")
        for cid, item in zip(content_ids, files, strict=True):
            _attachment(w, cid, item)
        w.close("AttachmentEncoded")
        w.close("edXML")

    size = _write_atomically(out, write)
    return ExportResult(str(out), size, len(files), tuple(org_codes.warnings))


def _document_header(w: _Writer, doc: Mapping[str, Any], sender: Organisation,
                     recipients: list[tuple[str, str]], org_codes: OrgCodes,
                     type_name: str) -> None:
    _organisation(w, "edXML:From", sender)
    for code, name in recipients:
        _organisation(w, "edXML:To", Organisation(code, name))
    code = code_text(doc)
    w.leaf("edXML:DocumentId", document_id(sender.org_id, doc.get("issued_date"), code))
    number = doc.get("code_number")
    w.group("edXML:Code", [("edXML:CodeNumber", numbering.code_text(number, "")),
                           ("edXML:CodeNotation", doc.get("code_notation") or "")])
    w.group("edXML:PromulgationInfo", [("edXML:Place", doc.get("place") or ""),
                                       ("edXML:PromulgationDate",
                                        edxml_date(doc.get("issued_date")))])
    w.group("edXML:DocumentType", [("edXML:Type", 1), ("edXML:TypeDetail", 0),
                                   ("edXML:TypeName", type_name)])
    w.leaf("edXML:Subject", doc.get("subject") or "")
    w.leaf("edXML:Content", doc.get("subject") or "")
    signer = doc.get("signer") or {}
    competence = str(signer.get("competence") or "")
    w.group("edXML:SignerInfo", [("edXML:Competence", f"{competence}." if competence else ""),
                                 ("edXML:Position", signer.get("position") or ""),
                                 ("edXML:FullName", signer.get("full_name") or "")])
    w.leaf("edXML:DueDate", edxml_date(doc.get("due_date")))
    w.group("edXML:OtherInfo", [
        ("edXML:Priority", doc.get("urgency") or 0), ("edXML:SphereOfPromulgation", ""),
        ("edXML:TyperNotation", ""), ("edXML:PromulgationAmount", doc.get("copies") or ""),
        ("edXML:PageAmount", doc.get("page_count") or ""), ("edXML:Direction", "false")])
    reply = doc.get("in_reply_to") or {}
    if reply.get("code"):
        org = org_codes.code(str(reply.get("org_id") or ""))
        w.group("edXML:ResponseFor", [
            ("edXML:OrganId", org), ("edXML:Code", reply["code"]),
            ("edXML:PromulgationDate", edxml_date(reply.get("issued_date"))),
            ("edXML:DocumentId", document_id(org, reply.get("issued_date"), reply["code"]))])
    w.leaf("edXML:SteeringType", 1)


def _attachment(w: _Writer, cid: str, item: OutgoingFile) -> None:
    w.open("Attachment")
    for name, value in (("ContentId", f"cid:{cid}"), ("AttachmentName", item.file_name),
                        ("Description", item.file_name), ("ContentType", item.content_type)):
        w.leaf(name, value)
    w.out.write(f"{'  ' * w.depth}<edXML:ContentTransferEncoded xmlns:edXML="
                f"{quoteattr(NAMESPACE)}>")
    for piece in _base64_pieces(Path(item.path)):
        w.out.write(piece)
    w.out.write("</edXML:ContentTransferEncoded>\n")
    w.close("Attachment")


def _base64_pieces(path: Path) -> Iterator[str]:
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            yield base64.b64encode(chunk).decode("ascii")


# --- a status message --------------------------------------------------------------------------
def export_status(doc: Mapping[str, Any], code: str, out: Path, *, sender: Organisation,
                  org_codes: OrgCodes, staff: StaffInfo | None = None,
                  description: str | None = None, now: dt.datetime | None = None
                  ) -> ExportResult:
    """Writes status ``code`` (01..06) about the received (incoming) document ``doc``."""
    code = check_status_code(doc, code)
    issuer = doc.get("issuer") or {}
    org = org_codes.code(str(issuer.get("org_id") or ""), str(issuer.get("org_name") or ""))
    reference = code_text(doc)

    def write(stream: IO[str]) -> None:
        w = _Writer(stream)
        _head(w)
        _organisation(w, "edXML:From", sender)
        w.group("edXML:ResponseFor", [
            ("edXML:OrganId", org), ("edXML:Code", reference),
            ("edXML:PromulgationDate", edxml_date(doc.get("issued_date"))),
            ("edXML:DocumentId", document_id(org, doc.get("issued_date"), reference))])
        _staff(w, staff or StaffInfo())
        w.leaf("edXML:StatusCode", code)
        w.leaf("edXML:Description", description or DEFAULT_DESCRIPTIONS[code])
        w.leaf("edXML:Timestamp", edxml_timestamp(now))
        w.close("edXML:MessageHeader")
        w.close("edXML:edXMLHeader")
        w.close("edXML:edXMLEnvelope")
        w.close("edXML")

    size = _write_atomically(out, write)
    return ExportResult(str(out), size, 0, tuple(org_codes.warnings))


def check_status_code(doc: Mapping[str, Any], code: str) -> str:
    """``code`` as two digits, when it is one this client sends and fits the status."""
    normal = code.strip().zfill(2)
    if normal not in OUTGOING_STATUS_CODES:
        raise InvalidInputError("interop.bad_code", code=code,
                                choices=", ".join(OUTGOING_STATUS_CODES))
    if doc.get("direction") != Direction.INCOMING:
        raise NotAllowedError("interop.not_incoming", direction=doc.get("direction"))
    status = str(doc.get("status") or "")
    if status not in STATUS_FITS[normal]:
        raise NotAllowedError("interop.status_not_fitting", code=normal,
                              label=tr(f"interop.status.{normal}"),
                              status=label(STATUS_LABELS, status))
    return normal
