"""Báo cáo tình hình xử lý văn bản đến: what came in during a period and how it was handled.

Which documents: the incoming documents in this user's cache whose document date (ngày
đến once registered, else the day they were received) is in the period; for one unit,
only those whose lead (chủ trì) assignment names that unit, a unit below it, or a member
of those units. The report says so ("theo dữ liệu trên máy của <user>, <n> văn bản").

Figures, for those documents:
* received: all of them; registered: those given a số đến;
  assigned: those with an assignment (or an ``assign`` in their history);
* completed on time / late: status ``completed`` on or before / after ``due_date`` (the
  day of the last ``complete`` history entry; no due date counts as on time);
* open: neither completed nor discarded; discarded: rejected (``reject``, status 02);
  received = on time + late + open + discarded;
* overdue now: open and today (Vietnam) after ``due_date`` (contract section 1);
* median days from arrival (ngày đến, else the day received) to the first ``assign`` and
  to completion, in calendar days.
By unit and by person: per lead assignment (to a unit, or to a person and so to their
unit), judged by the assignment's own ``due_date`` (else the document's) and status:
done on time / late, open (not done), overdue now (not done, today after its due date).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from eoffice_client.core.domain.enums import AssigneeType, AssignmentStatus, Status
from eoffice_client.core.reports.layout import parse_day
from eoffice_client.core.reports.model import Period, ReportNames
from eoffice_client.core.reports.registers import history_at

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class Figures:
    received: int = 0
    registered: int = 0
    assigned: int = 0
    completed_on_time: int = 0
    completed_late: int = 0
    open: int = 0
    discarded: int = 0
    overdue_now: int = 0
    median_days_to_assignment: float | None = None
    median_days_to_completion: float | None = None


@dataclass(frozen=True)
class HandlerFigures:
    """One unit's or one person's lead assignments."""

    id: str
    name: str
    unit_name: str = ""
    assigned: int = 0
    completed_on_time: int = 0
    completed_late: int = 0
    open: int = 0
    overdue_now: int = 0
    median_days_to_completion: float | None = None


@dataclass(frozen=True)
class ProcessingReport:
    period: Period
    today: dt.date
    viewer_name: str
    covered: int  # documents the report is about
    figures: Figures
    by_unit: tuple[HandlerFigures, ...]
    by_person: tuple[HandlerFigures, ...]
    unit_id: str | None = None
    unit_name: str = ""


@dataclass
class _Tally:
    assigned: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list)


def arrival_day(doc: Doc) -> dt.date | None:
    """Ngày đến, else the day the document was received (created)."""
    return parse_day(doc.get("arrival_date")) or parse_day(history_at_first(doc, "create")) \
        or parse_day(doc.get("created_at"))


def completion_day(doc: Doc) -> dt.date | None:
    if doc.get("status") != Status.COMPLETED:
        return None
    return parse_day(history_at(doc, "complete")) or parse_day(doc.get("updated_at"))


def history_at_first(doc: Doc, action: str) -> str | None:
    for entry in doc.get("history") or []:
        if entry.get("action") == action:
            return entry.get("at")
    return None


def lead_assignments(doc: Doc) -> list[Mapping[str, Any]]:
    return [a for a in doc.get("assignments") or [] if a.get("role") == "lead"]


def compute_report(docs: Iterable[Doc], directory: ReportNames, period: Period, *,
                   today: dt.date, unit_id: str | None = None) -> ProcessingReport:
    """The report over the incoming ``docs`` whose arrival day is in ``period``."""
    scope = directory.unit_and_below(unit_id) if unit_id else None
    counts = dict.fromkeys(("received", "registered", "assigned", "on_time", "late", "open",
                            "discarded", "overdue"), 0)
    to_assignment: list[int] = []
    to_completion: list[int] = []
    units: dict[str, _Tally] = {}
    people: dict[str, _Tally] = {}
    for doc in docs:
        arrived = arrival_day(doc)
        if doc.get("direction") != "incoming" or not period.holds(arrived):
            continue
        if scope is not None and not _in_scope(doc, directory, scope):
            continue
        assert arrived is not None
        _count_document(doc, arrived, today, counts, to_assignment, to_completion)
        _count_handlers(doc, arrived, today, directory, scope, units, people)
    figures = Figures(
        received=counts["received"], registered=counts["registered"],
        assigned=counts["assigned"], completed_on_time=counts["on_time"],
        completed_late=counts["late"], open=counts["open"], discarded=counts["discarded"],
        overdue_now=counts["overdue"], median_days_to_assignment=_median(to_assignment),
        median_days_to_completion=_median(to_completion))
    return ProcessingReport(
        period=period, today=today, viewer_name=directory.viewer_name,
        covered=counts["received"], figures=figures,
        by_unit=_rows(units, directory, units=True), by_person=_rows(people, directory),
        unit_id=unit_id, unit_name=directory.unit_name(unit_id) if unit_id else "")


def _in_scope(doc: Doc, directory: ReportNames, scope: frozenset[str]) -> bool:
    return any(directory.unit_of(a.get("assignee_type"), a.get("assignee_id")) in scope
               for a in lead_assignments(doc))


def _count_document(doc: Doc, arrived: dt.date, today: dt.date, counts: dict[str, int],
                    to_assignment: list[int], to_completion: list[int]) -> None:
    status = str(doc.get("status") or "")
    due = parse_day(doc.get("due_date"))
    counts["received"] += 1
    counts["registered"] += doc.get("arrival_number") is not None
    first_assign = parse_day(history_at_first(doc, "assign"))
    if doc.get("assignments") or first_assign is not None:
        counts["assigned"] += 1
    if first_assign is not None:
        to_assignment.append((first_assign - arrived).days)
    done = completion_day(doc)
    if status == Status.COMPLETED:
        late = due is not None and done is not None and done > due
        counts["late" if late else "on_time"] += 1
        if done is not None:
            to_completion.append((done - arrived).days)
    elif status == Status.DISCARDED:
        counts["discarded"] += 1
    else:
        counts["open"] += 1
        counts["overdue"] += due is not None and today > due


def _count_handlers(doc: Doc, arrived: dt.date, today: dt.date, directory: ReportNames,
                    scope: frozenset[str] | None, units: dict[str, _Tally],
                    people: dict[str, _Tally]) -> None:
    done = completion_day(doc)
    seen_units: set[str] = set()
    for item in lead_assignments(doc):
        kind, target = item.get("assignee_type"), str(item.get("assignee_id") or "")
        unit = directory.unit_of(kind, target)
        if scope is not None and unit not in scope:
            continue
        due = parse_day(item.get("due_date")) or parse_day(doc.get("due_date"))
        tallies = []
        if unit and unit not in seen_units:
            seen_units.add(unit)
            tallies.append(units.setdefault(unit, _Tally()))
        if kind == AssigneeType.USER:
            tallies.append(people.setdefault(target, _Tally()))
        for tally in tallies:
            _tally(tally, item, doc, done, due, arrived, today)


def _tally(tally: _Tally, item: Mapping[str, Any], doc: Doc, done: dt.date | None,
           due: dt.date | None, arrived: dt.date, today: dt.date) -> None:
    tally.assigned += 1
    if item.get("status") == AssignmentStatus.DONE and doc.get("status") == Status.COMPLETED:
        late = due is not None and done is not None and done > due
        if late:
            tally.late += 1
        else:
            tally.on_time += 1
        if done is not None:
            tally.days.append((done - arrived).days)
    elif item.get("status") != AssignmentStatus.DONE and doc.get("status") != Status.DISCARDED:
        tally.open += 1
        tally.overdue += due is not None and today > due


def _rows(tallies: dict[str, _Tally], directory: ReportNames, *, units: bool = False
          ) -> tuple[HandlerFigures, ...]:
    rows = []
    for key, tally in tallies.items():
        if units:
            name, unit_name = directory.unit_name(key), ""
        else:
            person = directory.users.get(key)
            name = directory.user_name(key)
            unit_name = directory.unit_name(person.unit_id) if person else ""
        rows.append(HandlerFigures(
            id=key, name=name, unit_name=unit_name, assigned=tally.assigned,
            completed_on_time=tally.on_time, completed_late=tally.late, open=tally.open,
            overdue_now=tally.overdue, median_days_to_completion=_median(tally.days)))
    rows.sort(key=lambda r: (-r.overdue_now, -r.assigned, r.name))
    return tuple(rows)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None
