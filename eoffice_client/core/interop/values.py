"""Values as real edXML senders write them: dates, numbers, signing competence, references."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from xml.etree.ElementTree import Element

from eoffice_client.core.domain.folding import fold
from eoffice_client.core.interop.model import Organisation, ResponseRef
from eoffice_client.core.interop.safexml import local

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


def whole_number(text: str) -> int | None:
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



def child(element: Element | None, name: str) -> Element | None:
    """The first child named ``name`` (local name: any prefix or namespace)."""
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def text_of(element: Element | None, name: str) -> str:
    """The text of the child ``name`` ("" when absent), whitespace collapsed and in NFC
    (a file in windows-1258 arrives with tones as combining marks)."""
    found = child(element, name)
    return normal_text(found.text) if found is not None else ""


def normal_text(text: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


_PRIORITY_NAMES = {"thuong": 0, "khan": 1, "thuong khan": 2, "hoa toc": 3, "hoa toc hen gio": 4}


def priority(text: str) -> int | None:
    """OtherInfo/Priority: 0..4, or its name (Thường, Khẩn, Thượng khẩn, Hỏa tốc, ...)."""
    number = whole_number(text)
    if number is not None:
        return number if 0 <= number <= 4 else None
    return _PRIORITY_NAMES.get(" ".join(fold(text).replace("-", " ").split()))


def response_ref(element: Element) -> ResponseRef:
    code = text_of(element, "Code")
    document_id = text_of(element, "DocumentId")
    org_id = text_of(element, "OrganId")
    parts = document_id.split(",")
    if len(parts) >= 3:  # "{org},{yyyy/MM/dd},{số}/{ký hiệu}" fills what is missing
        org_id = org_id or parts[0].strip()
        code = code or ",".join(parts[2:]).strip()
    issued = parse_date(text_of(element, "PromulgationDate"))
    if issued is None and len(parts) >= 3:
        issued = parse_date(parts[1])
    return ResponseRef(org_id, code, issued, document_id)


def organisation_of(element: Element | None) -> Organisation:
    if element is not None and child(element, "From") is not None:
        element = child(element, "From")  # a From wrapped in another From
    return Organisation(
        org_id=text_of(element, "OrganId"), name=text_of(element, "OrganName"),
        in_charge=text_of(element, "OrganizationInCharge"), address=text_of(element, "OrganAdd"),
        email=text_of(element, "Email"), telephone=text_of(element, "Telephone"),
        fax=text_of(element, "Fax"), website=text_of(element, "Website"))
