"""Every call of the client and every error code of the contract, against the real sandbox."""

from __future__ import annotations

import time
import uuid

import pytest

from eoffice_client.core.api.errors import (
    BadRequest,
    Conflict,
    CursorExpired,
    FileTooLarge,
    Forbidden,
    IdempotencyKeyReused,
    InvalidCursor,
    InvalidTransition,
    NotFound,
    PreconditionRequired,
    RangeNotSatisfiable,
    ServerUnavailable,
    Unreachable,
    ValidationFailed,
    VersionConflict,
)
from eoffice_client.core.errors import ExitCode
from eoffice_client.sandbox.testing import SandboxServer
from tests.integration.test_api_support import (
    PDF,
    key,
    new_draft,
    pull_all,
    register_id,
    sha,
    signed_in,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=40, seed=21) as running:
        yield running


@pytest.fixture
def faults(server):
    yield server.set_faults
    server.set_faults(None)


@pytest.fixture
def clerk(server, tmp_path):
    client = signed_in(server, tmp_path / "clerk")
    yield client
    client.close()


def received_document(clerk):
    documents, catalog = pull_all(clerk)
    found = [d for d in documents.values() if d["status"] == "received" and not d["secrecy"]]
    assert found, "the sample data has a received document"
    return found[0], catalog


def test_not_found_and_unknown_action(clerk):
    with pytest.raises(NotFound) as caught:
        clerk.act(str(uuid.uuid4()), "mark_read", {}, None, key())
    assert caught.value.exit_code == ExitCode.UNKNOWN_ID and caught.value.code == "not_found"
    document, _ = received_document(clerk)
    with pytest.raises(ValidationFailed) as caught:
        clerk.act(document["id"], "fly_away", {}, None, key())
    assert caught.value.status == 422


def test_change_without_key_or_if_match_are_client_bugs(clerk):
    document, catalog = received_document(clerk)
    with pytest.raises(BadRequest) as caught:
        clerk._request("POST", "/documents", json_body={"id": str(uuid.uuid4())})
    assert caught.value.code == "idempotency_key_required"
    with pytest.raises(PreconditionRequired) as caught:
        clerk._request("POST", f"/documents/{document['id']}/actions", key=key(),
                       json_body={"action": "register",
                                  "params": {"register_id": register_id(catalog, "incoming")}})
    assert caught.value.code == "precondition_required"
    with pytest.raises(ValueError):
        clerk.act(document["id"], "register", {}, None, key())  # (v) needs a version


def test_register_flow_version_conflict_validation_replay_and_reuse(clerk):
    document, catalog = received_document(clerk)
    doc_id, version = document["id"], document["version"]
    good = {"register_id": register_id(catalog, "incoming")}
    with pytest.raises(VersionConflict) as caught:
        clerk.act(doc_id, "register", good, version + 7, key())
    assert caught.value.current["id"] == doc_id
    assert caught.value.current["version"] == version
    assert caught.value.exit_code == ExitCode.CONFLICTS
    with pytest.raises(ValidationFailed) as caught:
        clerk.act(doc_id, "register", {"register_id": "no-such-register"}, version, key())
    assert caught.value.errors and caught.value.code == "validation_failed"
    same = key()
    after = clerk.act(doc_id, "register", good, version, same)
    assert after["status"] == "registered" and after["version"] == version + 1
    assert after["arrival_number"]
    assert clerk.act(doc_id, "register", good, version, same) == after  # replayed answer
    with pytest.raises(IdempotencyKeyReused):
        clerk.act(doc_id, "register", {"register_id": "other"}, version, same)
    with pytest.raises(InvalidTransition) as caught:  # a deliberate new try: new key
        clerk.act(doc_id, "register", good, after["version"], key())
    assert caught.value.exit_code == ExitCode.NOT_ALLOWED


def test_forbidden_for_another_role(server, tmp_path):
    officer = signed_in(server, tmp_path / "officer", username="chuyenvien")
    documents, catalog = pull_all(officer)
    document = next(d for d in documents.values() if d["direction"] == "incoming")
    with pytest.raises(Forbidden) as caught:
        officer.act(document["id"], "register",
                    {"register_id": register_id(catalog, "incoming")}, document["version"],
                    key())
    assert caught.value.code == "forbidden" and caught.value.exit_code == ExitCode.NOT_ALLOWED


def test_secret_content_is_forbidden(server, tmp_path):
    for username in ("vanthu", "lanhdao"):
        client = signed_in(server, tmp_path / username, username=username)
        documents, _ = pull_all(client)
        secret = [d for d in documents.values() if d["secrecy"] >= 1 and d["attachments"]]
        if secret:
            break
    assert secret, "the sample data has a secret document with files"
    with pytest.raises(Forbidden) as caught:
        client.open_content(secret[0]["attachments"][0]["id"])
    assert caught.value.code == "secret_content"


def test_feed_cursor_errors(server, clerk, faults):
    with pytest.raises(InvalidCursor) as caught:
        clerk.changes("never-issued")
    assert caught.value.code == "invalid_cursor"
    with pytest.raises(ValueError):
        clerk.changes(None, limit=1001)
    faults("cursor_ttl_s=5")
    page = clerk.changes(None, limit=2)
    server.advance_clock(10)
    with pytest.raises(CursorExpired) as caught:
        clerk.changes(page.cursor, limit=2)
    assert caught.value.status == 410


def test_draft_patch_upload_download_delete(clerk):
    draft = new_draft(clerk)
    assert draft["status"] == "draft" and draft["version"] == 1
    patched = clerk.patch_document(draft["id"], {"subject": "Tờ trình đã sửa", "place": None},
                                   draft["version"], key())
    assert patched["subject"] == "Tờ trình đã sửa" and patched["version"] == 2
    with pytest.raises(VersionConflict):
        clerk.patch_document(draft["id"], {"subject": "x"}, 1, key())
    att_id, name = str(uuid.uuid4()), "Tờ trình số 01 (bản thảo).pdf"
    created = clerk.upload_attachment(att_id, draft["id"], "main", PDF, name,
                                      "application/pdf", sha(PDF), key())
    assert created["file_name"] == name and created["sha256"] == sha(PDF)
    again = clerk.upload_attachment(att_id, draft["id"], "main", PDF, name, "application/pdf",
                                    sha(PDF), key())
    assert again["id"] == att_id
    with pytest.raises(Conflict) as caught:
        clerk.upload_attachment(att_id, draft["id"], "main", PDF + b"x", name,
                                "application/pdf", sha(PDF + b"x"), key())
    assert caught.value.code == "attachment_exists"
    with pytest.raises(ValidationFailed) as caught:
        clerk.upload_attachment(str(uuid.uuid4()), draft["id"], "appendix", PDF, "a.pdf",
                                "application/pdf", sha(b"other"), key())
    assert caught.value.code == "checksum_mismatch"

    with clerk.open_content(att_id) as whole:
        body = b"".join(whole.iter_chunks(7))
        assert (whole.status, whole.offset, body) == (200, 0, PDF)
        assert whole.etag == f'"{sha(PDF)}"' and whole.total == len(PDF)
    with clerk.open_content(att_id, offset=10, if_range=whole.etag) as rest:
        assert (rest.status, rest.offset, rest.total) == (206, 10, len(PDF))
        assert b"".join(rest.iter_chunks()) == PDF[10:]
    with clerk.open_content(att_id, offset=10, if_range='"' + "0" * 64 + '"') as changed:
        assert (changed.status, changed.offset) == (200, 0)
        assert b"".join(changed.iter_chunks()) == PDF
    with pytest.raises(RangeNotSatisfiable):
        clerk.open_content(att_id, offset=len(PDF) + 100)

    clerk.delete_attachment(att_id, key())
    with pytest.raises(NotFound):
        clerk.delete_attachment(att_id, key())


def test_upload_from_a_file(clerk, tmp_path):
    draft = new_draft(clerk)
    path = tmp_path / "phụ lục.pdf"
    path.write_bytes(PDF * 50)
    made = clerk.upload_attachment(str(uuid.uuid4()), draft["id"], "appendix", path, path.name,
                                   "application/pdf", sha(PDF * 50), key())
    assert made["size"] == len(PDF) * 50


def test_create_cut_after_applied_is_repeated_with_the_same_key(server, tmp_path, faults):
    client = signed_in(server, tmp_path / "c", retries=0)
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB",
            "subject": "Thông báo lịch họp"}
    same = key()
    faults("reset_rate=1")
    with pytest.raises(Unreachable) as caught:
        client.create_document(body, same)
    assert caught.value.retryable and caught.value.exit_code == ExitCode.UNREACHABLE
    faults(None)
    made = client.create_document(body, same)
    assert made["id"] == body["id"] and made["version"] == 1
    again = signed_in(server, tmp_path / "c2", retries=3)
    faults("reset_rate=0.5")
    try:
        retried = again.create_document(dict(body, id=str(uuid.uuid4())), key())
    except Unreachable:  # three cuts in a row: possible, and still nothing done twice
        retried = None
    faults(None)
    if retried is not None:
        assert retried["version"] == 1


def test_create_after_keys_expired(server, clerk):
    body = {"id": str(uuid.uuid4()), "direction": "outgoing", "type_code": "CV",
            "subject": "Công văn về việc A"}
    clerk.create_document(body, key())
    server.advance_clock(8 * 24 * 3600)
    assert clerk.create_document(body, key())["id"] == body["id"]  # same content: 200
    with pytest.raises(Conflict) as caught:
        clerk.create_document(dict(body, subject="Nội dung khác"), key())
    assert caught.value.code == "already_exists"


def test_server_errors_are_retried_then_reported(server, tmp_path, faults):
    client = signed_in(server, tmp_path / "c", retries=1)
    faults("error_rate=1")
    with pytest.raises(ServerUnavailable) as caught:
        client.changes(None, limit=1)
    assert caught.value.status in (500, 502, 503, 504) and caught.value.retryable
    assert caught.value.exit_code == ExitCode.UNREACHABLE
    faults("error_rate=0.3")
    client.retries = 8
    assert client.changes(None, limit=1).cursor  # retried through the failures
    client.clear_pause()


def test_retry_after_pauses_every_client_of_the_server(server, tmp_path, faults):
    patient = signed_in(server, tmp_path / "a", max_wait_s=5)
    hasty = signed_in(server, tmp_path / "b", max_wait_s=0)
    faults("rate_limit=2")
    caught = None
    for _ in range(5):
        try:
            hasty.changes(None, limit=1)
        except ServerUnavailable as exc:
            caught = exc
            break
    assert caught is not None and caught.status == 429 and caught.code == "rate_limited"
    assert caught.retry_after == 1.0
    with pytest.raises(ServerUnavailable) as paused:  # not even sent while paused
        hasty.changes(None, limit=1)
    assert paused.value.status is None and paused.value.retry_after > 0
    started = time.monotonic()
    for _ in range(4):
        patient.changes(None, limit=1)  # waits out the pauses instead of failing
    assert time.monotonic() - started >= 0.5
    patient.clear_pause()


def test_file_over_100_mb_is_refused_early(clerk, tmp_path):
    draft = new_draft(clerk)
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024 + 1)  # sparse where the file system allows
    with pytest.raises(FileTooLarge) as caught:
        clerk.upload_attachment(str(uuid.uuid4()), draft["id"], "main", big, big.name,
                                "application/pdf", "0" * 64, key())
    assert caught.value.code == "file_too_large"
    assert caught.value.exit_code == ExitCode.INVALID_INPUT


def test_download_cut_mid_body_is_unreachable_and_resumable(clerk, faults):
    draft = new_draft(clerk)
    att_id, data = str(uuid.uuid4()), PDF * 40
    clerk.upload_attachment(att_id, draft["id"], "main", data, "x.pdf", "application/pdf",
                            sha(data), key())
    faults("reset_rate=1")
    received = b""
    with pytest.raises(Unreachable) as caught, clerk.open_content(att_id) as cut:
        for chunk in cut.iter_chunks(64):
            received += chunk
    assert "{" not in caught.value.message("vi") and 0 < len(received) < len(data)
    faults(None)
    with clerk.open_content(att_id, offset=len(received), if_range=cut.etag) as rest:
        assert rest.status == 206
        assert received + b"".join(rest.iter_chunks()) == data
