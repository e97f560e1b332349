"""``eoffice-client act DOC_ID ACTION [--params JSON]``: queue an action (works offline).

Refused at once with exit 7 when contract section 6 forbids it given the cached status,
``pending_with``, assignments, ``created_by`` and the user's roles; 9 for bad params.
Prints the outbox id of the queued change.
"""

from __future__ import annotations

import argparse

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.options import parse_params


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("act", help="queue an action on a document")
    parser.add_argument("document_id", metavar="DOC_ID")
    parser.add_argument("action", metavar="ACTION")
    parser.add_argument("--params", help="the action's params, a JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    params = parse_params(args.params)
    with ctx.app() as app:
        print(app.changes.act(args.document_id, args.action, params))
    return 0
