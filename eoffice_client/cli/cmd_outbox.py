"""``eoffice-client outbox [--json]`` and ``outbox retry|drop|cancel ID``."""

from __future__ import annotations

import argparse

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.cli.usage import UsageError
from eoffice_client.core.messages import tr

OPERATIONS = ("retry", "drop", "cancel")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("outbox", help="queued changes and conflicts, oldest first")
    parser.add_argument("operation", nargs="?", choices=OPERATIONS,
                        help="retry a conflict, drop a conflict, or cancel a change not yet sent")
    parser.add_argument("row_id", nargs="?", metavar="ID")
    parser.add_argument("--json", action="store_true", help="machine output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.operation and not args.row_id:
        raise UsageError(tr("outbox.needs_id", operation=args.operation))
    if args.row_id and not args.operation:
        raise UsageError(tr("outbox.needs_operation"))
    with ctx.app() as app:
        if args.operation == "retry":
            app.changes.retry(args.row_id)
            print(tr("outbox.retried", id=args.row_id))
        elif args.operation == "drop":
            app.changes.drop(args.row_id)
            print(tr("outbox.dropped", id=args.row_id))
        elif args.operation == "cancel":
            count = app.changes.cancel(args.row_id)
            print(tr("outbox.cancelled", id=args.row_id, count=count))
        else:
            entries = app.reads.outbox()
            if args.json:
                print_json([entry.as_json() for entry in entries])
            elif not entries:
                print(tr("outbox.empty"))
            for entry in [] if args.json else entries:
                line = (f"{entry.id}  {entry.created_at[:19]}  {entry.document_id}  "
                        f"{entry.action}  " + tr(f"outbox.state.{entry.state}"))
                if entry.error_code:
                    line += f"  [{entry.error_code}] {entry.error_detail or ''}"
                print(line)
    return 0
