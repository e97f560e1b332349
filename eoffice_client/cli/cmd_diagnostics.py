"""``eoffice-client diagnostics --out FILE.zip`` (cli-v1.md): the bundle for IT staff.

Logs, versions, settings with their sources, status, the audit trail with its
verification, the profile folder's permissions and the crash reports; never a secret or a
document's content (``core/app/diagnostics.py``). Exit 0 once written, whatever it found
(a broken trail or an open folder is said on stderr); 9 when FILE cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("diagnostics", help="a zip of logs, settings and status "
                                                       "for IT staff (no secrets)")
    parser.add_argument("--out", metavar="FILE.zip", required=True, type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        bundle = app.diagnostics.export(args.out)
    print(tr("diagnostics.saved", path=bundle.path, count=len(bundle.files)))
    print(bundle.audit_message, file=sys.stdout if bundle.audit_ok else sys.stderr)
    if bundle.permissions_ok:
        print(tr("diagnostics.permissions_ok"))
    else:
        warning = tr("diagnostics.permissions_open", count=bundle.permission_problems)
        print(f"eoffice-client: {warning}", file=sys.stderr)
    return int(ExitCode.OK)
