"""The sandbox (training) server: eoffice-api-v1.md over HTTP, as a Flask app.

``create_app(state, faults)`` builds the app; :func:`make_http_server` serves it with
werkzeug's threaded server. Faults (``--faults``) are applied around every request:
delay, rate limit (429), errors before anything is done (5xx), and connections cut
mid-body after the answer was computed (so a change is applied, its answer lost).
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from eoffice_client.sandbox import attachments, auth, documents, feed, idempotency
from eoffice_client.sandbox.faults import Faults
from eoffice_client.sandbox.problems import Problem
from eoffice_client.sandbox.state import SandboxState

API = "/api/v1"
JSON = "application/json"
PROBLEM = "application/problem+json"
ERROR_STATUSES = (500, 502, 503, 504)
log = logging.getLogger("eoffice.sandbox")


def create_app(state: SandboxState, faults: Faults | None = None) -> Flask:
    """The Flask app of one sandbox; ``app.config["FAULTS"]`` may be replaced while running."""
    app = Flask("eoffice_sandbox")
    app.config["STATE"] = state
    app.config["FAULTS"] = faults or Faults()
    idempotency.purge(state)
    app.before_request(_before)
    app.after_request(_after)
    app.register_error_handler(Problem, _problem_response)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    _routes(app)
    activity = Activity(app.wsgi_app)
    app.config["ACTIVITY"] = activity
    app.wsgi_app = activity  # type: ignore[method-assign]
    return app


class Activity:
    """Counts requests in progress, so a stop can let them finish before closing the data."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app
        self.active = 0
        self._idle = threading.Condition()

    def __call__(self, environ: Any, start_response: Any) -> Any:
        with self._idle:
            self.active += 1
        try:
            return self.wsgi_app(environ, start_response)
        finally:
            with self._idle:
                self.active -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self.active == 0, timeout)


def _state() -> SandboxState:
    from flask import current_app

    state: SandboxState = current_app.config["STATE"]
    return state


def _faults() -> Faults:
    from flask import current_app

    faults: Faults = current_app.config["FAULTS"]
    return faults


# --- responses ------------------------------------------------------------------------------
def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    if body is None:
        return Response(status=status, headers=headers)
    if isinstance(body, bytes):
        data = body
    else:
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        data = text.encode("utf-8")
    return Response(data, status=status, mimetype=JSON, headers=headers)


def _problem_response(problem: Problem) -> Response:
    response = Response(json.dumps(problem.body(), ensure_ascii=False).encode("utf-8"),
                        status=problem.status, mimetype=PROBLEM, headers=problem.headers)
    return response


def _http_error(exc: HTTPException) -> Response:
    codes = {404: "not_found", 405: "method_not_allowed", 413: "file_too_large",
             400: "bad_request"}
    status = exc.code or 500
    return _problem_response(Problem(status, codes.get(status, "error"), exc.description or ""))


def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    log.exception("sandbox: unexpected error")
    return _problem_response(Problem(500, "internal_error", "the sandbox server failed"))


# --- faults ---------------------------------------------------------------------------------
def _before() -> Response | None:
    faults = _faults()
    if faults.delay_ms:
        time.sleep(faults.delay_ms / 1000.0)
    if faults.over_rate_limit():
        return _problem_response(Problem(429, "rate_limited", "too many requests",
                                         headers={"Retry-After": "1"}))
    if faults.chance(faults.error_rate):
        status = faults.rng.choice(ERROR_STATUSES)
        headers = {"Retry-After": "1"} if status == 503 else {}
        code = "unavailable" if status == 503 else "server_error"
        return _problem_response(Problem(status, code, "injected fault", headers=headers))
    return None


def _after(response: Response) -> Response:
    # Date: werkzeug's handler (BaseHTTPRequestHandler.send_response) adds it to every answer.
    faults = _faults()
    if faults.chance(faults.reset_rate):
        return _cut(response)
    return response


def _cut(response: Response) -> Response:
    """Sends the headers and about half the body, then cuts the connection."""
    body = response.get_data()
    sock = request.environ.get("werkzeug.socket")

    def cut_body() -> Iterator[bytes]:
        if body:
            yield body[: len(body) // 2]
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    response.response = cut_body()
    response.headers["Content-Length"] = str(len(body))
    response.headers["Connection"] = "close"
    return response


# --- plumbing for changes -------------------------------------------------------------------
def _user() -> dict[str, Any]:
    return auth.authenticate(_state(), request.headers.get("Authorization"))


def _json_body() -> Any:
    raw = request.get_data()
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return _BadJson(raw.decode("utf-8", "replace"))


class _BadJson(str):
    """A body that is not JSON: part of the fingerprint, refused with 422 by the handler."""


def _change(run: Callable[[dict[str, Any], Any], tuple[int, Any]],
            body: Any = None, use_json: bool = True) -> Response:
    """Authentication, Idempotency-Key, replay; then ``run(user, body)``; keeps the answer."""
    state = _state()
    user = _user()
    key = (request.headers.get("Idempotency-Key") or "").strip()
    if not key:
        raise Problem(400, "idempotency_key_required", "a change needs an Idempotency-Key")
    if use_json:
        body = _json_body()
    printed = idempotency.fingerprint(request.method, request.path, request.args.to_dict(False),
                                      request.headers.get("If-Match"), body)
    replay = idempotency.begin(state, user["id"], key, printed)
    if replay is not None:
        headers = {**replay.headers, "Idempotent-Replayed": "true"}
        return Response(replay.body, status=replay.status, headers=headers)
    try:  # a body that is not JSON reaches the handler, refused (422) in the order of checks
        status, payload = run(user, body)
        code = None
        response = json_response(status, payload)
    except Problem as problem:
        status, code = problem.status, problem.code
        response = _problem_response(problem)
    except BaseException:
        idempotency.finish(state, user["id"], key, 500, None, {}, b"")
        raise
    kept = {k: v for k, v in response.headers.items() if k.lower() in ("content-type",)}
    idempotency.finish(state, user["id"], key, status, code, kept, response.get_data())
    return response


# --- routes ---------------------------------------------------------------------------------
def _routes(app: Flask) -> None:
    app.add_url_rule(f"{API}/info", view_func=_info, methods=["GET"])
    app.add_url_rule(f"{API}/auth/login", view_func=_login, methods=["POST"])
    app.add_url_rule(f"{API}/auth/refresh", view_func=_refresh, methods=["POST"])
    app.add_url_rule(f"{API}/auth/logout", view_func=_logout, methods=["POST"])
    app.add_url_rule(f"{API}/sync/changes", view_func=_changes, methods=["GET"])
    app.add_url_rule(f"{API}/documents", view_func=_create, methods=["POST"])
    app.add_url_rule(f"{API}/documents/<doc_id>", view_func=_patch, methods=["PATCH"])
    app.add_url_rule(f"{API}/documents/<doc_id>/actions", view_func=_act, methods=["POST"])
    app.add_url_rule(f"{API}/attachments/<att_id>/content", view_func=_content,
                     methods=["GET"])
    app.add_url_rule(f"{API}/attachments/<att_id>/content", view_func=_upload,
                     methods=["PUT"])
    app.add_url_rule(f"{API}/attachments/<att_id>", view_func=_delete_attachment,
                     methods=["DELETE"])


def _info() -> Response:
    return json_response(200, _state().info())


def _auth_body() -> Any:
    body = _json_body()
    return None if isinstance(body, _BadJson) else body


def _login() -> Response:
    return json_response(200, auth.login(_state(), _auth_body()))


def _refresh() -> Response:
    return json_response(200, auth.refresh(_state(), _auth_body()))


def _logout() -> Response:
    auth.logout(_state(), _auth_body())
    return Response(status=204)


def _changes() -> Response:
    user = _user()
    cursor = request.args.get("cursor")
    limit = request.args.get("limit")
    if cursor is not None and not cursor:
        cursor = None
    text = feed.changes(_state(), user, cursor, feed.parse_limit(limit), _faults())
    return json_response(200, text)


def _create() -> Response:
    return _change(lambda user, body: documents.create(_state(), user, body))


def _patch(doc_id: str) -> Response:
    if_match = request.headers.get("If-Match")
    return _change(lambda user, body: documents.patch(_state(), user, doc_id, if_match, body))


def _act(doc_id: str) -> Response:
    if_match = request.headers.get("If-Match")
    return _change(lambda user, body: documents.act(_state(), user, doc_id, if_match, body))


def _content(att_id: str) -> Response:
    user = _user()
    found = attachments.content(_state(), user, att_id, request.headers.get("Range"),
                                request.headers.get("If-Range"))
    return Response(found.body, status=found.status, headers=found.headers)


def _upload(att_id: str) -> Response:
    up = attachments.Upload(
        attachment_id=att_id, document_id=request.args.get("document_id"),
        role=request.args.get("role"), content_type=request.headers.get("Content-Type"),
        file_name=request.headers.get("X-File-Name"),
        sha256=request.headers.get("X-Content-SHA256"), length=request.content_length,
    )
    described = {"type": up.content_type, "name": up.file_name, "sha256": up.sha256,
                 "length": up.length}

    def run(user: dict[str, Any], body: Any) -> tuple[int, Any]:
        return attachments.upload(_state(), user, up, _read_upload)

    return _change(run, body=described, use_json=False)


def _read_upload() -> bytes:
    return request.stream.read(attachments.MAX_BYTES + 1)


def _delete_attachment(att_id: str) -> Response:
    return _change(lambda user, body: attachments.delete(_state(), user, att_id))


# --- serving --------------------------------------------------------------------------------
class QuietHandler(WSGIRequestHandler):
    """No line per request on stderr; cut connections are expected, not errors."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug("%s %s %s", self.command, self.path, code)

    def log_error(self, format: str, *args: Any) -> None:
        log.debug(format, *args)


def make_http_server(app: Flask, host: str = "127.0.0.1", port: int = 0) -> BaseWSGIServer:
    """A threaded werkzeug server bound to ``host:port`` (0: a free port)."""
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler)
    server.daemon_threads = True  # type: ignore[attr-defined]
    return server
