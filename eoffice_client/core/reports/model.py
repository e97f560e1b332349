"""Typed inputs of the registers and the report: who is who, which registers, which period.

A :class:`ReportNames` is built either from the contract's objects (users, units, the
catalog, the organisation: :meth:`ReportNames.from_objects`) or from the local cache
(:func:`eoffice_client.core.reports.source.load_directory`), so the registers can be fed
from anything that yields contract Documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from eoffice_client.core.domain.deadlines import WorkCalendar
from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.enums import AssigneeType
from eoffice_client.core.errors import InvalidInputError


class RegisterKind(StrEnum):
    INCOMING = "incoming"  # sổ đăng ký văn bản đến
    OUTGOING = "outgoing"  # sổ đăng ký văn bản đi
    TRACKING = "tracking"  # sổ theo dõi giải quyết văn bản đến


class OutputFormat(StrEnum):
    XLSX = "xlsx"
    DOCX = "docx"


@dataclass(frozen=True)
class ReportPerson:
    id: str
    full_name: str
    unit_id: str | None = None
    roles: tuple[str, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class RegisterInfo:
    id: str
    name: str
    direction: str
    year: int | None = None
    secret: bool = False


@dataclass(frozen=True)
class Period:
    """A closed range of dates (both ends included)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInputError("reports.bad_period", start=self.start.isoformat(),
                                    end=self.end.isoformat())

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class ReportNames:
    """Names for the ids documents carry, and the working calendar."""

    organisation_name: str = ""
    viewer_name: str = ""
    users: Mapping[str, ReportPerson] = field(default_factory=dict)
    units: Mapping[str, UnitInfo] = field(default_factory=dict)
    registers: Mapping[str, RegisterInfo] = field(default_factory=dict)
    document_types: Mapping[str, str] = field(default_factory=dict)  # code -> name
    calendar: WorkCalendar = field(default_factory=WorkCalendar)

    @classmethod
    def from_objects(cls, *, users: Iterable[Mapping[str, Any]] = (),
                     units: Iterable[Mapping[str, Any]] = (),
                     catalog: Mapping[str, Any] | None = None,
                     organisation_name: str = "", viewer_name: str = "") -> ReportNames:
        """From the contract's User and Unit objects and the catalog object."""
        catalog = catalog or {}
        types = {t.code: t.name for t in DOCUMENT_TYPES}
        types.update({str(t["code"]): str(t.get("name") or t["code"])
                      for t in catalog.get("document_types") or []})
        return cls(
            organisation_name=organisation_name, viewer_name=viewer_name,
            users={str(u["id"]): person_of(u) for u in users},
            units={str(u["id"]): UnitInfo(str(u["id"]), str(u.get("name") or ""),
                                          u.get("parent_id")) for u in units},
            registers={str(r["id"]): RegisterInfo(
                str(r["id"]), str(r.get("name") or ""), str(r.get("direction") or ""),
                r.get("year"), bool(r.get("secret"))) for r in catalog.get("registers") or []},
            document_types=types,
            calendar=WorkCalendar.from_catalog(catalog.get("calendar")),
        )

    def user_name(self, user_id: str | None) -> str:
        person = self.users.get(user_id or "")
        return person.full_name if person else (user_id or "")

    def unit_name(self, unit_id: str | None) -> str:
        unit = self.units.get(unit_id or "")
        return unit.name if unit else (unit_id or "")

    def type_name(self, code: str | None) -> str:
        return self.document_types.get(code or "", code or "")

    def assignee_name(self, assignee_type: str | None, assignee_id: str | None) -> str:
        if assignee_type == AssigneeType.UNIT:
            return self.unit_name(assignee_id)
        return self.user_name(assignee_id)

    def unit_of(self, assignee_type: str | None, assignee_id: str | None) -> str | None:
        """The unit an assignee stands for: the unit itself, or a user's unit."""
        if assignee_type == AssigneeType.UNIT:
            return assignee_id
        person = self.users.get(assignee_id or "")
        return person.unit_id if person else None

    def is_leader(self, user_id: str) -> bool:
        person = self.users.get(user_id)
        return person is not None and "leader" in person.roles

    def unit_and_below(self, unit_id: str) -> frozenset[str]:
        """``unit_id`` and every unit under it."""
        found = {unit_id}
        grew = True
        while grew:
            grew = False
            for unit in self.units.values():
                if unit.parent_id in found and unit.id not in found:
                    found.add(unit.id)
                    grew = True
        return frozenset(found)


def person_of(user: Mapping[str, Any]) -> ReportPerson:
    return ReportPerson(str(user["id"]), str(user.get("full_name") or user.get("username") or ""),
                  user.get("unit_id"), tuple(user.get("roles") or ()),
                  bool(user.get("active", True)))
