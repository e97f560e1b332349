"""Profile secrets in the OS keyring: the cache key and the audit trail's anchor.

Same service as the sign-in (``eoffice-client``, see
:mod:`eoffice_client.core.api.credentials`); the account is ``<profile id>|<purpose>``
(``cache-key``, ``audit-anchor``), which never clashes with a sign-in's
``<profile id>|<server>|<username>`` (a server address holds ``://``). A keyring that cannot
be used raises :class:`KeyringUnavailable` naming the backend's error class only: a value is
never put in a message, a log or an exception.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from eoffice_client.core.api.credentials import SERVICE
from eoffice_client.core.errors import ClientError, ExitCode

log = logging.getLogger("eoffice.security")

CACHE_KEY = "cache-key"
AUDIT_ANCHOR = "audit-anchor"
_FAILURES = (KeyringError, OSError, RuntimeError, ValueError)


class KeyringUnavailable(ClientError):
    """The OS keyring could not be read or written (no backend, locked, D-Bus gone)."""

    exit_code = ExitCode.UNEXPECTED


def account(profile_id: str, purpose: str) -> str:
    return f"{profile_id}|{purpose}"


def read_secret(profile_id: str, purpose: str) -> str | None:
    """The stored value, None when there is none."""
    try:
        return keyring.get_password(SERVICE, account(profile_id, purpose))
    except _FAILURES as exc:
        raise _unavailable(exc, purpose) from None


def write_secret(profile_id: str, purpose: str, value: str) -> None:
    try:
        keyring.set_password(SERVICE, account(profile_id, purpose), value)
    except _FAILURES as exc:
        raise _unavailable(exc, purpose) from None


def delete_secret(profile_id: str, purpose: str) -> bool:
    """Removes the value; False when there was none."""
    try:
        keyring.delete_password(SERVICE, account(profile_id, purpose))
    except PasswordDeleteError:
        return False
    except _FAILURES as exc:
        raise _unavailable(exc, purpose) from None
    return True


def _unavailable(exc: BaseException, purpose: str) -> KeyringUnavailable:
    log.warning("keyring unusable for %s: %s", purpose, type(exc).__name__)
    return KeyringUnavailable("security.keyring_unusable", detail=type(exc).__name__)
