"""``eoffice-client outbox [--json]`` and ``outbox retry|drop|cancel ID``."""

from __future__ import annotations

import argparse

from eoffice_client.cli.cmd_act import service
from eoffice_client.cli.context import CliContext, print_json
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
    from eoffice_client.cli import UsageError

    if args.operation and not args.row_id:
        raise UsageError(f"outbox {args.operation} needs an ID")
    if args.row_id and not args.operation:
        raise UsageError("outbox ID needs retry, drop or cancel before it")
    with service(ctx) as svc:
        if args.operation == "retry":
            svc.outbox_retry(args.row_id)
            print(tr("outbox.retried", id=args.row_id))
        elif args.operation == "drop":
            svc.outbox_drop(args.row_id)
            print(tr("outbox.dropped", id=args.row_id))
        elif args.operation == "cancel":
            removed = svc.outbox_cancel(args.row_id)
            print(tr("outbox.cancelled", id=args.row_id, count=len(removed)))
        else:
            _list(svc.outbox(), args.json)
    return 0


def _list(rows: list, as_json: bool) -> None:
    if as_json:
        print_json([row.as_json() for row in rows])
        return
    if not rows:
        print(tr("outbox.empty"))
        return
    for row in rows:
        line = f"{row.id}  {row.created_at[:19]}  {row.document_id}  {row.label}  " + tr(
            f"outbox.state.{row.state}")
        if row.error_code:
            line += f"  [{row.error_code}] {row.error_detail or ''}"
        print(line)
