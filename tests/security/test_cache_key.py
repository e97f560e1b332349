"""The profile's cache key in the keyring: create, load, require, delete, never shown."""

from __future__ import annotations

import keyring
import pytest

from eoffice_client.core.api.credentials import SERVICE
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.security.keys import (
    CacheKey,
    CacheKeyExists,
    CacheKeyLost,
    create_cache_key,
    delete_cache_key,
    load_cache_key,
    require_cache_key,
)
from eoffice_client.core.security.vault import KeyringUnavailable

from ..unit.test_api_credentials import BrokenKeyring


def test_create_load_delete(memory_keyring):
    key = create_cache_key("p1")
    assert load_cache_key("p1") == key and load_cache_key("p2") is None
    stored = memory_keyring.secrets[(SERVICE, "p1|cache-key")]
    assert stored.startswith("v1:") and key.secret.hex() not in stored
    with pytest.raises(CacheKeyExists) as caught:
        create_cache_key("p1")
    assert caught.value.exit_code == ExitCode.REFUSED_FOR_SAFETY
    assert delete_cache_key("p1") and load_cache_key("p1") is None
    assert not delete_cache_key("p1")


def test_derived_keys_differ_and_are_stable():
    key = CacheKey(bytes(32))
    assert key.database_key() != key.files_key()
    assert key.database_key() == CacheKey(bytes(32)).database_key()
    assert len(key.files_key()) == 32


def test_the_key_never_shows():
    key = CacheKey(b"\x01" * 32)
    for text in (repr(key), str(key), f"{key}", repr([key])):
        assert "\\x01" not in text and "0101" not in text


def test_a_lost_key_is_a_clear_error():
    with pytest.raises(CacheKeyLost) as caught:
        require_cache_key("p1", "/profile/cache.sqlite3")
    assert caught.value.exit_code == ExitCode.REFUSED_FOR_SAFETY
    assert "/profile/cache.sqlite3" in caught.value.message("vi")
    assert "không bị bỏ" in caught.value.message("vi")


def test_a_broken_value_counts_as_lost(memory_keyring):
    memory_keyring.secrets[(SERVICE, "p1|cache-key")] = "v1:not base64!"
    assert load_cache_key("p1") is None


def test_an_unusable_keyring_is_its_own_error():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        with pytest.raises(KeyringUnavailable) as caught:
            create_cache_key("p1")
        assert "KeyringLocked" in caught.value.message("en") or "NoKeyringError" in \
            caught.value.message("en")
    finally:
        keyring.set_keyring(previous)
