"""The sample organisation's people, units and catalog (a Lạng Sơn provincial People's Committee).

Users, units and the catalog do not depend on the seed; their ids are stable (UUID v5),
register ids too.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eoffice_client.core.domain.enums import Direction, Role
from eoffice_client.core.domain.folding import fold
from eoffice_client.sandbox import sample_text as txt

_NAMESPACE = uuid.UUID("6f0c7a52-3d1e-4c55-9a53-1a2b7c9d0e11")


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


def build_staff(unit_ids: dict[str, str]) -> list[SamplePerson]:
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


def sample_units() -> list[dict[str, Any]]:
    return [
        {"id": stable_id("unit", code), "name": name, "code": code,
         "parent_id": stable_id("unit", parent) if parent else None, "active": active}
        for code, name, parent, active in txt.UNITS
    ]


def sample_organizations() -> list[dict[str, Any]]:
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


def sample_registers(today: dt.date) -> list[dict[str, Any]]:
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


def person_name(rng: random.Random, male_share: float) -> str:
    """A Vietnamese full name: family, middle and given name."""
    middle: tuple[str, ...]
    given: tuple[str, ...]
    if rng.random() < male_share:
        middle, given = txt.MIDDLE_MALE, txt.GIVEN_MALE
    else:
        middle, given = txt.MIDDLE_FEMALE, txt.GIVEN_FEMALE
    return f"{rng.choice(txt.FAMILY)} {rng.choice(middle)} {rng.choice(given)}"
