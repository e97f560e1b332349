"""Contract section 5 against the running sandbox: content, Range/ETag, upload, delete."""

from __future__ import annotations

import hashlib
import uuid

from tests.integration.conftest import PDF, latest


def seeded_attachment(caller, secret=False):
    for change in latest(caller.pull()[0]).values():
        doc = change["data"]
        if doc and doc["attachments"] and (doc["secrecy"] >= 1) == secret:
            return doc, doc["attachments"][0]
    raise AssertionError("no seeded document with an attachment")


def test_seeded_content_matches_its_sha256_with_a_strong_etag(sandbox, call):
    clerk = call("vanthu")
    _, attachment = seeded_attachment(clerk)
    answer = clerk.get(f"/attachments/{attachment['id']}/content")
    assert answer.status_code == 200
    assert hashlib.sha256(answer.content).hexdigest() == attachment["sha256"]
    assert answer.headers["ETag"] == f'"{attachment["sha256"]}"'
    assert answer.headers["Accept-Ranges"] == "bytes"
    assert len(answer.content) == attachment["size"]


def test_ranges_if_range_and_416(sandbox, call):
    clerk = call("vanthu")
    _, attachment = seeded_attachment(clerk)
    path = f"/attachments/{attachment['id']}/content"
    whole = clerk.get(path).content
    etag = f'"{attachment["sha256"]}"'
    part = clerk.get(path, headers={"Range": "bytes=10-"})
    assert part.status_code == 206 and part.content == whole[10:]
    assert part.headers["Content-Range"] == f"bytes 10-{len(whole) - 1}/{len(whole)}"
    head = clerk.get(path, headers={"Range": "bytes=0-9", "If-Range": etag})
    assert head.status_code == 206 and head.content == whole[:10]
    tail = clerk.get(path, headers={"Range": "bytes=-5"})
    assert tail.status_code == 206 and tail.content == whole[-5:]
    changed = clerk.get(path, headers={"Range": "bytes=10-", "If-Range": '"' + "0" * 64 + '"'})
    assert changed.status_code == 200 and changed.content == whole
    outside = clerk.get(path, headers={"Range": f"bytes={len(whole)}-"})
    assert outside.status_code == 416
    assert outside.headers["Content-Range"] == f"bytes */{len(whole)}"


def test_secret_documents_never_serve_files(sandbox_factory):
    from tests.integration.conftest import Caller

    sandbox = sandbox_factory(documents=60)
    clerk = Caller(sandbox, "vanthu")
    doc = clerk.create("incoming", secrecy=2, issuer={"org_id": "a", "org_name": "Bộ Công an"})
    refused = clerk.upload(doc, PDF)
    assert refused.status_code == 403 and refused.json()["code"] == "secret_content"
    _, attachment = seeded_attachment(clerk, secret=True)  # seed 5 has some
    answer = clerk.get(f"/attachments/{attachment['id']}/content")
    assert answer.status_code == 403 and answer.json()["code"] == "secret_content"


def test_upload_checks(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    attachment_id = str(uuid.uuid4())
    first = officer.upload(doc, PDF, attachment_id=attachment_id,
                           name="D%E1%BB%B1%20th%E1%BA%A3o.pdf")
    assert first.status_code == 201
    body = first.json()
    assert body["file_name"] == "Dự thảo.pdf" and body["size"] == len(PDF)
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest() and body["role"] == "main"
    assert body["uploaded_by"] == officer.id
    again = officer.upload(doc, PDF, attachment_id=attachment_id)  # a new key, same file
    assert again.status_code == 200 and again.json() == body
    other = officer.upload(doc, PDF + b"x", attachment_id=attachment_id)
    assert other.status_code == 409 and other.json()["code"] == "attachment_exists"
    lying = officer.send("PUT", f"/attachments/{uuid.uuid4()}/content", data=PDF,
                         params={"document_id": doc["id"], "role": "main"},
                         headers={"X-Content-SHA256": "0" * 64, "X-File-Name": "a.pdf",
                                  "Content-Type": "application/pdf"})
    assert lying.status_code == 422 and lying.json()["code"] == "checksum_mismatch"
    bad_role = officer.upload(doc, PDF, role="cover")
    assert bad_role.status_code == 422
    bad_id = officer.upload(doc, PDF, attachment_id="not-a-uuid")
    assert bad_id.status_code == 422 and bad_id.json()["errors"][0]["field"] == "id"
    assert officer.upload(doc, PDF, key=None).status_code == 400
    stranger = leader.upload(doc, PDF)
    assert stranger.status_code == 404  # the leader cannot see the draft
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    assert officer.upload(doc, PDF).status_code == 403  # no longer pending, not a draft
    assert leader.upload(doc, PDF, role="appendix").status_code == 201  # pending with them
    missing = officer.upload({"id": str(uuid.uuid4())}, PDF)
    assert missing.status_code == 404
    after = latest(officer.pull()[0])[doc["id"]]["data"]
    assert after["version"] == doc["version"] and len(after["attachments"]) == 2


def test_approve_looks_at_the_bytes(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    fake = officer.upload(doc, b"not a pdf at all", name="gia.pdf")
    assert fake.status_code == 201
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    refused = leader.send("POST", f"/documents/{doc['id']}/actions", {"action": "approve"},
                          if_match=doc["version"])
    assert refused.status_code == 422


def test_delete_attachment_rules(sandbox, call):
    officer, leader = call("chuyenvien"), call("lanhdao")
    doc = officer.create()
    main = officer.upload(doc, PDF).json()
    appendix = officer.upload(doc, PDF + b" ", role="appendix").json()
    assert officer.send("DELETE", f"/attachments/{main['id']}", key=None).status_code == 400
    gone = officer.send("DELETE", f"/attachments/{appendix['id']}")
    assert gone.status_code == 204
    assert officer.send("DELETE", f"/attachments/{appendix['id']}").status_code == 404
    doc = officer.act(doc, "submit", {"to_user_id": leader.id})
    assert leader.send("DELETE", f"/attachments/{main['id']}").status_code == 403
    late = officer.send("DELETE", f"/attachments/{main['id']}")
    assert late.status_code == 409 and late.json()["code"] == "invalid_transition"
    now = latest(officer.pull()[0])[doc["id"]]["data"]
    assert [a["id"] for a in now["attachments"]] == [main["id"]]
