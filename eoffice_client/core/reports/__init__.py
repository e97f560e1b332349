"""Decree-30 registers, the processing report and the dashboard's figures (no Qt).

Public API: :func:`export_register`, :func:`export_report` (read the cache, write .xlsx or
.docx; :class:`ClientError` exit 9 on a bad register, unit, period or output path);
:func:`build_register`, :func:`compute_report`, :func:`report_layout`,
:func:`write_layout` for other sources; :func:`read_dashboard` for the window's cards and
charts; the typed inputs :class:`Directory`, :class:`Period`, :class:`RegisterKind`,
:class:`OutputFormat`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Each public name and its module: imported on first use, so reading the dashboard
#: does not load openpyxl and python-docx (the writers of the registers).
_MODULES = {
    "AGE_BUCKETS": "eoffice_client.core.reports.dashboard",
    "AgeBucket": "eoffice_client.core.reports.dashboard",
    "Dashboard": "eoffice_client.core.reports.dashboard",
    "Directory": "eoffice_client.core.reports.model",
    "Figures": "eoffice_client.core.reports.processing",
    "HandlerFigures": "eoffice_client.core.reports.processing",
    "OutputFormat": "eoffice_client.core.reports.model",
    "Period": "eoffice_client.core.reports.model",
    "Person": "eoffice_client.core.reports.model",
    "ProcessingReport": "eoffice_client.core.reports.processing",
    "RegisterExport": "eoffice_client.core.reports.exports",
    "RegisterInfo": "eoffice_client.core.reports.model",
    "RegisterKind": "eoffice_client.core.reports.model",
    "Replies": "eoffice_client.core.reports.registers",
    "ReportExport": "eoffice_client.core.reports.exports",
    "UnitCount": "eoffice_client.core.reports.dashboard",
    "UnitInfo": "eoffice_client.core.reports.model",
    "WeekCount": "eoffice_client.core.reports.dashboard",
    "bucket_label": "eoffice_client.core.reports.dashboard",
    "build_register": "eoffice_client.core.reports.registers",
    "compute_report": "eoffice_client.core.reports.processing",
    "export_register": "eoffice_client.core.reports.exports",
    "export_report": "eoffice_client.core.reports.exports",
    "load_directory": "eoffice_client.core.reports.source",
    "parse_format": "eoffice_client.core.reports.exports",
    "read_dashboard": "eoffice_client.core.reports.dashboard",
    "report_layout": "eoffice_client.core.reports.exports",
    "unit_label": "eoffice_client.core.reports.dashboard",
    "write_layout": "eoffice_client.core.reports.exports",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

__all__ = [
    "AGE_BUCKETS", "AgeBucket", "Dashboard", "Directory", "Figures", "HandlerFigures",
    "OutputFormat", "Period", "Person", "ProcessingReport", "RegisterExport", "RegisterInfo",
    "RegisterKind", "Replies", "ReportExport", "UnitCount", "UnitInfo", "WeekCount",
    "bucket_label", "build_register", "compute_report", "export_register",
    "export_report", "load_directory", "parse_format", "read_dashboard", "report_layout",
    "unit_label",
    "write_layout",
]
