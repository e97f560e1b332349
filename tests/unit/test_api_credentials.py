"""Credentials: keyring entry per profile/server/user, size limit, unusable keyring."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError

from eoffice_client.config import Profile
from eoffice_client.core.api.credentials import (
    SERVICE,
    WINDOWS_MAX_BYTES,
    Credentials,
    SessionInfo,
    secret_size,
)


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise NoKeyringError("no backend")

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")

    def delete_password(self, service, username):
        raise NoKeyringError("no backend")


@pytest.fixture
def broken_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    yield
    keyring.set_keyring(previous)


def test_token_saved_under_profile_server_user(profile_dir, memory_keyring):
    creds = Credentials(Profile(profile_dir))
    assert creds.save_token("https://s", "vanthu", "tok-1") is None
    account = f"{Profile(profile_dir).profile_id}|https://s|vanthu"
    assert memory_keyring.secrets == {(SERVICE, account): "tok-1"}
    assert creds.load_token("https://s", "vanthu") == "tok-1"
    creds.delete_token("https://s", "vanthu")
    creds.delete_token("https://s", "vanthu")  # twice is fine
    assert creds.load_token("https://s", "vanthu") is None


def test_profiles_side_by_side_do_not_share(tmp_path, memory_keyring):
    one, two = Credentials(Profile.at(tmp_path / "a")), Credentials(Profile.at(tmp_path / "b"))
    one.save_token("https://s", "u", "A")
    two.save_token("https://s", "u", "B")
    assert (one.load_token("https://s", "u"), two.load_token("https://s", "u")) == ("A", "B")


def test_windows_size_limit_refuses_not_truncates(profile_dir, memory_keyring):
    creds = Credentials(Profile(profile_dir), max_bytes=WINDOWS_MAX_BYTES)
    fits = "x" * 1280
    assert secret_size(fits) == WINDOWS_MAX_BYTES
    assert creds.save_token("https://s", "u", fits) is None
    assert list(memory_keyring.secrets.values()) == [fits]  # kept whole
    assert creds.save_token("https://s", "u", fits + "y") == "api.token_too_large"
    assert creds.load_token("https://s", "u") is None  # the stale one is gone
    assert memory_keyring.secrets == {}  # and no cut copy of the new one was kept


def test_unusable_keyring_is_reported_not_raised(profile_dir, broken_keyring):
    creds = Credentials(Profile(profile_dir))
    assert creds.save_token("https://s", "u", "tok") == "api.keyring_unusable"
    assert creds.load_token("https://s", "u") is None
    creds.delete_token("https://s", "u")


def test_session_file_round_trip_and_no_secret(profile_dir):
    creds = Credentials(Profile(profile_dir))
    assert creds.load_session() is None
    user = {"id": "u1", "username": "vanthu", "full_name": "Nguyễn Văn Thư"}
    creds.save_session(SessionInfo("https://s", "vanthu", user))
    creds.save_token("https://s", "vanthu", "SECRET-TOKEN")
    text = creds.session_path.read_text(encoding="utf-8")
    assert "SECRET-TOKEN" not in text and "Nguyễn" in text
    assert json.loads(text)["signed_in"] is True
    creds.mark_signed_out()
    info = creds.load_session()
    assert info is not None and info.signed_in is False and info.user == user
    creds.delete_session()
    assert creds.load_session() is None


def test_damaged_session_file_is_ignored(profile_dir):
    creds = Credentials(Profile(profile_dir))
    creds.session_path.write_text("{not json", encoding="utf-8")
    assert creds.load_session() is None
    creds.session_path.write_text('{"server": "https://s"}', encoding="utf-8")
    assert creds.load_session() is None
