"""``eoffice-client gui [--demo | --self-test | --startup-probe]`` (cli-v1.md).

Qt is imported only inside :func:`run`, so every other subcommand starts without it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr

DEMO_DOCUMENTS = 400
SELF_TEST_DOCUMENTS = 60


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop window (the default)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--demo", action="store_true",
                      help="training mode: a local sandbox server with sample data")
    mode.add_argument("--self-test", action="store_true",
                      help="check the window offscreen and exit 0 (all passed) or 1")
    mode.add_argument("--startup-probe", action="store_true",
                      help="print first-paint-ms N and quit")
    parser.add_argument("--user", default="vanthu",
                        help="with --demo: the sample account to sign in as (password demo)")
    parser.add_argument("--documents", type=int, default=DEMO_DOCUMENTS,
                        help="with --demo: sample documents on the sandbox")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return self_test(ctx.lang)
    if args.startup_probe:
        return startup_probe(ctx)
    if args.demo or _nothing_configured(ctx):
        return demo(ctx, args.user, max(1, args.documents))
    from eoffice_client.ui.app import run_gui

    return run_gui(ctx.profile, ctx.lang)


# --- training mode -------------------------------------------------------------------------
def _nothing_configured(ctx: CliContext) -> bool:
    """A fresh machine: no server set (by the user or policy) and never signed in here."""
    from eoffice_client.core.app.local import signed_in_before

    return not ctx.settings.server and not signed_in_before(ctx.profile)


def demo(ctx: CliContext, username: str, documents: int) -> int:
    """Sandbox on a free loopback port, a throw-away profile, signed in, the window open.

    The QApplication comes first: a window that cannot start fails before any sample data
    is made (and a later fatal Qt error still removes the folder: start_failure.py)."""
    from eoffice_client.cli.training import TrainingFolder
    from eoffice_client.config import Profile
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.local import use_throwaway_keyring
    from eoffice_client.sandbox.testing import SandboxServer
    from eoffice_client.ui.app import create_application, run_gui
    from eoffice_client.ui.start_failure import on_failed_start

    create_application()
    use_throwaway_keyring()
    with TrainingFolder() as folder:
        forget = on_failed_start(folder.remove)
        server = SandboxServer(folder.path / "sandbox", documents=documents, seed=1).start()
        try:
            profile = Profile.at(folder.path / "profile")
            settings = profile.load_settings()
            settings.server = server.url
            settings.language = ctx.lang
            profile.save_settings(settings)
            with App(profile) as app:
                app.session.sign_in(username, "demo", server.url)
            print(tr("gui.training_mode", server=server.url, user=username), file=sys.stderr)
            return run_gui(profile, ctx.lang)
        finally:
            forget()
            server.stop()


# --- startup probe -------------------------------------------------------------------------
def startup_probe(ctx: CliContext) -> int:
    """Opens the profile's window (no sync, no dialogs) and prints the first-paint time."""
    from PySide6.QtCore import QTimer

    from eoffice_client.ui.app import Controller, create_application
    from eoffice_client.ui.probe import elapsed_ms

    app = create_application()
    controller = Controller(app, ctx.profile, ctx.lang)
    result: dict[str, int] = {}

    def painted() -> None:
        result["ms"] = elapsed_ms()
        app.quit()

    controller.window.firstPaint.connect(painted)
    controller.window.show()
    controller.window.start(interactive=False)
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark
    app.exec()
    controller.close()
    if "ms" not in result:
        print("first-paint-ms timeout", file=sys.stderr)
        return int(ExitCode.UNEXPECTED)
    print(f"first-paint-ms {result['ms']}", flush=True)
    return int(ExitCode.OK)


# --- self-test -----------------------------------------------------------------------------
def self_test(lang: str) -> int:
    """One line per check; 0 when all pass."""
    from eoffice_client.ui.selftest import run_checks

    results = run_checks(lang)
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    return int(ExitCode.OK) if all(ok for _n, ok, _d in results) else int(ExitCode.UNEXPECTED)
