"""Sample data of the sandbox server: a Lạng Sơn provincial People's Committee and its documents.

``generate(documents, seed, today)`` gives the organisation, its units and people, the
catalog and a STREAM of documents in the contract's Document shape (eoffice-api-v1.md
section 4). Documents are built one at a time in creation order, each from its own
random generator seeded by ``(seed, index)``; only the numbering counters (số đến, số
văn bản per register) run across documents. Each document walks the workflow of
contract section 6 from its creation to a target status, so its ``pending_with``,
assignments, numbers, attachments, comments, ``version`` and history are those the
server would have produced. Users, units and the catalog do not depend on the seed;
their ids are stable (UUID v5), register ids too.

Every sample account's password is :data:`SAMPLE_PASSWORD`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.dates import day_text
from eoffice_client.core.domain.deadlines import WorkCalendar, today_vietnam
from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES, catalog_document_types
from eoffice_client.core.domain.enums import Direction, Role, Status
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.domain.numbering import format_code, notation_for
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_pdf import attachment_digest, attachment_pdf, sha256_hex

SAMPLE_PASSWORD = "demo"
_NAMESPACE = uuid.UUID("6f0c7a52-3d1e-4c55-9a53-1a2b7c9d0e11")
_DAY = 1440  # minutes
_CLOCK = tuple(f"{m // 60:02d}:{m % 60:02d}:00+07:00" for m in range(_DAY))

Doc = dict[str, Any]


def stable_id(kind: str, key: str) -> str:
    """A UUID that depends only on ``kind`` and ``key`` (the same in every run and seed)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


# --- people, units, catalog -----------------------------------------------------------------
@dataclass
class SamplePerson:
    """A sample account and how it signs (competence, position) when it signs."""

    user: dict[str, Any]
    unit: str  # unit code
    competence: str = ""
    position: str = ""
    id: str = field(init=False)
    is_leader: bool = field(init=False)
    active: bool = field(init=False)

    def __post_init__(self) -> None:
        self.id = str(self.user["id"])
        self.is_leader = Role.LEADER in self.user["roles"]
        self.active = bool(self.user["active"])

    def signer(self) -> dict[str, Any]:
        return {
            "competence": self.competence, "position": self.position or self.user["title"],
            "full_name": self.user["full_name"], "user_id": self.id,
        }


FIXED_ACCOUNTS = ("vanthu", "chuyenvien", "lanhdao", "quantri")


class _Staff:
    """Builds the sample accounts: the four fixed ones, then leaders and officers per unit."""

    def __init__(self, unit_ids: dict[str, str]) -> None:
        self.unit_ids = unit_ids
        self.rng = random.Random(20260101)  # people do not change with the documents' seed
        self.people: list[SamplePerson] = []
        self.usernames: set[str] = set()

    def add(
        self, username: str, full_name: str, title: str, unit: str, roles: list[str],
        competence: str = "", position: str = "", active: bool = True,
    ) -> SamplePerson:
        self.usernames.add(username)
        user = {
            "id": stable_id("user", username), "username": username, "full_name": full_name,
            "title": title, "unit_id": self.unit_ids[unit], "active": active, "roles": roles,
        }
        person = SamplePerson(user, unit, competence, position)
        self.people.append(person)
        return person

    def random_name(self) -> str:
        return person_name(self.rng, 0.5)

    def username_for(self, full_name: str) -> str:
        parts = fold(full_name).split()
        base = parts[-1] + "." + "".join(p[0] for p in parts[:-1])
        name, n = base, 1
        while name in self.usernames:
            n += 1
            name = f"{base}{n}"
        return name

    def generated(
        self, title: str, unit: str, role: Role, competence: str = "", position: str = "",
        active: bool = True,
    ) -> SamplePerson:
        full_name = self.random_name()
        return self.add(self.username_for(full_name), full_name, title, unit, [role.value],
                        competence, position, active)


def _build_staff(unit_ids: dict[str, str]) -> list[SamplePerson]:
    staff = _Staff(unit_ids)
    staff.add("vanthu", "Hoàng Thị Thu Hà", "Văn thư", "VP", [Role.CLERK.value])
    staff.add("chuyenvien", "Nguyễn Văn Đức", "Chuyên viên", "KT", [Role.OFFICER.value])
    staff.add("lanhdao", "Nông Đình Đông", "Phó Chủ tịch UBND tỉnh", "LĐ", [Role.LEADER.value],
              "KT", "Phó Chủ tịch")
    staff.add("quantri", "Lê Minh Đạt", "Quản trị hệ thống", "TTTT", [Role.ADMIN.value])
    staff.generated("Chủ tịch UBND tỉnh", "LĐ", Role.LEADER, "TM", "Chủ tịch")
    for _ in range(2):
        staff.generated("Phó Chủ tịch UBND tỉnh", "LĐ", Role.LEADER, "KT", "Phó Chủ tịch")
    staff.generated("Chánh Văn phòng", "VP", Role.LEADER, "TL", "Chánh Văn phòng")
    for _ in range(2):
        staff.generated("Phó Chánh Văn phòng", "VP", Role.LEADER, "TL", "Phó Chánh Văn phòng")
    staff.generated("Văn thư", "VP", Role.CLERK)
    for _ in range(2):
        staff.generated("Chuyên viên", "VP", Role.OFFICER)
    for code in ("KT", "TH", "NC", "KGVX", "KSTT", "HCTC", "QTTV"):
        staff.generated("Trưởng phòng", code, Role.LEADER, "", "Trưởng phòng")
        staff.generated("Phó Trưởng phòng", code, Role.LEADER, "KT", "Phó Trưởng phòng")
        for n in range(3 if code != "KT" else 4):
            staff.generated("Chuyên viên chính" if n == 0 else "Chuyên viên", code, Role.OFFICER)
    staff.generated("Quyền Giám đốc", "TTTT", Role.LEADER, "Q", "Giám đốc")
    staff.generated("Viên chức", "TTTT", Role.OFFICER)
    staff.generated("Trưởng ban", "BTCD", Role.LEADER, "", "Trưởng ban")
    staff.generated("Chuyên viên", "BTCD", Role.OFFICER)
    staff.generated("Chuyên viên (đã nghỉ hưu)", "TH", Role.OFFICER, active=False)
    staff.generated("Trưởng phòng", "NV", Role.LEADER, "", "Trưởng phòng", active=False)
    staff.generated("Chuyên viên", "NV", Role.OFFICER, active=False)
    return staff.people


def _units() -> list[dict[str, Any]]:
    return [
        {"id": stable_id("unit", code), "name": name, "code": code,
         "parent_id": stable_id("unit", parent) if parent else None, "active": active}
        for code, name, parent, active in txt.UNITS
    ]


def _organizations() -> list[dict[str, Any]]:
    own = {"id": stable_id("org", txt.ORG_EDXML), "name": txt.ORG_NAME,
           "edxml_code": txt.ORG_EDXML}
    return [own] + [
        {"id": stable_id("org", edxml), "name": name, "edxml_code": edxml}
        for _code, name, edxml, _place, _signers in txt.OUTSIDE_ORGS
    ]


@lru_cache(maxsize=64)
def register_id(direction: str, secret: bool, year: int) -> str:
    """The stable id of a register (sổ văn bản) of the catalog."""
    return stable_id("register", f"{direction}/{'secret' if secret else 'normal'}/{year}")


def _registers(today: dt.date) -> list[dict[str, Any]]:
    names = {
        (Direction.INCOMING.value, False): "Sổ đăng ký văn bản đến",
        (Direction.INCOMING.value, True): "Sổ đăng ký văn bản đến mật",
        (Direction.OUTGOING.value, False): "Sổ đăng ký văn bản đi",
        (Direction.OUTGOING.value, True): "Sổ đăng ký văn bản đi mật",
    }
    return [
        {"id": register_id(direction, secret, year), "name": f"{name} năm {year}",
         "direction": direction, "year": year, "secret": secret}
        for year in (today.year - 1, today.year)
        for (direction, secret), name in names.items()
    ]


def _span(first: str, last: str) -> list[str]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def calendar() -> dict[str, list[str]]:
    """Public holidays 2025-2027 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ, 30/4, 1/5, 2/9).

    2025 follows the published schedule; 2026-2027 are the statutory days placed as the
    government usually places them, with compensatory days off and make-up Saturdays.
    """
    holidays = [
        "2025-01-01", *_span("2025-01-25", "2025-02-02"), "2025-04-07",
        *_span("2025-04-30", "2025-05-04"), *_span("2025-08-30", "2025-09-02"),
        "2026-01-01", "2026-01-02", *_span("2026-02-14", "2026-02-22"), "2026-04-26",
        "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
        "2027-01-01", *_span("2027-02-04", "2027-02-11"), "2027-04-16", "2027-04-30",
        "2027-05-01", "2027-05-03", "2027-09-02", "2027-09-03",
    ]
    return {"holidays": holidays, "working_days": ["2025-04-26", "2026-01-10", "2027-02-20"]}


# --- the whole set --------------------------------------------------------------------------
@dataclass
class SampleData:
    """The generated organisation; documents are produced on demand by :meth:`iter_documents`."""

    organization: dict[str, Any]
    users: list[dict[str, Any]]
    units: list[dict[str, Any]]
    catalog: dict[str, Any]
    documents: int
    seed: int
    today: dt.date
    people: list[SamplePerson] = field(repr=False, default_factory=list)

    def iter_documents(self) -> Iterator[Doc]:
        """Every document, oldest first, the same for the same (documents, seed, today)."""
        world = _World(self)
        for index in range(self.documents):
            yield world.document(index)

    def user(self, username: str) -> dict[str, Any]:
        """The sample account ``username`` (KeyError if none)."""
        for user in self.users:
            if user["username"] == username:
                return user
        raise KeyError(username)

    @staticmethod
    def attachment_bytes(attachment: dict[str, Any]) -> bytes:
        """The bytes of a sample attachment; ValueError if the metadata is not this generator's."""
        data = attachment_pdf(attachment["id"], attachment["file_name"], attachment["role"])
        if sha256_hex(data) != attachment.get("sha256"):
            raise ValueError(f"attachment {attachment['id']} is not a sample attachment")
        return data


def generate(documents: int, seed: int, today: dt.date | None = None) -> SampleData:
    """The sample organisation with ``documents`` documents (deterministic by ``seed``).

    ``today`` (default: today in Vietnam) anchors the dates: documents are created over
    the 400 days before it (never before 1 January of the previous year, the oldest
    register), everything they record has happened by 17:30 the day before, and due
    dates fall both before and after it.
    """
    if documents < 0:
        raise ValueError("documents must be >= 0")
    today = today or today_vietnam()
    units = _units()
    people = _build_staff({u["code"]: u["id"] for u in units})
    organization = {"org_id": stable_id("org", txt.ORG_EDXML), "org_name": txt.ORG_NAME,
                    "code": txt.ORG_CODE}
    catalog = {
        "document_types": catalog_document_types(),
        "registers": _registers(today),
        "organizations": _organizations(),
        "calendar": calendar(),
    }
    return SampleData(organization, [p.user for p in people], units, catalog, documents, seed,
                      today, people)


# --- documents ------------------------------------------------------------------------------
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
_URGENCY_CUMULATIVE = (75, 87, 94, 99, 100)
_SECRECY_CUMULATIVE = (93, 97, 99, 100)


class _Random(random.Random):
    """``random.Random`` with a cheaper ``choice`` and ``randint`` (still deterministic)."""

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def weighted(self, seq: Any, cumulative: tuple[int, ...]) -> Any:
        """One of ``seq`` by cumulative integer weights (``random.choices`` without the lists)."""
        return seq[bisect.bisect(cumulative, self.random() * cumulative[-1])]


class _World:
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
        self.end = ((today - self.base).days - 1) * _DAY + 1050
        self.counters: dict[str, int] = {}
        self.checks = 0
        self.recent_incoming: deque[tuple[dict[str, str], dict[str, Any]]] = deque(maxlen=64)
        days = self.end // _DAY + 2
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
        return self._dates[minute // _DAY]

    def stamp(self, minute: int) -> str:
        day, rest = divmod(minute, _DAY)
        return self._day_text[day] + _CLOCK[rest]

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
        days = self.end // _DAY + 1  # base .. the day before today
        day = min(days - 1, int(days * (index + rng.random()) / count))
        while day > 0 and not self.calendar.is_working_day(self.base + dt.timedelta(days=day)):
            day -= 1
        minute = day * _DAY + 450 + rng.randrange(570)  # 07:30 .. 17:00
        return min(minute, self.end - 30)

    def document(self, index: int) -> Doc:
        rng = _Random(self.seed * 1_000_003 + index)
        created = self.created_minute(index, rng)
        pair = self.forced.get(index)
        if pair is None:
            pair = self._pick_pair(rng, (self.end - created) < 45 * _DAY)
        builder = _DocBuilder(self, rng, created, pair[0])
        return builder.build(pair[1])

    @staticmethod
    def _pick_pair(rng: _Random, recent: bool) -> tuple[str, str]:
        roll = rng.random()
        if roll < 0.5:
            weights = _IN_RECENT if recent else _IN_OLD
            return Direction.INCOMING.value, rng.weighted(_INCOMING_STATUSES, weights).value
        direction = Direction.OUTGOING if roll < 0.85 else Direction.INTERNAL
        out_weights = _OUT_RECENT if recent else _OUT_OLD
        return direction.value, rng.weighted(_OUTGOING_STATUSES, out_weights).value


class _DocBuilder:
    """One document walked from its creation through the section 6 actions to a status."""

    def __init__(self, world: _World, rng: _Random, created: int, direction: str) -> None:
        self.w = world
        self.rng = rng
        self.now = created
        self.direction = direction
        self.focus = rng.random() < 0.6  # the fixed accounts take part
        self.doc: Doc = {}

    # -- small helpers
    def uid(self) -> str:
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def advance(self, longest: int = 2 * _DAY) -> str:
        """Moves the clock on by up to ``longest`` minutes, in office hours, before the end."""
        end = self.w.end
        step = 10 + int(self.rng.random() * longest)
        room = (end - self.now) >> 2
        now = self.now + (step if step < room else room if room > 0 else 0)
        rest = now % _DAY
        if rest < 450 or rest > 1050:  # outside 07:30..17:30: the next morning
            now += (450 - rest if rest < 450 else _DAY - rest + 450) + int(self.rng.random() * 90)
        if now > end:
            now = self.now if self.now > end - 1 else end - 1
        self.now = now
        return self.w.stamp(now)

    def today(self) -> dt.date:
        return self.w.date_of(self.now)

    def working_days_later(self, low: int, high: int) -> str:
        return self.w.working_days_after(self.today(), self.rng.randint(low, high))

    def pick(self, people: list[SamplePerson], preferred: str | None = None) -> SamplePerson:
        if preferred and self.focus:
            return self.w.by_username[preferred]
        return self.rng.choice(people)

    def log(self, actor: SamplePerson, action: str, detail: str = "",
            versioned: bool = True) -> None:
        """One history entry (``detail`` as the workflow table writes it from the params)."""
        stamp = self.advance()
        self.doc["history"].append(
            {"at": stamp, "actor_id": actor.id, "action": action, "detail": detail}
        )
        if versioned:
            self.doc["version"] += 1
        self.doc["updated_at"] = stamp

    def attach(self, role: str, file_name: str, uploader: SamplePerson) -> dict[str, Any]:
        attachment_id = self.uid()
        size, sha256 = attachment_digest(attachment_id, file_name, role)
        attachment = {
            "id": attachment_id, "file_name": file_name, "content_type": "application/pdf",
            "size": size, "sha256": sha256, "role": role,
            "uploaded_by": uploader.id, "uploaded_at": self.w.stamp(self.now),
        }
        self.doc["attachments"].append(attachment)
        self.doc["updated_at"] = attachment["uploaded_at"]
        return attachment

    def comment(self, author: SamplePerson, kind: str, text: str) -> None:
        self.log(author, "comment", text, versioned=False)
        self.doc["comments"].append({
            "id": self.uid(), "author_id": author.id, "kind": kind, "text": text,
            "created_at": self.doc["updated_at"],
        })

    def fill(self, template: str, unit: str | None = None) -> str:
        unit = unit or self.rng.choice(txt.DRAFTING_UNITS[1:])
        return template.format(
            year=self.today().year, date=day_text(self.working_days_later(3, 10)),
            unit=self.w.unit_names[unit],
        )

    def subject(self, type_code: str) -> str:
        templates = txt.SUBJECTS.get(type_code, txt.SUBJECTS["*"])
        day = self.today()
        topic = self.rng.choice(txt.TOPICS).format(year=day.year)
        return self.rng.choice(templates).format(
            topic=topic, year=day.year, quarter=(day.month - 1) // 3 + 1, month=day.month,
        )

    def type_code(self) -> str:
        if self.rng.random() < 0.1:
            return self.rng.choice(self.w.types)
        return self.rng.weighted(self.w.common_types, self.w.common_weights)

    # -- the document
    def base(self, type_code: str, creator: SamplePerson) -> Doc:
        rng = self.rng
        stamp = self.w.stamp(self.now)
        secrecy = rng.weighted(range(4), _SECRECY_CUMULATIVE)
        return {
            "id": self.uid(), "direction": self.direction, "type_code": type_code,
            "code_number": None, "code_notation": "", "issuer": dict(self.w.own_org),
            "issued_date": None, "place": txt.PLACE, "subject": self.subject(type_code),
            "urgency": rng.weighted(range(5), _URGENCY_CUMULATIVE),
            "secrecy": secrecy,
            "signer": None, "arrival_number": None, "arrival_date": None, "register_id": None,
            "due_date": None, "unit_id": None, "page_count": rng.randint(1, 12),
            "copies": rng.randint(1, 5), "in_reply_to": None, "recipients": [],
            "status": "", "pending_with": [creator.id], "version": 1,
            "created_by": creator.id, "registered_by": None, "created_at": stamp,
            "updated_at": stamp, "read": False, "readers": [], "attachments": [],
            "assignments": [], "comments": [],
            "history": [{"at": stamp, "actor_id": creator.id, "action": "create", "detail": ""}],
        }

    def build(self, target: str) -> Doc:
        if self.direction == Direction.INCOMING:
            _Incoming(self).run(target)
        else:
            _Outgoing(self).run(target)
        return self.doc

    def set_status(self, status: str, pending: list[str] | None = None) -> None:
        self.doc["status"] = str(status)
        if pending is not None:
            self.doc["pending_with"] = pending

    def secret(self) -> bool:
        return int(self.doc["secrecy"]) >= 1

    def register(self, direction: str) -> str:
        return register_id(direction, self.secret(), self.today().year)

    def maybe_extend(self, leader: SamplePerson, chance: float = 0.15) -> None:
        if self.rng.random() < chance and self.doc["status"] not in (
            Status.COMPLETED, Status.ISSUED, Status.RECALLED, Status.DISCARDED
        ):
            due_date = self.working_days_later(5, 25)
            self.log(leader, "extend", self.rng.choice(txt.EXTEND_REASONS))
            self.doc["due_date"] = due_date


class _Incoming:
    """received -> registered -> awaiting_assignment -> assigned -> in_progress -> completed."""

    def __init__(self, b: _DocBuilder) -> None:
        self.b = b
        w = b.w
        self.clerk = b.pick(w.clerks, "vanthu") if b.rng.random() < 0.8 else b.rng.choice(w.clerks)
        self.leader = b.pick(w.top_leaders, "lanhdao")

    def run(self, target: str) -> None:
        b = self.b
        self.create()
        if target == Status.RECEIVED:
            if b.rng.random() < 0.2:
                b.log(self.clerk, "patch")
            return
        if target == Status.DISCARDED:
            b.log(self.clerk, "reject", b.rng.choice(txt.REJECT_REASONS))
            b.set_status(Status.DISCARDED)
            return
        self.register()
        if target == Status.REGISTERED:
            return
        self.submit()
        if target == Status.AWAITING_ASSIGNMENT:
            self.maybe_opinion()
            return
        if target == Status.RETURNED and b.rng.random() < 0.5:
            self.give_back(self.leader)
            return
        self.assign()
        if target == Status.ASSIGNED:
            b.maybe_extend(self.leader)
            return
        worker = self.worker()
        if target == Status.RETURNED:
            self.give_back(worker)
            return
        b.log(worker, "start")
        b.set_status(Status.IN_PROGRESS)
        for assignment in b.doc["assignments"]:
            if assignment["role"] == "lead" and workflow.is_lead(
                {"assignments": [assignment]}, worker.user
            ):
                assignment["status"] = "in_progress"
        if target == Status.IN_PROGRESS:
            if b.rng.random() < 0.3:
                b.comment(worker, "note", b.rng.choice(txt.NOTES))
            b.maybe_extend(self.leader)
            return
        b.log(worker, "complete", b.rng.choice(txt.COMPLETE_NOTES))
        b.set_status(Status.COMPLETED, [])
        for assignment in b.doc["assignments"]:
            assignment["status"] = "done"

    def create(self) -> None:
        b, rng = self.b, self.b.rng
        type_code = b.type_code()
        code, org, place, signers = rng.choice(b.w.outside)
        doc = b.doc = b.base(type_code, self.clerk)
        issued = dt.date.fromisoformat(
            b.w.working_days_after(b.today() - dt.timedelta(days=10), rng.randint(1, 6)))
        competence, position = rng.choice(signers)
        notation = notation_for(type_code, code, rng.choice(txt.OUTSIDE_UNIT_CODES))
        doc.update({
            "status": Status.RECEIVED.value, "issuer": org, "place": place,
            "code_number": rng.randint(1, 3000), "code_notation": notation,
            "issued_date": min(issued, b.today()).isoformat(),
            "arrival_date": b.today().isoformat(), "recipients": [dict(b.w.own_org)],
            "signer": {"competence": competence, "position": position,
                       "full_name": person_name(rng, 0.6), "user_id": None},
        })
        if rng.random() < 0.4 or doc["urgency"] >= 2:
            doc["due_date"] = b.working_days_later(1, 3) if doc["urgency"] >= 2 else (
                b.working_days_later(5, 20))
        stem = f"{doc['code_number']:02d}-{notation}"
        b.w.recent_incoming.append((org, {
            "org_id": org["org_id"], "code": format_code(doc["code_number"], notation),
            "issued_date": doc["issued_date"],
        }))
        b.attach("main", f"{stem}.pdf", self.clerk)
        if rng.random() < 0.3:
            b.attach("appendix", "Phụ lục kèm theo.pdf", self.clerk)

    def register(self) -> None:
        b = self.b
        clerk = self.clerk if b.rng.random() < 0.9 else b.rng.choice(b.w.clerks)
        register = b.register(Direction.INCOMING.value)
        b.log(clerk, "register", register)
        b.doc.update({"register_id": register, "registered_by": clerk.id,
                      "arrival_number": b.w.next_number(register)})
        b.set_status(Status.REGISTERED, [clerk.id])
        self.clerk = clerk

    def submit(self) -> None:
        b = self.b
        first = self.leader
        if b.rng.random() < 0.3:
            first = b.rng.choice([p for p in b.w.top_leaders if p.unit == "VP"])
        b.log(self.clerk, "submit", first.id)
        b.set_status(Status.AWAITING_ASSIGNMENT, [first.id])
        if first is not self.leader:
            b.log(first, "forward", b.rng.choice(txt.FORWARD_NOTES))
            b.set_status(Status.AWAITING_ASSIGNMENT, [self.leader.id])

    def maybe_opinion(self) -> None:
        b = self.b
        if b.rng.random() < 0.3:
            b.comment(self.leader, "directive", b.fill(b.rng.choice(txt.DIRECTIVES)))

    def give_back(self, actor: SamplePerson) -> None:
        b = self.b
        b.log(actor, "return", b.rng.choice(txt.RETURN_REASONS))
        b.doc["assignments"] = []
        b.set_status(Status.RETURNED, [b.doc["registered_by"]])

    def assign(self) -> None:
        b, rng, w = self.b, self.b.rng, self.b.w
        lead_unit = "KT" if b.focus else rng.choice(txt.DRAFTING_UNITS[1:])
        due = b.working_days_later(1, 3) if b.doc["urgency"] >= 2 else b.working_days_later(5, 15)
        if rng.random() < 0.5:
            lead = ("user", b.pick(w.officers_by_unit[lead_unit], "chuyenvien").id)
        else:
            lead = ("unit", w.unit_ids[lead_unit])
        others = [u for u in txt.DRAFTING_UNITS[1:] if u != lead_unit]
        items: list[tuple[tuple[str, str], str, str | None]] = [(lead, "lead", due)]
        for code in rng.sample(others, rng.randint(0, 2)):
            items.append((("unit", w.unit_ids[code]), "support", due))
        if rng.random() < 0.3:
            items.append((("unit", w.unit_ids["VP"]), "info", None))
        directive = b.fill(rng.choice(txt.DIRECTIVES), lead_unit)
        b.log(self.leader, "assign", directive)
        doc = b.doc
        doc["assignments"] = [
            {"id": b.uid(), "assignee_type": kind, "assignee_id": target, "role": role,
             "status": "pending", "due_date": item_due, "assigned_by": self.leader.id,
             "note": directive}
            for (kind, target), role, item_due in items
        ]
        doc["due_date"] = due
        doc["comments"].append({
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{doc['id']}/{doc['updated_at']}/directive")),
            "author_id": self.leader.id, "kind": "directive", "text": directive,
            "created_at": doc["updated_at"],
        })
        b.set_status(Status.ASSIGNED, workflow.lead_users(doc, w.directory))

    def worker(self) -> SamplePerson:
        b = self.b
        pending = b.doc["pending_with"]
        mine = b.w.by_username["chuyenvien"].id
        chosen = mine if b.focus and mine in pending else b.rng.choice(pending)
        return b.w.by_id[chosen]


class _Outgoing:
    """draft -> in_review -> approved -> signed -> numbered -> issued (-> recalled)."""

    def __init__(self, b: _DocBuilder) -> None:
        self.b = b
        w, rng = b.w, b.rng
        if self.b.direction == Direction.INTERNAL and rng.random() < 0.1:
            self.creator = w.by_username["quantri"]
        else:
            unit = "KT" if b.focus else rng.choice(txt.DRAFTING_UNITS)
            self.creator = b.pick(w.officers_by_unit[unit], "chuyenvien")
        self.unit = self.creator.unit
        heads = w.leaders_by_unit[self.unit]
        lanhdao = w.by_username["lanhdao"]
        if b.direction == Direction.OUTGOING:
            self.signer = lanhdao if b.focus else rng.choice(
                [p for p in w.top_leaders if p.unit == "LĐ"])
            direct = b.focus and rng.random() < 0.5
            self.reviewer = self.signer if direct else rng.choice(heads)
        else:
            self.signer = rng.choice(heads)
            self.reviewer = self.signer
        self.clerk = b.pick(w.clerks, "vanthu")

    def run(self, target: str) -> None:
        b = self.b
        self.create()
        if target == Status.DRAFT:
            return
        if target == Status.DISCARDED:
            if b.rng.random() < 0.5:
                self.submit()
                self.give_back(self.reviewer)
            b.log(self.creator, "discard")
            b.set_status(Status.DISCARDED)
            return
        self.submit()
        if target == Status.IN_REVIEW:
            if b.rng.random() < 0.3 and self.reviewer.id != self.creator.id:
                b.comment(self.reviewer, "opinion", b.fill(b.rng.choice(txt.OPINIONS)))
            return
        if target == Status.RETURNED and b.rng.random() < 0.6:
            self.give_back(self.reviewer)
            return
        self.approve()
        if target == Status.RETURNED:
            self.give_back(self.signer)
            return
        if target == Status.APPROVED:
            self.maybe_check()
            return
        self.sign()
        if target == Status.SIGNED:
            return
        self.number()
        if target == Status.NUMBERED:
            return
        self.issue()
        if target == Status.RECALLED:
            self.recall()

    def create(self) -> None:
        b, rng = self.b, self.b.rng
        type_code = b.type_code()
        doc = b.doc = b.base(type_code, self.creator)
        doc.update({
            "status": Status.DRAFT.value, "unit_id": b.w.unit_ids[self.unit],
            "signer": self.signer.signer(),
        })
        if b.direction == Direction.OUTGOING:
            picks = rng.sample(b.w.outside, rng.randint(1, 4))
            doc["recipients"] = [org for _code, org, _place, _signers in picks]
            if rng.random() < 0.2 and b.w.recent_incoming:
                # a reply (edXML ResponseFor) to an incoming document seen a little earlier
                sender, reply_to = rng.choice(b.w.recent_incoming)
                doc["in_reply_to"] = dict(reply_to)
                if sender not in doc["recipients"]:
                    doc["recipients"].insert(0, dict(sender))
        else:
            doc["recipients"] = [dict(b.w.own_org)]
        if rng.random() < 0.3:
            doc["due_date"] = b.working_days_later(3, 20)
        name = _type_name(type_code)
        subject = doc["subject"]
        b.attach("main", _file_name(f"{name} {subject[:1].lower()}{subject[1:]}"), self.creator)
        if rng.random() < 0.3:
            b.attach("appendix", "Phụ lục số liệu.pdf", self.creator)
        if rng.random() < 0.2:
            b.attach("draft", "Dự thảo lần 1.pdf", self.creator)
        if rng.random() < 0.25:
            b.log(self.creator, "patch")

    def submit(self) -> None:
        b = self.b
        b.log(self.creator, "submit", self.reviewer.id)
        b.set_status(Status.IN_REVIEW, [self.reviewer.id])

    def give_back(self, actor: SamplePerson) -> None:
        b = self.b
        b.log(actor, "return", b.rng.choice(txt.RETURN_REASONS))
        b.doc["assignments"] = []
        b.set_status(Status.RETURNED, [b.doc["created_by"]])
        if b.rng.random() < 0.3:
            b.log(self.creator, "patch")

    def approve(self) -> None:
        b = self.b
        b.log(self.reviewer, "approve", b.rng.choice(txt.APPROVE_NOTES))
        b.set_status(Status.APPROVED, [self.reviewer.id])
        if self.reviewer.id != self.signer.id:
            b.log(self.reviewer, "forward", txt.FORWARD_NOTES[0])
            b.set_status(Status.APPROVED, [self.signer.id])

    def maybe_check(self) -> None:
        """Now and then the signer asks someone to check the form or the file first."""
        b = self.b
        if b.rng.random() < 0.4:
            checker = b.w.next_checker()
            b.log(self.signer, "forward", b.rng.choice(txt.CHECK_NOTES))
            b.set_status(Status.APPROVED, [checker.id])

    def sign(self) -> None:
        b = self.b
        if not b.secret():
            main = b.doc["attachments"][0]["file_name"][:-4]
            b.advance(6 * 60)
            b.attach("signed", f"{main} (đã ký).pdf", self.signer)
        b.log(self.signer, "sign")
        b.set_status(Status.SIGNED, [])

    def number(self) -> None:
        b = self.b
        register = b.register(Direction.OUTGOING.value)
        b.log(self.clerk, "number", register)
        doc = b.doc
        doc.update({
            "register_id": register, "code_number": b.w.next_number(register),
            "issued_date": b.today().isoformat(), "issuer": dict(b.w.own_org),
            "code_notation": notation_for(doc["type_code"], b.w.organization["code"], self.unit),
        })
        b.set_status(Status.NUMBERED, [self.clerk.id])

    def issue(self) -> None:
        b = self.b
        if not b.secret():
            b.advance(4 * 60)
            doc = b.doc
            name = f"{doc['code_number']:02d}-{doc['code_notation']}.pdf"
            b.attach("final", name, self.clerk)
        b.log(self.clerk, "issue")
        b.set_status(Status.ISSUED, [])

    def recall(self) -> None:
        b = self.b
        actors = list(b.w.leaders_by_unit[self.unit])
        if self.unit == "VP":
            actors += b.w.clerks
        b.log(b.rng.choice(actors), "recall", b.rng.choice(txt.RECALL_REASONS))
        b.set_status(Status.RECALLED)


def _type_name(type_code: str) -> str:
    return next(t.name for t in DOCUMENT_TYPES if t.code == type_code)


@lru_cache(maxsize=8192)
def _file_name(title: str, limit: int = 80) -> str:
    """A file name from a title: no characters Windows refuses, at most ``limit`` characters."""
    clean = "".join(" " if ch in '<>:"/\\|?*' else ch for ch in title)
    clean = " ".join(clean.split())[:limit].rstrip(" .,")
    return f"{clean}.pdf"


def person_name(rng: random.Random, male_share: float) -> str:
    """A Vietnamese full name: family, middle and given name."""
    middle: tuple[str, ...]
    given: tuple[str, ...]
    if rng.random() < male_share:
        middle, given = txt.MIDDLE_MALE, txt.GIVEN_MALE
    else:
        middle, given = txt.MIDDLE_FEMALE, txt.GIVEN_FEMALE
    return f"{rng.choice(txt.FAMILY)} {rng.choice(middle)} {rng.choice(given)}"
