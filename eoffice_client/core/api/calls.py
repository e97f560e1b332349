"""One call to eoffice-api-v1, with the pause, retry and token-expiry rules.

Pauses and retries
    ``429``/``503`` with ``Retry-After`` pause ALL requests to that server in this process
    (a shared "not before" time per server). A pause up to ``max_wait_s`` is waited out
    inside the call; a longer one raises :class:`ServerUnavailable` with ``.retry_after``
    at once, without sending. Other retryable failures (cut connections, timeouts, 5xx,
    ``409 request_in_progress``) are retried ``retries`` times with a short jittered
    backoff, changes with the SAME Idempotency-Key; then the error goes to the caller, who
    uses :func:`~eoffice_client.core.api.servers.backoff` (capped at 5 minutes) between
    rounds.
Token expiry
    ``401 token_expired`` -> one refresh, one repeat (the refresh itself is the sign-in
    part's, :mod:`eoffice_client.core.api.tokens`).
"""

from __future__ import annotations

import email.utils
import logging
import time
from typing import Any

import requests

from eoffice_client.config import Settings
from eoffice_client.core.api import wire
from eoffice_client.core.api.errors import (
    ApiError,
    BadResponse,
    ServerUnavailable,
    SignInNeeded,
    Unreachable,
    UntrustedServer,
    error_for,
    unreachable_reason,
)
from eoffice_client.core.api.servers import API_PREFIX, backoff, normalize_server, parse_retry_after
from eoffice_client.core.api.transport import Body, BodyStream, gate_for, make_session

log = logging.getLogger("eoffice.api")


class CallSender:
    """Sends calls to one server: its pooled session, its shared pause, the retries.

    The sign-in part (a subclass) supplies the access token and its refresh."""

    def __init__(self, server: str, settings: Settings, *, retries: int,
                 max_wait_s: float) -> None:
        self.server = normalize_server(server, allow_http=settings.allow_http)
        self.base_url = self.server + API_PREFIX
        self.settings = settings
        self.retries = retries
        self.max_wait_s = max_wait_s
        self.timeout = (float(settings.connect_timeout_s), float(settings.read_timeout_s))
        #: Server clock minus local clock (seconds), from the last answer's ``Date``.
        self.server_offset: float | None = None
        self._session = make_session(self.server, settings)
        self._gate = gate_for(self.server)

    @property
    def paused_for(self) -> float:
        """Seconds this server asked every client here to wait (0 when not paused)."""
        return self._gate.remaining()

    def clear_pause(self) -> None:
        """Forgets the server's pause (a person's "try now", or a test's clean-up)."""
        self._gate.clear()

    def _access_token(self) -> str:
        """The access token to send (refreshed when due); the sign-in part's."""
        raise NotImplementedError

    def _refresh(self, stale: str | None) -> None:
        """Rotates the tokens unless another thread already replaced ``stale``."""
        raise NotImplementedError

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
