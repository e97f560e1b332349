"""``eoffice-client sync [--no-files]``: one round: push, pull to the end, fetch files,
then read the fetched files' text for the content search (core/content)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from eoffice_client.cli.context import CliContext
from eoffice_client.core.app.types import Phase, ProgressEvent, format_event
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help="push queued changes, pull changes, fetch files")
    parser.add_argument("--no-files", action="store_true",
                        help="do not fetch attachments this time")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        warning = app.session.http_warning()
        if warning:
            print(f"eoffice-client: {tr(warning)}", file=sys.stderr)
        outcome = app.sync.run(StderrProgress(sys.stderr), files=not args.no_files)
        if not args.no_files:  # the fetched files' text, for list --search
            read = app.sync.index_content(StderrProgress(sys.stderr))
            if read.indexed or read.skipped:
                print(tr("content.summary", indexed=read.indexed, skipped=read.skipped),
                      file=sys.stderr)
    print(tr("sync.summary", sent=outcome.sent, applied=outcome.applied,
             deleted=outcome.deleted, files=outcome.files_fetched, pending=outcome.pending,
             conflicts=outcome.conflicts), file=sys.stderr)
    if outcome.unreachable is not None:
        print(f"eoffice-client: {outcome.unreachable.message()}", file=sys.stderr)
        print(tr("sync.result_unreachable"), file=sys.stderr)
    if outcome.page_problem:
        print(tr("sync.result_page_refused", detail=outcome.page_problem), file=sys.stderr)
    if outcome.files_failed:
        print(tr("sync.result_file_problems", count=outcome.files_failed), file=sys.stderr)
    if outcome.already_done:
        print(tr("sync.result_already_done", count=outcome.already_done), file=sys.stderr)
    if outcome.conflicts:
        print(tr("sync.result_conflicts", count=outcome.conflicts), file=sys.stderr)
    return int(outcome.exit_code)


class StderrProgress:
    """One line per phase change, and at most a few updates a second, for the CLI."""

    def __init__(self, stream: TextIO | None = None, interval_s: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.interval_s = interval_s
        self._phase: Phase | None = None
        self._last = 0.0

    def update(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if event.phase == self._phase and now - self._last < self.interval_s:
            return
        self._phase, self._last = event.phase, now
        print(format_event(event), file=self.stream, flush=True)
