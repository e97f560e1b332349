"""How the window writes what the store keeps as ids, instants and field names: names
from the directory the window holds, times in Vietnam's clock (whatever the computer's
time zone, so every time in the window agrees), dates as dd/mm/yyyy.

The history of a document carries a ``detail`` that the workflow writes from the action's
params (``core/domain/workflow_effects._detail``): a reason or note, but for some actions the id of
a person or a register, a date, or (for ``patch``) the names of the fields changed. A
person reads names, so those are resolved here.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication

from eoffice_client.core.app.records import Directory
from eoffice_client.core.domain.dates import day_text, time_text
from eoffice_client.core.domain.deadlines import VIETNAM

translate = QCoreApplication.translate

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}$")


def when(value: object) -> str:
    """An RFC 3339 instant as ``HH:MM dd/mm/yyyy`` in Vietnam's clock."""
    return time_text(value) if value else ""


def moment(value: dt.datetime | None) -> str:
    """A datetime (aware; naive is taken as UTC) as :func:`when` writes it."""
    if value is None:
        return ""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def looks_like_id(text: str) -> bool:
    return bool(_UUID.match(text.strip()))


def person(names: Directory, user_id: str | None) -> str:
    """A user's full name; never the id (an unknown person is said to be one)."""
    if not user_id:
        return ""
    found = names.people.get(user_id)
    if found:
        return found.full_name or found.username
    return translate("Display", "(a person not in this computer's directory)")


def unit(names: Directory, unit_id: str | None) -> str:
    found = names.units.get(unit_id or "")
    return _named(unit_id, found.name if found else None,
                  translate("Display", "(a unit not in this computer's directory)"))


def register(names: Directory, register_id: str | None) -> str:
    found = names.registers.get(register_id or "")
    return _named(register_id, found.name if found else None,
                  translate("Display", "(a register not in this computer's directory)"))


def _named(item_id: str | None, name: str | None, unknown: str) -> str:
    """The name of ``item_id``; ``unknown`` for an id the directory lacks."""
    if not item_id:
        return ""
    return name if name is not None else unknown


def field_name(name: str) -> str:
    """A document field as the forms name it (for the history of an edit)."""
    names = {
        "type_code": translate("Display", "type"),
        "subject": translate("Display", "subject"),
        "urgency": translate("Display", "urgency"),
        "secrecy": translate("Display", "secrecy"),
        "due_date": translate("Display", "deadline"),
        "recipients": translate("Display", "recipients"),
        "signer": translate("Display", "signer"),
        "place": translate("Display", "place"),
        "page_count": translate("Display", "page count"),
        "copies": translate("Display", "copies"),
        "in_reply_to": translate("Display", "in reply to"),
        "unit_id": translate("Display", "unit"),
        "issuer": translate("Display", "issuer"),
        "code_number": translate("Display", "number"),
        "code_notation": translate("Display", "notation"),
        "issued_date": translate("Display", "date issued"),
        "arrival_date": translate("Display", "date arrived"),
    }
    return names.get(name, name)


def history_detail(names: Directory, action: str | None, detail: object) -> str:
    """The ``detail`` of a history entry as a person reads it."""
    text = str(detail or "").strip()
    if not text:
        return ""
    if action == "patch":
        return ", ".join(field_name(part.strip()) for part in text.split(",") if part.strip())
    if _ISO_DAY.match(text):
        return day_text(text)
    if text in names.people:
        return person(names, text)
    if text in names.registers:
        return register(names, text)
    if text in names.units:
        return unit(names, text)
    if looks_like_id(text):
        return ""  # an id the directory does not know says nothing to a person
    return text
