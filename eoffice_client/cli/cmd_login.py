"""``eoffice-client login [--server URL] --username U --password-stdin`` (cli-v1.md).

The password is read from standard input only (never an argument: it would show in the
process list). The refresh token goes to the OS keyring, never to a file; when the keyring
cannot be used, the sign-in still works for this run and a warning says it is not
remembered. A profile holding another person's cache is refused (11): ``logout --wipe``
first, or another ``--profile``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from eoffice_client.cli.context import CliContext
from eoffice_client.config import locked_fields
from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.credentials import Credentials
from eoffice_client.core.errors import ClientError, ExitCode, InvalidInputError
from eoffice_client.core.messages import tr


def register(subparsers: Any) -> None:
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
    client = ApiClient(server, profile=ctx.profile, settings=ctx.settings)
    try:
        check_profile_owner(ctx, client.server, args.username)
        user = client.login(args.username, password)
        remember_server(ctx, client.server)
    finally:
        client.close()
    print(tr("login.signed_in", full_name=user.get("full_name") or user.get("username"),
             username=user.get("username"), server=client.server))
    if client.not_remembered_reason:
        print(f"eoffice-client: {tr(client.not_remembered_reason)}", file=sys.stderr)
    return int(ExitCode.OK)


def read_password(stream: TextIO) -> str:
    """The whole of ``stream`` without its final line break; empty is an input error."""
    text = stream.read()
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    if not text:
        raise InvalidInputError("login.no_password")
    return text


def has_cache(ctx: CliContext) -> bool:
    """True when the profile holds cached documents or files."""
    files = ctx.profile.files_dir
    return ctx.profile.db_path.exists() or (files.is_dir() and any(files.iterdir()))


def check_profile_owner(ctx: CliContext, server: str, username: str) -> None:
    """Refuses (11) to sign another person in over a profile that holds someone's cache."""
    previous = Credentials(ctx.profile).load_session()
    if previous is None or not has_cache(ctx):
        return
    same = (previous.server == server
            and previous.username.casefold() == username.casefold())
    if not same:
        raise ClientError("login.other_cache", ExitCode.REFUSED_FOR_SAFETY,
                          username=previous.username, server=previous.server)


def remember_server(ctx: CliContext, server: str) -> None:
    """Keeps the server in the user's settings (unless policy fixes it)."""
    settings = ctx.settings
    if "server" in locked_fields() or settings.server == server:
        return
    settings.server = server
    ctx.profile.save_settings(settings)
