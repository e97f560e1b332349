"""Contract section 3 against the running sandbox: the change feed, cursors, deletes."""

from __future__ import annotations

import base64
import json

from tests.integration.conftest import PDF, latest
from tests.integration.test_sandbox_documents import issued_outgoing


def test_full_pass_pages_and_kinds(sandbox, call):
    clerk = call("vanthu")
    changes, cursor = clerk.pull(limit=7)
    kinds = {c["kind"] for c in changes}
    assert kinds == {"user", "unit", "catalog", "document"}
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    users = latest(changes, "user")
    assert len(users) == len(sandbox.state.users)
    assert all("password" not in c["data"] and "hash" not in c["data"] for c in users.values())
    catalog = latest(changes, "catalog")["catalog"]["data"]
    assert {"document_types", "registers", "organizations", "calendar"} <= set(catalog)
    for change in latest(changes).values():
        assert change["op"] == "upsert" and change["data"]["id"] == change["id"]
        assert change["data"]["status"] != "discarded"
        assert isinstance(change["data"]["read"], bool)
    again, _ = clerk.pull(cursor)
    assert again == []


def test_visibility_differs_by_user(sandbox, call):
    clerk, admin = call("vanthu"), call("quantri")
    clerk_docs = latest(clerk.pull()[0])
    admin_docs = latest(admin.pull()[0])
    incoming = [d for d in clerk_docs.values() if d["data"]["direction"] == "incoming"]
    assert incoming and not any(d["data"]["direction"] == "incoming"
                                for d in admin_docs.values())


def test_limit_and_cursor_errors(sandbox, call):
    clerk, leader = call("vanthu"), call("lanhdao")
    for limit in ("0", "1001", "abc"):
        answer = clerk.get("/sync/changes", params={"limit": limit})
        assert answer.status_code == 422 and answer.json()["code"] == "validation_failed"
    page = clerk.get("/sync/changes", params={"limit": 1000}).json()
    assert len(page["changes"]) <= 1000
    cursor = page["cursor"]
    payload, sig = cursor.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["p"] = 0
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    for bad in (f"{forged}.{sig}", "garbage", cursor + "x"):
        answer = clerk.get("/sync/changes", params={"cursor": bad})
        assert answer.status_code == 400 and answer.json()["code"] == "invalid_cursor"
    theirs = leader.get("/sync/changes", params={"cursor": cursor})
    assert theirs.status_code == 400  # never issued to this user


def test_cursor_expiry_by_fault_and_by_reset(sandbox, call):
    clerk = call("vanthu")
    _, cursor = clerk.pull()
    sandbox.set_faults("cursor_ttl_s=60")
    assert clerk.get("/sync/changes", params={"cursor": cursor}).status_code == 200
    sandbox.advance_clock(61)
    expired = clerk.get("/sync/changes", params={"cursor": cursor})
    assert expired.status_code == 410 and expired.json()["code"] == "cursor_expired"
    sandbox.set_faults(None)
    assert clerk.get("/sync/changes", params={"cursor": cursor}).status_code == 200
    sandbox.reset()
    clerk = call("vanthu")
    assert clerk.get("/sync/changes", params={"cursor": cursor}).status_code == 410


def test_every_change_reaches_the_feed_and_read_is_per_user(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    _, officer_cursor = officer.pull()
    _, leader_cursor = leader.pull()
    doc = officer.create()
    officer.upload(doc, PDF)
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    leader.send("POST", f"/documents/{doc['id']}/actions", {"action": "mark_read"})
    changes, _ = leader.pull(leader_cursor)
    mine = [c for c in changes if c["id"] == doc["id"]]
    assert len(mine) == 1 and mine[0]["data"]["read"] is True  # only the latest state
    assert mine[0]["data"]["readers"] == [leader.id]
    changes, officer_cursor = officer.pull(officer_cursor)
    seen = latest(changes)[doc["id"]]["data"]
    assert seen["read"] is False and seen["readers"] == [leader.id]
    assert len(seen["attachments"]) == 1
    changes, _ = officer.pull(officer_cursor)
    assert changes == []


def test_deletes_on_discard_recall_and_lost_visibility(sandbox, call):
    officer, leader, clerk, admin = (call("chuyenvien"), call("lanhdao"), call("vanthu"),
                                     call("quantri"))
    cursors = {c.id: c.pull()[1] for c in (officer, leader, clerk, admin)}
    internal = issued_outgoing(sandbox, officer, leader, clerk, direction="internal")
    outgoing = issued_outgoing(sandbox, officer, leader, clerk)
    draft = officer.create()
    draft = officer.act(draft, "submit", {"to_user_id": leader.id})
    for caller in (officer, leader, clerk, admin):
        changes, cursors[caller.id] = caller.pull(cursors[caller.id])
        seen = latest(changes)
        assert internal["id"] in seen  # an issued internal document reaches everyone
        assert (outgoing["id"] in seen) == (caller is not admin)
    assert draft["id"] in latest(leader.pull()[0])
    clerk.act(internal, "recall", {"reason": "Ban hành nhầm"})
    clerk.act(outgoing, "recall", {})
    leader.act(draft, "return", {"reason": "Đề nghị sửa lại nội dung"})
    results = {}
    for caller in (officer, leader, clerk, admin):
        changes, cursors[caller.id] = caller.pull(cursors[caller.id])
        results[caller.id] = {k: v["op"] for k, v in latest(changes).items()}
    assert results[admin.id] == {internal["id"]: "delete"}
    assert results[leader.id][internal["id"]] == "delete"
    assert results[leader.id][outgoing["id"]] == "delete"
    assert results[leader.id][draft["id"]] == "upsert"  # still involved: returned by them
    for keeper in (officer, clerk):  # the creator and the unit's clerk keep the record
        assert results[keeper.id][internal["id"]] == "upsert"
    returned = officer.pull()[0]
    draft = latest(returned)[draft["id"]]["data"]
    officer.act(draft, "discard")
    changes, _ = leader.pull(cursors[leader.id])
    assert latest(changes)[draft["id"]]["op"] == "delete"
    fresh = latest(leader.pull()[0])
    assert draft["id"] not in fresh and internal["id"] not in fresh  # a full pass: no deletes
