"""What a register or a report holds, independent of the file format it is written to.

A :class:`Layout` is one or more :class:`Section` s; each section is a heading block
(organisation, title, lines such as the period) and one :class:`Table`. The .xlsx writer
puts each section on its own sheet; the .docx writer puts them one after another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from eoffice_client.core.domain.deadlines import VIETNAM

#: What a cell may hold: text, a whole number, or nothing.
Cell = str | int | float | None
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in characters of the body font (an .xlsx column width)
    centred: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: Sequence[Row]
    #: a row "(1) (2) ..." under the headers, as the Decree's register forms have
    numbered: bool = False


@dataclass(frozen=True)
class Section:
    sheet_name: str
    title: str
    table: Table
    organisation: str = ""
    lines: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)  # under the table


@dataclass(frozen=True)
class Layout:
    sections: tuple[Section, ...]
    document_title: str = ""


def vn_date(value: str | dt.date | None) -> str:
    """``dd/mm/yyyy`` of a contract date or instant (an instant in Vietnam's calendar)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        day = value.astimezone(VIETNAM).date() if value.tzinfo else value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        day_or_none = parse_day(value)
        if day_or_none is None:
            return str(value)
        day = day_or_none
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_day(value: str | None) -> dt.date | None:
    """The Vietnam date of ``YYYY-MM-DD`` or of an RFC 3339 instant; None when unreadable."""
    if not value:
        return None
    text = str(value)
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(VIETNAM).date() if moment.tzinfo else moment.date()
