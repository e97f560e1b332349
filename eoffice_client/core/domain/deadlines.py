"""Deadlines in working days: weekends and holidays off, make-up working days (ngày làm bù) on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Vietnam's time: UTC+7 all year since 1975 (no daylight saving time). A fixed offset and
#: not ``ZoneInfo("Asia/Ho_Chi_Minh")``: Windows has no time zone database for zoneinfo
#: without the tzdata package.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def today_vietnam(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Vietnam's calendar (contract section 1), whatever the PC's time zone."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    working_days: frozenset[dt.date] = field(default_factory=frozenset)  # worked weekend days

    @classmethod
    def from_catalog(cls, calendar: dict | None) -> WorkCalendar:
        """Build from the wire shape ``{"holidays": [date], "working_days": [date]}``."""
        calendar = calendar or {}
        return cls(
            frozenset(_dates(calendar.get("holidays", []))),
            frozenset(_dates(calendar.get("working_days", []))),
        )

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (start itself not counted)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        current = start
        while days:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        count, current = 0, start
        while current < end:
            current += dt.timedelta(days=1)
            count += self.is_working_day(current)
        return count


def _dates(values: Iterable[str | dt.date]) -> Iterable[dt.date]:
    for value in values:
        yield value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def is_overdue(due_date: str | dt.date | None, status: str, today: dt.date) -> bool:
    """Contract section 1: today (Vietnam) is after ``due_date`` and the status is still open."""
    from eoffice_client.core.domain.enums import CLOSED_STATUSES

    if not due_date or status in CLOSED_STATUSES:
        return False
    due = due_date if isinstance(due_date, dt.date) else dt.date.fromisoformat(due_date)
    return today > due
