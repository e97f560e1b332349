"""Sign-in, rotation, expiry, sign-out and the keyring against the real sandbox server."""

from __future__ import annotations

import json
import logging

import keyring
import pytest
import requests
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from eoffice_client.core.api import ApiClient
from eoffice_client.core.api import client as client_module
from eoffice_client.core.api.credentials import SERVICE
from eoffice_client.core.api.errors import ClientTooOld, SignInNeeded, SignInRefused, Unreachable
from eoffice_client.core.errors import ExitCode
from eoffice_client.sandbox.testing import SandboxServer
from tests.integration.test_api_support import PASSWORD, make_client, pull_all, signed_in


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=20, seed=11) as running:
        yield running


def only_token(memory_keyring) -> str:
    values = [v for (service, _), v in memory_keyring.secrets.items() if service == SERVICE]
    assert len(values) == 1
    return values[0]


def test_sign_in_keeps_refresh_token_only_in_keyring(server, tmp_path, memory_keyring):
    client = make_client(server, tmp_path / "p")
    user = client.login("vanthu", PASSWORD)
    assert user["username"] == "vanthu" and "clerk" in user["roles"]
    assert client.current_user == user and client.remembered
    (service, account), token = next(iter(memory_keyring.secrets.items()))
    assert service == "eoffice-client"
    assert account == f"{client.profile.profile_id}|{client.server}|vanthu"
    session = json.loads((tmp_path / "p" / "session.json").read_text(encoding="utf-8"))
    assert session["server"] == server.url and session["user"]["id"] == user["id"]
    for path in (tmp_path / "p").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert token.encode() not in data and client._access.encode() not in data


def test_wrong_password_is_refused_with_exit_2(server, tmp_path, memory_keyring):
    client = make_client(server, tmp_path / "p")
    with pytest.raises(SignInRefused) as caught:
        client.login("chuyenvien", "wrong")
    assert not caught.value.locked and caught.value.exit_code == ExitCode.SIGN_IN_REFUSED
    assert caught.value.code == "invalid_credentials"
    assert not client.signed_in and memory_keyring.secrets == {}


def test_account_locked_after_five_wrong_tries(server, tmp_path):
    username = server.sample().users[-1]["username"]
    client = make_client(server, tmp_path / "p")
    for _ in range(5):
        with pytest.raises(SignInRefused) as caught:
            client.login(username, "nope")
    with pytest.raises(SignInRefused) as caught:
        client.login(username, PASSWORD)  # right password, but locked now
    assert caught.value.locked and caught.value.status == 423
    assert caught.value.key == "api.account_locked"


def test_refresh_rotates_and_old_token_only_replays_within_window(server, tmp_path,
                                                                  memory_keyring):
    client = signed_in(server, tmp_path / "p")
    first = only_token(memory_keyring)
    server.advance_clock(4000)  # the access token expired on the server: 401 token_expired
    pull_all(client)
    second = only_token(memory_keyring)
    assert second != first and client.signed_in
    # The old token presented again within 60 s gets the same answer (a lost answer).
    again = requests.post(f"{server.api_url}/auth/refresh", json={"refresh_token": first},
                          timeout=10)
    assert again.status_code == 200 and again.json()["refresh_token"] == second
    server.advance_clock(61)
    late = requests.post(f"{server.api_url}/auth/refresh", json={"refresh_token": first},
                         timeout=10)
    assert late.status_code == 401 and late.json()["code"] == "invalid_grant"


def test_lost_refresh_answer_recovered_with_the_old_token(server, tmp_path, memory_keyring):
    client = signed_in(server, tmp_path / "p", retries=0)
    old = only_token(memory_keyring)
    server.advance_clock(4000)
    server.set_faults("reset_rate=1")  # the server rotates, the answer is cut
    try:
        with pytest.raises(Unreachable):
            client.changes(None, limit=5)
    finally:
        server.set_faults(None)
    assert only_token(memory_keyring) == old  # nothing half-saved
    page = client.changes(None, limit=5)  # presents the old token again: same answer
    assert page.changes and only_token(memory_keyring) != old


def test_expiry_mid_session_with_short_token_ttl(tmp_path, memory_keyring):
    with SandboxServer(tmp_path / "sb", documents=5, seed=2, token_ttl=2) as short:
        client = signed_in(short, tmp_path / "p")
        first = only_token(memory_keyring)
        short.advance_clock(3)
        client.changes(None, limit=5)
        assert only_token(memory_keyring) != first


def test_replayed_rotated_token_after_window_means_sign_in(server, tmp_path, memory_keyring):
    client = signed_in(server, tmp_path / "p")
    stale = only_token(memory_keyring)
    server.advance_clock(4000)
    client.changes(None, limit=1)  # rotates
    server.advance_clock(4000)
    other = make_client(server, tmp_path / "p")
    keyring.set_password(SERVICE, next(iter(memory_keyring.secrets))[1], stale)
    assert other.restore_session() is True  # offline: token found, not yet checked
    with pytest.raises(SignInNeeded) as caught:
        other.changes(None, limit=1)
    assert caught.value.code == "invalid_grant" and caught.value.exit_code == 5
    assert memory_keyring.secrets == {}  # the dead token is removed
    assert not other.signed_in


def test_invalid_access_token_means_sign_in(server, tmp_path):
    client = signed_in(server, tmp_path / "p")
    client._access = "not-a-token"
    with pytest.raises(SignInNeeded) as caught:
        client.changes(None, limit=1)
    assert caught.value.code == "invalid_token"


def test_restore_session_in_a_new_client(server, tmp_path, memory_keyring):
    signed_in(server, tmp_path / "p", username="lanhdao").close()
    later = make_client(server, tmp_path / "p")
    assert later.restore_session(verify=True)
    assert later.current_user["username"] == "lanhdao"
    assert later.changes(None, limit=3).cursor
    elsewhere = ApiClient("https://eoffice.example.gov.vn", profile=later.profile,
                          settings=later.settings)
    assert elsewhere.restore_session() is False  # another server: not this sign-in


def test_logout_revokes_and_forgets(server, tmp_path, memory_keyring):
    client = signed_in(server, tmp_path / "p")
    token = only_token(memory_keyring)
    assert client.logout() is True
    assert memory_keyring.secrets == {} and not client.signed_in
    assert client.current_user is None
    answer = requests.post(f"{server.api_url}/auth/refresh", json={"refresh_token": token},
                           timeout=10)
    assert answer.status_code == 401 and answer.json()["code"] == "invalid_grant"
    later = make_client(server, tmp_path / "p")
    assert later.restore_session() is False
    with pytest.raises(SignInNeeded):
        later.changes(None)


def test_logout_while_server_down_still_forgets(tmp_path, memory_keyring):
    sandbox = SandboxServer(tmp_path / "sb", documents=5, seed=3).start()
    client = signed_in(sandbox, tmp_path / "p", retries=0)
    sandbox.stop()
    assert client.logout() is False
    assert memory_keyring.secrets == {}


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise NoKeyringError("none")

    def set_password(self, service, username, password):
        raise NoKeyringError("none")

    def delete_password(self, service, username):
        raise NoKeyringError("none")


def test_unusable_keyring_signs_in_for_the_session_only(server, tmp_path):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        client = signed_in(server, tmp_path / "p")
        assert client.signed_in and not client.remembered
        assert client.not_remembered_reason == "api.keyring_unusable"
        server.advance_clock(4000)
        assert client.changes(None, limit=2).changes  # refresh works from memory
        assert make_client(server, tmp_path / "p").restore_session() is False
    finally:
        keyring.set_keyring(previous)


def test_too_old_client_is_refused(server, tmp_path, monkeypatch):
    monkeypatch.setattr(client_module, "__version__", "0.0.1")
    client = make_client(server, tmp_path / "p")
    with pytest.raises(ClientTooOld) as caught:
        client.login("vanthu", PASSWORD)
    assert caught.value.exit_code == ExitCode.CLIENT_TOO_OLD
    assert not client.signed_in


def test_a_whole_session_logs_no_secret(server, tmp_path, memory_keyring, caplog):
    seen: set[str] = {PASSWORD}
    with caplog.at_level(logging.DEBUG):
        client = signed_in(server, tmp_path / "p")
        seen.update(memory_keyring.secrets.values())
        seen.add(client._access)
        server.advance_clock(4000)
        documents, _ = pull_all(client)
        seen.update(memory_keyring.secrets.values())
        seen.add(client._access)
        with pytest.raises(SignInRefused):
            make_client(server, tmp_path / "q").login("vanthu", "s3cret-wrong")
        seen.add("s3cret-wrong")
        client.logout()
    assert documents
    text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    assert "eoffice.api" in {r.name for r in caplog.records}
    for secret in seen:
        assert secret not in text
    for path in (tmp_path / "p").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(s.encode() in data for s in seen if len(s) > 8)


def test_signing_in_as_someone_else_drops_the_previous_token(server, tmp_path,
                                                             memory_keyring):
    signed_in(server, tmp_path / "p", username="vanthu")
    client = signed_in(server, tmp_path / "p", username="lanhdao")
    accounts = [account for (_, account) in memory_keyring.secrets]
    assert accounts == [f"{client.profile.profile_id}|{client.server}|lanhdao"]
