"""What the export dialog asks the core to write, and the work done in the background.

The file is written under a temporary name next to the chosen one and moved into place
only when the export ends uncancelled: a cancelled export leaves nothing, and an earlier
file of that name stays as it was until the new one is complete.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from eoffice_client.ui.tasks import Cancelled

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.ui.tasks import Task

#: What can be exported: the three registers of cli-v1.md, and the processing report.
WHATS = ("incoming", "outgoing", "tracking", "report")
FORMATS = ("xlsx", "docx")
What = Literal["incoming", "outgoing", "tracking", "report"]


@dataclass(frozen=True)
class ExportRequest:
    what: What
    date_from: dt.date
    date_to: dt.date
    fmt: str  # xlsx | docx
    out: Path
    register_id: str | None = None  # registers only; None: every register of its kind
    unit_id: str | None = None  # the report only; None: the whole organisation


@dataclass(frozen=True)
class ExportDone:
    path: Path
    rows: int | None  # a register's rows; None for the report


def suggested_name(what: str, date_from: dt.date, date_to: dt.date, fmt: str) -> str:
    """``so-van-ban-den_2026-01-01_2026-12-03.xlsx``: plain ASCII, safe on every disk."""
    stem = {"incoming": "so-van-ban-den", "outgoing": "so-van-ban-di",
            "tracking": "so-theo-doi-giai-quyet", "report": "bao-cao-xu-ly-van-ban"}[what]
    return f"{stem}_{date_from.isoformat()}_{date_to.isoformat()}.{fmt}"


def write(app: App, request: ExportRequest) -> ExportDone:
    """Writes ``request.out`` directly (the caller chose a temporary place)."""
    if request.what == "report":
        app.reports.export_report(request.date_from, request.date_to, request.fmt,
                                  request.out, unit_id=request.unit_id)
        return ExportDone(request.out, None)
    result = app.reports.export_register(request.what, request.date_from, request.date_to,
                                         request.fmt, request.out,
                                         register_id=request.register_id)
    return ExportDone(request.out, result.rows)


def export(app: App, request: ExportRequest, task: Task) -> ExportDone:
    """The background work of "Export": written aside, moved into place unless cancelled."""
    target = request.out
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".eoffice-", suffix=f".{request.fmt}",
                                    dir=target.parent)
    os.close(handle)
    part = Path(name)
    try:
        done = write(app, replace(request, out=part))
        if task.cancelled():
            raise Cancelled()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return ExportDone(target, done.rows)


def printable(app: App, request: ExportRequest, folder: Path, task: Task) -> Path:
    """A PDF of what was exported, in ``folder``: the .docx itself when that was the
    format, else the same register or report written as .docx first (the .docx is laid
    out for A4 paper; a spreadsheet is not)."""
    docx = request.out if request.fmt == "docx" and request.out.is_file() else (
        write(app, replace(request, fmt="docx", out=folder / "in-an.docx")).path)
    if task.cancelled():
        raise Cancelled()
    return app.reports.docx_to_pdf(docx, folder / "in-an.pdf")
