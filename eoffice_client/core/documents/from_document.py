"""A contract Document (eoffice-api-v1.md section 4) and the directory -> DraftContent.

Pure: no store, no clock, no files; everything it needs comes in as arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eoffice_client.core.documents.content import Article, Decision, DraftContent, Signer
from eoffice_client.core.domain.doctypes import document_type
from eoffice_client.core.domain.numbering import notation_for

#: Types whose recipients are printed as "Kính gửi" (Phụ lục I §II.9.b): công văn,
#: tờ trình and báo cáo; the others list them under "Nơi nhận".
ADDRESSED_TYPES = frozenset({"CV", "TTR", "BC"})
_ARTICLE = re.compile(r"^Điều\s+\d+\s*[.:]\s*", re.IGNORECASE)
_DECIDES = re.compile(r"^\s*quyết\s+định\s*:\s*$", re.IGNORECASE)
_PLACE_PART = re.compile(r"\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s.*$",
                         re.IGNORECASE)

Record = Mapping[str, object]


@dataclass(frozen=True)
class Organization:
    """The issuing organisation (the server's, ``GET /info``) and what the header needs
    that the contract does not carry: its parent, place and head's title."""

    org_id: str
    name: str  # "Ủy ban nhân dân tỉnh Lạng Sơn"
    code: str  # "UBND"
    place: str = ""  # địa danh, used when the document has none
    parent_name: str = ""  # cơ quan chủ quản trực tiếp, "" when none
    head_title: str = "Chủ tịch"  # after KT./TL./TUQ.
    collective_name: str = ""  # after TM.; default: the name without its place

    def collective(self) -> str:
        return self.collective_name or _PLACE_PART.sub("", self.name)


@dataclass(frozen=True)
class DraftingDirectory:
    """The directory as synced: ``units`` and ``users`` as contract Unit/User objects,
    ``catalog`` the catalog object."""

    organization: Organization
    units: Sequence[Record] = ()
    users: Sequence[Record] = ()
    catalog: Record = field(default_factory=dict)


@dataclass(frozen=True)
class DraftBody:
    paragraphs: tuple[str, ...]
    decision: Decision | None


def _text(record: object, key: str) -> str:
    value = record.get(key) if isinstance(record, Mapping) else None
    return value.strip() if isinstance(value, str) else ""


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def type_name(type_code: str, catalog: Record) -> str:
    """The tên loại from the catalogue, else the built-in list, else the code itself."""
    types = catalog.get("document_types")
    for entry in types if isinstance(types, list) else []:
        if isinstance(entry, Mapping) and entry.get("code") == type_code and entry.get("name"):
            return str(entry["name"])
    builtin = document_type(type_code)
    return builtin.name if builtin else type_code


def signer_of(document: Record, organization: Organization) -> Signer | None:
    raw = document.get("signer")
    if not isinstance(raw, Mapping) or not _text(raw, "full_name"):
        return None
    competence = _text(raw, "competence").rstrip(".").upper()
    position = _text(raw, "position")
    if competence == "TM":
        behalf = organization.collective()
    elif competence == "KT" and position.lower().startswith("phó "):
        behalf = position[4:]
    elif competence in ("KT", "TL", "TUQ"):
        behalf = organization.head_title
    else:
        behalf = ""
    return Signer(competence, position, _text(raw, "full_name"), behalf)


def parse_body(text: str, type_code: str) -> DraftBody:
    """Body text, one paragraph a line. For a quyết định, the lines before the first
    "Điều N. ..." are its grounds (căn cứ, theo đề nghị, xét), each "Điều N." starts an
    article and later lines belong to the article above; without articles it is plain."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if type_code != "QD" or not any(_ARTICLE.match(line) for line in lines):
        return DraftBody(tuple(lines), None)
    grounds: list[str] = []
    articles: list[tuple[str, list[str]]] = []
    for line in lines:
        if _DECIDES.match(line):
            continue
        if _ARTICLE.match(line):
            articles.append((_ARTICLE.sub("", line), []))
        elif articles:
            articles[-1][1].append(line)
        else:
            grounds.append(line)
    return DraftBody((), Decision("", tuple(grounds),
                                  tuple(Article(t, tuple(p)) for t, p in articles)))


def _unit_code(unit_id: object, units: Sequence[Record]) -> str:
    for unit in units:
        if unit.get("id") == unit_id:
            return _text(unit, "code")
    return ""


def _names(entries: object) -> tuple[str, ...]:
    names = [_text(e, "org_name") for e in entries] if isinstance(entries, list) else []
    return tuple(name for name in names if name)


def draft_from_document(document: Record, directory: DraftingDirectory, today: dt.date,
                        body_text: str | None = None) -> DraftContent:
    """The printed content of ``document``: numbered documents get their number and
    date, drafts a blank "Số:" and a blank day and month in ``today``'s year."""
    org = directory.organization
    type_code = _text(document, "type_code")
    issuer = _text(document.get("issuer"), "org_name") or org.name
    unit_code = _unit_code(document.get("unit_id"), directory.units)
    number = document.get("code_number")
    number = number if isinstance(number, int) and number > 0 else None
    issued = _date(document.get("issued_date")) if number is not None else None
    notation = _text(document, "code_notation") or notation_for(type_code, org.code, unit_code)
    signer = signer_of(document, org)
    body = parse_body(body_text or "", type_code)
    decision = body.decision
    if decision is not None:
        authority = issuer if signer and signer.competence == "TM" else (
            f"{org.head_title} {issuer}")
        decision = Decision(authority, decision.grounds, decision.articles)
    recipients = _names(document.get("recipients"))
    addressed = type_code in ADDRESSED_TYPES
    return DraftContent(
        type_code=type_code, type_name=type_name(type_code, directory.catalog),
        issuer_name=issuer, parent_name=org.parent_name if issuer == org.name else "",
        notation=notation, place=_text(document, "place") or org.place,
        subject=_text(document, "subject"), year=(issued or today).year, number=number,
        date=issued, addressees=recipients if addressed else (), body=body.paragraphs,
        decision=decision, signer=signer, recipients=() if addressed else recipients,
        drafting_unit=unit_code, urgency=_level(document.get("urgency"), 4),
        secrecy=_level(document.get("secrecy"), 3),
    )


def _level(value: object, highest: int) -> int:
    return value if isinstance(value, int) and 0 <= value <= highest else 0
