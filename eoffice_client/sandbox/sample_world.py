"""What the sample documents share: people by role, the calendar, the time window, counters.

Documents are built one at a time in creation order; only the numbering counters (số đến,
số văn bản per register) run across documents.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import deque
from typing import TYPE_CHECKING, Any

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import WorkCalendar
from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.enums import Direction, Role, Status
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_documents import CLOCK, DAY, Doc, DocBuilder, SampleRandom
from eoffice_client.sandbox.sample_people import SamplePerson, stable_id

if TYPE_CHECKING:
    from eoffice_client.sandbox.sample_data import SampleData

_INCOMING_STATUSES = (
    Status.RECEIVED, Status.REGISTERED, Status.AWAITING_ASSIGNMENT, Status.ASSIGNED,
    Status.IN_PROGRESS, Status.COMPLETED, Status.RETURNED, Status.DISCARDED,
)
_OUTGOING_STATUSES = (
    Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.SIGNED, Status.NUMBERED,
    Status.ISSUED, Status.RECALLED, Status.RETURNED, Status.DISCARDED,
)
#: Every (direction, status) pair; spread over the set so even a small one has them all.
ALL_PAIRS: tuple[tuple[str, str], ...] = (
    *((Direction.INCOMING.value, s.value) for s in _INCOMING_STATUSES),
    *((Direction.OUTGOING.value, s.value) for s in _OUTGOING_STATUSES),
    *((Direction.INTERNAL.value, s.value) for s in _OUTGOING_STATUSES),
)
# weights for documents created in the last 45 days, and older ones
_IN_RECENT = tuple(itertools.accumulate((8, 6, 10, 10, 12, 40, 4, 2)))
_IN_OLD = tuple(itertools.accumulate((1, 1, 2, 3, 3, 87, 1, 2)))
_OUT_RECENT = tuple(itertools.accumulate((10, 10, 8, 5, 4, 52, 1, 6, 4)))
_OUT_OLD = tuple(itertools.accumulate((1, 1, 1, 1, 1, 88, 2, 1, 4)))

class World:
    """What documents share: people by role, the calendar, the time window and counters."""

    def __init__(self, data: SampleData) -> None:
        self.data = data
        self.seed = data.seed
        self.people = [p for p in data.people]
        self.by_username = {p.user["username"]: p for p in data.people}
        self.by_id = {p.id: p for p in data.people}
        self.unit_ids = {u["code"]: u["id"] for u in data.units}
        self.unit_names = {u["code"]: u["name"] for u in data.units}
        self.directory = workflow.UserIndex({p.id: p.user for p in data.people})
        active = [p for p in data.people if p.active]
        self.clerks = [p for p in active if Role.CLERK in p.user["roles"]]
        self.top_leaders = [p for p in active if p.unit in ("LĐ", "VP") and p.is_leader]
        self.officers_by_unit: dict[str, list[SamplePerson]] = {}
        self.leaders_by_unit: dict[str, list[SamplePerson]] = {}
        for person in active:
            if Role.OFFICER in person.user["roles"]:
                self.officers_by_unit.setdefault(person.unit, []).append(person)
            if person.is_leader:
                self.leaders_by_unit.setdefault(person.unit, []).append(person)
        self.calendar = WorkCalendar.from_catalog(data.catalog["calendar"])
        self.organization = data.organization
        self.own_org = {"org_id": data.organization["org_id"],
                        "org_name": data.organization["org_name"]}
        self.outside = [
            (code, {"org_id": stable_id("org", edxml), "org_name": name}, place, signers)
            for code, name, edxml, place, signers in txt.OUTSIDE_ORGS
        ]
        self.types = [t.code for t in DOCUMENT_TYPES]
        self.common_types = [code for code, _w in txt.COMMON_TYPES]
        self.common_weights = tuple(itertools.accumulate(w for _code, w in txt.COMMON_TYPES))
        today = data.today
        self.base = max(dt.date(today.year - 1, 1, 2), today - dt.timedelta(days=400))
        # everything has happened by 17:30 (Vietnam) the day before ``today``: never in the future
        self.end = ((today - self.base).days - 1) * DAY + 1050
        self.counters: dict[str, int] = {}
        self.checks = 0
        self.recent_incoming: deque[tuple[dict[str, str], dict[str, Any]]] = deque(maxlen=64)
        days = self.end // DAY + 2
        self._dates = [self.base + dt.timedelta(days=n) for n in range(days)]
        self._day_text = [day.isoformat() + "T" for day in self._dates]
        self._working_day_tables(days + 120)
        self.forced = self._forced_pairs(data.documents)

    @staticmethod
    def _forced_pairs(count: int) -> dict[int, tuple[str, str]]:
        """Indexes that take each (direction, status) pair once: among the newest tenth of a
        large set (open documents look fresh there), over the whole of a small one."""
        pairs = len(ALL_PAIRS)
        span = count if count < 10 * pairs else count // 10
        step = max(1, span // pairs)
        return {count - 1 - n * step: pair for n, pair in enumerate(ALL_PAIRS) if n < count}

    # time: minutes since self.base 00:00, Vietnam time
    def date_of(self, minute: int) -> dt.date:
        return self._dates[minute // DAY]

    def stamp(self, minute: int) -> str:
        day, rest = divmod(minute, DAY)
        return self._day_text[day] + CLOCK[rest]

    def working_days_after(self, day: dt.date, count: int) -> str:
        """``calendar.add_working_days(day, count)`` by table look-up (a hot path)."""
        offset = (day - self.base).days
        if 0 <= offset < len(self._worked_through) and count > 0:
            position = self._worked_through[offset] + count - 1
            if position < len(self._working_days):
                return self._working_days[position]
        return self.calendar.add_working_days(day, count).isoformat()

    def _working_day_tables(self, days: int) -> None:
        self._working_days: list[str] = []  # every working day from base on, as text
        self._worked_through: list[int] = []  # working days in base..base+n (n = index)
        for n in range(days):
            day = self.base + dt.timedelta(days=n)
            if self.calendar.is_working_day(day):
                self._working_days.append(day.isoformat())
            self._worked_through.append(len(self._working_days))

    def next_checker(self) -> SamplePerson:
        """Who is asked to check a document before signing: the fixed accounts in turn."""
        self.checks += 1
        return self.by_username[("vanthu", "chuyenvien", "quantri")[self.checks % 3]]

    def next_number(self, register: str) -> int:
        self.counters[register] = self.counters.get(register, 0) + 1
        return self.counters[register]

    def created_minute(self, index: int, rng: random.Random) -> int:
        count = self.data.documents
        days = self.end // DAY + 1  # base .. the day before today
        day = min(days - 1, int(days * (index + rng.random()) / count))
        while day > 0 and not self.calendar.is_working_day(self.base + dt.timedelta(days=day)):
            day -= 1
        minute = day * DAY + 450 + rng.randrange(570)  # 07:30 .. 17:00
        return min(minute, self.end - 30)

    def document(self, index: int) -> Doc:
        rng = SampleRandom(self.seed * 1_000_003 + index)
        created = self.created_minute(index, rng)
        pair = self.forced.get(index)
        if pair is None:
            pair = self._pick_pair(rng, (self.end - created) < 45 * DAY)
        builder = DocBuilder(self, rng, created, pair[0])
        return builder.build(pair[1])

    @staticmethod
    def _pick_pair(rng: SampleRandom, recent: bool) -> tuple[str, str]:
        roll = rng.random()
        if roll < 0.5:
            weights = _IN_RECENT if recent else _IN_OLD
            return Direction.INCOMING.value, rng.weighted(_INCOMING_STATUSES, weights).value
        direction = Direction.OUTGOING if roll < 0.85 else Direction.INTERNAL
        out_weights = _OUT_RECENT if recent else _OUT_OLD
        return direction.value, rng.weighted(_OUTGOING_STATUSES, out_weights).value

