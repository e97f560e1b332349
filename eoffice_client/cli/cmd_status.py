"""``eoffice-client status [--json]``: server, user, last sync, queue, cache, and (when a
policy names an update manifest) the version published by IT against this one, so IT can
see which computers lag. The manifest is read at most once a day (core/update.py)."""

from __future__ import annotations

import argparse

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="server, user, last sync, queue and cache")
    parser.add_argument("--json", action="store_true", help="machine output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        status = app.session.status()
        notice = app.updates.notice(check=True)
    if args.json:
        print_json({**status.as_json(), **(
            {"update": notice.as_json()} if notice is not None else {})})
        return 0
    print(tr("status.server", value=status.server or "-"))
    print(tr("status.user", value=status.username or "-"))
    print(tr("status.last_sync", value=status.last_sync or tr("status.never")))
    print(tr("status.pending", value=status.pending_actions))
    print(tr("status.conflicts", value=status.conflicts))
    print(tr("status.documents", value=status.documents))
    print(tr("status.cached", value=f"{status.cached_bytes / 1e6:.1f} MB"))
    line = notice.message() if notice is not None else None
    if line:
        print(line)
    return 0
