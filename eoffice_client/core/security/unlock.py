"""The password that unlocks the window after the idle lock, checked without keeping it.

At each sign-in a *verifier* is made from the password: scrypt (RFC 7914) of the password
with a random salt, the way an operating system caches a sign-in so a locked laptop can be
unlocked offline. The verifier, never the password, is kept in the OS keyring (account
``<profile id>|unlock-verifier``) beside the refresh token it belongs with; a plain
``logout`` and ``logout --wipe`` remove it. Where no verifier fits the signed-in person (a
sign-in remembered from before, a keyring that could not be written), the password is
checked by the server with a sign-in that keeps nothing: its token is revoked at once and
never written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from eoffice_client.core.api.credentials import Credentials, SessionInfo
from eoffice_client.core.security import vault

log = logging.getLogger("eoffice.security.unlock")

VERIFIER = "unlock-verifier"
#: scrypt's cost: 16 MiB of memory, some tens of milliseconds, once per sign-in or unlock
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32


@dataclass(frozen=True)
class Verifier:
    """Who the verifier belongs to, and scrypt's salt, parameters and output (hex)."""

    server: str
    username: str
    salt: str
    digest: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def belongs_to(self, server: str, username: str) -> bool:
        return (self.server, self.username) == (server, username)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=HASH_BYTES)


def make_verifier(server: str, username: str, password: str) -> Verifier:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return Verifier(server, username, salt.hex(), digest.hex())


def matches(verifier: Verifier, password: str) -> bool:
    """Whether ``password`` made this verifier (a constant-time comparison)."""
    try:
        salt, expected = bytes.fromhex(verifier.salt), bytes.fromhex(verifier.digest)
        found = _scrypt(password, salt, verifier.n, verifier.r, verifier.p)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(found, expected)


def save_verifier(profile_id: str, verifier: Verifier) -> None:
    """Keeps the verifier; a keyring that cannot be used only means checking by the server."""
    try:
        vault.write_secret(profile_id, VERIFIER, json.dumps(asdict(verifier)))
    except vault.KeyringUnavailable:
        log.warning("the unlock verifier could not be kept (keyring unusable): unlocking "
                    "will ask the server")


def load_verifier(profile_id: str) -> Verifier | None:
    """The kept verifier; None when there is none or it cannot be read."""
    try:
        text = vault.read_secret(profile_id, VERIFIER)
    except vault.KeyringUnavailable:
        return None
    if text is None:
        return None
    try:
        data = json.loads(text)
        return Verifier(str(data["server"]), str(data["username"]), str(data["salt"]),
                        str(data["digest"]), int(data["n"]), int(data["r"]), int(data["p"]))
    except (ValueError, KeyError, TypeError):
        return None


def forget_verifier(profile_id: str) -> None:
    try:
        vault.delete_secret(profile_id, VERIFIER)
    except vault.KeyringUnavailable:
        log.warning("the unlock verifier could not be removed (keyring unusable)")


class UnkeptCredentials(Credentials):
    """Credentials for a sign-in that only checks a password: nothing is read or written
    (no keyring entry, no session.json), so the real sign-in is left as it was."""

    def save_token(self, server: str, username: str, token: str) -> str | None:
        return None

    def load_token(self, server: str, username: str) -> str | None:
        return None

    def delete_token(self, server: str, username: str) -> None:
        return None

    def load_session(self) -> SessionInfo | None:
        return None

    def save_session(self, info: SessionInfo) -> None:
        return None

    def mark_signed_out(self) -> None:
        return None

    def delete_session(self) -> None:
        return None


def describe(verifier: Verifier | None) -> dict[str, Any]:
    """What diagnostics may say of the verifier (never its salt or digest)."""
    if verifier is None:
        return {"kept": False}
    return {"kept": True, "server": verifier.server, "username": verifier.username}
