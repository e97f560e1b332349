"""``eoffice-client new --direction D --type CODE --subject TEXT [--params JSON]``.

A queued create; prints the new document's id.
"""

from __future__ import annotations

import argparse

from eoffice_client.cli.cmd_act import parse_params
from eoffice_client.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help="create a document (queued; works offline)")
    parser.add_argument("--direction", required=True, help="incoming, outgoing or internal")
    parser.add_argument("--type", required=True, dest="type_code", help="document type code")
    parser.add_argument("--subject", required=True, help="trích yếu")
    parser.add_argument("--params", help="the other create fields, a JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    fields = parse_params(args.params)
    with ctx.app() as app:
        print(app.changes.new_document(args.direction, args.type_code, args.subject, fields))
    return 0
