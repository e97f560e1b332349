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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.interop.attachments import collect
from eoffice_client.core.interop.model import (
    NAMESPACE,
    BusinessKind,
    EdxmlDocument,
    EdxmlStatus,
    IncomingDraft,
    Organisation,
    ResponseRef,
    Signer,
    StaffInfo,
    Unmapped,
)
from eoffice_client.core.interop.safexml import (
    EdxmlError,
    EdxmlLimits,
    local,
    namespace,
    read_edxml_file,
)

_ROOTS = {"edxml", "edxmlenvelope"}
SUBJECT_MAX, PLACE_MAX, NOTATION_MAX, NAME_MAX = 500, 200, 100, 200
_BUSINESS = {"0": BusinessKind.NEW, "1": BusinessKind.REVOCATION, "2": BusinessKind.UPDATE,
             "3": BusinessKind.REPLACEMENT}
#: MessageHeader children a document message may have (FIELDS.md section 2)
_DOCUMENT_FIELDS = {"From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType",
                    "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo",
                    "ResponseFor", "SteeringType", "ResponseForTask", "ApplicationType"}
_STATUS_FIELDS = {"From", "ResponseFor", "StaffInfo", "StatusCode", "Description",
                  "Timestamp"}


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
    if _child(header, "StatusCode") is not None:
        return _status(header, name, notes)
    reader = _HeaderReader(header, catalogue or Catalogue.from_catalog(None), name, notes)
    draft = reader.draft()
    attachments, file_notes = collect(parsed, name, limits or EdxmlLimits())
    trace = _first(root, "TraceHeaderList")
    return EdxmlDocument(
        source=name, draft=draft, attachments=tuple(attachments),
        unmapped=tuple(notes + file_notes), document_id=_text(header, "DocumentId"),
        business=_business(trace), recipients=tuple(reader.recipients),
        to_places=tuple(_texts(_child(header, "ToPlaces"), "Place")),
        trace=tuple((_text(t, "OrganId"), _text(t, "Timestamp"))
                    for t in _children(trace, "TraceHeader")))


# --- element helpers (namespace- and prefix-blind) -------------------------------------------
def _first(root: Element, name: str) -> Element | None:
    return next((e for e in root.iter() if local(e.tag) == name), None)


def _child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def _children(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [c for c in element if local(c.tag) == name]


def _text(element: Element | None, name: str) -> str:
    child = _child(element, name)
    return " ".join((child.text or "").split()) if child is not None else ""


def _texts(element: Element | None, name: str) -> list[str]:
    return [t for t in (" ".join((c.text or "").split()) for c in _children(element, name)) if t]


def _organisation(element: Element | None) -> Organisation:
    if element is not None and _child(element, "From") is not None:
        element = _child(element, "From")  # a From wrapped in another From
    return Organisation(
        org_id=_text(element, "OrganId"), name=_text(element, "OrganName"),
        in_charge=_text(element, "OrganizationInCharge"), address=_text(element, "OrganAdd"),
        email=_text(element, "Email"), telephone=_text(element, "Telephone"),
        fax=_text(element, "Fax"), website=_text(element, "Website"))


def _business(trace: Element | None) -> BusinessKind:
    business = _child(trace, "Bussiness")  # sic, as the official library spells it
    if business is None:
        business = _child(trace, "Business")
    kind = _text(business, "BussinessDocType") or _text(business, "BusinessDocType")
    return _BUSINESS.get(kind, BusinessKind.NEW)


# --- values -------------------------------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})|^(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_date(text: str) -> dt.date | None:
    """A date as real senders write it (module docstring); None when it is not one."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    if match.group(1):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        day, month, year = int(match.group(4)), int(match.group(5)), int(match.group(6))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_timestamp(text: str) -> dt.datetime | None:
    day = parse_date(text)
    if day is None:
        return None
    time = _TIME.search(text.strip()[8:])
    if not time:
        return dt.datetime(day.year, day.month, day.day)
    hour, minute, second = int(time.group(1)), int(time.group(2)), int(time.group(3) or 0)
    try:
        return dt.datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        return dt.datetime(day.year, day.month, day.day)


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


_COMPETENCE_WORDS = (("thua uy quyen", "TUQ"), ("thay mat", "TM"), ("ky thay", "KT"),
                     ("thua lenh", "TL"), ("quyen", "Q"))


def competence_code(text: str) -> str | None:
    """TM, KT, TL, TUQ, Q or "" from what a sender writes ("TL. BỘ TRƯỞNG", "Quyền 1")."""
    folded = fold(text).strip()
    if not folded:
        return ""
    first = re.split(r"[\s.]+", folded, maxsplit=1)[0].upper()
    if first in ("TM", "KT", "TL", "TUQ", "Q"):
        return first
    for words, code in _COMPETENCE_WORDS:
        if folded.startswith(words):
            return code
    return None


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
        for child in h:
            if local(child.tag) not in _DOCUMENT_FIELDS:
                self.note(f"MessageHeader/{local(child.tag)}", (child.text or "").strip()[:200],
                          "unknown_element")
        issuer = _organisation(_child(h, "From"))
        if not issuer.org_id and not issuer.name:
            raise EdxmlError("interop.no_sender", file=self.source)
        issuer_id = self.cat.org_id(issuer.org_id) if issuer.org_id else None
        if issuer_id is None:
            self.note("MessageHeader/From/OrganId", issuer.org_id, "not_in_catalogue")
        self.recipients = [_organisation(e) for e in _children(h, "To")]
        self.kept_elsewhere()
        number, notation = self.code()
        promulgation = _child(h, "PromulgationInfo")
        reply, reply_org = self.response_for()
        return IncomingDraft(
            type_code=self.type_code(notation), subject=self.subject(), issuer=issuer,
            issuer_org_id=issuer_id or issuer.org_id or issuer.name, code_number=number,
            code_notation=notation,
            issued_date=self.date(promulgation, "PromulgationDate", "PromulgationInfo"),
            place=self.limited(_text(promulgation, "Place"), PLACE_MAX, "PromulgationInfo/Place"),
            urgency=self.urgency(), due_date=self.date(h, "DueDate", "MessageHeader"),
            signer=self.signer(), page_count=self.amount("PageAmount"),
            copies=self.amount("PromulgationAmount"), in_reply_to=reply,
            in_reply_to_org_id=reply_org,
            recipients=tuple((self.cat.org_id(o.org_id) or o.org_id, o.name or o.org_id)
                             for o in self.recipients if o.org_id or o.name))

    def kept_elsewhere(self) -> None:
        """Notes the header values the contract's Document has no field for."""
        h, other = self.h, _child(self.h, "OtherInfo")
        for path, values in (
            ("DocumentId", [_text(h, "DocumentId")]),
            ("ToPlaces/Place", _texts(_child(h, "ToPlaces"), "Place")),
            ("SteeringType", [_text(h, "SteeringType")]),
            ("OtherInfo/SphereOfPromulgation", [_text(other, "SphereOfPromulgation")]),
            ("OtherInfo/TyperNotation", [_text(other, "TyperNotation")]),
            ("OtherInfo/Appendixes/Appendix", _texts(_child(other, "Appendixes"), "Appendix")),
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
        subject = _text(self.h, "Subject") or _text(self.h, "Content")
        if not subject:
            raise EdxmlError("interop.no_subject", file=self.source)
        content = _text(self.h, "Content")
        if content and content != subject:
            self.note("MessageHeader/Content", content, "no_field")
        return self.limited(subject, SUBJECT_MAX, "Subject")

    def code(self) -> tuple[int | None, str]:
        code = _child(self.h, "Code")
        number_text, notation = _text(code, "CodeNumber"), _text(code, "CodeNotation")
        if not number_text and "/" in notation:  # "05/QĐ-UBND" in the notation alone
            number_text, notation = notation.split("/", 1)
        number = _int(number_text)
        if number_text and (number is None or number < 1):
            self.note("MessageHeader/Code/CodeNumber", number_text, "bad_value")
            notation = f"{number_text}/{notation}" if notation else number_text
            number = None
        return number, self.limited(notation.replace(" ", ""), NOTATION_MAX, "Code")

    def type_code(self, notation: str) -> str:
        kind = _child(self.h, "DocumentType")
        name = _text(kind, "TypeName")
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
        text = _text(parent, name)
        if not text:
            return None
        day = parse_date(text)
        if day is None:
            self.note(f"{path}/{name}", text, "bad_value")
        return day

    def urgency(self) -> int:
        text = _text(_child(self.h, "OtherInfo"), "Priority")
        value = _int(text) if text else 0
        if value is None or not 0 <= value <= 4:
            self.note("MessageHeader/OtherInfo/Priority", text, "bad_value")
            return 0
        return value

    def amount(self, name: str) -> int | None:
        text = _text(_child(self.h, "OtherInfo"), name)
        value = _int(text) if text else None
        if text and value is None:
            self.note(f"MessageHeader/OtherInfo/{name}", text, "bad_value")
        return value or None

    def signer(self) -> Signer | None:
        info = _child(self.h, "SignerInfo")
        full_name = _text(info, "FullName")
        competence_text = _text(info, "Competence")
        if not full_name:
            return None
        competence = competence_code(competence_text)
        if competence is None:
            self.note("MessageHeader/SignerInfo/Competence", competence_text, "bad_value")
            competence = ""
        return Signer(competence, _text(info, "Position")[:NAME_MAX], full_name[:NAME_MAX],
                      competence_text)

    def response_for(self) -> tuple[ResponseRef | None, str]:
        refs = [r for r in _children(self.h, "ResponseFor")
                if _text(r, "Code") or _text(r, "DocumentId")]
        for extra in refs[1:]:
            self.note("MessageHeader/ResponseFor", _text(extra, "Code"), "no_field")
        if not refs:
            return None, ""
        ref = response_ref(refs[0])
        if not ref.code or not ref.org_id:
            self.note("MessageHeader/ResponseFor", ref.document_id or ref.code, "bad_value")
            return None, ""
        return ref, self.cat.org_id(ref.org_id) or ref.org_id


def response_ref(element: Element) -> ResponseRef:
    code = _text(element, "Code")
    document_id = _text(element, "DocumentId")
    org_id = _text(element, "OrganId")
    parts = document_id.split(",")
    if len(parts) >= 3:  # "{org},{yyyy/MM/dd},{số}/{ký hiệu}" fills what is missing
        org_id = org_id or parts[0].strip()
        code = code or ",".join(parts[2:]).strip()
    issued = parse_date(_text(element, "PromulgationDate"))
    if issued is None and len(parts) >= 3:
        issued = parse_date(parts[1])
    return ResponseRef(org_id, code, issued, document_id)


def _status(header: Element, source: str, notes: list[Unmapped]) -> EdxmlStatus:
    for child in header:
        if local(child.tag) not in _STATUS_FIELDS:
            notes.append(Unmapped(f"MessageHeader/{local(child.tag)}",
                                  (child.text or "").strip()[:200],
                                  "interop.reason.unknown_element"))
    code = _text(header, "StatusCode").zfill(2)
    if not code.isdigit() or len(code) != 2:
        raise EdxmlError("interop.bad_status_code", file=source, code=code)
    about = _child(header, "ResponseFor")
    if about is None:
        raise EdxmlError("interop.no_response_for", file=source)
    staff = _child(header, "StaffInfo")
    return EdxmlStatus(
        source=source, code=code, sender=_organisation(_child(header, "From")),
        about=response_ref(about), description=_text(header, "Description"),
        timestamp=parse_timestamp(_text(header, "Timestamp")),
        staff=StaffInfo(_text(staff, "Department"), _text(staff, "Staff"),
                        _text(staff, "Email"), _text(staff, "Mobile")),
        unmapped=tuple(notes))


def match_status(status: EdxmlStatus, documents: Iterable[Mapping[str, Any]]) -> str | None:
    """The id of the outgoing document a status message is about (by code and date)."""
    wanted = "".join(status.about.code.split()).casefold()
    for doc in documents:
        if doc.get("direction") == "incoming":
            continue
        number, notation = doc.get("code_number"), str(doc.get("code_notation") or "")
        code = f"{number:02d}/{notation}" if isinstance(number, int) else notation
        if "".join(code.split()).casefold() != wanted or not wanted:
            continue
        issued = str(doc.get("issued_date") or "")[:10]
        if status.about.issued_date is None or issued == status.about.issued_date.isoformat():
            return str(doc["id"])
    return None


def describe_unmapped(items: Sequence[Unmapped], lang: str = "vi") -> list[str]:
    """One readable line per unmapped item, for the clerk's review."""
    from eoffice_client.core.messages import tr

    return [tr("interop.unmapped_line", lang, path=i.path, value=i.value,
               reason=tr(i.reason, lang)) for i in items]


def status_summary(status: EdxmlStatus, lang: str = "vi") -> str:
    """One line for the outgoing document's history: who reported what, and when."""
    from eoffice_client.core.messages import MESSAGES, tr

    key = f"interop.status.{status.code}"
    label = tr(key, lang) if key in MESSAGES else status.code
    moment = status.timestamp.strftime("%d/%m/%Y %H:%M") if status.timestamp else "?"
    return tr("interop.status_summary", lang, sender=status.sender.name or
              status.sender.org_id, code=status.code, label=label,
              description=f" ({status.description})" if status.description else "",
              time=moment)
