"""What a click on the dashboard asks the document list to show: a box and its filters.

Qt-free, so the list code and the tests can read it without a widget. The box is one of
the store's boxes (``core.store.rows.BOXES``); the filters say what narrows it further, and
:meth:`ListFilters.list_query` is the whole list as a
:class:`~eoffice_client.core.app.types.DocumentQuery`: the box, the document dates and the
dashboard's narrowings (unread only, a unit, a due window, waiting on a leader), which the
store tests with the very conditions the dashboard counted with
(core/store/narrowing.py). So the list a click opens holds as many rows as the figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eoffice_client.core.app.types import DocumentQuery, UnitFilter

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
    due_to: dt.date | None = None  # ... through this one (the dashboard's horizon)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    title: str = ""  # what the selection is, readable (the list may show it as a heading)

    def narrowing(self) -> dict[str, Any]:
        """The DocumentQuery fields of the dashboard's narrowings (the dates excluded: the
        list's filter bar shows and takes those)."""
        waiting = (self.waiting_days or (0, None)) if self.waiting_on_leader else None
        return {"unread_only": self.unread_only,
                "unit": UnitFilter(self.unit_id) if self.by_unit else None,
                "due_from": self.due_from, "due_to": self.due_to,
                "waiting_on_leader": waiting}

    @property
    def narrowed(self) -> bool:
        return DocumentQuery(**self.narrowing()).narrowed

    def list_query(self, box: str) -> DocumentQuery:
        """The whole list the click asks for: the box, the document dates and the
        narrowings."""
        return DocumentQuery(box=box, date_from=self.date_from, date_to=self.date_to,
                             limit=None, **self.narrowing())


@dataclass(frozen=True)
class Selection:
    box: str
    filters: ListFilters


def card_selection(key: str, today: dt.date, title: str,
                   due_until: dt.date | None = None) -> Selection:
    """The list a card opens (``due_until``: the last day "due soon" reaches,
    ``Dashboard.due_soon_until``)."""
    box = CARD_BOXES[key]
    if key == "unread_incoming":
        return Selection(box, ListFilters(unread_only=True, title=title))
    if key == "due_soon":
        return Selection(box, ListFilters(due_from=today, due_to=due_until, title=title))
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
