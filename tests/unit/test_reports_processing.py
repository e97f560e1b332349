"""The processing report's figures against counts worked out by hand from a small sample."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eoffice_client.core.reports.exports import report_layout
from eoffice_client.core.reports.model import Period
from eoffice_client.core.reports.processing import Figures, compute_report
from tests.unit.reports_sample import (
    OFFICER,
    OFFICER2,
    TODAY,
    U_KT,
    U_KT_A,
    U_VP,
    directory,
    incoming,
    lead,
    outgoing,
)

MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def _at(day: str) -> str:
    return f"2026-{day}T09:00:00+07:00"


def history(*entries: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"at": _at(day), "actor_id": "x", "action": action, "detail": ""}
            for action, day in entries]


def sample() -> list[dict[str, Any]]:
    return [
        incoming("d1", arrival_date="2026-03-02", status="completed", due_date="2026-03-10",
                 assignments=[lead("user", OFFICER, "done", "2026-03-10")],
                 history=history(("create", "03-02"), ("assign", "03-03"),
                                 ("complete", "03-09"))),
        incoming("d2", arrival_number=2, arrival_date="2026-03-04", status="completed",
                 due_date="2026-03-12", assignments=[lead("unit", U_KT_A, "done", "2026-03-12")],
                 history=history(("create", "03-04"), ("assign", "03-04"),
                                 ("complete", "03-16"))),
        incoming("d3", arrival_number=3, arrival_date="2026-03-05", status="in_progress",
                 due_date="2026-03-15",
                 assignments=[lead("user", OFFICER2, "in_progress", "2026-03-15")],
                 history=history(("create", "03-05"), ("assign", "03-09"), ("start", "03-10"))),
        incoming("d4", arrival_number=4, arrival_date="2026-03-06",
                 status="awaiting_assignment", history=history(("create", "03-06"))),
        incoming("d5", arrival_number=None, arrival_date=None, status="received",
                 created_at=_at("03-07"), history=history(("create", "03-07"))),
        incoming("d6", arrival_number=None, arrival_date=None, status="discarded",
                 created_at=_at("03-08"), history=history(("create", "03-08"),
                                                          ("reject", "03-08"))),
        incoming("d7", arrival_number=9, arrival_date="2026-02-20", status="completed"),
        outgoing("d8", issued_date="2026-03-10"),
        incoming("d9", arrival_number=5, arrival_date="2026-03-10", status="completed",
                 due_date=None, assignments=[lead("unit", U_VP, "done"),
                                             lead("user", OFFICER, "done", role="support")],
                 history=history(("create", "03-10"), ("assign", "03-10"),
                                 ("complete", "03-11"))),
    ]


def test_whole_organisation_figures_match_the_hand_count() -> None:
    report = compute_report(sample(), directory(), MARCH, today=TODAY)
    assert report.figures == Figures(
        received=7, registered=5, assigned=4, completed_on_time=2, completed_late=1, open=3,
        discarded=1, overdue_now=1, median_days_to_assignment=0.5,
        median_days_to_completion=7.0)
    f = report.figures
    assert f.received == f.completed_on_time + f.completed_late + f.open + f.discarded
    assert report.covered == 7 and report.viewer_name == "Hoàng Thị Thu Hà"


def test_by_unit_and_by_person_match_the_hand_count() -> None:
    report = compute_report(sample(), directory(), MARCH, today=TODAY)
    units = {r.name: (r.assigned, r.completed_on_time, r.completed_late, r.open,
                      r.overdue_now, r.median_days_to_completion) for r in report.by_unit}
    assert units == {
        "Phòng Kinh tế": (1, 1, 0, 0, 0, 7.0),
        "Tổ Kinh tế A": (2, 0, 1, 1, 1, 12.0),
        "Văn phòng": (1, 1, 0, 0, 0, 1.0),
    }
    people = {r.name: (r.unit_name, r.assigned, r.completed_on_time, r.open, r.overdue_now,
                       r.median_days_to_completion) for r in report.by_person}
    assert people == {
        "Nguyễn Văn Đức": ("Phòng Kinh tế", 1, 1, 0, 0, 7.0),
        "Dương Diệu Mai": ("Tổ Kinh tế A", 1, 0, 1, 1, None),
    }
    assert report.by_unit[0].name == "Tổ Kinh tế A"  # the most overdue first


def test_one_unit_covers_its_own_and_its_sub_units_lead_assignments() -> None:
    report = compute_report(sample(), directory(), MARCH, today=TODAY, unit_id=U_KT)
    assert report.figures == Figures(
        received=3, registered=3, assigned=3, completed_on_time=1, completed_late=1, open=1,
        discarded=0, overdue_now=1, median_days_to_assignment=1.0,
        median_days_to_completion=9.5)
    assert {r.name for r in report.by_unit} == {"Phòng Kinh tế", "Tổ Kinh tế A"}
    assert report.unit_name == "Phòng Kinh tế"


@pytest.mark.parametrize("lang, covers", [
    ("vi", "Theo dữ liệu trên máy của Hoàng Thị Thu Hà, 7 văn bản"),
    ("en", "From the data on Hoàng Thị Thu Hà's computer, 7 documents"),
])
def test_layout_states_what_it_covers(lang: str, covers: str) -> None:
    report = compute_report(sample(), directory(), MARCH, today=TODAY)
    layout = report_layout(report, directory(), lang)
    summary = layout.sections[0]
    assert covers in summary.lines
    values = [row[2] for row in summary.table.rows]
    assert values == [7, 5, 4, 2, 1, 3, 1, 1, 0.5, 7.0]
    assert len(layout.sections) == 3
    assert [row[1] for row in layout.sections[2].table.rows] == [
        "Dương Diệu Mai", "Nguyễn Văn Đức"]
