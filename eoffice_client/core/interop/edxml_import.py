"""Importing an edXML file: a new incoming document (with its files) or a status message.

    result = read_edxml(Path("van-ban.edxml"), catalogue=Catalogue.from_catalog(catalog))
    if isinstance(result, EdxmlDocument):   # queue a create with result.draft, attach files
        body = result.draft.create_body(new_id, arrival_date=today)
    else:                                   # EdxmlStatus: show on the outgoing document
        doc_id = match_status(result, outgoing_documents)

Elements are matched by local name whatever their prefix or namespace and in any order;
unknown elements are ignored and listed in ``unmapped``, as is everything the contract's
Document cannot hold (FIELDS.md lists what real senders write). Dates are read as
``yyyy/MM/dd``, ``yyyy-MM-dd``, ``dd/MM/yyyy`` or ``dd-MM-yyyy``, with or without a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.interop.attachments import collect
from eoffice_client.core.interop.edxml_status import read_status
from eoffice_client.core.interop.model import (
    NAMESPACE,
    BusinessKind,
    EdxmlDocument,
    EdxmlStatus,
    IncomingDraft,
    Organisation,
    ResponseRef,
    Signer,
    Unmapped,
)
from eoffice_client.core.interop.safexml import (
    EdxmlError,
    EdxmlLimits,
    local,
    namespace,
    read_edxml_file,
)
from eoffice_client.core.interop.values import (
    child,
    competence_code,
    normal_text,
    organisation_of,
    parse_date,
    priority,
    response_ref,
    text_of,
    whole_number,
)
from eoffice_client.core.messages import tr

_ROOTS = {"edxml", "edxmlenvelope"}
SUBJECT_MAX, PLACE_MAX, NOTATION_MAX, NAME_MAX = 500, 200, 100, 200
_BUSINESS = {"0": BusinessKind.NEW, "1": BusinessKind.REVOCATION, "2": BusinessKind.UPDATE,
             "3": BusinessKind.REPLACEMENT}
#: MessageHeader children a document message may have (FIELDS.md section 2)
_DOCUMENT_FIELDS = {"From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType",
                    "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo",
                    "ResponseFor", "SteeringType", "ResponseForTask", "ApplicationType"}


@dataclass(frozen=True)
class Catalogue:
    """What the import maps onto: the catalogue's organisations and document types."""

    org_ids_by_code: Mapping[str, str] = field(default_factory=dict)  # edxml_code -> id
    type_codes: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # code -> (name, abbreviation)

    @classmethod
    def from_catalog(cls, catalog: Mapping[str, Any] | None) -> Catalogue:
        catalog = catalog or {}
        types = {t.code: (t.name, t.abbreviation) for t in DOCUMENT_TYPES}
        types.update({str(t["code"]): (str(t.get("name") or ""), str(t.get("abbreviation")
                                                                    or ""))
                      for t in catalog.get("document_types") or []})
        return cls({str(o["edxml_code"]).strip().upper(): str(o["id"])
                    for o in catalog.get("organizations") or [] if o.get("edxml_code")}, types)

    def org_id(self, code: str) -> str | None:
        return self.org_ids_by_code.get(code.strip().upper())


def read_edxml(path: Path, *, catalogue: Catalogue | None = None,
               limits: EdxmlLimits | None = None) -> EdxmlDocument | EdxmlStatus:
    """Reads ``path``: a document message or a status message (exit 9 when unusable)."""
    parsed = read_edxml_file(path, limits or EdxmlLimits())
    root, name = parsed.root, path.name
    if local(root.tag).lower() not in _ROOTS:
        raise EdxmlError("interop.not_edxml", file=name)
    header = _first(root, "MessageHeader")
    if header is None:
        raise EdxmlError("interop.no_header", file=name)
    notes: list[Unmapped] = []
    if namespace(root.tag) not in ("", NAMESPACE):
        notes.append(Unmapped("edXML", namespace(root.tag), "interop.reason.namespace"))
    if child(header, "StatusCode") is not None:
        return read_status(header, name, notes)
    reader = _HeaderReader(header, catalogue or Catalogue.from_catalog(None), name, notes)
    draft = reader.draft()
    attachments, file_notes = collect(parsed, name, limits or EdxmlLimits())
    trace = _first(root, "TraceHeaderList")
    return EdxmlDocument(
        source=name, draft=draft, attachments=tuple(attachments),
        unmapped=tuple(notes + file_notes), document_id=text_of(header, "DocumentId"),
        business=_business(trace), recipients=tuple(reader.recipients),
        to_places=tuple(_texts(child(header, "ToPlaces"), "Place")),
        trace=tuple((text_of(t, "OrganId"), text_of(t, "Timestamp"))
                    for t in _children(trace, "TraceHeader")))


# --- element helpers (namespace- and prefix-blind) -------------------------------------------
def _first(root: Element, name: str) -> Element | None:
    return next((e for e in root.iter() if local(e.tag) == name), None)


def _children(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [c for c in element if local(c.tag) == name]


def _texts(element: Element | None, name: str) -> list[str]:
    return [t for t in (normal_text(c.text) for c in _children(element, name)) if t]


def _business(trace: Element | None) -> BusinessKind:
    business = child(trace, "Bussiness")  # sic, as the official library spells it
    if business is None:
        business = child(trace, "Business")
    kind = text_of(business, "BussinessDocType") or text_of(business, "BusinessDocType")
    return _BUSINESS.get(kind, BusinessKind.NEW)


class _HeaderReader:
    """Maps a document message's MessageHeader to an :class:`IncomingDraft`."""

    def __init__(self, header: Element, catalogue: Catalogue, source: str,
                 notes: list[Unmapped]) -> None:
        self.h, self.cat, self.source, self.notes = header, catalogue, source, notes
        self.recipients: list[Organisation] = []

    def note(self, path: str, value: str, reason: str) -> None:
        self.notes.append(Unmapped(path, value, f"interop.reason.{reason}"))

    def draft(self) -> IncomingDraft:
        h = self.h
        for element in h:
            if local(element.tag) not in _DOCUMENT_FIELDS:
                self.note(f"MessageHeader/{local(element.tag)}",
                          (element.text or "").strip()[:200],
                          "unknown_element")
        issuer = organisation_of(child(h, "From"))
        if not issuer.org_id and not issuer.name:
            raise EdxmlError("interop.no_sender", file=self.source)
        issuer_id = self.cat.org_id(issuer.org_id) if issuer.org_id else None
        if issuer_id is None:
            self.note("MessageHeader/From/OrganId", issuer.org_id, "not_in_catalogue")
        self.recipients = [organisation_of(e) for e in _children(h, "To")]
        self.kept_elsewhere()
        number, notation = self.code()
        promulgation = child(h, "PromulgationInfo")
        reply, reply_org = self.response_for()
        return IncomingDraft(
            type_code=self.type_code(notation), subject=self.subject(), issuer=issuer,
            issuer_org_id=issuer_id or issuer.org_id or issuer.name, code_number=number,
            code_notation=notation,
            issued_date=self.date(promulgation, "PromulgationDate", "PromulgationInfo"),
            place=self.limited(text_of(promulgation, "Place"), PLACE_MAX, "PromulgationInfo/Place"),
            urgency=self.urgency(), due_date=self.date(h, "DueDate", "MessageHeader"),
            signer=self.signer(), page_count=self.amount("PageAmount"),
            copies=self.amount("PromulgationAmount"), in_reply_to=reply,
            in_reply_to_org_id=reply_org,
            recipients=tuple((self.cat.org_id(o.org_id) or o.org_id, o.name or o.org_id)
                             for o in self.recipients if o.org_id or o.name))

    def kept_elsewhere(self) -> None:
        """Notes the header values the contract's Document has no field for."""
        h, other = self.h, child(self.h, "OtherInfo")
        for path, values in (
            ("DocumentId", [text_of(h, "DocumentId")]),
            ("ToPlaces/Place", _texts(child(h, "ToPlaces"), "Place")),
            ("SteeringType", [text_of(h, "SteeringType")]),
            ("OtherInfo/SphereOfPromulgation", [text_of(other, "SphereOfPromulgation")]),
            ("OtherInfo/TyperNotation", [text_of(other, "TyperNotation")]),
            ("OtherInfo/Appendixes/Appendix", _texts(child(other, "Appendixes"), "Appendix")),
        ):
            for value in values:
                if value:
                    self.note(f"MessageHeader/{path}", value, "no_field")

    def limited(self, value: str, limit: int, path: str) -> str:
        if len(value) > limit:
            self.note(f"MessageHeader/{path}", value, "too_long")
            return value[:limit]
        return value

    def subject(self) -> str:
        subject = text_of(self.h, "Subject") or text_of(self.h, "Content")
        if not subject:
            raise EdxmlError("interop.no_subject", file=self.source)
        content = text_of(self.h, "Content")
        if content and content != subject:
            self.note("MessageHeader/Content", content, "no_field")
        return self.limited(subject, SUBJECT_MAX, "Subject")

    def code(self) -> tuple[int | None, str]:
        code = child(self.h, "Code")
        number_text, notation = text_of(code, "CodeNumber"), text_of(code, "CodeNotation")
        if "/" in notation and (not number_text or notation.startswith(number_text + "/")):
            number_text, notation = notation.split("/", 1)  # "05/QĐ-UBND" in the notation
        number = whole_number(number_text)
        if number_text and (number is None or number < 1):
            self.note("MessageHeader/Code/CodeNumber", number_text, "bad_value")
            notation = f"{number_text}/{notation}" if notation else number_text
            number = None
        return number, self.limited(notation.replace(" ", ""), NOTATION_MAX, "Code")

    def type_code(self, notation: str) -> str:
        kind = child(self.h, "DocumentType")
        name = text_of(kind, "TypeName")
        by_name = {fold(n): code for code, (n, _) in self.cat.type_codes.items() if n}
        if fold(name) in by_name:
            return by_name[fold(name)]
        head = notation.split("-", 1)[0] if "-" in notation else ""
        for exact in (True, False):
            for code, (_, abbreviation) in self.cat.type_codes.items():
                if abbreviation and (head == abbreviation if exact
                                     else fold(head) == fold(abbreviation)):
                    self.note("MessageHeader/DocumentType/TypeName", name, "type_from_notation")
                    return code
        self.note("MessageHeader/DocumentType/TypeName", name or "—", "type_default")
        return "CV"

    def date(self, parent: Element | None, name: str, path: str) -> dt.date | None:
        text = text_of(parent, name)
        if not text:
            return None
        day = parse_date(text)
        if day is None:
            self.note(f"{path}/{name}", text, "bad_value")
        return day

    def urgency(self) -> int:
        text = text_of(child(self.h, "OtherInfo"), "Priority")
        value = priority(text) if text else 0
        if value is None:
            self.note("MessageHeader/OtherInfo/Priority", text, "bad_value")
            return 0
        return value

    def amount(self, name: str) -> int | None:
        text = text_of(child(self.h, "OtherInfo"), name)
        value = whole_number(text) if text else None
        if text and value is None:
            self.note(f"MessageHeader/OtherInfo/{name}", text, "bad_value")
        return value or None

    def signer(self) -> Signer | None:
        info = child(self.h, "SignerInfo")
        full_name = text_of(info, "FullName")
        competence_text = text_of(info, "Competence")
        if not full_name:
            return None
        competence = competence_code(competence_text)
        if competence is None:
            self.note("MessageHeader/SignerInfo/Competence", competence_text, "bad_value")
            competence = ""
        return Signer(competence, text_of(info, "Position")[:NAME_MAX], full_name[:NAME_MAX],
                      competence_text)

    def response_for(self) -> tuple[ResponseRef | None, str]:
        refs = [r for r in _children(self.h, "ResponseFor")
                if text_of(r, "Code") or text_of(r, "DocumentId")]
        for extra in refs[1:]:
            self.note("MessageHeader/ResponseFor", text_of(extra, "Code"), "no_field")
        if not refs:
            return None, ""
        ref = response_ref(refs[0])
        if not ref.code or not ref.org_id:
            self.note("MessageHeader/ResponseFor", ref.document_id or ref.code, "bad_value")
            return None, ""
        return ref, self.cat.org_id(ref.org_id) or ref.org_id


def describe_unmapped(items: Sequence[Unmapped], lang: str = "vi") -> list[str]:
    """One readable line per unmapped item, for the clerk's review."""
    return [tr("interop.unmapped_line", lang, path=i.path, value=i.value,
               reason=tr(i.reason, lang)) for i in items]


