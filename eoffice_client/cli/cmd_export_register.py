"""``export-register --kind incoming|outgoing|tracking [--register ID] --from DATE --to DATE
--format xlsx|docx --out FILE`` (cli-v1.md).

The Decree-30 registers from the cache: sổ đăng ký văn bản đến (incoming), đi (outgoing),
sổ theo dõi giải quyết văn bản đến (tracking); both dates included. Exit 9 for a bad kind,
date, period, format, register or output file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.options import add_period, period
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export-register", help="write a Decree-30 register")
    parser.add_argument("--kind", required=True, metavar="incoming|outgoing|tracking")
    parser.add_argument("--register", dest="register_id", metavar="ID")
    add_period(parser)
    parser.add_argument("--format", dest="fmt", required=True, metavar="xlsx|docx")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    date_from, date_to = period(args)
    with ctx.app() as app:
        result = app.reports.export_register(args.kind, date_from, date_to, args.fmt,
                                             Path(args.out), register_id=args.register_id)
    kind = tr(f"cli_documents.register_{result.kind.value}")
    print(tr("cli_documents.register_written", kind=kind, rows=result.rows, path=result.path))
    return int(ExitCode.OK)
