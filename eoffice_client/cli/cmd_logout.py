"""``eoffice-client logout [--wipe [--force]]`` (cli-v1.md).

Revokes the refresh token on the server and removes it from the keyring. When the server
cannot be reached the sign-in is still removed here (a warning says the server was not
told). ``--wipe`` also deletes the profile's cached documents (the database), files and
``session.json``; it is refused (11) while the outbox holds changes not yet on the server
(queued or in conflict), unless ``--force``. Settings and logs are kept.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eoffice_client.cli import UsageError
from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.messages import tr

if TYPE_CHECKING:  # the API client is imported when the command runs (fast start-up)
    from eoffice_client.core.api.credentials import Credentials, SessionInfo

#: The outbox table of the store (SYNC's migration "0002").
OUTBOX_TABLE = "outbox"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("logout", help="sign out (--wipe: delete the cache too)")
    parser.add_argument("--wipe", action="store_true",
                        help="also delete cached documents, files and credentials")
    parser.add_argument("--force", action="store_true",
                        help="with --wipe: even while changes are queued")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.force and not args.wipe:
        raise UsageError("--force goes with --wipe")
    if args.wipe and not args.force:
        queued = count_unsent(ctx.profile.db_path)
        if queued:
            raise ClientError("logout.queued", ExitCode.REFUSED_FOR_SAFETY, count=queued)
    from eoffice_client.core.api.credentials import Credentials

    credentials = Credentials(ctx.profile)
    info = credentials.load_session()
    if info is not None and info.signed_in:
        sign_out(ctx, credentials, info)
    elif not args.wipe:
        print(tr("logout.not_signed_in"))
    if args.wipe:
        wipe(ctx, credentials, info)
        print(tr("logout.wiped"))
    return int(ExitCode.OK)


def sign_out(ctx: CliContext, credentials: Credentials, info: SessionInfo) -> None:
    """Revokes the token when possible; forgets the sign-in here in any case."""
    from eoffice_client.core.api.client import ApiClient
    from eoffice_client.core.api.errors import ApiError

    revoked = False
    try:
        client = ApiClient(info.server, profile=ctx.profile, settings=ctx.settings,
                           credentials=credentials)
    except ApiError:  # the address is no longer acceptable (policy changed): forget locally
        client = None
    if client is not None:
        try:
            revoked = client.logout() if client.restore_session() else True
        finally:
            client.close()
    credentials.delete_token(info.server, info.username)
    credentials.mark_signed_out()
    print(tr("logout.done", username=info.username))
    if not revoked:
        print(f"eoffice-client: {tr('logout.not_confirmed')}", file=sys.stderr)


def count_unsent(db_path: Path) -> int | str:
    """Rows in the outbox (queued changes and conflicts); ``"?"`` when it cannot be read."""
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True) as conn:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                                 (OUTBOX_TABLE,)).fetchone()
            if not found:
                return 0
            return int(conn.execute(f"SELECT count(*) FROM {OUTBOX_TABLE}").fetchone()[0])
    except sqlite3.Error:
        return "?"


def wipe(ctx: CliContext, credentials: Credentials, info: SessionInfo | None) -> None:
    """Deletes the cache database, the files and the remembered sign-in of the profile."""
    if info is not None:
        credentials.delete_token(info.server, info.username)
    profile = ctx.profile
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{profile.db_path}{suffix}").unlink(missing_ok=True)
        if profile.files_dir.exists():
            shutil.rmtree(profile.files_dir)
        credentials.delete_session()
    except OSError as exc:
        raise ClientError("profile.unwritable", path=profile.root,
                          detail=type(exc).__name__) from None
