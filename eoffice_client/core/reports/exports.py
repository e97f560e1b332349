"""Registers and the processing report from the local cache, written as .xlsx or .docx.

The functions the application API calls (the CLI's ``export-register`` and ``report``,
the window's export and print):

    with store.read() as conn:
        result = export_register(conn, kind=RegisterKind.INCOMING, period=Period(a, b),
                                 out=Path("so-den.xlsx"), fmt=OutputFormat.XLSX)
        result = export_report(conn, period=Period(a, b), out=Path("bao-cao.docx"),
                               fmt=OutputFormat.DOCX, unit_id=None)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.messages import tr
from eoffice_client.core.reports.docx_out import write_docx
from eoffice_client.core.reports.layout import Column, Layout, Row, Section, Table, vn_date
from eoffice_client.core.reports.model import OutputFormat, Period, RegisterKind, ReportNames
from eoffice_client.core.reports.processing import (
    HandlerFigures,
    ProcessingReport,
    compute_report,
)
from eoffice_client.core.reports.registers import build_register
from eoffice_client.core.reports.source import (
    check_register,
    incoming_documents,
    load_directory,
    register_documents,
    replies_for,
)
from eoffice_client.core.reports.xlsx import write_xlsx
from eoffice_client.core.store.queries import today_for


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    kind: RegisterKind
    format: OutputFormat
    rows: int


@dataclass(frozen=True)
class ReportExport:
    path: Path
    format: OutputFormat
    report: ProcessingReport


def parse_format(value: str) -> OutputFormat:
    try:
        return OutputFormat(value.lower())
    except ValueError:
        raise InvalidInputError("reports.bad_format", value=value) from None


def write_layout(layout: Layout, out: Path, fmt: OutputFormat) -> None:
    """Writes ``layout``; a file that cannot be written is a clear error (exit 9), and
    nothing half-written is left at ``out``."""
    try:
        if fmt == OutputFormat.XLSX:
            write_xlsx(layout, out)
        else:
            write_docx(layout, out)
    except OSError as exc:
        raise InvalidInputError("reports.cannot_write", path=str(out),
                                detail=exc.strerror or str(exc)) from exc


def export_register(conn: Connection, *, kind: RegisterKind, period: Period, out: Path,
                    fmt: OutputFormat, register_id: str | None = None,
                    today: dt.date | None = None, lang: str = "vi") -> RegisterExport:
    """Writes the register ``kind`` of the cached documents (see registers.py)."""
    directory = load_directory(conn)
    check_register(directory, kind, register_id)
    replies = replies_for(conn, period, register_id) if kind == RegisterKind.TRACKING else None
    layout = build_register(kind, register_documents(conn, kind, period, register_id),
                            directory, period, register_id=register_id, replies=replies,
                            today=today or today_for(conn), lang=lang)
    write_layout(layout, out, fmt)
    return RegisterExport(out, kind, fmt, len(layout.sections[0].table.rows))


def export_report(conn: Connection, *, period: Period, out: Path, fmt: OutputFormat,
                  unit_id: str | None = None, today: dt.date | None = None,
                  lang: str = "vi") -> ReportExport:
    """Writes the processing report (see processing.py) of the cached documents."""
    directory = load_directory(conn)
    if unit_id is not None and unit_id not in directory.units:
        raise InvalidInputError("reports.unknown_unit", id=unit_id)
    report = compute_report(incoming_documents(conn, period), directory, period,
                            today=today or today_for(conn), unit_id=unit_id)
    write_layout(report_layout(report, directory, lang), out, fmt)
    return ReportExport(out, fmt, report)


# --- the report's layout ---------------------------------------------------------------------
def report_layout(report: ProcessingReport, directory: ReportNames, lang: str = "vi") -> Layout:
    lines = (
        tr("reports.period", lang, start=vn_date(report.period.start),
           end=vn_date(report.period.end)),
        tr("reports.scope_unit", lang, unit=report.unit_name) if report.unit_id
        else tr("reports.scope_all", lang),
        tr("reports.covers", lang, user=report.viewer_name or "?", count=report.covered),
        tr("reports.as_of", lang, date=vn_date(report.today)),
    )
    title = tr("reports.title.processing", lang)
    org = directory.organisation_name
    return Layout((
        Section(tr("reports.sheet.summary", lang), title, _summary_table(report, lang),
                organisation=org, lines=lines),
        Section(tr("reports.sheet.by_unit", lang), title,
                _handler_table(report.by_unit, lang, people=False), organisation=org,
                lines=lines),
        Section(tr("reports.sheet.by_person", lang), title,
                _handler_table(report.by_person, lang, people=True), organisation=org,
                lines=lines),
    ), document_title=title)


def _days(value: float | None) -> float | str:
    return "—" if value is None else round(value, 1)


def _summary_table(report: ProcessingReport, lang: str) -> Table:
    f = report.figures
    items: list[tuple[str, float | int | str]] = [
        ("received", f.received), ("registered", f.registered), ("assigned", f.assigned),
        ("completed_on_time", f.completed_on_time), ("completed_late", f.completed_late),
        ("open", f.open), ("overdue_now", f.overdue_now), ("discarded", f.discarded),
        ("median_to_assignment", _days(f.median_days_to_assignment)),
        ("median_to_completion", _days(f.median_days_to_completion)),
    ]
    rows: list[Row] = [(n, tr(f"reports.figure.{key}", lang), value)
                       for n, (key, value) in enumerate(items, start=1)]
    columns = (Column(tr("reports.col.no", lang), 6, True),
               Column(tr("reports.col.figure", lang), 60),
               Column(tr("reports.col.value", lang), 16, True))
    return Table(columns, rows)


def _handler_table(rows_in: tuple[HandlerFigures, ...], lang: str, *, people: bool) -> Table:
    columns = [Column(tr("reports.col.no", lang), 6, True),
               Column(tr("reports.col.person" if people else "reports.col.unit", lang), 30)]
    if people:
        columns.append(Column(tr("reports.col.unit", lang), 24))
    columns += [Column(tr(f"reports.col.{key}", lang), 13, True) for key in (
        "lead_assigned", "done_on_time", "done_late", "still_open", "overdue_now",
        "median_days")]
    rows: list[Row] = []
    for n, item in enumerate(rows_in, start=1):
        head: tuple[int | str, ...] = (n, item.name, item.unit_name) if people else (n, item.name)
        rows.append((*head, item.assigned, item.completed_on_time, item.completed_late,
                     item.open, item.overdue_now, _days(item.median_days_to_completion)))
    return Table(tuple(columns), rows)
