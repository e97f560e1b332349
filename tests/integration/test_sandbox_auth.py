"""Contract section 2 against the running sandbox: sign-in, rotation, expiry, lock-out."""

from __future__ import annotations

import requests

from tests.integration.conftest import Caller


def login(sandbox, username="vanthu", password="demo"):
    return requests.post(f"{sandbox.api_url}/auth/login", timeout=10,
                         json={"username": username, "password": password, "device_name": "t"})


def refresh(sandbox, token):
    return requests.post(f"{sandbox.api_url}/auth/refresh", json={"refresh_token": token},
                         timeout=10)


def feed(sandbox, access):
    return requests.get(f"{sandbox.api_url}/sync/changes", params={"limit": 1}, timeout=10,
                        headers={"Authorization": f"Bearer {access}"})


def test_info_needs_no_sign_in_and_every_answer_has_date(sandbox):
    answer = requests.get(f"{sandbox.api_url}/info", timeout=10)
    assert answer.status_code == 200 and answer.headers["Date"].endswith("GMT")
    body = answer.json()
    assert body["api_version"] == "1.0" and body["organization"]["code"] == "UBND"
    assert set(body) >= {"server_name", "min_client_version"}
    missing = requests.get(f"{sandbox.api_url}/nowhere", timeout=10)
    assert missing.status_code == 404 and "Date" in missing.headers
    assert missing.headers["Content-Type"] == "application/problem+json"


def test_login_gives_tokens_and_the_user(sandbox):
    answer = login(sandbox)
    assert answer.status_code == 200
    body = answer.json()
    assert body["user"]["username"] == "vanthu" and "clerk" in body["user"]["roles"]
    assert body["expires_in"] == 3600 and body["access_token"] != body["refresh_token"]
    assert set(body["user"]) == {"id", "username", "full_name", "title", "unit_id", "active",
                                 "roles"}
    assert feed(sandbox, body["access_token"]).status_code == 200


def test_wrong_password_then_lock_after_five_bad_tries_in_a_row(sandbox):
    for _ in range(4):
        assert login(sandbox, "chuyenvien", "sai").json()["code"] == "invalid_credentials"
    assert login(sandbox, "chuyenvien").status_code == 200  # a success resets the count
    for _ in range(5):
        answer = login(sandbox, "chuyenvien", "sai")
        assert answer.status_code == 401 and answer.json()["code"] == "invalid_credentials"
    locked = login(sandbox, "chuyenvien")
    assert locked.status_code == 423 and locked.json()["code"] == "account_locked"
    assert locked.headers["Content-Type"] == "application/problem+json"
    assert login(sandbox, "lanhdao").status_code == 200  # others are not affected
    sandbox.advance_clock(16 * 60)
    assert login(sandbox, "chuyenvien").status_code == 200


def test_unknown_user_and_malformed_bodies(sandbox):
    assert login(sandbox, "khongco").json()["code"] == "invalid_credentials"
    answer = requests.post(f"{sandbox.api_url}/auth/login", data=b"{", timeout=10)
    assert answer.status_code == 422 and answer.json()["code"] == "validation_failed"


def test_refresh_rotates_and_a_repeat_within_60_s_gets_the_same_answer(sandbox):
    first = login(sandbox).json()
    rotated = refresh(sandbox, first["refresh_token"])
    assert rotated.status_code == 200
    again = refresh(sandbox, first["refresh_token"])
    assert again.status_code == 200 and again.json() == rotated.json()
    new = rotated.json()
    assert new["refresh_token"] != first["refresh_token"]
    assert feed(sandbox, new["access_token"]).status_code == 200
    sandbox.advance_clock(61)
    late = refresh(sandbox, first["refresh_token"])
    assert late.status_code == 401 and late.json()["code"] == "invalid_grant"
    assert refresh(sandbox, new["refresh_token"]).status_code == 200
    assert refresh(sandbox, "bịa-đặt").json()["code"] == "invalid_grant"


def test_access_token_expires_and_refresh_brings_it_back(sandbox_factory):
    sandbox = sandbox_factory(token_ttl=30)
    body = login(sandbox).json()
    assert body["expires_in"] == 30
    sandbox.advance_clock(31)
    expired = feed(sandbox, body["access_token"])
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"
    renewed = refresh(sandbox, body["refresh_token"]).json()
    assert feed(sandbox, renewed["access_token"]).status_code == 200


def test_missing_malformed_or_revoked_tokens_are_invalid_token(sandbox):
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer nope"}):
        answer = requests.get(f"{sandbox.api_url}/sync/changes", headers=headers, timeout=10)
        assert answer.status_code == 401 and answer.json()["code"] == "invalid_token"
    body = login(sandbox).json()
    out = requests.post(f"{sandbox.api_url}/auth/logout", timeout=10,
                        json={"refresh_token": body["refresh_token"]})
    assert out.status_code == 204
    assert feed(sandbox, body["access_token"]).json()["code"] == "invalid_token"
    assert refresh(sandbox, body["refresh_token"]).json()["code"] == "invalid_grant"


def test_auth_takes_no_idempotency_key_and_sessions_survive_a_restart(sandbox):
    caller = Caller(sandbox, "lanhdao")
    sandbox.stop()
    sandbox.start()
    assert feed(sandbox, caller.access).status_code == 200
    assert refresh(sandbox, caller.refresh).status_code == 200


def test_logout_ends_the_reuse_window_too(sandbox):
    first = login(sandbox).json()
    rotated = refresh(sandbox, first["refresh_token"]).json()
    out = requests.post(f"{sandbox.api_url}/auth/logout", timeout=10,
                        json={"refresh_token": rotated["refresh_token"]})
    assert out.status_code == 204
    assert refresh(sandbox, first["refresh_token"]).json()["code"] == "invalid_grant"
    assert feed(sandbox, rotated["access_token"]).json()["code"] == "invalid_token"
