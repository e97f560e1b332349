"""The `eoffice-client` command (../shared/contract/cli-v1.md).

Each subcommand lives in ``cmd_<name>.py`` with ``register(subparsers)`` that adds its
parser and sets ``handler=run``; ``run(args, ctx) -> int`` returns an exit code. No module
here imports Qt at import time: only ``gui`` and ``sandbox`` may, inside ``run``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eoffice_client import __version__
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.messages import set_language, tr

if TYPE_CHECKING:  # imported in main, once the GC is off (config's dataclasses: ~2.5 ms of it)
    from eoffice_client.cli.context import CliContext


def __getattr__(name: str) -> Any:
    """``CliContext`` and ``report_unexpected`` stay importable from here (see above)."""
    if name in ("CliContext", "report_unexpected"):
        return getattr(importlib.import_module("eoffice_client.cli.context"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Subcommand modules, in the order of cli-v1.md. A module missing here is not offered.
COMMANDS = (
    "gui", "sandbox", "login", "logout", "sync", "list", "show", "new", "attach", "act",
    "outbox", "status", "sign", "render", "verify", "export_register", "edxml",
    "diagnostics", "audit",
)


class UsageError(Exception):
    """Wrong command-line usage: exit 64 (argparse's own 2 means 'sign-in refused' here)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


#: Global options that take a value, to find the subcommand without importing them all.
_VALUED_OPTIONS = ("--profile", "--lang")


def build_parser(only: str | None = None) -> Parser:
    """The parser with every subcommand, or with ``only`` that one (a fast start)."""
    parser = Parser(prog="eoffice-client", description="eOffice desktop client")
    parser.add_argument("--profile", metavar="DIR", help="profile folder")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages")
    parser.add_argument("--version", action="version", version=f"eoffice-client {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in (only,) if only else COMMANDS:
        try:
            module = importlib.import_module(f"eoffice_client.cli.cmd_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eoffice_client.cli.cmd_{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def chosen_command(args_list: Sequence[str]) -> str | None:
    """The subcommand module named on the command line (``gui`` when none is), else None.

    Importing one subcommand module instead of all of them keeps the window's start and
    scheduled ``sync`` runs fast; help and unknown names still get the full parser.
    """
    index = 0
    while index < len(args_list):
        word = args_list[index]
        if word in _VALUED_OPTIONS:
            index += 2
            continue
        if word.startswith("-"):
            return None if not word.startswith(_VALUED_OPTIONS) else _skip(index, args_list)
        name = word.replace("-", "_")
        return name if name in COMMANDS else None
    return "gui"


def _skip(index: int, args_list: Sequence[str]) -> str | None:
    return chosen_command(args_list[index + 1:])  # "--profile=DIR" form


def main(argv: Sequence[str] | None = None) -> int:
    # The window's start makes many objects that all stay (modules, classes, Qt's enums)
    # and little garbage: the ~50 collections the cyclic GC ran over them took 12-20 ms
    # before the first paint. The GC is off until the window has painted (MainWindow
    # turns it back on); every other command gets it back right after parsing, and it is
    # on again whenever main returns.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(args_list))
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        _set_early_language(args_list)
        print(f"eoffice-client: {tr('cli.usage', detail=exc)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if args.command is None:
        args = parser.parse_args([*args_list, "gui"])
    if args.command != "gui":
        gc.enable()
    from eoffice_client.cli.context import CliContext

    ctx = CliContext.from_args(args)
    set_language(ctx.lang)
    if args.command not in _OWN_LOG:
        _log_to_profile(ctx)
    return run_handler(args, ctx)


#: Subcommands that set up logging themselves (the window's log, the server's console).
_OWN_LOG = ("gui", "sandbox")


def _log_to_profile(ctx: CliContext) -> None:
    """Core's log lines go to the profile's log file, never to the console as English
    text (a person reads the command's own localized message instead)."""
    import logging

    from eoffice_client.core.sync.log import attach_sync_log

    try:
        attach_sync_log(ctx.profile.logs_dir)
    except OSError:
        logging.getLogger("eoffice").addHandler(logging.NullHandler())


def run_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        code = int(args.handler(args, ctx))
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `list | head`: the reader left; stop writing, no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)
    except ClientError as exc:
        print(f"eoffice-client: {exc.message()}", file=sys.stderr)
        return int(exc.exit_code)
    except UsageError as exc:
        print(f"eoffice-client: {tr('cli.usage', detail=exc)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except KeyboardInterrupt:
        print(f"eoffice-client: {tr('cli.interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: save a report, say where, no traceback on screen
        from eoffice_client.cli.context import report_unexpected

        report = report_unexpected(ctx, exc)
        print(f"eoffice-client: {tr('cli.unexpected', error=type(exc).__name__, report=report)}",
              file=sys.stderr)
        return int(ExitCode.UNEXPECTED)


def _set_early_language(args_list: list[str]) -> None:
    if "--lang" in args_list:
        index = args_list.index("--lang")
        if index + 1 < len(args_list):
            set_language(args_list[index + 1])
