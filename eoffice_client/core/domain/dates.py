"""Dates and times as documents carry them and as people read them (Vietnam's calendar).

The date line of a Decree-30 document (Phụ lục I §II.4) is written here and nowhere else:
"ngày 05 tháng 02 năm 2026", a leading zero for days below 10 and for the months 1 and 2
(so that nobody can add a digit by hand), none for the months 3 to 9.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from eoffice_client.core.domain.deadlines import VIETNAM


def document_date(doc: Mapping[str, object]) -> str:
    """A document's date as ``YYYY-MM-DD``: the arrival date of an incoming document, the
    issue date of an outgoing or internal one, else the Vietnam date of its creation. Lists
    are ordered and ``--from/--to`` filtered by it."""
    chosen = doc.get("arrival_date") if doc.get("direction") == "incoming" else doc.get(
        "issued_date")
    if chosen:
        return str(chosen)[:10]
    for name in ("created_at", "updated_at"):
        moment = parse_instant(doc.get(name))
        if moment is not None:
            return moment.astimezone(VIETNAM).date().isoformat()
    return "1970-01-01"


def parse_instant(value: object) -> dt.datetime | None:
    """An RFC 3339 instant (with its offset), or None when it is not one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def day_text(value: str | dt.date | None) -> str:
    """``2026-02-05`` -> ``05/02/2026`` (dd/mm/yyyy, as Vietnamese documents write dates)."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])
    except ValueError:
        return str(value)
    return day.strftime("%d/%m/%Y")


def time_text(value: object) -> str:
    """An instant in Vietnam's clock, ``HH:MM dd/mm/yyyy``, whatever the PC's time zone."""
    moment = parse_instant(value)
    if moment is None:
        return "" if value is None else str(value)
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def decree30_day(day: int) -> str:
    """The day of a Decree-30 date: ``5`` -> ``05``, ``15`` -> ``15``."""
    if not 1 <= day <= 31:
        raise ValueError(f"day {day} is not a day of a month")
    return f"{day:02d}"


def decree30_month(month: int) -> str:
    """The month of a Decree-30 date: ``1`` -> ``01``, ``2`` -> ``02``, ``3`` -> ``3``,
    ``10`` -> ``10``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not a month")
    return f"{month:02d}" if month <= 2 else str(month)


def decree30_date_text(day: dt.date) -> str:
    """``ngày 05 tháng 02 năm 2026``."""
    return f"ngày {decree30_day(day.day)} tháng {decree30_month(day.month)} năm {day.year}"
