"""Redirects never carry the token or the password elsewhere; TLS checks cannot be turned off.

Two real WSGI servers on loopback: the eOffice server answers /info and /auth/login, then
redirects every other call (and, in one test, the login itself) to a second host
(127.0.0.2) that records whatever reaches it. The client follows no redirect: the answer is
a BadResponse naming the redirect, and the other host sees nothing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import ApiClient
from eoffice_client.core.api.errors import BadResponse, UntrustedServer
from tests.integration.test_api_tls import https_server  # noqa: F401 - the fixture

USER = {"id": "u1", "username": "vt", "full_name": "V T", "active": True, "roles": []}


class Recorder:
    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        self.seen.append({"path": request.path, "headers": dict(request.headers),
                          "body": request.get_data()})
        return Response("{}", mimetype="application/json")(environ, start_response)


class Origin:
    def __init__(self, elsewhere: str, status: int) -> None:
        self.elsewhere, self.status = elsewhere, status
        self.redirect_login = False

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        path = request.path.removeprefix("/api/v1")
        if path == "/info":
            answer = Response(json.dumps({"api_version": "1.0"}), mimetype="application/json")
        elif path == "/auth/login" and not self.redirect_login:
            answer = Response(json.dumps({"access_token": "ACCESS-SECRET-1", "refresh_token":
                                          "REFRESH-SECRET-1", "expires_in": 600, "user": USER}),
                              mimetype="application/json")
        else:
            answer = Response(status=self.status,
                              headers={"Location": f"{self.elsewhere}/api/v1{path}"})
        return answer(environ, start_response)


def serve(app: Any, host: str) -> tuple[Any, str]:
    server = make_server(host, 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    return server, f"http://{host}:{server.server_port}"


@pytest.fixture(params=[301, 302, 303, 307, 308])
def servers(request, tmp_path) -> Iterator[tuple[Origin, Recorder, ApiClient]]:
    recorder = Recorder()
    other, other_url = serve(recorder, "127.0.0.2")
    origin = Origin(other_url, request.param)
    main, main_url = serve(origin, "127.0.0.1")
    client = ApiClient(main_url, profile=Profile.at(tmp_path / "p"), settings=Settings(),
                       retries=0)
    yield origin, recorder, client
    client.close()
    for server in (main, other):
        server.shutdown()
        server.server_close()


def test_a_redirected_call_never_reaches_the_other_host(servers):
    _, recorder, client = servers
    client.login("vt", "pw")
    with pytest.raises(BadResponse) as caught:
        client.changes(None)
    assert caught.value.field == "(status)" and caught.value.status in (301, 302, 303, 307, 308)
    assert recorder.seen == []
    assert "ACCESS-SECRET-1" not in caught.value.message("en")


def test_a_redirected_login_never_sends_the_password_elsewhere(servers):
    origin, recorder, client = servers
    origin.redirect_login = True
    with pytest.raises(BadResponse):
        client.login("vt", "hunter2-password")
    assert recorder.seen == []


def test_tls_checks_hold_whatever_the_session_or_environment_says(https_server, tmp_path,  # noqa: F811
                                                                  monkeypatch):
    """``verify=False`` on the session and a CA bundle from the environment (what requests
    would otherwise honour) change nothing: the adapter's context decides alone."""
    url, ca = https_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(ca))
    client = ApiClient(url, profile=Profile.at(tmp_path / "p"), settings=Settings())
    client._session.verify = False
    client._session.trust_env = True
    with pytest.raises(UntrustedServer):
        client.info()
    trusted = ApiClient(url, profile=Profile.at(tmp_path / "q"), settings=Settings(
        ca_bundle=str(ca)))
    assert trusted.info().api_version == "1.0"  # the supported way: an extra CA in settings
