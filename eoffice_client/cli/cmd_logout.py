"""``eoffice-client logout [--wipe [--force]]`` (cli-v1.md).

Revokes the refresh token on the server and removes it from the keyring; when the server
cannot be reached the sign-in is still removed here (a warning says the server was not
told). ``--wipe`` also deletes the profile's cached documents, files and remembered
sign-in; it is refused (11) while changes are not yet on the server, or when their count
cannot be read, unless ``--force``. Settings and logs are kept.
"""

from __future__ import annotations

import argparse
import sys

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.usage import UsageError
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("logout", help="sign out (--wipe: delete the cache too)")
    parser.add_argument("--wipe", action="store_true",
                        help="also delete cached documents, files and credentials")
    parser.add_argument("--force", action="store_true",
                        help="with --wipe: even while changes are queued")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.force and not args.wipe:
        raise UsageError(tr("logout.force_needs_wipe"))
    with ctx.app() as app:
        result = app.session.logout(wipe=args.wipe, force=args.force)
    if result.was_signed_in:
        print(tr("logout.done", username=result.username))
        if not result.revoked:
            print(f"eoffice-client: {tr('logout.not_confirmed')}", file=sys.stderr)
    elif not result.wiped:
        print(tr("logout.not_signed_in"))
    if result.wiped:
        print(tr("logout.wiped"))
    return int(ExitCode.OK)
