"""The client against a second, independently written server: legal but unusual answers.

A tiny WSGI server on loopback (not the sandbox, and no mocked ``requests``) answers the way
another implementation of the contract might: extra fields, nulls for optional fields, an
unknown change kind, a 204 without a body, an HTML page from a proxy, an HTTP-date
``Retry-After``, and a few malformed bodies the client must name rather than crash on.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from typing import Any

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import ApiClient
from eoffice_client.core.api.errors import BadResponse, ServerUnavailable

SHA = "c0" * 32
USER = {"id": "u1", "username": "vt", "full_name": None, "title": None, "unit_id": None,
        "active": True, "roles": ["clerk", "auditor"], "avatar": "x.png"}
DOC = {"id": "d1", "direction": "incoming", "type_code": "CV", "subject": "Về việc A",
       "status": "received", "version": 1, "secrecy": 0, "code_notation": None,
       "attachments": [{"id": "a1", "sha256": SHA.upper(), "size": 12, "role": "main",
                        "file_name": "a.pdf", "content_type": "application/pdf",
                        "uploaded_by": None, "uploaded_at": "2026-02-05T08:00:00Z"}],
       "tags": ["future"], "recipients": None}


class OtherServer:
    """A minimal, differently written eoffice-api-v1 server."""

    def __init__(self) -> None:
        self.expire_next = True
        self.refreshes = 0
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        self.create_answers = [409, 503, 201]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        return self.route(Request(environ))(environ, start_response)

    def route(self, request: Request) -> Response:
        path = request.path.removeprefix("/api/v1")
        self.seen.append((request.method, path, dict(request.headers), request.get_data()))
        if request.method != "GET" and path.startswith(("/documents", "/attachments")):
            return self.change(request, path)
        if path == "/info":
            return self.json({"api_version": "1.0", "server_name": "Khác",
                              "organization": {"org_id": "o", "org_name": "UBND", "code": "UBND"},
                              "features": ["x"]})
        if path in ("/auth/login", "/auth/refresh"):
            self.refreshes += path == "/auth/refresh"
            return self.json({"access_token": f"A{self.refreshes}", "refresh_token":
                              f"R{self.refreshes}", "expires_in": 600.5, "token_type": "Bearer",
                              "user": USER})
        if path == "/auth/logout":
            return Response(status=204)
        if path == "/sync/changes":
            return self.changes(request)
        if path == "/attachments/a1/content":
            return Response(b"partial", status=206, headers={"Content-Range": "bytes 0-6/12"})
        return self.json({"code": "not_found", "status": 404}, 404)

    def change(self, request: Request, path: str) -> Response:
        if path == "/documents":
            status = self.create_answers.pop(0)
            if status == 409:
                return self.json({"status": 409, "code": "request_in_progress"}, 409)
            if status == 503:
                return self.json({"status": 503, "code": "unavailable"}, 503,
                                 {"Retry-After": "0"})
            return self.json(DOC, 201)
        if path.endswith("/content"):
            return self.json(DOC["attachments"][0], 201)
        return self.json(DOC)

    def changes(self, request: Request) -> Response:
        if self.expire_next:
            self.expire_next = False
            return self.json({"status": 401, "code": "token_expired", "title": "expired"}, 401)
        assert request.headers["Authorization"] == f"Bearer A{self.refreshes}"
        cursor = request.args.get("cursor")
        if cursor == "html":
            return Response("<html>Bad gateway</html>", status=502, mimetype="text/html")
        if cursor == "garbage":
            return Response("{not json", mimetype="application/json")
        if cursor == "redirect":
            return Response(status=302, headers={"Location": "http://elsewhere/"})
        if cursor == "busy":
            when = email.utils.formatdate(time.time() + 120, usegmt=True)
            return self.json({"status": 429, "code": "rate_limited"}, 429, {"Retry-After": when})
        return self.json({"changes": [
            {"seq": 5, "kind": "document", "op": "upsert", "id": "d1", "data": DOC, "extra": 1},
            {"seq": 6, "kind": "document", "op": "delete", "id": "d2", "data": {"id": "d2"}},
            {"seq": 7, "kind": "signature_policy", "op": "upsert", "id": "s", "data": {}},
            {"seq": 8, "kind": "user", "op": "upsert", "id": "u1", "data": USER},
        ], "cursor": "next", "has_more": False, "server_time": "now"})

    @staticmethod
    def json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        mimetype = "application/problem+json" if status >= 400 else "application/json"
        return Response(json.dumps(body), status=status, mimetype=mimetype, headers=headers)


@pytest.fixture
def other(tmp_path):
    app = OtherServer()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    client = ApiClient(f"http://127.0.0.1:{server.server_port}", profile=Profile.at(tmp_path),
                       settings=Settings(), retries=0)
    yield app, client
    client.clear_pause()
    client.close()
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_tolerant_reading_of_another_server(other):
    app, client = other
    user = client.login("vt", "pw")
    assert user["full_name"] == "" and user["avatar"] == "x.png"
    page = client.changes(None)  # 401 token_expired first: one refresh, one repeat
    assert app.refreshes == 1
    doc, gone, unknown, person = page.changes
    assert doc.data["attachments"][0]["sha256"] == SHA and doc.data["tags"] == ["future"]
    assert doc.data["recipients"] == [] and doc.data["code_notation"] == ""
    assert gone.data is None and not unknown.known and person.data["roles"][1] == "auditor"
    assert client.logout() is True  # 204 without a body


@pytest.mark.parametrize(("cursor", "error", "field"), [
    ("garbage", BadResponse, "(body)"),
    ("redirect", BadResponse, "(status)"),
    ("html", ServerUnavailable, None),
])
def test_unusable_answers_are_named(other, cursor, error, field):
    _, client = other
    client.login("vt", "pw")
    client.changes(None)
    with pytest.raises(error) as caught:
        client.changes(cursor)
    if field:
        assert caught.value.field == field
    else:
        assert caught.value.status == 502 and caught.value.problem is None


def test_http_date_retry_after_pauses_without_sleeping_minutes(other):
    _, client = other
    client.login("vt", "pw")
    client.changes(None)
    started = time.monotonic()
    with pytest.raises(ServerUnavailable) as caught:
        client.changes("busy")
    assert 100 < caught.value.retry_after <= 121
    with pytest.raises(ServerUnavailable) as again:  # paused: not sent
        client.changes(None)
    assert again.value.status is None and again.value.retry_after > 100
    assert time.monotonic() - started < 5
    assert client.paused_for > 100


def test_partial_content_must_start_where_asked(other):
    _, client = other
    client.login("vt", "pw")
    with pytest.raises(BadResponse) as caught:
        client.open_content("a1", offset=5)
    assert caught.value.field == "Content-Range"


def test_headers_of_changes_follow_the_contract(other):
    app, client = other
    client.retries = 3
    client.login("vt", "pw")
    client.changes(None)
    made = client.create_document({"id": "d1", "direction": "incoming", "type_code": "CV",
                                   "subject": "A"}, "key-1")
    assert made["id"] == "d1"
    creates = [h for (m, p, h, _) in app.seen if (m, p) == ("POST", "/documents")]
    assert [h["Idempotency-Key"] for h in creates] == ["key-1"] * 3  # 409, 503, 201: same key
    client.patch_document("d1", {"subject": "B"}, 4, "key-2")
    client.act("d1", "submit", {"to_user_id": "u2"}, 5, "key-3")
    client.act("d1", "mark_read", {}, 5, "key-4")
    client.upload_attachment("a1", "d1", "main", b"%PDF-1.4", "Tờ trình số 1.pdf",
                             "application/pdf", SHA, "key-5")
    by_key = {h.get("Idempotency-Key"): (m, p, h, b) for (m, p, h, b) in app.seen}
    method, _, headers, body = by_key["key-2"]
    assert method == "PATCH" and headers["If-Match"] == '"4"'
    assert headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(body) == {"subject": "B"}
    assert by_key["key-3"][2]["If-Match"] == '"5"'
    assert json.loads(by_key["key-3"][3]) == {"action": "submit", "params": {"to_user_id": "u2"}}
    assert "If-Match" not in by_key["key-4"][2]  # mark_read is not a (v) action
    method, path, headers, body = by_key["key-5"]
    assert (method, path, body) == ("PUT", "/attachments/a1/content", b"%PDF-1.4")
    assert headers["X-File-Name"] == "T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%201.pdf"
    assert headers["X-Content-Sha256"] == SHA and headers["Content-Type"] == "application/pdf"
    for _method, path, headers, _ in app.seen:
        if path.startswith("/auth/"):
            assert "Authorization" not in headers and "Idempotency-Key" not in headers
        elif path != "/info":
            assert headers["Authorization"].startswith("Bearer A")
