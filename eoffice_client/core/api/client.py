"""The HTTP client of eoffice-api-v1: one pooled session per server, sign-in, every call.

Transport
    One ``requests.Session`` per :class:`ApiClient` with a pooled ``HTTPAdapter``; bounded
    (connect, read) timeouts from Settings; TLS always verified against the OS trust store
    (``truststore``) plus ``Settings.ca_bundle``; the system proxy (requests' default) or
    ``Settings.proxy``; no proxy and no environment for loopback servers. ``http://`` is
    refused (:class:`InsecureServer`) except for loopback or when ``Settings.allow_http``
    (policy) allows it, with a warning logged.
Pauses and retries
    ``429``/``503`` with ``Retry-After`` pause ALL requests to that server in this process
    (a shared "not before" time per server). A pause up to ``max_wait_s`` is waited out
    inside the call; a longer one raises :class:`ServerUnavailable` with ``.retry_after``
    at once, without sending. Other retryable failures (cut connections, timeouts, 5xx,
    ``409 request_in_progress``) are retried ``retries`` times with a short jittered
    backoff, changes with the SAME Idempotency-Key; then the error goes to the caller, who
    uses :func:`backoff` (capped at 5 minutes) between rounds.
Sign-in
    ``401 token_expired`` -> one refresh, one repeat. ``401 invalid_token``/``invalid_grant``
    -> :class:`SignInNeeded`. The access token is refreshed ahead of its ``expires_in``.
    Refresh tokens rotate: the new one is saved to the keyring BEFORE the old one is
    dropped; a refresh whose answer was lost is repeated with the old token (the server's
    60-second reuse window gives the same answer).
Logging
    Logger ``eoffice.api``: method, path, status and time only; never a header, a body,
    a token or a password.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import platform
import random
import re
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from http.client import HTTPException
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

import requests
import truststore
import urllib3
from requests.adapters import HTTPAdapter

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import wire
from eoffice_client.core.api.credentials import Credentials, SessionInfo
from eoffice_client.core.api.errors import (
    ApiError,
    BadResponse,
    ClientTooOld,
    InsecureServer,
    InvalidServerAddress,
    ServerUnavailable,
    SignInNeeded,
    Unreachable,
    UntrustedServer,
    error_for,
    unreachable_reason,
)
from eoffice_client.core.domain.workflow import VERSIONED_ACTIONS
from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.security.redaction import KNOWN_SECRETS

log = logging.getLogger("eoffice.api")

API_PREFIX = "/api/v1"
BACKOFF_CAP_S = 300.0
#: Refresh the access token this long before the server said it expires.
REFRESH_MARGIN_S = 30.0
CHUNK = 64 * 1024



class BodyStream(Protocol):
    """A request body read in pieces (a file, or a sealed cached file's plaintext)."""

    def read(self, size: int = -1) -> bytes: ...

    def close(self) -> None: ...


Body = bytes | Callable[[], BodyStream] | None


# --- helpers other modules use ------------------------------------------------------------
def backoff(attempt: int, *, base: float = 1.0, cap: float = BACKOFF_CAP_S,
            rng: random.Random | None = None) -> float:
    """Seconds to wait before retry number ``attempt`` (0 = the first retry).

    Exponential with "equal jitter": half of ``min(cap, base * 2**attempt)`` fixed, the other
    half random, so waits grow, never exceed ``cap`` (5 minutes by default) and clients that
    failed together do not come back together.
    """
    ceiling = min(cap, base * (2.0 ** max(0, min(attempt, 60))))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_remote(server: str) -> bool:
    """Whether ``server`` is reached over unencrypted ``http://`` off this machine (allowed
    by policy only, and always shown with a warning)."""
    text = server.strip()
    if not text.lower().startswith("http://"):
        return False
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return False
    return bool(host) and not is_loopback(str(host))


def normalize_server(server: str, *, allow_http: bool = False) -> str:
    """``scheme://host[:port][/path]`` without a trailing ``/`` or ``/api/v1``.

    A bare host name gets ``https://``. ``http://`` is refused for a non-loopback host
    unless ``allow_http`` (policy), which logs a warning. User info, query and fragment are
    refused (a password in a URL would end up in logs).
    """
    text = server.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InvalidServerAddress(server=server) from None
    scheme = parts.scheme.lower()
    if (scheme not in ("http", "https") or not host or parts.username or parts.password
            or parts.query or parts.fragment):
        raise InvalidServerAddress(server=server)
    path = parts.path.rstrip("/")
    if path.endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)]
    if scheme == "http" and not is_loopback(host):
        if not allow_http:
            raise InsecureServer(server=server)
        log.warning("unencrypted http:// to %s allowed by policy", host)
    return f"{scheme}://{parts.netloc.lower()}{path}"


def version_tuple(text: str) -> tuple[int, ...]:
    """``"1.2.10rc1"`` -> ``(1, 2, 10)``; parts without leading digits count as 0."""
    numbers = []
    for part in text.strip().lstrip("vV").split("."):
        match = re.match(r"\d+", part)
        numbers.append(int(match.group()) if match else 0)
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# --- per-server pause ---------------------------------------------------------------------
class _Gate:
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


_GATES: dict[str, _Gate] = {}
_GATES_LOCK = threading.Lock()


def _gate_for(server: str) -> _Gate:
    with _GATES_LOCK:
        return _GATES.setdefault(server, _Gate())


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


def _content_range_start(value: str) -> int | None:
    match = _CONTENT_RANGE.match(value)
    return int(match.group(1)) if match else None


def _content_range_total(value: str) -> int | None:
    match = _CONTENT_RANGE.match(value)
    return int(match.group(3)) if match and match.group(3) != "*" else None


# --- the client ---------------------------------------------------------------------------
class ApiClient:
    """The eoffice-api-v1 client of one server for one profile. Thread-safe."""

    def __init__(
        self,
        server: str,
        *,
        profile: Profile,
        settings: Settings,
        credentials: Credentials | None = None,
        retries: int = 2,
        max_wait_s: float = 10.0,
        device_name: str | None = None,
    ) -> None:
        self.server = normalize_server(server, allow_http=settings.allow_http)
        self.base_url = self.server + API_PREFIX
        self.profile = profile
        self.settings = settings
        self.credentials = credentials or Credentials(profile)
        self.retries = retries
        self.max_wait_s = max_wait_s
        self.device_name = device_name or f"{platform.node() or 'pc'} (eoffice-client)"
        self.timeout = (float(settings.connect_timeout_s), float(settings.read_timeout_s))
        self.server_info: wire.Info | None = None
        #: ``time.monotonic()`` of the last successful ``GET /info`` (None: never asked).
        self.info_checked_at: float | None = None
        #: Server clock minus local clock (seconds), from the last answer's ``Date``.
        self.server_offset: float | None = None
        #: After a sign-in: None when remembered in the keyring, else the message key why not.
        self.not_remembered_reason: str | None = None
        self._session = make_session(self.server, settings)
        self._gate = _gate_for(self.server)
        self._lock = threading.RLock()
        self._access: str | None = None
        self._access_expires: float | None = None  # monotonic
        self._refresh_token: str | None = None
        self._username: str | None = None
        self._user: dict[str, Any] | None = None

    # --- state ------------------------------------------------------------------------------
    @property
    def current_user(self) -> dict[str, Any] | None:
        return dict(self._user) if self._user is not None else None

    @property
    def signed_in(self) -> bool:
        """True while a refresh token is held (the server may still refuse it)."""
        return self._refresh_token is not None

    @property
    def remembered(self) -> bool:
        return self.signed_in and self.not_remembered_reason is None

    @property
    def paused_for(self) -> float:
        """Seconds this server asked every client here to wait (0 when not paused)."""
        return self._gate.remaining()

    def clear_pause(self) -> None:
        """Forgets the server's pause (a person's "try now", or a test's clean-up)."""
        self._gate.clear()

    def close(self) -> None:
        """Closes the connections and drops the tokens held in memory."""
        self._session.close()
        with self._lock:
            self._hold_tokens(None, None)

    def __repr__(self) -> str:  # never the tokens
        return f"ApiClient({self.server!r}, user={self._username!r})"

    # --- unauthenticated --------------------------------------------------------------------
    def info(self, *, check: bool = True) -> wire.Info:
        """``GET /info``; raises :class:`ClientTooOld` when ``min_client_version`` is above ours."""
        info = wire.parse_info(self._json(self._request("GET", "/info", auth=False)))
        self.server_info = info
        if version_tuple(info.min_client_version or "0") > version_tuple(__version__):
            self.info_checked_at = None  # refused: the next round asks again
            if check:
                raise ClientTooOld(version=__version__, minimum=info.min_client_version)
            return info
        self.info_checked_at = time.monotonic()
        return info

    def login(self, username: str, password: str) -> dict[str, Any]:
        """Signs in (after checking ``/info``); returns the User. See ``not_remembered_reason``.

        The password is a known secret (removed from every log line) while the call runs."""
        KNOWN_SECRETS.add(password)
        try:
            self.info()
            response = self._request(
                "POST", "/auth/login", auth=False, login=True,
                json_body={"username": username, "password": password,
                           "device_name": self.device_name},
            )
            tokens = wire.parse_login(self._json(response))
        finally:
            KNOWN_SECRETS.discard(password)
        previous = self.credentials.load_session()
        with self._lock:
            self._username = username
            self._accept(tokens)
        if previous is not None and (previous.server, previous.username) != (self.server,
                                                                             username):
            # Another sign-in was remembered on this profile: its token is not kept around.
            self.credentials.delete_token(previous.server, previous.username)
        log.info("signed in as %s", username)
        return dict(tokens.user)

    def restore_session(self, *, verify: bool = False) -> bool:
        """Picks up this profile's remembered sign-in for this server from the keyring.

        Works offline: the user comes from ``session.json`` and the token is refreshed at
        the first call. ``verify=True`` refreshes now (network errors are raised; a refused
        token returns False).
        """
        info = self.credentials.load_session()
        if info is None or not info.signed_in or info.server != self.server:
            return False
        token = self.credentials.load_token(info.server, info.username)
        if not token:
            return False
        with self._lock:
            self._username, self._user = info.username, dict(info.user)
            self._hold_tokens(None, token)
            self._access_expires = None
            self.not_remembered_reason = None
        if verify:
            try:
                self._refresh(None)
            except SignInNeeded:
                return False
        return True

    def logout(self) -> bool:
        """Revokes the refresh token and forgets the sign-in here (keyring and memory).

        Returns True when the server revoked it (or already had), False when it could not be
        told (unreachable): the sign-in is forgotten locally either way.
        """
        with self._lock:
            token, username = self._refresh_token, self._username
        revoked = True
        if token:
            try:
                self._request("POST", "/auth/logout", auth=False, expect=(200, 204),
                              json_body={"refresh_token": token})
            except SignInNeeded:
                pass  # invalid_grant: already revoked or expired
            except (Unreachable, ServerUnavailable, BadResponse) as exc:
                log.warning("sign-out not confirmed by the server: %s", type(exc).__name__)
                revoked = False
        if username:
            self.credentials.delete_token(self.server, username)
        self.credentials.mark_signed_out()
        self._forget()
        return revoked

    # --- the feed ---------------------------------------------------------------------------
    def changes(self, cursor: str | None, limit: int = 500) -> wire.ChangesPage:
        """One page of ``GET /sync/changes`` (no cursor: a full pass from the start)."""
        if not 1 <= limit <= 1000:
            raise ValueError("limit must be within 1..1000")
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return wire.parse_changes(self._json(self._request("GET", "/sync/changes",
                                                           params=params)))

    # --- changes ----------------------------------------------------------------------------
    def create_document(self, body: dict[str, Any], key: str) -> dict[str, Any]:
        """``POST /documents`` -> the Document (201, or 200 for a create already made)."""
        response = self._request("POST", "/documents", json_body=body, key=key,
                                 expect=(200, 201))
        return wire.parse_document(self._json(response))

    def patch_document(self, id: str, patch: dict[str, Any], version: int,
                       key: str) -> dict[str, Any]:
        """``PATCH /documents/{id}`` (JSON merge patch) with ``If-Match: "<version>"``."""
        response = self._request(
            "PATCH", f"/documents/{_seg(id)}", key=key, version=version,
            data=json.dumps(patch, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/merge-patch+json"},
        )
        return wire.parse_document(self._json(response))

    def act(self, id: str, action: str, params: dict[str, Any] | None, version: int | None,
            key: str) -> dict[str, Any]:
        """``POST /documents/{id}/actions``; ``If-Match`` for the actions marked (v)."""
        versioned = action in VERSIONED_ACTIONS
        if versioned and version is None:
            raise ValueError(f"action {action!r} needs the document's version")
        response = self._request(
            "POST", f"/documents/{_seg(id)}/actions", key=key,
            version=version if versioned else None,
            json_body={"action": action, "params": params or {}},
        )
        return wire.parse_document(self._json(response))

    def upload_attachment(
        self, attachment_id: str, document_id: str, role: str,
        data: bytes | Path | Callable[[], BodyStream], file_name: str, content_type: str,
        sha256: str, key: str,
    ) -> dict[str, Any]:
        """``PUT /attachments/{id}/content`` with the bytes (a Path is streamed from disk; a
        callable opens a stream for each try, e.g. a sealed cached file's plaintext)."""
        body: Body = data if isinstance(data, bytes) or callable(data) else (
            lambda: open(data, "rb"))  # noqa: SIM115
        response = self._request(
            "PUT", f"/attachments/{_seg(attachment_id)}/content", key=key, data=body,
            params={"document_id": document_id, "role": role}, expect=(200, 201),
            headers={"Content-Type": content_type or "application/octet-stream",
                     "X-File-Name": quote(file_name, safe=""),
                     "X-Content-SHA256": sha256.lower()},
        )
        return wire.parse_attachment(self._json(response))

    def delete_attachment(self, attachment_id: str, key: str) -> None:
        """``DELETE /attachments/{id}`` (204)."""
        self._request("DELETE", f"/attachments/{_seg(attachment_id)}", key=key,
                      expect=(200, 204))

    def open_content(self, attachment_id: str, offset: int = 0,
                     if_range: str | None = None) -> ContentResponse:
        """Streams ``GET /attachments/{id}/content`` from ``offset`` (``Range``/``If-Range``)."""
        headers = {"Accept": "*/*", "Accept-Encoding": "identity"}
        if offset > 0:
            headers["Range"] = f"bytes={offset}-"
            if if_range:
                headers["If-Range"] = if_range
        response = self._request("GET", f"/attachments/{_seg(attachment_id)}/content",
                                 headers=headers, stream=True, expect=(200, 206))
        start = 0
        if response.status_code == 206:
            start_or_none = _content_range_start(response.headers.get("Content-Range", ""))
            if start_or_none != offset:
                response.close()
                raise BadResponse(field="Content-Range", reason="does not start at the offset")
            start = offset
        return ContentResponse(response, start, self.server)

    # --- tokens -----------------------------------------------------------------------------
    def _accept(self, tokens: wire.LoginResponse) -> None:
        """Takes a login/refresh answer: keyring FIRST, then memory, then session.json."""
        assert self._username is not None
        self.not_remembered_reason = self.credentials.save_token(
            self.server, self._username, tokens.refresh_token)
        self._hold_tokens(tokens.access_token, tokens.refresh_token)
        # Refresh ahead by 30 s, or a fifth of a short lifetime (never every call).
        self._access_expires = (
            time.monotonic() + tokens.expires_in - min(REFRESH_MARGIN_S, tokens.expires_in / 5)
            if tokens.expires_in is not None else None)
        if tokens.user != self._user:
            self._user = dict(tokens.user)
            self.credentials.save_session(SessionInfo(self.server, self._username,
                                                      dict(tokens.user)))
        else:
            info = self.credentials.load_session()
            if info is None or not info.signed_in or info.server != self.server:
                self.credentials.save_session(SessionInfo(self.server, self._username,
                                                          dict(tokens.user)))

    def _hold_tokens(self, access: str | None, refresh: str | None) -> None:
        """The tokens in memory from now on; the log filter knows them while they are held
        (``redaction.KNOWN_SECRETS``) and forgets the ones dropped. Call with the lock."""
        KNOWN_SECRETS.add(access)
        KNOWN_SECRETS.add(refresh)
        KNOWN_SECRETS.discard(self._access)
        KNOWN_SECRETS.discard(self._refresh_token)
        self._access, self._refresh_token = access, refresh

    def _forget(self) -> None:
        with self._lock:
            self._hold_tokens(None, None)
            self._access_expires = None
            self._user = None
            self._username = None

    def _access_token(self) -> str:
        with self._lock:
            soon = self._access_expires is not None and time.monotonic() >= self._access_expires
            if self._access is None or soon:
                self._refresh(self._access)
            assert self._access is not None
            return self._access

    def _refresh(self, stale: str | None) -> None:
        """Rotates the tokens unless another thread already replaced ``stale``."""
        with self._lock:
            if stale is not None and self._access is not None and self._access != stale:
                return
            if self._refresh_token is None or self._username is None:
                raise SignInNeeded("api.not_signed_in")
            try:
                response = self._request("POST", "/auth/refresh", auth=False,
                                         json_body={"refresh_token": self._refresh_token})
                tokens = wire.parse_login(self._json(response))
            except SignInNeeded:
                log.info("refresh token refused: sign in again")
                self.credentials.delete_token(self.server, self._username)
                self.credentials.mark_signed_out()
                self._hold_tokens(None, None)
                raise
            self._accept(tokens)
            log.debug("tokens rotated")

    # --- one request ------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        auth: bool = True,
        login: bool = False,
        key: str | None = None,
        version: int | None = None,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        data: Body = None,
        headers: dict[str, str] | None = None,
        stream: bool = False,
        expect: tuple[int, ...] = (200,),
    ) -> requests.Response:
        """Sends one call with the pause, refresh and retry rules of the module docstring."""
        extra = dict(headers or {})
        if key is not None:
            extra["Idempotency-Key"] = key
        if version is not None:
            extra["If-Match"] = f'"{version}"'
        attempt, refreshed = 0, False
        while True:
            self._wait_gate()
            send_headers = dict(extra)
            token = self._access_token() if auth else None
            if token is not None:
                send_headers["Authorization"] = f"Bearer {token}"
            try:
                response = self._send(method, path, send_headers, params, json_body, data,
                                      stream)
                if response.status_code in expect:
                    return response
                error = self._error_from(response, login=login)
            except (Unreachable, UntrustedServer) as exc:
                error = exc
            if (isinstance(error, SignInNeeded) and error.code == "token_expired" and auth
                    and not refreshed):
                refreshed = True
                self._refresh(token)
                continue
            delay = self._retry_delay(error, attempt)
            if delay is None:
                raise error
            attempt += 1
            log.info("%s %s: %s, retry %d in %.1f s", method, path, type(error).__name__,
                     attempt, delay)
            time.sleep(delay)

    def _retry_delay(self, error: ApiError, attempt: int) -> float | None:
        """Seconds before sending again, or None to give the error to the caller."""
        if not error.retryable or attempt >= self.retries:
            return None
        retry_after = getattr(error, "retry_after", None)
        if retry_after is not None:  # the shared pause (see _wait_gate) does the waiting
            return None if retry_after > self.max_wait_s else 0.0
        return backoff(attempt, base=0.25, cap=2.0)

    def _wait_gate(self) -> None:
        wait = self._gate.remaining()
        if wait <= 0:
            return
        if wait > self.max_wait_s:
            raise ServerUnavailable("api.paused", retry_after=wait, status=None)
        log.debug("server paused: waiting %.1f s", wait)
        time.sleep(wait)

    def _send(self, method: str, path: str, headers: dict[str, str],
              params: dict[str, Any] | None, json_body: Any, data: Body,
              stream: bool) -> requests.Response:
        started = time.monotonic()
        handle = data() if callable(data) else None
        payload: BodyStream | bytes | None = handle if callable(data) else data
        try:
            response = self._session.request(
                method, self.base_url + path, params=params, json=json_body,
                data=payload, headers=headers,
                timeout=self.timeout, stream=stream, allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            log.warning("%s %s: TLS failed: %s", method, path, type(exc).__name__)
            raise UntrustedServer(server=self.server) from None
        except requests.RequestException as exc:
            log.info("%s %s: %s", method, path, type(exc).__name__)
            raise Unreachable(reason=unreachable_reason(exc), server=self.server) from None
        finally:
            if handle is not None:
                handle.close()
        log.debug("%s %s -> %d (%.0f ms)", method, path, response.status_code,
                  (time.monotonic() - started) * 1000)
        self._note_date(response)
        return response

    def _note_date(self, response: requests.Response) -> None:
        value = response.headers.get("Date")
        if not value:
            return
        try:
            server_time = email.utils.parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError):
            return
        self.server_offset = server_time - time.time()

    def _error_from(self, response: requests.Response, *, login: bool) -> ApiError:
        """The typed error of an unexpected answer (the body is read and closed here)."""
        status = response.status_code
        try:
            body = wire.decode_body(response.content) if response.content else None
        except (BadResponse, requests.RequestException):
            body = None
        finally:
            response.close()
        problem = wire.parse_problem(body)
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if status in (429, 503):
            self._gate.pause(retry_after if retry_after is not None else 1.0)
            log.info("server asks to pause %.1f s (%d)", retry_after or 1.0, status)
        current = None
        if status == 412 and problem and isinstance(problem.get("current"), dict):
            current = wire.parse_document(problem["current"], "current")
        if 300 <= status < 400:
            return BadResponse(field="(status)", reason=f"redirect {status}", status=status)
        return error_for(status, problem, retry_after=retry_after, current=current,
                         login=login)

    @staticmethod
    def _json(response: requests.Response) -> Any:
        try:
            return wire.decode_body(response.content)
        except BadResponse as exc:
            raise BadResponse(field=exc.field, reason=str(exc.values.get("reason", "")),
                              status=response.status_code) from None
        except requests.RequestException:
            raise BadResponse(field="(body)", reason="not JSON", status=response.status_code
                              ) from None


def _seg(value: str) -> str:
    """One path segment, percent-encoded (ids come from the server too)."""
    return quote(value, safe="")
