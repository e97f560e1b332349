"""What a click on the dashboard asks the document list to show: a box and its filters.

Qt-free, so the lead's list code and the tests can read it without a widget. The box is
one of the store's boxes (``core.store.rows.BOXES``); the filters say what narrows it
further, and :meth:`ListFilters.list_query` gives the part the list's
:class:`~eoffice_client.core.app.types.DocumentQuery` already understands (box and dates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eoffice_client.core.app.types import DocumentQuery

#: Card keys, in the order the dashboard shows them, and the box each one opens.
CARD_BOXES: dict[str, str] = {
    "unread_incoming": "incoming",
    "to_sign": "to-sign",
    "to_process": "to-process",
    "overdue": "overdue",
    "due_soon": "all",
}


@dataclass(frozen=True)
class ListFilters:
    """Narrowing beyond the box. ``unit_id`` None with ``by_unit`` means "not assigned to
    any unit"; ``waiting_days`` is (first, last or None) days waiting on a leader."""

    unread_only: bool = False
    by_unit: bool = False
    unit_id: str | None = None
    unit_name: str = ""
    waiting_on_leader: bool = False
    waiting_days: tuple[int, int | None] | None = None
    due_from: dt.date | None = None  # open, due from this day ...
    due_working_days: int | None = None  # ... through this many working days after it
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    title: str = ""  # what the selection is, readable (the list may show it as a heading)

    def list_query(self, box: str) -> DocumentQuery:
        """The box and the document-date range, as the list queries today."""
        return DocumentQuery(box=box, date_from=self.date_from, date_to=self.date_to,
                             limit=None)


@dataclass(frozen=True)
class Selection:
    box: str
    filters: ListFilters


def card_selection(key: str, today: dt.date, soon_days: int, title: str) -> Selection:
    """The list a card opens (``soon_days``: the working days "due soon" looks ahead)."""
    box = CARD_BOXES[key]
    if key == "unread_incoming":
        return Selection(box, ListFilters(unread_only=True, title=title))
    if key == "due_soon":
        return Selection(box, ListFilters(due_from=today, due_working_days=soon_days,
                                            title=title))
    return Selection(box, ListFilters(title=title))


def unit_selection(unit_id: str | None, name: str, title: str) -> Selection:
    """Overdue documents under one unit (None: not assigned to any unit)."""
    return Selection("overdue", ListFilters(by_unit=True, unit_id=unit_id, unit_name=name,
                                            title=title))


def waiting_selection(min_days: int, max_days: int | None, title: str) -> Selection:
    """Open documents waiting on a leader for this many days."""
    return Selection("all", ListFilters(waiting_on_leader=True,
                                        waiting_days=(min_days, max_days), title=title))


def week_selection(monday: dt.date, title: str) -> Selection:
    """Incoming documents of the week starting ``monday`` (document date)."""
    return Selection("incoming", ListFilters(date_from=monday,
                                             date_to=monday + dt.timedelta(days=6),
                                             title=title))
