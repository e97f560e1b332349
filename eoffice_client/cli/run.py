"""Running a parsed command: its profile and language, its log, and what its errors say.

Every error a person reads is one line on stderr with the exit code of cli-v1.md; an
unexpected one saves a crash report in the profile and says where, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from eoffice_client.cli.context import CliContext, report_unexpected
from eoffice_client.cli.usage import UsageError, usage_message
from eoffice_client.core.app.local import log_to_profile
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.messages import set_language, tr


def run_command(args: argparse.Namespace, *, own_log: bool) -> int:
    """Runs the parsed command (``own_log``: it sets up its logging itself)."""
    ctx = CliContext.from_args(args)
    set_language(ctx.lang)
    if not own_log:
        log_to_profile(ctx.profile)
    return run_handler(args, ctx)


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
        print(f"eoffice-client: {usage_message(exc)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except KeyboardInterrupt:
        print(f"eoffice-client: {tr('cli.interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: save a report, say where, no traceback on screen
        report = report_unexpected(ctx, exc)
        print(f"eoffice-client: {tr('cli.unexpected', error=type(exc).__name__, report=report)}",
              file=sys.stderr)
        return int(ExitCode.UNEXPECTED)
