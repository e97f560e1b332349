"""The profile's cache key: random, kept in the OS keyring only, hidden from reprs.

One 256-bit key per profile (account ``<profile id>|cache-key``), created when encryption
at rest is turned on. Two keys are derived from it with HKDF-SHA256, so the database and
the files never share a key: :meth:`CacheKey.database_key` (SQLCipher's raw key) and
:meth:`CacheKey.files_key` (AES-256-GCM for cached files).

A key that was there and is gone (the keyring was reset, the profile was copied to another
PC or user) is :class:`CacheKeyLost`: the encrypted cache cannot be read, nothing is deleted,
and :func:`eoffice_client.core.security.fresh_cache.set_aside_cache` moves it aside for a
fresh start.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.security import vault

KEY_BYTES = 32
_PREFIX = "v1:"


class CacheKeyLost(ClientError):
    """The encrypted cache's key is not in the keyring (exit 11: nothing is overwritten)."""

    exit_code = ExitCode.REFUSED_FOR_SAFETY


class CacheKeyExists(ClientError):
    """A key is already stored: creating another would make the cache unreadable."""

    exit_code = ExitCode.REFUSED_FOR_SAFETY


@dataclass(frozen=True)
class CacheKey:
    """The raw key bytes; ``repr`` and ``str`` never show them."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ValueError("a cache key is 32 bytes")

    def derive(self, purpose: str) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                    info=f"eoffice-client/{purpose}/v1".encode()).derive(self.secret)

    def database_key(self) -> bytes:
        return self.derive("sqlcipher")

    def files_key(self) -> bytes:
        return self.derive("files-aes-gcm")

    def __str__(self) -> str:
        return "CacheKey(<hidden>)"


def _encode(key: CacheKey) -> str:
    return _PREFIX + base64.b64encode(key.secret).decode("ascii")


def _decode(text: str) -> CacheKey | None:
    if not text.startswith(_PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(_PREFIX):], validate=True)
        return CacheKey(raw)
    except ValueError:
        return None


def create_cache_key(profile_id: str) -> CacheKey:
    """A new random key, stored in the keyring; refused when one is there already."""
    if vault.read_secret(profile_id, vault.CACHE_KEY) is not None:
        raise CacheKeyExists("security.key_exists")
    key = CacheKey(os.urandom(KEY_BYTES))
    vault.write_secret(profile_id, vault.CACHE_KEY, _encode(key))
    if load_cache_key(profile_id) != key:  # a backend that silently dropped it
        raise vault.KeyringUnavailable("security.keyring_unusable", detail="not kept")
    return key


def load_cache_key(profile_id: str) -> CacheKey | None:
    """The stored key, None when there is none (an unreadable value counts as none)."""
    text = vault.read_secret(profile_id, vault.CACHE_KEY)
    return _decode(text) if text is not None else None


def require_cache_key(profile_id: str, where: str) -> CacheKey:
    """The key of an encrypted cache at ``where``; :class:`CacheKeyLost` when it is gone."""
    key = load_cache_key(profile_id)
    if key is None:
        raise CacheKeyLost("security.key_lost", path=where)
    return key


def delete_cache_key(profile_id: str) -> bool:
    """Removes the key (``logout --wipe``, after the encrypted files are gone)."""
    return vault.delete_secret(profile_id, vault.CACHE_KEY)
