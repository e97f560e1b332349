"""The Decree-30 registers, the processing report and the dashboard, from the cache.

The ``export-register`` and ``report`` commands and the window's export, print and
dashboard call these; everything is read locally (no network). The writers (openpyxl,
python-docx) are imported only when a file is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client.core.app.context import AppContext
from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.messages import current_language

if TYPE_CHECKING:
    from eoffice_client.core.reports.dashboard import Dashboard
    from eoffice_client.core.reports.exports import RegisterExport, ReportExport
    from eoffice_client.core.reports.model import Period, RegisterKind

#: The register kinds of cli-v1.md ``export-register --kind``.
REGISTER_KINDS = ("incoming", "outgoing", "tracking")
#: The formats of ``--format``.
FORMATS = ("xlsx", "docx")


class ReportsApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    def export_register(self, kind: str, date_from: dt.date, date_to: dt.date, fmt: str,
                        out: Path, register_id: str | None = None, lang: str | None = None
                        ) -> RegisterExport:
        """Writes the register ``kind`` (incoming, outgoing, tracking) of the period as
        .xlsx or .docx (9 for a bad kind, format, period, register or output path)."""
        from eoffice_client.core.reports.exports import export_register, parse_format

        chosen_kind, period, chosen = register_kind(kind), period_of(date_from, date_to), (
            parse_format(fmt))
        with self._context.store.read() as conn:
            result = export_register(conn, kind=chosen_kind, period=period, out=Path(out),
                                     fmt=chosen, register_id=register_id or None,
                                     lang=lang or current_language())
        self._context.audit.record("exported", detail={
            "what": "register", "kind": kind, "format": fmt, "register": register_id,
            "from": date_from.isoformat(), "to": date_to.isoformat()})
        return result

    def export_report(self, date_from: dt.date, date_to: dt.date, fmt: str, out: Path,
                      unit_id: str | None = None, lang: str | None = None) -> ReportExport:
        """Writes the processing report of the period, of one unit or the whole
        organisation (9 for a bad format, period, unit or output path)."""
        from eoffice_client.core.reports.exports import export_report, parse_format

        period, chosen = period_of(date_from, date_to), parse_format(fmt)
        with self._context.store.read() as conn:
            result = export_report(conn, period=period, out=Path(out), fmt=chosen,
                                   unit_id=unit_id or None, lang=lang or current_language())
        self._context.audit.record("exported", detail={
            "what": "report", "format": fmt, "unit": unit_id, "from": date_from.isoformat(),
            "to": date_to.isoformat()})
        return result

    def converter(self) -> str | None:
        """The program that turns an exported .docx into PDF for printing ("LibreOffice",
        "Microsoft Word"), None when neither is installed."""
        from eoffice_client.core.documents.convert import find_converter

        found = find_converter()
        return found.label if found is not None else None

    def docx_to_pdf(self, docx: Path, pdf: Path) -> Path:
        """``docx`` (an exported register or report) as ``pdf``, for printing (9 when no
        converter is installed or the conversion fails)."""
        from eoffice_client.core.documents.convert import convert_to_pdf

        return convert_to_pdf(Path(docx), Path(pdf)).pdf

    def dashboard(self, charts: bool = True) -> Dashboard:
        """The dashboard's cards (and its charts unless ``charts`` is False: cards only
        is the quick refresh after each sync)."""
        from eoffice_client.core.reports.dashboard import read_dashboard

        with self._context.store.read() as conn:
            return read_dashboard(conn, charts=charts)


def register_kind(value: str) -> RegisterKind:
    from eoffice_client.core.reports.model import RegisterKind

    try:
        return RegisterKind(value.lower())
    except ValueError:
        raise InvalidInputError("cli_documents.bad_register_kind", value=value,
                                choices=", ".join(REGISTER_KINDS)) from None


def period_of(date_from: dt.date, date_to: dt.date) -> Period:
    """Both ends included; 9 when ``date_from`` is after ``date_to``."""
    from eoffice_client.core.reports.model import Period

    return Period(date_from, date_to)
