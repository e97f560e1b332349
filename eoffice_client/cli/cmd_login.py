"""``eoffice-client login [--server URL] --username U --password-stdin`` (cli-v1.md).

The password is read from standard input only (never an argument: it would show in the
process list). The refresh token goes to the OS keyring, never to a file; when the keyring
cannot be used, the sign-in still works for this run and a warning says it is not
remembered. Signing in ties the profile's cache to the (server, user) and is refused (11)
while another person's changes are queued here.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.options import read_secret
from eoffice_client.config import locked_fields
from eoffice_client.core.errors import ExitCode, InvalidInputError
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("login", help="sign in (password from stdin)")
    parser.add_argument("--server", metavar="URL", help="server address (default: policy/settings)")
    parser.add_argument("--username", metavar="U", required=True)
    parser.add_argument("--password-stdin", action="store_true", required=True,
                        help="read the password from standard input")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    server = args.server or ctx.settings.server
    if not server:
        raise InvalidInputError("login.no_server")
    password = read_password(sys.stdin)
    with ctx.app() as app:
        user = app.session.sign_in(args.username, password, server)
        signed_server = app.session.signed_in_server() or server
        reason = app.session.not_remembered_reason()
        warning = app.session.http_warning()
    remember_server(ctx, signed_server)
    print(tr("login.signed_in", full_name=user.name, username=user.username,
             server=signed_server))
    for key in (reason, warning):
        if key:
            print(f"eoffice-client: {tr(key)}", file=sys.stderr)
    return int(ExitCode.OK)


def read_password(stream: TextIO) -> str:
    return read_secret(stream, "login.no_password")


def remember_server(ctx: CliContext, server: str) -> None:
    """Keeps the server in the user's settings (unless policy fixes it)."""
    settings = ctx.settings
    if "server" in locked_fields() or settings.server == server:
        return
    settings.server = server
    ctx.profile.save_settings(settings)
