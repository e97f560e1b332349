"""The HTTP transport of the API client: a pooled TLS session, the per-server pause, streams.

One ``requests.Session`` per client with a pooled ``HTTPAdapter``; TLS always verified
against the OS trust store (``truststore``) plus ``Settings.ca_bundle``; the system proxy
(requests' default) or ``Settings.proxy``; no proxy and no environment for loopback servers.
``429``/``503`` with ``Retry-After`` pause ALL requests to that server in this process: a
shared "not before" time per server (:func:`gate_for`).
"""

from __future__ import annotations

import logging
import re
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from http.client import HTTPException
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
import truststore
import urllib3
from requests.adapters import HTTPAdapter

from eoffice_client import __version__
from eoffice_client.config import Settings
from eoffice_client.core.api.errors import Unreachable
from eoffice_client.core.api.servers import is_loopback
from eoffice_client.core.errors import InvalidInputError

log = logging.getLogger("eoffice.api")

CHUNK = 64 * 1024


class BodyStream(Protocol):
    """A request body read in pieces (a file, or a sealed cached file's plaintext)."""

    def read(self, size: int = -1) -> bytes: ...

    def close(self) -> None: ...


Body = bytes | Callable[[], BodyStream] | None


# --- per-server pause ---------------------------------------------------------------------
class Gate:
    """The shared "not before" time of one server (monotonic clock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    def clear(self) -> None:
        with self._lock:
            self._not_before = 0.0

    def remaining(self) -> float:
        with self._lock:
            return max(0.0, self._not_before - time.monotonic())


_GATES: dict[str, Gate] = {}
_GATES_LOCK = threading.Lock()


def gate_for(server: str) -> Gate:
    """The pause shared by every client of ``server`` in this process."""
    with _GATES_LOCK:
        return _GATES.setdefault(server, Gate())


# --- transport ----------------------------------------------------------------------------
class _TlsAdapter(HTTPAdapter):
    """An adapter whose TLS context is the OS trust store (+ an extra CA bundle), always on."""

    def __init__(self, context: ssl.SSLContext, **kwargs: Any) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # Verification is never turned off, and certifi's bundle is not mixed into the
        # OS trust store: the context decides alone.
        if url.lower().startswith("https"):
            conn.cert_reqs = "CERT_REQUIRED"
            conn.ca_certs = None
            conn.ca_cert_dir = None


def _tls_context(ca_bundle: str) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise InvalidInputError("api.ca_bundle_unreadable", path=ca_bundle,
                                    detail=type(exc).__name__) from None
    return context


def make_session(server: str, settings: Settings) -> requests.Session:
    session = requests.Session()
    adapter = _TlsAdapter(_tls_context(settings.ca_bundle), pool_connections=2,
                          pool_maxsize=8, max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers.update({"User-Agent": f"eoffice-client/{__version__}",
                            "Accept": "application/json"})
    host = urlsplit(server).hostname or ""
    if is_loopback(host):
        session.trust_env = False  # no proxy, no netrc for the machine itself
    elif settings.proxy:
        session.proxies = {"http": settings.proxy, "https": settings.proxy}
    return session


class ContentResponse:
    """A streamed ``GET /attachments/{id}/content`` answer (200 whole or 206 partial).

    ``offset`` is where these bytes start in the file (0 for a 200: restart from the
    beginning), ``total`` the whole file's size when known, ``etag`` the strong ETag.
    Read the body with :meth:`iter_chunks`. Use as a context manager or call :meth:`close`.
    """

    def __init__(self, response: requests.Response, offset: int, server: str = "") -> None:
        self._response = response
        self._server = server
        self.status = response.status_code
        self.headers: Mapping[str, str] = response.headers
        self.etag = response.headers.get("ETag")
        self.offset = offset
        self.length = _int_or_none(response.headers.get("Content-Length"))
        self.total = self.length if self.status == 200 else _content_range_total(
            response.headers.get("Content-Range", ""))

    def iter_chunks(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        """The body in chunks. A cut or stalled connection, or a body shorter than its
        ``Content-Length`` (urllib3 checks it), is :class:`Unreachable`."""
        try:
            yield from self._response.iter_content(chunk_size)
        except (requests.RequestException, urllib3.exceptions.HTTPError, HTTPException,
                OSError) as exc:
            log.info("download cut: %s", type(exc).__name__)
            raise Unreachable(reason="cut", server=self._server) from None

    def close(self) -> None:
        self._response.close()

    def __enter__(self) -> ContentResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)


def content_range_start(value: str) -> int | None:
    match = _CONTENT_RANGE.match(value)
    return int(match.group(1)) if match else None


def _content_range_total(value: str) -> int | None:
    match = _CONTENT_RANGE.match(value)
    return int(match.group(3)) if match and match.group(3) != "*" else None
