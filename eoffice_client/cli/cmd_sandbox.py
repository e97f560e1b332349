"""``eoffice-client sandbox``: runs the sandbox (training) server until interrupted.

Prints ``listening on http://HOST:PORT`` on stdout (flushed) once it accepts
connections; SIGINT/SIGTERM stop it cleanly (exit 0). A bad ``--faults`` is exit 64.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sandbox", help="run the sandbox (training) server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="0", help="port (0: a free one)")
    parser.add_argument("--data", metavar="DIR", help="data folder (default: a temporary one)")
    parser.add_argument("--reset", action="store_true", help="start the data folder afresh")
    parser.add_argument("--documents", default="2000", help="sample documents when seeding")
    parser.add_argument("--seed", default="1", help="seed of the sample data")
    parser.add_argument("--token-ttl", default="3600", help="access token lifetime, seconds")
    parser.add_argument("--faults", default="", metavar="SPEC",
                        help="e.g. error_rate=0.2,reset_rate=0.1,delay_ms=300")
    parser.set_defaults(handler=run)


def _number(option: str, value: str, low: int, high: int | None = None) -> int | None:
    """The option's whole number in low..high, else None after saying what is wrong."""
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if number < low or (high is not None and number > high):
        key = "sandbox.bad_range" if high is not None else "sandbox.bad_number"
        print(f"eoffice-client: {tr(key, option=option, value=value, low=low, high=high)}",
              file=sys.stderr)
        return None
    return number


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from eoffice_client.sandbox.faults import Faults, FaultSpecError

    try:
        faults = Faults.parse(args.faults)
    except FaultSpecError as exc:
        print(f"eoffice-client: {tr('sandbox.bad_faults', detail=exc)}", file=sys.stderr)
        return int(ExitCode.USAGE)
    port = _number("--port", args.port, 0, 65535)
    documents = _number("--documents", args.documents, 0)
    seed = _number("--seed", args.seed, 0)
    token_ttl = _number("--token-ttl", args.token_ttl, 1)
    if port is None or documents is None or seed is None or token_ttl is None:
        return int(ExitCode.USAGE)
    data = Path(args.data).expanduser() if args.data else Path(
        tempfile.mkdtemp(prefix="eoffice-sandbox-"))
    return _serve(args.host, port, data, args.reset, documents, seed, token_ttl, faults)


def _serve(host: str, port: int, data: Path, reset: bool, documents: int, seed: int,
           token_ttl: int, faults: Any) -> int:
    from eoffice_client.sandbox.server import create_app, make_http_server
    from eoffice_client.sandbox.state import SandboxState

    print(tr("sandbox.preparing", path=data), file=sys.stderr, flush=True)
    state = SandboxState(data, documents=documents, seed=seed, token_ttl=token_ttl, reset=reset,
                         progress=lambda text: print(text, file=sys.stderr, flush=True))
    try:
        server = make_http_server(create_app(state, faults), host, port)
    except OSError as exc:
        print(f"eoffice-client: {tr('sandbox.cannot_listen', host=host, port=port, detail=exc)}",
              file=sys.stderr)
        state.close()
        return int(ExitCode.UNREACHABLE)
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set())
                for sig in (signal.SIGINT, signal.SIGTERM)}
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                              daemon=True)
    thread.start()
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    shown = f"[{shown}]" if ":" in shown else shown
    print(f"listening on http://{shown}:{server.server_port}", flush=True)
    print(tr("sandbox.accounts"), file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        server.app.config["ACTIVITY"].wait_idle(5.0)  # type: ignore[attr-defined]
        state.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(tr("sandbox.stopped"), file=sys.stderr, flush=True)
    return int(ExitCode.OK)
