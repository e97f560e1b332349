"""Decree-30 registers, the processing report and the dashboard's figures (no Qt).

Public API: :func:`export_register`, :func:`export_report` (read the cache, write .xlsx or
.docx; :class:`ClientError` exit 9 on a bad register, unit, period or output path);
:func:`build_register`, :func:`compute_report`, :func:`report_layout`,
:func:`write_layout` for other sources; :func:`read_dashboard` for the window's cards and
charts; the typed inputs :class:`Directory`, :class:`Period`, :class:`RegisterKind`,
:class:`OutputFormat`.
"""

from eoffice_client.core.reports.dashboard import (
    AGE_BUCKETS,
    AgeBucket,
    Dashboard,
    UnitCount,
    WeekCount,
    bucket_label,
    read_dashboard,
    unit_label,
)
from eoffice_client.core.reports.exports import (
    RegisterExport,
    ReportExport,
    export_register,
    export_report,
    parse_format,
    report_layout,
    write_layout,
)
from eoffice_client.core.reports.model import (
    Directory,
    OutputFormat,
    Period,
    Person,
    RegisterInfo,
    RegisterKind,
    UnitInfo,
)
from eoffice_client.core.reports.processing import (
    Figures,
    HandlerFigures,
    ProcessingReport,
    compute_report,
)
from eoffice_client.core.reports.registers import Replies, build_register
from eoffice_client.core.reports.source import load_directory

__all__ = [
    "AGE_BUCKETS", "AgeBucket", "Dashboard", "Directory", "Figures", "HandlerFigures",
    "OutputFormat", "Period", "Person", "ProcessingReport", "RegisterExport", "RegisterInfo",
    "RegisterKind", "Replies", "ReportExport", "UnitCount", "UnitInfo", "WeekCount",
    "bucket_label", "build_register", "compute_report", "export_register",
    "export_report", "load_directory", "parse_format", "read_dashboard", "report_layout",
    "unit_label",
    "write_layout",
]
