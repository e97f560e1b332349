"""``eoffice-client audit verify [--json]`` (cli-v1.md): the local audit trail checked.

Every entry's hash chain and the anchor kept in the OS keyring: exit 0 when intact (the
count of entries on stdout), 9 when broken, one line on stderr naming the first bad entry
and what is wrong with it (edited, reordered, cut short, rewritten, anchor removed).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.cli.usage import Parser
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="the local audit trail")
    actions = parser.add_subparsers(dest="audit_action", parser_class=Parser, metavar="ACTION",
                                    required=True)
    verify = actions.add_parser("verify", help="check the hash chain and its anchor")
    verify.add_argument("--json", action="store_true", help="machine output")
    verify.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        check = app.audit.verify()
    if args.json:
        print_json({**asdict(check), "message": check.message("en")})
        return int(ExitCode.OK if check.ok else ExitCode.INVALID_INPUT)
    if check.ok:
        print(check.message())
        if check.set_aside:
            print(tr("audit.earlier_set_aside", files=", ".join(check.set_aside)))
        return int(ExitCode.OK)
    check.raise_if_broken()  # one line naming the first bad entry, exit 9
    return int(ExitCode.INVALID_INPUT)
