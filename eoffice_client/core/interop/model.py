"""What an edXML file (QCVN 102:2016) turns into, and what exporting needs: dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


class BusinessKind(StrEnum):
    """TraceHeaderList/Bussiness/BussinessDocType."""

    NEW = "new"  # 0 văn bản mới
    REVOCATION = "revocation"  # 1 thu hồi
    UPDATE = "update"  # 2 cập nhật
    REPLACEMENT = "replacement"  # 3 thay thế


#: Status codes of QCVN 102 status messages a receiver sends back (and 13/15/16 of recalls).
STATUS_CODES: tuple[str, ...] = ("01", "02", "03", "04", "05", "06", "13", "15", "16")
#: The ones this client writes for a received document (cli-v1.md ``edxml status``).
OUTGOING_STATUS_CODES: tuple[str, ...] = ("01", "02", "03", "04", "05", "06")


@dataclass(frozen=True)
class Organisation:
    """An edXML Organization: ``org_id`` is its edXML code (OrganId)."""

    org_id: str
    name: str = ""
    in_charge: str = ""  # OrganizationInCharge
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Unmapped:
    """Something in the file the new document cannot hold as it is, and why."""

    path: str  # e.g. "MessageHeader/ToPlaces/Place"
    value: str
    reason: str  # a message key, interop.reason.*


@dataclass(frozen=True)
class ImportedAttachment:
    file_name: str  # the name to keep (the sender's, or made from it)
    content_type: str  # what the bytes are
    data: bytes = field(repr=False)
    role: str = "appendix"  # "main" for the document itself, else "appendix"
    declared_name: str = ""  # AttachmentName as written
    declared_type: str = ""  # ContentType as written
    description: str = ""
    content_id: str = ""
    unzipped_from: str | None = None  # the zip entry the bytes came out of

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class ResponseRef:
    """ResponseFor: the document this one answers (or a status message is about)."""

    org_id: str  # edXML code of the organisation that issued it
    code: str  # "7816/VPCP-TTĐT"
    issued_date: dt.date | None = None
    document_id: str = ""


@dataclass(frozen=True)
class Signer:
    competence: str  # TM, KT, TL, TUQ, Q or ""
    position: str
    full_name: str
    competence_text: str = ""  # as written, e.g. "TL. BỘ TRƯỞNG"


@dataclass(frozen=True)
class IncomingDraft:
    """The create fields of a new incoming document (contract section 6), from the file.

    ``issuer_org_id`` is the catalogue's organisation id when the sender's code is in the
    catalogue, else the sender's edXML code as written.
    """

    type_code: str
    subject: str
    issuer: Organisation
    issuer_org_id: str
    code_number: int | None = None
    code_notation: str = ""
    issued_date: dt.date | None = None
    place: str = ""
    urgency: int = 0
    due_date: dt.date | None = None
    signer: Signer | None = None
    page_count: int | None = None
    copies: int | None = None
    in_reply_to: ResponseRef | None = None
    in_reply_to_org_id: str = ""  # catalogue id (or the code) of in_reply_to's organisation
    recipients: tuple[tuple[str, str], ...] = ()  # (org_id, org_name), from To

    def create_body(self, doc_id: str, arrival_date: dt.date) -> dict[str, object]:
        """The JSON body of ``POST /documents`` for this draft (clerk's incoming create)."""
        body: dict[str, object] = {
            "id": doc_id, "direction": "incoming", "type_code": self.type_code,
            "subject": self.subject, "urgency": self.urgency, "secrecy": 0,
            "issuer": {"org_id": self.issuer_org_id,
                       "org_name": self.issuer.name or self.issuer.org_id},
            "code_number": self.code_number, "code_notation": self.code_notation,
            "issued_date": _iso(self.issued_date), "arrival_date": arrival_date.isoformat(),
            "place": self.place, "due_date": _iso(self.due_date),
            "page_count": self.page_count, "copies": self.copies,
            "recipients": [{"org_id": o, "org_name": n} for o, n in self.recipients],
            "signer": None if self.signer is None else {
                "competence": self.signer.competence, "position": self.signer.position,
                "full_name": self.signer.full_name, "user_id": None},
            "in_reply_to": None if self.in_reply_to is None else {
                "org_id": self.in_reply_to_org_id or self.in_reply_to.org_id,
                "code": self.in_reply_to.code,
                "issued_date": _iso(self.in_reply_to.issued_date)},
        }
        return body


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class EdxmlDocument:
    """An imported document message: the draft, its files, and what did not fit."""

    source: str  # the file's name
    draft: IncomingDraft
    attachments: tuple[ImportedAttachment, ...]
    unmapped: tuple[Unmapped, ...]
    document_id: str = ""  # the sender's DocumentId
    business: BusinessKind = BusinessKind.NEW
    recipients: tuple[Organisation, ...] = ()
    to_places: tuple[str, ...] = ()
    trace: tuple[tuple[str, str], ...] = ()  # (OrganId, Timestamp) of TraceHeader


@dataclass(frozen=True)
class StaffInfo:
    department: str = ""
    staff: str = ""
    email: str = ""
    mobile: str = ""


@dataclass(frozen=True)
class EdxmlStatus:
    """A status message: what the receiver (``sender``) did with the document ``about``."""

    source: str
    code: str  # "01".."06", "13", "15", "16"
    sender: Organisation
    about: ResponseRef
    description: str = ""
    timestamp: dt.datetime | None = None  # as written (Vietnam time, no zone in edXML)
    staff: StaffInfo = field(default_factory=StaffInfo)
    unmapped: tuple[Unmapped, ...] = ()


@dataclass(frozen=True)
class OutgoingFile:
    """A file to put in an exported edXML: its name, type and where its bytes are."""

    file_name: str
    content_type: str
    path: str


@dataclass(frozen=True)
class ExportResult:
    path: str
    size: int
    attachments: int
    warnings: tuple[Unmapped, ...] = ()
