"""``eoffice-client attach DOC_ID FILE --role ROLE``: a queued upload; prints the attachment id."""

from __future__ import annotations

import argparse
from pathlib import Path

from eoffice_client.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("attach", help="add a file to a document (queued upload)")
    parser.add_argument("document_id", metavar="DOC_ID")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--role", required=True, help="main, appendix, draft, signed or final")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        print(app.changes.attach(args.document_id, Path(args.file), args.role))
    return 0
