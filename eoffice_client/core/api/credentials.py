"""Where a sign-in is kept: the refresh token in the OS keyring, who signed in in the profile.

- The refresh token lives ONLY in the OS keyring: service ``eoffice-client``, account
  ``<profile id>|<server>|<username>`` so profiles side by side never share a rotating
  token. It is never written to a file, a log or an exception text.
- The access token lives only in the :class:`~eoffice_client.core.api.client.ApiClient`'s
  memory.
- ``session.json`` in the profile (not secret) says which server and username signed in
  last, the user object, and whether the sign-in is current (``signed_in``), so
  ``restore_session()`` finds the keyring entry and ``login`` can tell when another person's
  cache is in the profile. It survives a plain ``logout``; ``logout --wipe`` deletes it.
- A keyring that cannot be used (no backend, locked, D-Bus gone...) never stops a sign-in:
  :meth:`Credentials.save_token` answers with a message key saying why the sign-in will not
  be remembered. Windows keeps at most 2,560 bytes per credential (the token is stored as
  UTF-16, 2 bytes a character): a longer token is refused, never truncated.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from eoffice_client.config import Profile

log = logging.getLogger("eoffice.api.credentials")

SERVICE = "eoffice-client"
#: CRED_MAX_CREDENTIAL_BLOB_SIZE on Windows (5 * 512 bytes).
WINDOWS_MAX_BYTES = 2560

#: Errors a keyring backend may raise when it cannot work (locked, no D-Bus, no backend).
_KEYRING_FAILURES = (KeyringError, OSError, RuntimeError, ValueError)


def secret_size(secret: str) -> int:
    """Bytes the secret takes in a Windows credential (keyring stores UTF-16-LE)."""
    return len(secret.encode("utf-16-le"))


@dataclass
class SessionInfo:
    """Who signed in on this profile last (no secret)."""

    server: str
    username: str
    user: dict[str, Any] = field(default_factory=dict)
    signed_in: bool = True


class Credentials:
    """The keyring entry and ``session.json`` of one profile."""

    def __init__(self, profile: Profile, *,
                 max_bytes: int | None = WINDOWS_MAX_BYTES if sys.platform == "win32" else None
                 ) -> None:
        self.profile = profile
        #: The largest token (bytes as UTF-16) kept; None: no limit (not Windows).
        self.max_bytes = max_bytes

    # --- keyring ----------------------------------------------------------------------------
    def account(self, server: str, username: str) -> str:
        return f"{self.profile.profile_id}|{server}|{username}"

    def save_token(self, server: str, username: str, token: str) -> str | None:
        """Saves the refresh token; None when saved, else the message key of why not.

        On a size refusal or a keyring failure, an older token of this account is removed
        so a later start does not present a stale one.
        """
        if self.max_bytes is not None and secret_size(token) > self.max_bytes:
            log.warning("refresh token too large for the credential store (%d bytes > %d)",
                        secret_size(token), self.max_bytes)
            self.delete_token(server, username)
            return "api.token_too_large"
        try:
            keyring.set_password(SERVICE, self.account(server, username), token)
        except _KEYRING_FAILURES as exc:
            log.warning("keyring unusable, sign-in not remembered: %s", type(exc).__name__)
            self.delete_token(server, username)
            return "api.keyring_unusable"
        return None

    def load_token(self, server: str, username: str) -> str | None:
        try:
            return keyring.get_password(SERVICE, self.account(server, username))
        except _KEYRING_FAILURES as exc:
            log.warning("keyring unusable, no remembered sign-in: %s", type(exc).__name__)
            return None

    def delete_token(self, server: str, username: str) -> None:
        try:
            keyring.delete_password(SERVICE, self.account(server, username))
        except PasswordDeleteError:
            pass
        except _KEYRING_FAILURES as exc:
            log.warning("keyring unusable, token not deleted: %s", type(exc).__name__)

    # --- session.json -----------------------------------------------------------------------
    @property
    def session_path(self) -> Path:
        return self.profile.session_path

    def load_session(self) -> SessionInfo | None:
        try:
            data = json.loads(self.session_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not data.get("server") or not data.get("username"):
            return None
        user = data.get("user")
        return SessionInfo(
            server=str(data["server"]),
            username=str(data["username"]),
            user=user if isinstance(user, dict) else {},
            signed_in=bool(data.get("signed_in", True)),
        )

    def save_session(self, info: SessionInfo) -> None:
        text = json.dumps(
            {"server": info.server, "username": info.username, "user": info.user,
             "signed_in": info.signed_in},
            ensure_ascii=False, indent=2,
        )
        path = self.session_path
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def mark_signed_out(self) -> None:
        info = self.load_session()
        if info is not None and info.signed_in:
            info.signed_in = False
            self.save_session(info)

    def delete_session(self) -> None:
        self.session_path.unlink(missing_ok=True)
