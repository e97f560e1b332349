"""The real sandbox server in a background thread, for tests.

    with SandboxServer(tmp_path / "sandbox", documents=40, seed=7) as server:
        requests.get(server.url + "/api/v1/info")
        server.stop()   # "server down"
        server.start()  # same port, same data
        server.set_faults("error_rate=1")
        server.advance_clock(3600)  # tokens, cursors, lock-outs, idempotency age
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer

from eoffice_client.sandbox.faults import Faults
from eoffice_client.sandbox.server import create_app, make_http_server
from eoffice_client.sandbox.state import SandboxState


class SandboxServer:
    """Runs the sandbox on 127.0.0.1; ``.url`` is the server base (``{url}/api/v1``)."""

    def __init__(
        self,
        data_dir: Path | str,
        documents: int = 40,
        seed: int = 1,
        faults: str | Faults | None = None,
        token_ttl: int = 3600,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.documents = documents
        self.seed = seed
        self.token_ttl = token_ttl
        self.host = host
        self.port = port
        self.faults = faults if isinstance(faults, Faults) else Faults.parse(faults)
        self.state: SandboxState | None = None
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._clock_offset = 0.0

    # --- life -----------------------------------------------------------------------------
    def start(self, reset: bool = False) -> SandboxServer:
        """Starts (again) on the same port with the data kept in ``data_dir``."""
        if self._server is not None:
            return self
        self.state = SandboxState(self.data_dir, documents=self.documents, seed=self.seed,
                                  token_ttl=self.token_ttl, reset=reset)
        self.state.clock_offset = self._clock_offset
        app = create_app(self.state, self.faults)
        self._server = make_http_server(app, self.host, self.port)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name=f"sandbox:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stops accepting connections; the data stays for :meth:`start`."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        activity = self._server.app.config.get("ACTIVITY")  # type: ignore[attr-defined]
        if activity is not None:
            activity.wait_idle(5.0)  # requests in progress finish before the data closes
        if self.state is not None:
            self._clock_offset = self.state.clock_offset
            self.state.close()
        self._server = None
        self._thread = None

    def reset(self) -> None:
        """Starts afresh: the same port, freshly generated data (old cursors answer 410)."""
        self.stop()
        self.start(reset=True)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- knobs ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/v1"

    @property
    def running(self) -> bool:
        return self._server is not None

    def set_faults(self, spec: str | Faults | None) -> None:
        """Replaces the faults at once (also for requests already waiting)."""
        new = spec if isinstance(spec, Faults) else Faults.parse(spec)
        self.faults.__dict__.update({k: v for k, v in new.__dict__.items() if not k.startswith("_")
                                     and k != "rng"})

    def advance_clock(self, seconds: float) -> None:
        """Moves the server's clock forward (token expiry, reuse window, cursor TTL, 7 days)."""
        self._clock_offset += seconds
        if self.state is not None:
            self.state.clock_offset = self._clock_offset

    def sample(self) -> Any:
        """The sample data the server was seeded from (users, units, catalog, documents)."""
        assert self.state is not None, "start the server first"
        return self.state.sample()

    def user(self, username: str) -> dict[str, Any]:
        assert self.state is not None, "start the server first"
        return dict(self.state.by_username[username])


def free_port() -> int:
    """A port free on loopback now (for tests that need one before starting)."""
    import socket

    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
