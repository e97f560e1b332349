"""The `eoffice-client` command (../shared/contract/cli-v1.md).

Each subcommand lives in ``cmd_<name>.py`` with ``register(subparsers)`` that adds its
parser and sets ``handler=run``; ``run(args, ctx) -> int`` returns an exit code. A command
module imports at its top only what registering needs; what the command uses is imported
when it runs, so ``--version``, ``--help`` and a quick ``list`` start fast. Only ``gui``
and ``sandbox`` import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from eoffice_client import __version__
from eoffice_client.cli.usage import Parser, UsageError, usage_message
from eoffice_client.core.errors import ExitCode

#: Subcommand modules built in this version, in the order of cli-v1.md.
COMMANDS = (
    "gui", "sandbox", "login", "logout", "sync", "list", "show", "new", "attach", "act",
    "outbox", "status", "sign", "render", "verify", "export-register", "edxml", "report",
    "diagnostics", "audit",
)
#: Commands of cli-v1.md not built yet: they answer "not in this version" (exit 64).
NOT_YET: tuple[str, ...] = ()
#: Global options that take a value (to find the subcommand before parsing).
VALUED_OPTIONS = ("--profile", "--lang")
#: Subcommands that set up logging themselves (the window's log, the server's console).
OWN_LOG = ("gui", "sandbox")


def build_parser(commands: Sequence[str] = COMMANDS) -> Parser:
    """The parser with these subcommands (all of them for ``--help``; only the one named on
    the command line, or none for ``--version``, so a command imports only what it uses)."""
    parser = Parser(prog="eoffice-client", description="eOffice desktop client")
    parser.add_argument("--profile", metavar="DIR", help="profile folder")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages")
    parser.add_argument("--version", action="version", version=f"eoffice-client {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    for name in commands:
        module = name.replace("-", "_")  # export-register: cmd_export_register.py
        importlib.import_module(f"eoffice_client.cli.cmd_{module}").register(subparsers)
    return parser


def commands_needed(command: str | None, args_list: Sequence[str]) -> Sequence[str]:
    """The subcommand modules to register for this command line (see build_parser)."""
    if command in COMMANDS:
        return (command,)
    if command is None and "--version" in args_list and not {"-h", "--help"} & set(args_list):
        return ()
    return COMMANDS


def chosen_command(args_list: Sequence[str]) -> str | None:
    """The subcommand named on the command line (``gui`` when none is), as typed; None
    when an option comes first that is not a global one (``--help``, ``--version``)."""
    index = 0
    while index < len(args_list):
        word = args_list[index]
        if word in VALUED_OPTIONS:
            index += 2
        elif word.startswith(tuple(f"{option}=" for option in VALUED_OPTIONS)):
            index += 1
        elif word.startswith("-"):
            return None
        else:
            return word
    return "gui"


def early_language(args_list: Sequence[str]) -> str:
    """The language for messages printed before the command line is parsed."""
    for index, word in enumerate(args_list):
        if word == "--lang" and index + 1 < len(args_list):
            return args_list[index + 1]
        if word.startswith("--lang="):
            return word.removeprefix("--lang=")
    from eoffice_client.cli.context import CliContext

    namespace = argparse.Namespace(lang=None, profile=_option_value(args_list, "--profile"))
    return CliContext.from_args(namespace).lang


def _option_value(args_list: Sequence[str], option: str) -> str | None:
    for index, word in enumerate(args_list):
        if word == option and index + 1 < len(args_list):
            return args_list[index + 1]
        if word.startswith(f"{option}="):
            return word.removeprefix(f"{option}=")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = chosen_command(args_list)
    if command in NOT_YET:
        from eoffice_client.core.messages import set_language, tr

        set_language(early_language(args_list))
        print(f"eoffice-client: {tr('cli.not_in_version', command=command, version=__version__)}",
              file=sys.stderr)
        return int(ExitCode.USAGE)
    parser = build_parser(commands_needed(command, args_list))
    try:
        args = parser.parse_args(args_list)
        if args.command is None:
            args = parser.parse_args([*args_list, "gui"])
    except UsageError as exc:
        from eoffice_client.core.messages import set_language

        set_language(early_language(args_list))
        print(f"eoffice-client: {usage_message(exc)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    from eoffice_client.cli.run import run_command

    return run_command(args, own_log=args.command in OWN_LOG)
