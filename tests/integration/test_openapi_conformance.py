"""The running sandbox against docs/api/openapi.yaml: a bounded property-based check.

Schemathesis generates requests that fit the spec for every operation (a few examples
each) and sends them, signed in as ``chuyenvien``, to the REAL sandbox on loopback. Each
answer must be a status the spec names for that operation, with the content type,
required headers and body schema the spec gives it, and never a 5xx.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from eoffice_client.sandbox.sample_data import SampleData
from eoffice_client.sandbox.testing import SandboxServer

SPEC = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_path(SPEC)
schema.config.generation.update(modes=[GenerationMode.POSITIVE], deterministic=True)
# uploads in the scripted test send PDFs as they are
schemathesis.serializer.alias("application/pdf", "application/octet-stream")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    sandbox = SandboxServer(tmp_path_factory.mktemp("conformance"), documents=60, seed=5)
    sandbox.start()
    yield sandbox
    sandbox.stop()


@pytest.fixture(scope="module")
def auth(server: SandboxServer) -> dict[str, str]:
    answer = requests.post(f"{server.url}/api/v1/auth/login", timeout=10, json={
        "username": "chuyenvien", "password": "demo", "device_name": "conformance"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=10_000,  # ms per example: generous, the suite runs on 2 busy cores
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_sandbox_answers_as_the_spec_says(
    case: schemathesis.Case, server: SandboxServer, auth: dict[str, str]
) -> None:
    case.call_and_validate(base_url=f"{server.url}/api/v1", headers=auth, checks=CHECKS,
                           timeout=10)


class Scripted:
    """Chosen requests, each sent as a schemathesis case and checked against the spec."""

    def __init__(self, server: SandboxServer, auth: dict[str, str]) -> None:
        self.base = f"{server.url}/api/v1"
        self.auth = auth

    def send(self, method: str, path: str, *, auth: bool = True, key: bool | str = True,
             if_match: int | None = None, headers: dict[str, str] | None = None,
             **fields: Any) -> Response:
        """``key``: True a fresh Idempotency-Key, a string that key, False none."""
        template = fields.pop("template", path)
        sent = dict(headers or {})
        if key:
            sent["Idempotency-Key"] = key if isinstance(key, str) else str(uuid.uuid4())
        if if_match is not None:
            sent["If-Match"] = f'"{if_match}"'
        case = schema[template][method].Case(headers=sent, **fields)
        return case.call_and_validate(base_url=self.base, headers=self.auth if auth else {},
                                      checks=CHECKS, timeout=10)

    @staticmethod
    def body(response: Response) -> Any:
        return json.loads(response.content)


def test_chosen_requests_answer_as_the_spec_says(
    server: SandboxServer, auth: dict[str, str]
) -> None:
    s = Scripted(server, auth)
    assert s.send("GET", "/info", auth=False, key=False).status_code == 200
    login = {"username": "chuyenvien", "password": "wrong", "device_name": "t"}
    answer = s.send("POST", "/auth/login", auth=False, key=False, body=login)
    assert (answer.status_code, s.body(answer)["code"]) == (401, "invalid_credentials")
    answer = s.send("POST", "/auth/refresh", auth=False, key=False,
                    body={"refresh_token": "never-issued"})
    assert (answer.status_code, s.body(answer)["code"]) == (401, "invalid_grant")
    answer = s.send("GET", "/sync/changes", auth=False, key=False)
    assert (answer.status_code, s.body(answer)["code"]) == (401, "invalid_token")
    answer = s.send("GET", "/sync/changes", key=False, query={"cursor": "forged"})
    assert (answer.status_code, s.body(answer)["code"]) == (400, "invalid_cursor")

    # the whole feed, page by page: every sample object fits its schema
    docs: dict[str, dict[str, Any]] = {}
    cursor: str | None = None
    while True:
        query: dict[str, Any] = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = s.body(s.send("GET", "/sync/changes", key=False, query=query))
        docs.update({c["id"]: c["data"] for c in page["changes"]
                     if c["kind"] == "document" and c["op"] == "upsert"})
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert docs

    # create, patch (also stale), act (also without If-Match), upload, download
    new = {"id": str(uuid.uuid4()), "direction": "outgoing", "type_code": "CV",
           "subject": "V/v kiểm tra đặc tả OpenAPI"}
    answer = s.send("POST", "/documents", body=new)
    assert answer.status_code == 201
    doc = s.body(answer)
    answer = s.send("POST", "/documents", key=False, body=new)
    assert (answer.status_code, s.body(answer)["code"]) == (400, "idempotency_key_required")
    path = {"id": doc["id"]}
    answer = s.send("PATCH", f"/documents/{doc['id']}", template="/documents/{id}",
                    path_parameters=path, if_match=doc["version"],
                    body={"subject": "V/v đôn đốc kiểm tra đặc tả"},
                    media_type="application/merge-patch+json")
    assert answer.status_code == 200
    answer = s.send("PATCH", f"/documents/{doc['id']}", template="/documents/{id}",
                    path_parameters=path, if_match=doc["version"], body={"copies": 2},
                    media_type="application/merge-patch+json")
    assert (answer.status_code, s.body(answer)["code"]) == (412, "version_conflict")
    actions = "/documents/{id}/actions"
    answer = s.send("POST", actions, path_parameters=path,
                    body={"action": "submit", "params": {"to_user_id": doc["created_by"]}})
    assert (answer.status_code, s.body(answer)["code"]) == (428, "precondition_required")
    comment = {"id": str(uuid.uuid4()), "kind": "opinion", "text": "Đề nghị rà soát lại."}
    answer = s.send("POST", actions, path_parameters=path,
                    body={"action": "comment", "params": comment})
    assert answer.status_code == 200
    pdf = SampleData.attachment_bytes  # any valid PDF will do: take a sample one
    sample_attachment = next(a for d in docs.values() if d["secrecy"] == 0
                             for a in d["attachments"])
    data = pdf(sample_attachment)
    upload: dict[str, Any] = {
        "path_parameters": {"id": str(uuid.uuid4())},
        "query": {"document_id": doc["id"], "role": "main"},
        "headers": {"Content-Type": "application/pdf", "X-File-Name": "du-thao.pdf",
                    "X-Content-SHA256": hashlib.sha256(data).hexdigest()},
        "body": data, "media_type": "application/pdf",
    }
    content = "/attachments/{id}/content"
    answer = s.send("PUT", content, template=content, **upload)
    assert answer.status_code == 201
    answer = s.send("GET", content, key=False, path_parameters=upload["path_parameters"])
    assert answer.status_code == 200 and answer.content == data
    answer = s.send("GET", content, key=False, path_parameters=upload["path_parameters"],
                    headers={"Range": "bytes=10-"})
    assert answer.status_code == 206 and answer.content == data[10:]
    answer = s.send("DELETE", "/attachments/{id}", path_parameters=upload["path_parameters"])
    assert answer.status_code == 204


def _code(s: Scripted, answer: Response) -> tuple[int, str]:
    return answer.status_code, s.body(answer)["code"]


def test_refusals_and_replays_answer_as_the_spec_says(
    server: SandboxServer, auth: dict[str, str]
) -> None:
    s = Scripted(server, auth)
    sample = SampleData.attachment_bytes
    body = {"username": "chuyenvien", "password": "demo", "device_name": "t"}
    tokens = s.body(s.send("POST", "/auth/login", auth=False, key=False, body=body))
    refresh = {"refresh_token": tokens["refresh_token"]}
    renewed = s.body(s.send("POST", "/auth/refresh", auth=False, key=False, body=refresh))
    answer = s.send("POST", "/auth/logout", auth=False, key=False,
                    body={"refresh_token": renewed["refresh_token"]})
    assert answer.status_code == 204
    wrong = {"username": "lanhdao", "password": "wrong", "device_name": "t"}
    answers = [s.send("POST", "/auth/login", auth=False, key=False, body=wrong)
               for _ in range(6)]
    assert _code(s, answers[-1]) == (423, "account_locked")
    answer = s.send("GET", "/sync/changes", key=False, query={"limit": 0})
    assert _code(s, answer) == (422, "validation_failed")

    new = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB",
           "subject": "Thông báo lịch trực Tết Nguyên đán"}
    key = str(uuid.uuid4())
    doc = s.body(s.send("POST", "/documents", key=key, body=new))
    again = s.send("POST", "/documents", key=key, body=new)
    assert again.status_code == 201 and s.body(again) == doc
    assert "true" in str(again.headers.get("idempotent-replayed") or
                         again.headers.get("Idempotent-Replayed"))
    answer = s.send("POST", "/documents", key=key, body={**new, "subject": "Khác"})
    assert _code(s, answer) == (422, "idempotency_key_reused")
    answer = s.send("PATCH", "/documents/{id}", path_parameters={"id": str(uuid.uuid4())},
                    if_match=1, body={"copies": 1}, media_type="application/merge-patch+json")
    assert _code(s, answer) == (404, "not_found")
    path = {"id": doc["id"]}
    actions = "/documents/{id}/actions"
    lanhdao = next(u for u in server_users(s) if u["username"] == "lanhdao")
    doc = s.body(s.send("POST", actions, path_parameters=path, if_match=doc["version"],
                        body={"action": "submit", "params": {"to_user_id": lanhdao["id"]}}))
    assert doc["status"] == "in_review"
    answer = s.send("POST", actions, path_parameters=path, if_match=doc["version"],
                    body={"action": "discard", "params": {}})
    assert _code(s, answer) == (409, "invalid_transition")
    answer = s.send("POST", actions, path_parameters=path, if_match=doc["version"],
                    body={"action": "approve", "params": {}})
    assert _code(s, answer) == (403, "forbidden")

    data = sample(next(a for d in server_documents(s) if d["secrecy"] == 0
                       for a in d["attachments"]))
    attachment = {"id": str(uuid.uuid4())}
    headers = {"Content-Type": "application/pdf", "X-File-Name": "b%E1%BA%A3n%20th%E1%BA%A3o.pdf",
               "X-Content-SHA256": hashlib.sha256(data).hexdigest()}
    own: dict[str, Any] = {
        "path_parameters": attachment, "headers": headers, "media_type": "application/pdf",
        "query": {"document_id": doc["id"], "role": "appendix"},
    }
    content = "/attachments/{id}/content"
    answer = s.send("PUT", content, body=data, **own)
    assert answer.status_code == 403  # in review with lanhdao: not chuyenvien's to change
    draft = s.body(s.send("POST", "/documents", body={**new, "id": str(uuid.uuid4())}))
    own["query"] = {"document_id": draft["id"], "role": "appendix"}
    assert s.send("PUT", content, body=data, **own).status_code == 201
    assert s.send("PUT", content, body=data, **own).status_code == 200
    other = data + b"%"
    answer = s.send("PUT", content, body=other, **{
        **own, "headers": {**headers, "X-Content-SHA256": hashlib.sha256(other).hexdigest()}})
    assert _code(s, answer) == (409, "attachment_exists")
    answer = s.send("PUT", content, body=other, **{**own, "path_parameters": {
        "id": str(uuid.uuid4())}})
    assert _code(s, answer) == (422, "checksum_mismatch")
    answer = s.send("GET", content, key=False, path_parameters=attachment,
                    headers={"Range": f"bytes={len(data) + 10}-"})
    assert answer.status_code == 416
    etag = f'"{hashlib.sha256(data).hexdigest()}"'
    answer = s.send("GET", content, key=False, path_parameters=attachment,
                    headers={"Range": "bytes=5-", "If-Range": '"stale"'})
    assert answer.status_code == 200 and answer.content == data
    answer = s.send("GET", content, key=False, path_parameters=attachment,
                    headers={"Range": "bytes=5-", "If-Range": etag})
    assert answer.status_code == 206 and answer.content == data[5:]
    secret = [a for d in server_documents(s) if d["secrecy"] >= 1 for a in d["attachments"]]
    assert secret, "the sample data has secret documents chuyenvien sees"
    for item in secret[:2]:
        answer = s.send("GET", content, key=False, path_parameters={"id": item["id"]})
        assert _code(s, answer) == (403, "secret_content")


def server_documents(s: Scripted) -> list[dict[str, Any]]:
    return [c["data"] for c in _feed(s) if c["kind"] == "document" and c["op"] == "upsert"]


def server_users(s: Scripted) -> list[dict[str, Any]]:
    return [c["data"] for c in _feed(s) if c["kind"] == "user"]


def _feed(s: Scripted) -> list[dict[str, Any]]:
    page = s.body(s.send("GET", "/sync/changes", key=False, query={"limit": 1000}))
    assert not page["has_more"]
    return list(page["changes"])


def test_faults_and_expiry_answer_as_the_spec_says(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "faults", documents=8, seed=3, token_ttl=600) as server:
        body = {"username": "chuyenvien", "password": "demo", "device_name": "t"}
        tokens = requests.post(f"{server.api_url}/auth/login", json=body, timeout=10).json()
        s = Scripted(server, {"Authorization": f"Bearer {tokens['access_token']}"})
        cursor = s.body(s.send("GET", "/sync/changes", key=False))["cursor"]
        server.set_faults("error_rate=1")
        statuses = set()
        for _ in range(40):  # 500/502/503/504 at random; each must fit the spec
            case = schema["/info"]["GET"].Case()
            answer = case.call_and_validate(base_url=server.api_url, checks=CHECKS[1:],
                                            timeout=10)
            statuses.add(answer.status_code)
        assert 503 in statuses and statuses <= {500, 502, 503, 504}
        server.set_faults("rate_limit=1")
        limited = False
        for _ in range(20):  # two requests within a second are one too many
            limited = s.send("GET", "/info", auth=False, key=False).status_code == 429
            if limited:
                break
        assert limited
        server.set_faults("cursor_ttl_s=30")
        server.advance_clock(700)
        answer = s.send("GET", "/sync/changes", key=False)
        assert _code(s, answer) == (401, "token_expired")
        tokens = requests.post(f"{server.api_url}/auth/login", json=body, timeout=10).json()
        s.auth = {"Authorization": f"Bearer {tokens['access_token']}"}
        answer = s.send("GET", "/sync/changes", key=False, query={"cursor": cursor})
        assert _code(s, answer) == (410, "cursor_expired")
