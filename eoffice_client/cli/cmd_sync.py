"""``eoffice-client sync [--no-files]``: one round: push, pull to the end, fetch files."""

from __future__ import annotations

import argparse
import sys

from eoffice_client.cli.cmd_act import service
from eoffice_client.cli.context import CliContext
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help="push queued changes, pull changes, fetch files")
    parser.add_argument("--no-files", action="store_true",
                        help="do not fetch attachments this time")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from eoffice_client.core.sync.progress import StderrProgress

    with service(ctx) as svc:
        report = svc.sync(StderrProgress(sys.stderr), files=not args.no_files)
    pull = report.pull
    print(tr("sync.summary", sent=report.push.sent, applied=pull.applied if pull else 0,
             deleted=pull.deleted if pull else 0,
             files=report.files.fetched if report.files else 0,
             pending=report.pending, conflicts=report.conflicts), file=sys.stderr)
    if report.unreachable is not None:
        print(f"eoffice-client: {report.unreachable.message()}", file=sys.stderr)
        print(tr("sync.result_unreachable"), file=sys.stderr)
    if pull is not None and pull.problem:
        print(tr("sync.result_page_refused", detail=pull.problem), file=sys.stderr)
    if report.files is not None and report.files.failed:
        print(tr("sync.result_file_problems", count=report.files.failed), file=sys.stderr)
    if report.conflicts:
        print(tr("sync.result_conflicts", count=report.conflicts), file=sys.stderr)
    return int(report.exit_code)
