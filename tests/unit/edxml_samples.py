"""edXML files written by hand from the structure of QCVN 102:2016 (FIELDS.md), for tests."""

from __future__ import annotations

import base64
import io
import zipfile

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"not really a docx, but zip magic"  # a zip-based format by name


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def b64(data: bytes, wrap: int = 0) -> str:
    text = base64.b64encode(data).decode("ascii")
    if wrap:
        text = "\n".join(text[i:i + wrap] for i in range(0, len(text), wrap))
    return text


def document(prefix: str = "edXML:", *, declare: str = "both", date: str = "2026/03/02",
             due: str = "2026/03/16", extra: str = "", other_info: bool = True,
             attachments: list[tuple[str, str, bytes]] | None = None,
             inline_attachments: bool = False, response_for: str = "",
             type_name: str = "Quyết định", priority: str = "1") -> str:
    """A document message; ``prefix`` "" writes every element unprefixed (default ns)."""
    p = prefix
    if declare == "both":
        root = f'<edXML xmlns="{NS}">'
        envelope = f'<{p}edXMLEnvelope xmlns:edXML="{NS}">' if p else "<edXMLEnvelope>"
    elif declare == "none":  # no namespace at all
        root, envelope = "<edXML>", f"<{p}edXMLEnvelope>"
    else:
        raise ValueError(declare)
    files = attachments if attachments is not None else [("cid:1", "Quyết định.pdf", PDF)]
    refs = "".join(
        f"<{p}Reference><{p}ContentId>{cid}</{p}ContentId><{p}ContentType>application/pdf"
        f"</{p}ContentType><{p}Description>{name}</{p}Description><{p}AttachmentName>{name}"
        f"</{p}AttachmentName></{p}Reference>" for cid, name, _ in files)
    encoded = "".join(_attachment(p, declare, cid, name, data) for cid, name, data in files)
    other = (f"<{p}OtherInfo><{p}Priority>{priority}</{p}Priority>"
             f"<{p}SphereOfPromulgation>Liên thông văn bản</{p}SphereOfPromulgation>"
             f"<{p}PromulgationAmount>3</{p}PromulgationAmount><{p}PageAmount>4"
             f"</{p}PageAmount><{p}Direction>false</{p}Direction></{p}OtherInfo>"
             if other_info else "")
    header = (
        f"<{p}MessageHeader>"
        f"<{p}From><{p}OrganId>000.00.07.H37</{p}OrganId><{p}OrganName>Sở Tài chính"
        f"</{p}OrganName><{p}OrganAdd>Lạng Sơn</{p}OrganAdd></{p}From>"
        f"<{p}To><{p}OrganId>000.00.00.H37</{p}OrganId><{p}OrganName>UBND tỉnh Lạng Sơn"
        f"</{p}OrganName></{p}To>"
        f"<{p}Code><{p}CodeNumber>05</{p}CodeNumber><{p}CodeNotation>QĐ-STC</{p}CodeNotation>"
        f"</{p}Code>"
        f"<{p}PromulgationInfo><{p}Place>Lạng Sơn</{p}Place><{p}PromulgationDate>{date}"
        f"</{p}PromulgationDate></{p}PromulgationInfo>"
        f"<{p}DocumentType><{p}Type>1</{p}Type><{p}TypeName>{type_name}</{p}TypeName>"
        f"</{p}DocumentType>"
        f"<{p}Subject>Về việc giao dự toán năm 2026</{p}Subject>"
        f"<{p}SignerInfo><{p}Competence>KT. GIÁM ĐỐC</{p}Competence><{p}Position>Phó Giám đốc"
        f"</{p}Position><{p}FullName>Lý Văn Thành</{p}FullName></{p}SignerInfo>"
        f"<{p}DueDate>{due}</{p}DueDate>{other}{response_for}{extra}"
        f"<{p}DocumentId>000.00.07.H37,{date[:10]},05/QĐ-STC</{p}DocumentId>"
        f"</{p}MessageHeader>")
    trace = (f"<{p}TraceHeaderList><{p}TraceHeader><{p}OrganId>000.00.07.H37</{p}OrganId>"
             f"<{p}Timestamp>2026/03/02 10:00:00</{p}Timestamp></{p}TraceHeader>"
             f"</{p}TraceHeaderList>")
    body = (f"<{p}edXMLBody><{p}edXMLManifest version=\"1.0\">{refs}</{p}edXMLManifest>"
            + (f"<AttachmentEncoded>{encoded}</AttachmentEncoded>" if inline_attachments
               else "") + f"</{p}edXMLBody>")
    outside = "" if inline_attachments else f"<AttachmentEncoded>{encoded}</AttachmentEncoded>"
    return (f'<?xml version="1.0" encoding="UTF-8"?>{root}{envelope}<{p}edXMLHeader>{header}'
            f"{trace}</{p}edXMLHeader>{body}</{p}edXMLEnvelope>{outside}</edXML>")


def _attachment(p: str, declare: str, cid: str, name: str, data: bytes) -> str:
    """AttachmentEncoded/Attachment as the official library writes it: children unprefixed,
    ``edXML:ContentTransferEncoded`` declaring its prefix (no namespace: unprefixed)."""
    kind = "application/zip" if data[:2] == b"PK" else "application/pdf"
    if declare == "none":
        tag, declaration = "ContentTransferEncoded", ""
    else:
        tag, declaration = "edXML:ContentTransferEncoded", f' xmlns:edXML="{NS}"'
    return (f"<Attachment><ContentId>{cid}</ContentId><AttachmentName>{name}</AttachmentName>"
            f"<ContentType>{kind}</ContentType><{tag}{declaration}>{b64(data, 76)}</{tag}>"
            "</Attachment>")


def status(code: str = "03", prefix: str = "edXML:") -> str:
    p = prefix
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><edXML xmlns="{NS}">'
        f'<{p}edXMLEnvelope xmlns:edXML="{NS}"><{p}edXMLHeader><{p}MessageHeader>'
        f"<{p}From><{p}OrganId>000.00.07.H37</{p}OrganId><{p}OrganName>Sở Tài chính"
        f"</{p}OrganName></{p}From>"
        f"<{p}ResponseFor><{p}OrganId>000.00.00.H37</{p}OrganId><{p}Code>05/QĐ-UBND</{p}Code>"
        f"<{p}PromulgationDate>2026/03/10</{p}PromulgationDate><{p}DocumentId>"
        f"000.00.00.H37,2026/03/10,05/QĐ-UBND</{p}DocumentId></{p}ResponseFor>"
        f"<{p}StaffInfo><{p}Department>Văn phòng Sở</{p}Department><{p}Staff>Trần Thu"
        f"</{p}Staff></{p}StaffInfo>"
        f"<{p}StatusCode>{code}</{p}StatusCode><{p}Description>Đã tiếp nhận</{p}Description>"
        f"<{p}Timestamp>2026/03/11 14:05:09</{p}Timestamp>"
        f"</{p}MessageHeader></{p}edXMLHeader></{p}edXMLEnvelope></edXML>")


def mime(xml: str, parts: list[tuple[str, str, str, bytes]]) -> bytes:
    """A multipart/related message: the edXML first, then (cid, name, type, bytes) parts."""
    boundary = "----=_Part_0_12345.6789"
    lines = ["MIME-Version: 1.0",
             f'Content-Type: multipart/related; boundary="{boundary}"; type="text/xml"', "",
             f"--{boundary}", "Content-Type: text/xml; charset=UTF-8",
             "Content-Transfer-Encoding: 8bit", "Content-ID: <root>", "", xml]
    for cid, name, content_type, data in parts:
        lines += [f"--{boundary}", f'Content-Type: {content_type}; name="{name}"',
                  "Content-Transfer-Encoding: base64", f"Content-ID: <{cid}>",
                  f'Content-Disposition: attachment; filename="{name}"', "", b64(data, 76)]
    lines.append(f"--{boundary}--")
    return "\r\n".join(lines).encode("utf-8")
