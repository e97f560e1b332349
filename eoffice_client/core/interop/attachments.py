"""Attachments of an edXML file: names and types kept, bytes decoded, zip wrappers opened.

Real senders (FIELDS.md section 5): the official library zips every file that is not
pdf/doc/docx/xls/zip into ``<uuid>.<ext>`` inside a ``.zip`` and declares
``application/zip``; some producers zip a ``.doc`` or ``.PDF`` yet keep its name, or
declare ``application/pdf`` for a zip. So the bytes decide: a zip whose declared name is
not itself a zip-based format (.docx, .xlsx, .odt ...) is a wrapper; a wrapper holding one
file is opened (within a size limit) and that file kept under the declared name, its
extension corrected when the file inside has another; the type comes from the bytes,
then the name, then what was declared (non-standard types such as ``application/docx``
are put right). Attachments are found in AttachmentEncoded (inside or outside the
envelope, with or without prefixes), matched to the Manifest's References by
ContentId with or without ``cid:``, and in a MIME message's other parts.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from eoffice_client.core.interop.model import ImportedAttachment, Unmapped
from eoffice_client.core.interop.safexml import (
    ENCODED_TAGS,
    EdxmlError,
    EdxmlLimits,
    Parsed,
    clean_cid,
    local,
)
from eoffice_client.core.interop.values import text_of

_BY_EXTENSION = {
    "pdf": "application/pdf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "rtf": "application/rtf", "txt": "text/plain", "xml": "application/xml",
    "edxml": "application/xml", "zip": "application/zip", "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "png": "image/png", "tif": "image/tiff", "tiff": "image/tiff",
}
#: formats that are zip files themselves: never a wrapper
_ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "jar", "epub"}
#: what VNPT's library and others declare, put right
_DECLARED = {"application/doc": "doc", "application/docx": "docx", "application/xsl": "xls",
             "application/xslx": "xlsx", "application/xls": "xls", "application/xlsx": "xlsx"}
_UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def collect(parsed: Parsed, source: str, limits: EdxmlLimits
            ) -> tuple[list[ImportedAttachment], list[Unmapped]]:
    """Every attachment of the file, in file order; the first document-like one is main."""
    references = {clean_cid(_child_text(r, "ContentId")): r
                  for r in _all(parsed.root, "Reference")}
    found: list[ImportedAttachment] = []
    notes: list[Unmapped] = []
    seen: set[str] = set()
    for element in _all(parsed.root, "Attachment"):
        encoded = next((c for c in element if local(c.tag) in ENCODED_TAGS), None)
        data = parsed.bytes_of(encoded) if encoded is not None else None
        cid = clean_cid(_child_text(element, "ContentId"))
        if data is None:
            notes.append(Unmapped("AttachmentEncoded/Attachment", cid, "interop.reason.no_bytes"))
            continue
        reference = references.get(cid)
        declared_name = (_child_text(element, "AttachmentName")
                         or _child_text(element, "FileName")
                         or (_child_text(reference, "AttachmentName") if reference is not None
                             else ""))
        declared_type = (_child_text(element, "ContentType")
                         or _child_text(element, "MimeType") or _child_text(element, "FileType")
                         or (_child_text(reference, "ContentType") if reference is not None
                             else ""))
        description = _child_text(element, "Description")
        found.append(_make(data, declared_name, declared_type, description, cid,
                           len(found) + 1, source, limits, notes))
        seen.add(cid)
    for cid, (file_name, content_type, data) in parsed.mime_parts.items():
        reference = references.get(cid)
        declared_name = (_child_text(reference, "AttachmentName") if reference is not None
                         else "") or file_name
        declared_type = (_child_text(reference, "ContentType") if reference is not None
                         else "") or content_type
        found.append(_make(data, declared_name, declared_type, "", cid, len(found) + 1,
                           source, limits, notes))
        seen.add(cid)
    for cid in references:
        if cid and cid not in seen:
            notes.append(Unmapped("edXMLManifest/Reference", cid, "interop.reason.missing_file"))
    return _with_roles(found), notes


def _all(root: Element, name: str) -> Iterator[Element]:
    return (e for e in root.iter() if local(e.tag) == name)


def _child_text(element: Element | None, name: str) -> str:
    return text_of(element, name)


def _make(data: bytes, declared_name: str, declared_type: str, description: str, cid: str,
          number: int, source: str, limits: EdxmlLimits, notes: list[Unmapped]
          ) -> ImportedAttachment:
    name = safe_name(declared_name or description, number)
    unzipped_from = None
    if _is_zip(data) and extension(name) not in _ZIP_BASED:
        inner = _single_entry(data, name, source, limits)
        if inner is None:
            if extension(name) != "zip":
                notes.append(Unmapped("Attachment/ContentType", name,
                                      "interop.reason.zip_kept"))
                name += ".zip"
        else:
            entry, data = inner
            unzipped_from = entry
            if extension(entry) and extension(entry) != extension(name):
                notes.append(Unmapped("Attachment/AttachmentName", f"{name} ⇐ {entry}",
                                      "interop.reason.renamed"))
                name = _with_extension(name, extension(entry))
    content_type = content_type_of(data, name, declared_type)
    if declared_type and _normal_type(declared_type) != content_type and not unzipped_from:
        notes.append(Unmapped("Attachment/ContentType", f"{name}: {declared_type}",
                              "interop.reason.type_corrected"))
    return ImportedAttachment(
        file_name=name, content_type=content_type, data=data, declared_name=declared_name,
        declared_type=declared_type, description=description, content_id=cid,
        unzipped_from=unzipped_from)


def _with_roles(found: list[ImportedAttachment]) -> list[ImportedAttachment]:
    """The first PDF (else the first file) is the document itself (``main``)."""
    if not found:
        return found
    main = next((i for i, a in enumerate(found) if a.content_type == "application/pdf"), 0)
    return [ImportedAttachment(**{**a.__dict__, "role": "main" if i == main else "appendix"})
            for i, a in enumerate(found)]


def safe_name(name: str, number: int) -> str:
    """A file name without folders or characters Windows refuses; made up when empty."""
    base = re.split(r"[\\/]", name.strip())[-1]
    cleaned = _UNSAFE_NAME.sub("_", base).strip(" .")
    if not cleaned:
        return f"tep-dinh-kem-{number}"
    if len(cleaned) > 200:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[:190] + dot + ext[:9]) if dot and len(ext) < 10 else cleaned[:200]
    return cleaned


def extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _with_extension(name: str, ext: str) -> str:
    stem, dot, _ = name.rpartition(".")
    return f"{stem if dot and stem else name}.{ext}"


def _is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def _single_entry(data: bytes, name: str, source: str, limits: EdxmlLimits
                  ) -> tuple[str, bytes] | None:
    """(entry name, bytes) of a zip holding exactly one file, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            files = [i for i in archive.infolist() if not i.is_dir()]
            if len(files) != 1:
                return None
            info = files[0]
            if info.file_size > limits.max_unzipped_bytes:
                raise EdxmlError("interop.zip_too_large", file=source, attachment=name,
                                 limit=f"{limits.max_unzipped_bytes / 1048576:.0f}")
            with archive.open(info) as member:
                content = member.read(limits.max_unzipped_bytes + 1)
            if len(content) > limits.max_unzipped_bytes:
                raise EdxmlError("interop.zip_too_large", file=source, attachment=name,
                                 limit=f"{limits.max_unzipped_bytes / 1048576:.0f}")
            return safe_name(info.filename, 1), content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            RuntimeError) as exc:
        raise EdxmlError("interop.bad_zip", file=source, attachment=name) from exc


def content_type_of(data: bytes, name: str, declared: str) -> str:
    """What the bytes are: their signature, then the name's extension, then the declared
    type (put right), else ``application/octet-stream``."""
    if data[:5] == b"%PDF-":
        return "application/pdf"
    ext = extension(name)
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _BY_EXTENSION["doc"]
    return _normal_type(declared) or "application/octet-stream"


def _normal_type(declared: str) -> str:
    value = declared.split(";", 1)[0].strip().lower()
    if value in _DECLARED:
        return _BY_EXTENSION[_DECLARED[value]]
    return value
