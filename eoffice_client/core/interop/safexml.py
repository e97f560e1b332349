"""Reading an edXML file safely: size limits, no DTD or entities, attachments decoded.

* The file is refused before it is read when it is larger than the limit.
* XML is parsed by defusedxml (expat underneath): a DOCTYPE (which every entity-expansion
  "billion laughs" and external-entity attack needs) is refused, entities and external
  references too, and nothing is fetched from any network.
* Parsing is incremental: each attachment's base64 text is decoded strictly (only the
  base64 alphabet and whitespace, correct padding) as soon as its element ends, checked
  against the size limit, and dropped from the tree, so memory holds one copy of a file.
* A file may also be a MIME multipart message whose first XML part is the edXML and the
  other parts its attachments (referenced by Content-ID); :func:`read_mime` splits it.
Every failure is an :class:`EdxmlError` (exit 9) naming the file and what is wrong.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from eoffice_client.core.errors import InvalidInputError

MIB = 1024 * 1024


#: elements whose text is an attachment's base64: QCVN 102's, and the ``Content`` of an
#: ``Attachment`` as early producers wrote it (``Manifest/Attachment{Content, FileName,
#: FileType}``)
ENCODED_TAGS = ("ContentTransferEncoded", "Content")


class EdxmlError(InvalidInputError):
    """An edXML file that cannot be used; nothing was changed (exit 9)."""


@dataclass(frozen=True)
class EdxmlLimits:
    #: the axis refuses files over 50 MB (FIELDS.md, PVN EdxmlValidator); some headroom
    max_file_bytes: int = 80 * MIB
    max_attachments: int = 50
    max_attachment_bytes: int = 60 * MIB  # decoded, each
    max_unzipped_bytes: int = 100 * MIB  # a zipped attachment's content
    max_header_chars: int = 1 * MIB  # all header text together


@dataclass
class Parsed:
    """The parsed tree (attachment texts emptied) and the decoded attachment bytes."""

    root: Element
    decoded: dict[int, bytes] = field(default_factory=dict)  # id(ContentTransferEncoded)
    mime_parts: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    # Content-ID (no <>, no cid:) -> (file name, content type, bytes)

    def bytes_of(self, element: Element) -> bytes | None:
        return self.decoded.get(id(element))


def local(tag: Any) -> str:
    """The local name of an element tag, whatever its namespace or prefix."""
    text = str(tag)
    return text.rsplit("}", 1)[-1] if "}" in text else text.rsplit(":", 1)[-1]


def namespace(tag: Any) -> str:
    text = str(tag)
    return text[1:text.index("}")] if text.startswith("{") else ""


def read_edxml_file(path: Path, limits: EdxmlLimits) -> Parsed:
    """Parses ``path`` (plain edXML or MIME multipart) within ``limits``."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise EdxmlError("interop.cannot_read", file=name, detail=exc.strerror or str(exc)) \
            from exc
    if size > limits.max_file_bytes:
        raise EdxmlError("interop.too_large", file=name, size=_mb(size),
                         limit=_mb(limits.max_file_bytes))
    if size == 0:
        raise EdxmlError("interop.empty", file=name)
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
            stream.seek(0)
            if _looks_like_mime(head):
                return read_mime(_bounded(stream, limits, name), name, limits)
            return parse_stream(_Bounded(stream, limits.max_file_bytes, name), name, limits)
    except OSError as exc:
        raise EdxmlError("interop.cannot_read", file=name, detail=exc.strerror or str(exc)) \
            from exc


def _mb(size: int) -> str:
    return f"{size / MIB:.1f}"


class _Bounded(io.RawIOBase):
    """A reader that fails once more than ``limit`` bytes were read (a growing file)."""

    def __init__(self, stream: BinaryIO, limit: int, name: str) -> None:
        self.stream, self.left, self.name, self.limit = stream, limit, name, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self.stream.readinto(buffer)  # type: ignore[attr-defined]
        self.left -= count or 0
        if self.left < 0:
            raise EdxmlError("interop.too_large", file=self.name, size=">" + _mb(self.limit),
                             limit=_mb(self.limit))
        return count or 0


def _bounded(stream: BinaryIO, limits: EdxmlLimits, name: str) -> bytes:
    data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise EdxmlError("interop.too_large", file=name, size=">" + _mb(limits.max_file_bytes),
                         limit=_mb(limits.max_file_bytes))
    return data


def _looks_like_mime(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"mime-version:", b"content-type:", b"--", b"message-id:"))


def parse_stream(stream: Any, name: str, limits: EdxmlLimits) -> Parsed:
    """Parses XML from a binary stream, decoding attachments as they end (module doc)."""
    decoded: dict[int, bytes] = {}
    current_name = ""
    count = header_chars = inside_attachment = 0
    root: Element | None = None
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True,
                                        forbid_entities=True, forbid_external=True):
            tag = local(element.tag)
            if root is None:
                root = element
            if event == "start":
                if tag == "Attachment":
                    current_name, inside_attachment = "", inside_attachment + 1
                continue
            if tag == "Attachment":
                inside_attachment -= 1
            elif tag in ("AttachmentName", "FileName"):
                current_name = (element.text or "").strip()
            if tag in ENCODED_TAGS and (tag == "ContentTransferEncoded" or inside_attachment):
                count += 1
                if count > limits.max_attachments:
                    raise EdxmlError("interop.too_many_attachments", file=name,
                                     limit=limits.max_attachments)
                decoded[id(element)] = decode_base64(element.text or "", name,
                                                     current_name or str(count), limits)
                element.text = None
            elif element.text:
                header_chars += len(element.text)
                if header_chars > limits.max_header_chars:
                    raise EdxmlError("interop.header_too_large", file=name)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise EdxmlError("interop.not_well_formed", file=name, line=line, column=column,
                         detail=_parse_detail(exc)) from exc
    except DefusedXmlException as exc:
        raise EdxmlError("interop.forbidden_xml", file=name, detail=type(exc).__name__) \
            from exc
    if root is None:
        raise EdxmlError("interop.empty", file=name)
    return Parsed(root, decoded)


def _parse_detail(exc: ParseError) -> str:
    return re.sub(r": line \d+, column \d+$", "", str(exc))


_B64_WHITESPACE = re.compile(rb"[ \t\r\n]+")


def decode_base64(text: str, name: str, attachment: str, limits: EdxmlLimits) -> bytes:
    """Strict base64 (RFC 4648 alphabet, whitespace allowed, padding required)."""
    if len(text) * 3 // 4 > limits.max_attachment_bytes + 3:
        raise EdxmlError("interop.attachment_too_large", file=name, attachment=attachment,
                         limit=_mb(limits.max_attachment_bytes))
    head = text[:200].lstrip()
    if head.startswith("data:") and ";base64," in head:  # a data: URI around the base64
        text = text.split(";base64,", 1)[1]
    try:
        raw = _B64_WHITESPACE.sub(b"", text.encode("ascii"))
        data = base64.b64decode(raw, validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError) as exc:
        raise EdxmlError("interop.bad_base64", file=name, attachment=attachment) from exc
    if len(data) > limits.max_attachment_bytes:
        raise EdxmlError("interop.attachment_too_large", file=name, attachment=attachment,
                         limit=_mb(limits.max_attachment_bytes))
    return data


def read_mime(data: bytes, name: str, limits: EdxmlLimits) -> Parsed:
    """A MIME multipart edXML: the first XML part parsed, the other parts by Content-ID."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart():
        raise EdxmlError("interop.not_edxml", file=name)
    xml_part: bytes | None = None
    parts: dict[str, tuple[str, str, bytes]] = {}
    for index, part in enumerate(_leaf_parts(message), start=1):
        content_type = part.get_content_type()
        payload = _part_bytes(part, name, str(index), limits)
        if xml_part is None and (content_type.endswith("xml") or
                                 payload.lstrip()[:1] == b"<"):
            xml_part = payload
            continue
        if len(parts) >= limits.max_attachments:
            raise EdxmlError("interop.too_many_attachments", file=name,
                             limit=limits.max_attachments)
        content_id = clean_cid(str(part.get("Content-ID", "") or f"part-{index}"))
        file_name = part.get_filename() or ""
        parts[content_id] = (file_name, content_type, payload)
    if xml_part is None:
        raise EdxmlError("interop.not_edxml", file=name)
    parsed = parse_stream(io.BytesIO(xml_part), name, limits)
    parsed.mime_parts = parts
    return parsed


def _leaf_parts(message: Any) -> Iterator[Any]:
    for part in message.walk():
        if not part.is_multipart():
            yield part


def _part_bytes(part: Any, name: str, index: str, limits: EdxmlLimits) -> bytes:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    raw = part.get_payload(decode=False)
    if not isinstance(raw, str):
        raise EdxmlError("interop.not_edxml", file=name)
    if encoding == "base64":
        return decode_base64(raw, name, part.get_filename() or index, limits)
    data = part.get_payload(decode=True) or b""
    if len(data) > limits.max_attachment_bytes:
        raise EdxmlError("interop.attachment_too_large", file=name,
                         attachment=part.get_filename() or index,
                         limit=_mb(limits.max_attachment_bytes))
    return bytes(data)


def clean_cid(value: str) -> str:
    """A Content-ID without ``<>`` and ``cid:`` (edXML writes both ways)."""
    text = value.strip().strip("<>").strip()
    return text[4:] if text.lower().startswith("cid:") else text
