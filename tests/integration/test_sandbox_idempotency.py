"""Contract section 6 Idempotency-Key rules against the running sandbox."""

from __future__ import annotations

import json
import uuid

import requests

from eoffice_client.sandbox import idempotency
from tests.integration.conftest import PDF, Caller, latest


def kept_keys(sandbox, user_id):
    with sandbox.state.db.connection() as conn:
        return {row[0] for row in conn.execute(
            "SELECT key FROM idempotency WHERE user_id = ?", (user_id,))}


def test_a_repeat_is_replayed_and_nothing_is_done_twice(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    key = str(uuid.uuid4())
    body = {"action": "submit", "params": {"to_user_id": leader.id}}
    path = f"/documents/{doc['id']}/actions"
    first = officer.send("POST", path, body, key=key, if_match=1)
    assert first.status_code == 200 and "Idempotent-Replayed" not in first.headers
    # the same JSON with other spacing and key order is the same request
    raw = json.dumps({"params": {"to_user_id": leader.id}, "action": "submit"}, indent=3)
    again = officer.http.post(officer.url(path), data=raw, timeout=10, headers={
        **officer.headers(key, 1), "Content-Type": "application/json"})
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() and again.json()["version"] == 2
    now = latest(officer.pull()[0])[doc["id"]]["data"]
    assert now["version"] == 2 and [h["action"] for h in now["history"]] == ["create", "submit"]


def test_same_key_other_request_is_refused(sandbox, call):
    officer = call("chuyenvien")
    doc = officer.create()
    key = str(uuid.uuid4())
    path = f"/documents/{doc['id']}"
    assert officer.send("PATCH", path, {"subject": "Một"}, key=key, if_match=1).status_code == 200
    other = officer.send("PATCH", path, {"subject": "Hai"}, key=key, if_match=1)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    other_match = officer.send("PATCH", path, {"subject": "Một"}, key=key, if_match=2)
    assert other_match.json()["code"] == "idempotency_key_reused"  # If-Match is compared


def test_keys_belong_to_their_user(sandbox, call):
    officer, colleague = call("chuyenvien"), call("khanh.vt")
    key = str(uuid.uuid4())
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB", "subject": "A"}
    assert officer.send("POST", "/documents", body, key=key).status_code == 201
    theirs = colleague.send("POST", "/documents", {**body, "id": str(uuid.uuid4())}, key=key)
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs.headers


def test_final_answers_are_kept_others_are_not(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    path = f"/documents/{doc['id']}/actions"
    stale_key = str(uuid.uuid4())
    stale = officer.send("POST", path, {"action": "discard"}, key=stale_key, if_match=5)
    assert stale.status_code == 412
    replay = officer.send("POST", path, {"action": "discard"}, key=stale_key, if_match=5)
    assert replay.status_code == 412 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == stale.json()
    attachment_id = str(uuid.uuid4())
    assert officer.upload(doc, PDF, attachment_id=attachment_id).status_code == 201
    conflict_key = str(uuid.uuid4())
    conflict = officer.upload(doc, PDF + b"!", attachment_id=attachment_id, key=conflict_key)
    assert conflict.status_code == 409 and conflict.json()["code"] == "attachment_exists"
    assert conflict_key not in kept_keys(sandbox, officer.id)  # 409 attachment_exists: not kept
    unauthorised_key = str(uuid.uuid4())
    denied = requests.post(officer.url(path), json={"action": "discard"}, timeout=10,
                           headers={"Authorization": "Bearer expired", "If-Match": '"1"',
                                    "Idempotency-Key": unauthorised_key})
    assert denied.status_code == 401
    done = officer.send("POST", path, {"action": "discard"}, key=unauthorised_key, if_match=1)
    assert done.status_code == 200 and "Idempotent-Replayed" not in done.headers
    forbidden_key = str(uuid.uuid4())
    leader_try = leader.send("POST", path, {"action": "discard"}, key=forbidden_key, if_match=1)
    assert leader_try.status_code == 404
    assert forbidden_key in kept_keys(sandbox, leader.id)


def test_a_repeat_while_the_first_runs_is_request_in_progress(sandbox, call):
    officer = call("chuyenvien")
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB", "subject": "B"}
    key = str(uuid.uuid4())
    base = officer.url("/documents")
    printed = idempotency.fingerprint("POST", "/api/v1/documents", {}, None, body)
    assert idempotency.begin(sandbox.state, officer.id, key, printed) is None  # "running"
    busy = officer.http.post(base, json=body, headers=officer.headers(key), timeout=10)
    assert busy.status_code == 409 and busy.json()["code"] == "request_in_progress"
    other = officer.http.post(base, json={**body, "subject": "C"}, headers=officer.headers(key),
                              timeout=10)
    assert other.json()["code"] == "idempotency_key_reused"
    idempotency.finish(sandbox.state, officer.id, key, 503, None, {}, b"")  # not kept
    ran = officer.http.post(base, json=body, headers=officer.headers(key), timeout=10)
    assert ran.status_code == 201


def test_answers_are_forgotten_after_seven_days(sandbox_factory):
    sandbox = sandbox_factory(token_ttl=30 * 24 * 3600)
    officer = Caller(sandbox, "chuyenvien")
    doc = officer.create()
    key = str(uuid.uuid4())
    path = f"/documents/{doc['id']}/actions"
    assert officer.send("POST", path, {"action": "mark_read"}, key=key).status_code == 200
    sandbox.advance_clock(6 * 24 * 3600)
    assert officer.send("POST", path, {"action": "mark_read"},
                        key=key).headers.get("Idempotent-Replayed") == "true"
    sandbox.advance_clock(2 * 24 * 3600)
    late = officer.send("POST", path, {"action": "mark_read"}, key=key)
    assert late.status_code == 200 and "Idempotent-Replayed" not in late.headers
