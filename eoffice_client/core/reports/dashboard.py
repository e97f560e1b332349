"""The dashboard's figures, read from the local cache in one call (no Qt).

Cards count the window's boxes by the store's own definitions (``queries.count_box``
over ``rows.BOX_CONDITIONS``, as the lists do), so a card always equals its box:
* Văn bản đến chưa đọc: the ``incoming`` box's unread documents (``count_box``'s unread);
* Chờ ký: the ``to-sign`` box; Cần xử lý: ``to-process``; Quá hạn: ``overdue``;
* Sắp đến hạn: open documents (``open_due``, the due date while the status is open)
  due from today through the ``soon_days``-th working day after today.
Charts:
* overdue by unit: each overdue document once, under the unit of its first lead
  assignment not yet done (a unit, or a person's unit), else its own ``unit_id``, else
  "not assigned" (``unit_id`` None); the counts add up to the Quá hạn card;
* waiting on a leader: open documents whose ``pending_with`` holds a user with the
  ``leader`` role, by days since their last history entry (when they reached that
  leader), in :data:`AGE_BUCKETS`;
* weekly intake: incoming documents per week (Monday first) by their document date
  (ngày đến, else the day received), the last ``weeks`` weeks up to this one.
The narrowings and the unit attribution are the conditions of ``core/store/narrowing.py``;
a list narrowed by the same fields of ``DocumentQuery`` uses them too, so the list a click
opens holds exactly the documents its figure counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from eoffice_client.core.domain.deadlines import WorkCalendar
from eoffice_client.core.domain.enums import Direction
from eoffice_client.core.messages import tr
from eoffice_client.core.store.documents import SORT_SHIFT, sort_base
from eoffice_client.core.store.models import CalendarDay, Unit
from eoffice_client.core.store.narrowing import (
    DOCS,
    attributed_unit,
    due_within,
    waiting_days,
    waiting_on_leader,
)
from eoffice_client.core.store.queries import box_condition, count_box, today_for

#: (key, first day, last day or None): days a document has waited on a leader
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-1", 0, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8+", 8, None),
)


@dataclass(frozen=True)
class UnitCount:
    unit_id: str | None  # None: not assigned to any unit
    name: str
    count: int


@dataclass(frozen=True)
class AgeBucket:
    key: str  # "0-1", "2-3", "4-7", "8+"
    min_days: int
    max_days: int | None
    count: int


@dataclass(frozen=True)
class WeekCount:
    week_start: dt.date  # a Monday
    count: int


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    unread_incoming: int
    to_sign: int
    to_process: int
    overdue: int
    due_soon: int
    due_soon_days: int
    overdue_by_unit: tuple[UnitCount, ...]
    waiting_on_leaders: tuple[AgeBucket, ...]
    weekly_intake: tuple[WeekCount, ...]
    due_soon_until: dt.date | None = None  # the last day "due soon" takes


def unit_label(item: UnitCount, lang: str = "vi") -> str:
    return item.name or tr("reports.not_assigned", lang)


def bucket_label(item: AgeBucket, lang: str = "vi") -> str:
    return tr(f"reports.age.{item.key}", lang)


def read_dashboard(conn: Connection, *, today: dt.date | None = None, soon_days: int = 3,
                   weeks: int = 8, charts: bool = True) -> Dashboard:
    """Every figure of the dashboard for the cache's user (see the module docstring).

    ``charts=False`` reads the cards only (the charts' tuples stay empty): a few tens of
    milliseconds at 100,000 documents, for a refresh after each sync; the charts read
    more (docs/benchmarks.md).
    """
    day = today or today_for(conn)
    horizon = due_soon_until(conn, day, soon_days)
    overdue_units = overdue_by_unit(conn, day) if charts else ()
    return Dashboard(
        today=day, unread_incoming=unread_incoming(conn, day),
        to_sign=box_count(conn, "to-sign", day), to_process=box_count(conn, "to-process", day),
        overdue=sum(u.count for u in overdue_units) if charts else box_count(conn, "overdue",
                                                                             day),
        due_soon=due_soon(conn, day, horizon), due_soon_days=soon_days,
        due_soon_until=horizon,
        overdue_by_unit=overdue_units,
        waiting_on_leaders=waiting_on_leaders(conn, day) if charts else (),
        weekly_intake=weekly_intake(conn, day, weeks) if charts else ())


def box_count(conn: Connection, box: str, today: dt.date) -> int:
    """How many documents the list of ``box`` holds."""
    return count_box(conn, box, today=today)[0]


def unread_incoming(conn: Connection, today: dt.date) -> int:
    """Unread documents of the ``incoming`` box."""
    return count_box(conn, "incoming", today=today)[1]


def due_soon_until(conn: Connection, today: dt.date, soon_days: int) -> dt.date:
    """The last day "due soon" takes: the ``soon_days``-th working day after today."""
    return working_calendar(conn).add_working_days(today, soon_days)


def due_soon(conn: Connection, today: dt.date, horizon: dt.date) -> int:
    """Open documents due from ``today`` through ``horizon`` (:func:`due_soon_until`)."""
    query = select(func.count()).select_from(DOCS).where(due_within(DOCS, today, horizon))
    return int(conn.execute(query).scalar() or 0)


def working_calendar(conn: Connection) -> WorkCalendar:
    days = conn.execute(select(CalendarDay.day, CalendarDay.kind)).all()
    return WorkCalendar(
        frozenset(dt.date.fromisoformat(d) for d, kind in days if kind == "holiday"),
        frozenset(dt.date.fromisoformat(d) for d, kind in days if kind == "working"))


def overdue_by_unit(conn: Connection, today: dt.date) -> tuple[UnitCount, ...]:
    """The overdue box by the unit each document is attributed to (``attributed_unit``,
    the condition a unit's list narrows by)."""
    unit = attributed_unit(DOCS).label("unit")
    query = select(unit, func.count()).select_from(DOCS).group_by(unit)
    condition = box_condition("overdue", today)
    if condition is not None:
        query = query.where(condition)
    unit_names = dict(conn.execute(select(Unit.id, Unit.name)).all())
    rows = [UnitCount(unit_id, str(unit_names.get(unit_id) or unit_id) if unit_id else "",
                      int(count)) for unit_id, count in conn.execute(query)]
    rows.sort(key=lambda r: (-r.count, r.name))
    return tuple(rows)


def waiting_on_leaders(conn: Connection, today: dt.date) -> tuple[AgeBucket, ...]:
    """Open documents waiting on a leader, by days since their last history entry (the
    days a list narrowed by ``waiting_on_leader`` tests)."""
    days = waiting_days(DOCS, today).label("days")
    query = (select(days, func.count()).select_from(DOCS)
             .where(waiting_on_leader(DOCS)).group_by(days))
    counts = dict.fromkeys((key for key, _, _ in AGE_BUCKETS), 0)
    for waited, count in conn.execute(query):
        counts[_bucket(int(waited))] += int(count)
    return tuple(AgeBucket(key, low, high, counts[key]) for key, low, high in AGE_BUCKETS)


def _bucket(days: int) -> str:
    for key, low, high in AGE_BUCKETS:
        if days >= low and (high is None or days <= high):
            return key
    return AGE_BUCKETS[-1][0]


def weekly_intake(conn: Connection, today: dt.date, weeks: int) -> tuple[WeekCount, ...]:
    this_monday = today - dt.timedelta(days=today.weekday())
    first = this_monday - dt.timedelta(weeks=max(weeks, 1) - 1)
    day = (DOCS.c.sort_no.op(">>")(SORT_SHIFT)).label("day")
    query = (select(day, func.count())
             .where(DOCS.c.direction == Direction.INCOMING.value,
                    DOCS.c.sort_no >= sort_base(first),
                    DOCS.c.sort_no < sort_base(this_monday + dt.timedelta(days=7)))
             .group_by(day))
    per_week: Counter[dt.date] = Counter()
    for ordinal, count in conn.execute(query):
        date = dt.date.fromordinal(int(ordinal))
        per_week[date - dt.timedelta(days=date.weekday())] += int(count)
    return tuple(WeekCount(first + dt.timedelta(weeks=n), per_week[first + dt.timedelta(weeks=n)])
                 for n in range(max(weeks, 1)))
