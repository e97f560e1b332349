"""``report --from DATE --to DATE [--unit ID] --format xlsx|docx --out FILE`` (cli-v1.md).

The processing report (báo cáo tình hình xử lý văn bản) of the incoming documents of the
period from the cache: received, assigned, completed on time or late, open, overdue, by
unit and by person; of one unit with ``--unit``. Exit 9 for a bad date, period, format,
unit or output file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.options import add_period, period
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="write the processing report")
    add_period(parser)
    parser.add_argument("--unit", dest="unit_id", metavar="ID")
    parser.add_argument("--format", dest="fmt", required=True, metavar="xlsx|docx")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    date_from, date_to = period(args)
    with ctx.app() as app:
        result = app.reports.export_report(date_from, date_to, args.fmt, Path(args.out),
                                           unit_id=args.unit_id)
    figures = result.report.figures
    print(tr("cli_documents.report_written", path=result.path, received=figures.received,
             on_time=figures.completed_on_time, late=figures.completed_late,
             open=figures.open, overdue=figures.overdue_now))
    return int(ExitCode.OK)
