"""The sign-in tokens of the API client: held in memory, refreshed ahead, rotated safely.

``401 invalid_token``/``invalid_grant`` -> :class:`SignInNeeded`. The access token is
refreshed ahead of its ``expires_in``. Refresh tokens rotate: the new one is saved to the
keyring BEFORE the old one is dropped; a refresh whose answer was lost is repeated with the
old token (the server's 60-second reuse window gives the same answer). Held tokens are known
secrets of the log filter (``redaction.KNOWN_SECRETS``).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from eoffice_client.config import Settings
from eoffice_client.core.api import wire
from eoffice_client.core.api.calls import CallSender
from eoffice_client.core.api.credentials import Credentials, SessionInfo
from eoffice_client.core.api.errors import SignInNeeded
from eoffice_client.core.security.redaction import KNOWN_SECRETS

log = logging.getLogger("eoffice.api")

#: Refresh the access token this long before the server said it expires.
REFRESH_MARGIN_S = 30.0


class TokenKeeper(CallSender):
    """A :class:`CallSender` that holds one sign-in's tokens and keeps them fresh."""

    def __init__(self, server: str, settings: Settings, credentials: Credentials, *,
                 retries: int, max_wait_s: float) -> None:
        super().__init__(server, settings, retries=retries, max_wait_s=max_wait_s)
        self.credentials = credentials
        #: After a sign-in: None when remembered in the keyring, else the message key why not.
        self.not_remembered_reason: str | None = None
        self._lock = threading.RLock()
        self._access: str | None = None
        self._access_expires: float | None = None  # monotonic
        self._refresh_token: str | None = None
        self._username: str | None = None
        self._user: dict[str, Any] | None = None

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
