"""Status messages (QCVN 102:2016): reading those that come back, finding their document."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from xml.etree.ElementTree import Element

from eoffice_client.core.domain import numbering
from eoffice_client.core.interop.model import EdxmlStatus, StaffInfo, Unmapped
from eoffice_client.core.interop.safexml import EdxmlError, local
from eoffice_client.core.interop.values import (
    child,
    organisation_of,
    parse_timestamp,
    response_ref,
    text_of,
)
from eoffice_client.core.messages import MESSAGES, tr

_STATUS_FIELDS = {"From", "ResponseFor", "StaffInfo", "StatusCode", "Description",
                  "Timestamp"}


def read_status(header: Element, source: str, notes: list[Unmapped]) -> EdxmlStatus:
    for element in header:
        if local(element.tag) not in _STATUS_FIELDS:
            notes.append(Unmapped(f"MessageHeader/{local(element.tag)}",
                                  (element.text or "").strip()[:200],
                                  "interop.reason.unknown_element"))
    code = text_of(header, "StatusCode").zfill(2)
    if not code.isdigit() or len(code) != 2:
        raise EdxmlError("interop.bad_status_code", file=source, code=code)
    about = child(header, "ResponseFor")
    if about is None:
        raise EdxmlError("interop.no_response_for", file=source)
    staff = child(header, "StaffInfo")
    return EdxmlStatus(
        source=source, code=code, sender=organisation_of(child(header, "From")),
        about=response_ref(about), description=text_of(header, "Description"),
        timestamp=parse_timestamp(text_of(header, "Timestamp")),
        staff=StaffInfo(text_of(staff, "Department"), text_of(staff, "Staff"),
                        text_of(staff, "Email"), text_of(staff, "Mobile")),
        unmapped=tuple(notes))


def match_status(status: EdxmlStatus, documents: Iterable[Mapping[str, Any]]) -> str | None:
    """The id of the outgoing document a status message is about (by code and date)."""
    wanted = "".join(status.about.code.split()).casefold()
    for doc in documents:
        if doc.get("direction") == "incoming":
            continue
        number, notation = doc.get("code_number"), str(doc.get("code_notation") or "")
        code = numbering.code_text(number, notation)
        if "".join(code.split()).casefold() != wanted or not wanted:
            continue
        issued = str(doc.get("issued_date") or "")[:10]
        if status.about.issued_date is None or issued == status.about.issued_date.isoformat():
            return str(doc["id"])
    return None


def status_summary(status: EdxmlStatus, lang: str = "vi") -> str:
    """One line for the outgoing document's history: who reported what, and when."""
    key = f"interop.status.{status.code}"
    label = tr(key, lang) if key in MESSAGES else status.code
    moment = status.timestamp.strftime("%d/%m/%Y %H:%M") if status.timestamp else "?"
    return tr("interop.status_summary", lang, sender=status.sender.name or
              status.sender.org_id, code=status.code, label=label,
              description=f" ({status.description})" if status.description else "",
              time=moment)
