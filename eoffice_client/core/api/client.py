"""The HTTP client of eoffice-api-v1: one pooled session per server, sign-in, every call.

:class:`ApiClient` is the whole client; its parts live beside it:

- servers.py: addresses (``http://`` refused off this machine unless policy allows it),
  versions, ``Retry-After`` and :func:`backoff`;
- transport.py: the TLS session (OS trust store plus ``Settings.ca_bundle``, proxies), the
  per-server pause, streamed downloads (:class:`ContentResponse`);
- calls.py: one call with the pause and retry rules; bounded (connect, read) timeouts;
- tokens.py: the sign-in's tokens, refreshed ahead and rotated keyring-first.

Logging
    Logger ``eoffice.api``: method, path, status and time only; never a header, a body,
    a token or a password.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import wire
from eoffice_client.core.api.credentials import Credentials
from eoffice_client.core.api.errors import (
    BadResponse,
    ClientTooOld,
    ServerUnavailable,
    SignInNeeded,
    Unreachable,
)
from eoffice_client.core.api.servers import version_tuple
from eoffice_client.core.api.tokens import TokenKeeper
from eoffice_client.core.api.transport import (
    Body,
    BodyStream,
    ContentResponse,
    content_range_start,
)
from eoffice_client.core.domain.workflow_rules import VERSIONED_ACTIONS
from eoffice_client.core.security.redaction import KNOWN_SECRETS

log = logging.getLogger("eoffice.api")


class ApiClient(TokenKeeper):
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
        super().__init__(server, settings, credentials or Credentials(profile),
                         retries=retries, max_wait_s=max_wait_s)
        self.profile = profile
        self.device_name = device_name or f"{platform.node() or 'pc'} (eoffice-client)"
        self.server_info: wire.Info | None = None
        #: ``time.monotonic()`` of the last successful ``GET /info`` (None: never asked).
        self.info_checked_at: float | None = None

    # --- state ------------------------------------------------------------------------------
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
            start_or_none = content_range_start(response.headers.get("Content-Range", ""))
            if start_or_none != offset:
                response.close()
                raise BadResponse(field="Content-Range", reason="does not start at the offset")
            start = offset
        return ContentResponse(response, start, self.server)



def _seg(value: str) -> str:
    """One path segment, percent-encoded (ids come from the server too)."""
    return quote(value, safe="")
