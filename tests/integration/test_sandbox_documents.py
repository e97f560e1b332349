"""Contract section 6 against the running sandbox: create, PATCH, actions, order of checks."""

from __future__ import annotations

import datetime as dt
import uuid

import requests

from tests.integration.conftest import PDF, Caller


def registers(sandbox, direction, secret=False):
    year = sandbox.state.today().year
    return next(r["id"] for r in sandbox.state.catalog["registers"]
                if r["direction"] == direction and r["secret"] == secret and r["year"] == year)


def unit_id(sandbox, code):
    return next(u["id"] for u in sandbox.state.units.values() if u["code"] == code)


def issued_outgoing(sandbox, officer, leader, clerk, **fields):
    """Walks a new outgoing draft to `issued` through the API; returns every step's answer."""
    doc = officer.create(unit_id=unit_id(sandbox, "VP"), **fields)
    assert officer.upload(doc, PDF).status_code == 201
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    doc = leader.act(doc, "approve", {"note": "Đồng ý"})
    signed = leader.upload(doc, PDF, role="signed", name="da-ky.pdf").json()
    doc = leader.act(doc, "sign", {"attachment_id": signed["id"]})
    doc = clerk.act(doc, "number", {"register_id": registers(sandbox, "outgoing")})
    final = clerk.upload(doc, PDF, role="final", name="ban-hanh.pdf").json()
    return clerk.act(doc, "issue", {"attachment_id": final["id"]})


def test_create_outgoing_draft_and_incoming_by_clerks_only(sandbox, call):
    officer, clerk = call("chuyenvien"), call("vanthu")
    doc = officer.create(urgency=1, recipients=[{"org_id": "x", "org_name": "Sở Tài chính"}])
    assert doc["status"] == "draft" and doc["version"] == 1 and doc["pending_with"] == [officer.id]
    assert doc["issuer"]["org_name"] == sandbox.state.organization["org_name"]
    assert doc["code_notation"] == "" and doc["code_number"] is None and doc["read"] is False
    assert doc["unit_id"] == officer.user["unit_id"]
    assert doc["history"][0]["action"] == "create" and doc["created_by"] == officer.id
    incoming = {"issuer": {"org_id": "so-tc", "org_name": "Sở Tài chính"}, "code_number": 12,
                "code_notation": "STC-KH", "issued_date": "2026-01-05"}
    refused = officer.send("POST", "/documents", {"id": str(uuid.uuid4()),
                                                  "direction": "incoming", **incoming})
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    received = clerk.create("incoming", **incoming)
    assert received["status"] == "received" and received["code_notation"] == "STC-KH"


def test_create_validation_and_already_exists(sandbox_factory):
    sandbox = sandbox_factory(token_ttl=30 * 24 * 3600)
    officer, other = Caller(sandbox, "chuyenvien"), Caller(sandbox, "khanh.vt")
    bad = officer.send("POST", "/documents", {"id": "nope", "direction": "outgoing",
                                              "type_code": "XX", "subject": "", "urgency": 9})
    assert bad.status_code == 422 and bad.json()["code"] == "validation_failed"
    fields = {e["field"] for e in bad.json()["errors"]}
    assert {"id", "type_code", "subject", "urgency"} <= fields
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB",
            "subject": "Thông báo lịch họp"}
    key = str(uuid.uuid4())
    first = officer.send("POST", "/documents", body, key=key)
    assert first.status_code == 201
    replayed = officer.send("POST", "/documents", body, key=key)
    assert replayed.status_code == 201 and replayed.headers["Idempotent-Replayed"] == "true"
    sandbox.advance_clock(8 * 24 * 3600)  # the key is forgotten after 7 days
    again = officer.send("POST", "/documents", body, key=key)
    assert again.status_code == 200 and again.json() == first.json()
    assert "Idempotent-Replayed" not in again.headers
    changed = officer.send("POST", "/documents", {**body, "subject": "Khác"})
    assert changed.status_code == 409 and changed.json()["code"] == "already_exists"
    assert other.send("POST", "/documents", body).json()["code"] == "already_exists"


def test_order_of_checks(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    path = f"/documents/{doc['id']}/actions"
    submit = {"action": "submit", "params": {"to_user_id": leader.id}}
    anonymous = requests.post(officer.url(path), json=submit, timeout=10)
    assert anonymous.status_code == 401  # before the missing key
    no_key = officer.send("POST", path, submit, key=None)
    assert no_key.status_code == 400 and no_key.json()["code"] == "idempotency_key_required"
    unknown = officer.send("POST", f"/documents/{uuid.uuid4()}/actions", {"action": "bogus"})
    assert unknown.status_code == 404  # before the unknown action
    bogus = officer.send("POST", path, {"action": "bogus"})
    assert bogus.status_code == 422 and bogus.json()["errors"][0]["field"] == "action"
    no_match = officer.send("POST", path, submit)
    assert no_match.status_code == 428 and no_match.json()["code"] == "precondition_required"
    stale = leader.send("POST", path, {"action": "approve"}, if_match=7)
    assert stale.status_code == 404  # the leader does not see the draft yet
    stale = officer.send("POST", path, {"action": "approve"}, if_match=7)
    assert stale.status_code == 412 and stale.json()["current"]["version"] == 1
    forbidden = officer.send("POST", path, {"action": "approve"}, if_match=1)
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
    wrong_status = officer.send("POST", path, {"action": "complete"}, if_match=1)
    assert wrong_status.status_code == 403  # not a lead: 403 comes before 409
    wrong_status = officer.send("POST", path, {"action": "forward", "params": {
        "to_user_id": leader.id}}, if_match=1)
    assert wrong_status.status_code == 200  # forward is allowed in any status
    doc = wrong_status.json()
    moved = leader.send("POST", path, {"action": "register", "params": {}}, if_match=2)
    assert moved.status_code == 403  # not a clerk
    bad_params = leader.send("POST", path, {"action": "return", "params": {"reason": "ngắn"}},
                             if_match=doc["version"])
    assert bad_params.status_code == 409  # draft cannot be returned
    discard = officer.send("POST", path, {"action": "discard"}, if_match=doc["version"])
    assert discard.status_code == 200 and discard.json()["status"] == "discarded"
    gone = officer.send("POST", path, {"action": "comment", "params": {}})
    assert gone.status_code == 404


def test_validation_comes_last_and_invalid_transition(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    short = leader.send("POST", f"/documents/{doc['id']}/actions",
                        {"action": "return", "params": {"reason": "  ngắn  "}},
                        if_match=doc["version"])
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "params.reason"
    no_pdf = leader.send("POST", f"/documents/{doc['id']}/actions", {"action": "approve"},
                         if_match=doc["version"])
    assert no_pdf.status_code == 422  # needs exactly one main PDF
    again = officer.send("POST", f"/documents/{doc['id']}/actions",
                         {"action": "submit", "params": {"to_user_id": leader.id}},
                         if_match=doc["version"])
    assert again.status_code == 403  # no longer pending with the officer
    back = leader.act(doc, "return", {"reason": "Đề nghị bổ sung số liệu quý II"})
    assert back["status"] == "returned" and back["pending_with"] == [officer.id]
    assert leader.send("POST", f"/documents/{doc['id']}/actions",
                       {"action": "return", "params": {"reason": "x" * 12}},
                       if_match=back["version"]).json()["code"] in ("forbidden",
                                                                    "invalid_transition")


def test_outgoing_to_issued_numbers_from_the_server(sandbox, call):
    officer, leader, clerk = call("chuyenvien"), call("lanhdao"), call("vanthu")
    first = issued_outgoing(sandbox, officer, leader, clerk)
    second = issued_outgoing(sandbox, officer, leader, clerk, type_code="QD")
    assert first["status"] == "issued" and first["pending_with"] == []
    assert second["code_number"] == first["code_number"] + 1
    assert first["code_notation"] == "UBND-VP" and second["code_notation"] == "QĐ-UBND"
    assert first["issued_date"] == sandbox.state.today().isoformat()
    assert [h["action"] for h in first["history"]] == [
        "create", "submit", "approve", "sign", "number", "issue"]
    assert first["version"] == 6
    signed_once = [a["role"] for a in first["attachments"]]
    assert signed_once == ["main", "signed", "final"]


def test_incoming_register_assign_start_complete(sandbox, call):
    clerk, leader, officer = call("vanthu"), call("lanhdao"), call("chuyenvien")
    doc = clerk.create("incoming", issuer={"org_id": "bo-tc", "org_name": "Bộ Tài chính"})
    wrong = clerk.send("POST", f"/documents/{doc['id']}/actions", {
        "action": "register", "params": {"register_id": registers(sandbox, "outgoing")}},
        if_match=1)
    assert wrong.status_code == 422
    first = clerk.act(doc, "register", {"register_id": registers(sandbox, "incoming")})
    assert first["arrival_number"] >= 1 and first["registered_by"] == clerk.id
    other = clerk.create("incoming", issuer={"org_id": "bo-tc", "org_name": "Bộ Tài chính"})
    other = clerk.act(other, "register", {"register_id": registers(sandbox, "incoming")})
    assert other["arrival_number"] == first["arrival_number"] + 1
    doc = clerk.act(first, "submit", {"to_user_id": leader.id})
    due = (sandbox.state.today() + dt.timedelta(days=10)).isoformat()
    doc = leader.act(doc, "assign", {"assignments": [
        {"assignee_type": "unit", "assignee_id": officer.user["unit_id"], "role": "lead",
         "due_date": due}], "directive": "Giao phòng KT chủ trì"})
    assert doc["status"] == "assigned" and officer.id in doc["pending_with"]
    assert doc["due_date"] == due and doc["comments"][-1]["kind"] == "directive"
    doc = officer.act(doc, "start")
    assert doc["assignments"][0]["status"] == "in_progress"
    doc = officer.act(doc, "complete", {"note": "Đã xong"})
    assert doc["status"] == "completed" and doc["pending_with"] == []


def test_patch_rules(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create(signer={"competence": "KT", "position": "Phó Chủ tịch",
                                 "full_name": "Nông Đình Đông", "user_id": None})
    path = f"/documents/{doc['id']}"
    assert officer.send("PATCH", path, {"subject": "Mới"}).status_code == 428
    patched = officer.send("PATCH", path, {"subject": "Về việc mới", "place": None,
                                           "signer": {"position": "Chủ tịch"}}, if_match=1)
    assert patched.status_code == 200
    body = patched.json()
    assert body["version"] == 2 and body["subject"] == "Về việc mới" and body["place"] == ""
    assert body["signer"]["position"] == "Chủ tịch" and body["signer"]["competence"] == "KT"
    assert body["history"][-1]["action"] == "patch"
    stale = officer.send("PATCH", path, {"subject": "Cũ"}, if_match=1)
    assert stale.status_code == 412 and stale.json()["current"]["subject"] == "Về việc mới"
    bad = officer.send("PATCH", path, {"direction": "incoming", "status": "issued"}, if_match=2)
    assert bad.status_code == 422 and {e["field"] for e in bad.json()["errors"]} == {
        "direction", "status"}
    assert officer.send("PATCH", path, {"subject": ""}, if_match=2).status_code == 422
    doc = officer.act(body, "submit", {"to_user_id": leader.id})
    locked = officer.send("PATCH", path, {"subject": "Muộn"}, if_match=doc["version"])
    assert locked.status_code == 409 and locked.json()["code"] == "invalid_transition"
    assert leader.send("PATCH", path, {"subject": "x"}, if_match=doc["version"]).status_code == 403


def test_comments_and_mark_read_keep_the_version(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    comment = {"id": str(uuid.uuid4()), "kind": "opinion", "text": "Đề nghị xem xét"}
    path = f"/documents/{doc['id']}/actions"
    answer = officer.send("POST", path, {"action": "comment", "params": comment})
    assert answer.status_code == 200 and answer.json()["version"] == doc["version"]
    directive = {"id": str(uuid.uuid4()), "kind": "directive", "text": "Chỉ đạo"}
    assert officer.send("POST", path, {"action": "comment", "params": directive}).status_code == 403
    assert leader.send("POST", path, {"action": "comment", "params": directive}).status_code == 200
    twice = officer.send("POST", path, {"action": "comment", "params": comment})
    assert twice.status_code == 409 and twice.json()["code"] == "already_exists"
    read = leader.send("POST", path, {"action": "mark_read"}).json()
    assert read["read"] is True and read["readers"] == [leader.id]
    assert read["version"] == doc["version"]


def test_secret_registers_must_match_secrecy(sandbox, call):
    clerk = call("vanthu")
    doc = clerk.create("incoming", secrecy=1,
                       issuer={"org_id": "bo-ca", "org_name": "Bộ Công an"})
    plain = clerk.send("POST", f"/documents/{doc['id']}/actions", {
        "action": "register", "params": {"register_id": registers(sandbox, "incoming")}},
        if_match=1)
    assert plain.status_code == 422
    ok = clerk.act(doc, "register", {"register_id": registers(sandbox, "incoming", True)})
    assert ok["status"] == "registered"


def test_two_clients_at_once(sandbox):
    import concurrent.futures

    officers = [Caller(sandbox, "chuyenvien"), Caller(sandbox, "khanh.vt")]

    def work(caller):
        return [caller.create()["id"] for _ in range(6)]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        made = list(pool.map(work, officers * 2))
    ids = [i for batch in made for i in batch]
    assert len(set(ids)) == 24
    for caller in officers:
        from tests.integration.conftest import latest

        changes, _ = caller.pull()
        seen = latest(changes)
        mine = [i for batch in made for i in batch if i in seen]
        assert len(mine) == 12  # each sees the 12 it created


def test_a_body_that_is_not_json_is_refused_in_the_order_of_checks(sandbox, call):
    officer = call("chuyenvien")
    doc = officer.create()
    headers = {"Content-Type": "application/json"}
    for path, expected in ((f"/documents/{uuid.uuid4()}/actions", 404),
                           (f"/documents/{doc['id']}/actions", 422),
                           ("/documents", 422)):
        answer = officer.send("POST", path, data=b"{not json", headers=headers)
        assert answer.status_code == expected, path
    stale = officer.send("PATCH", f"/documents/{doc['id']}", data=b"[", headers=headers,
                         if_match=9)
    assert stale.status_code == 412
