"""Fixtures for integration tests: the REAL sandbox server on loopback.

- ``sandbox``: a fresh server (small sample data) for one test.
- ``sandbox_factory(**kwargs)``: servers with other arguments (documents, seed, faults,
  token_ttl), all stopped at the end of the test.
- ``call(username)``: a signed-in :class:`Caller` on ``sandbox`` using plain ``requests``.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from eoffice_client.sandbox.testing import SandboxServer

SMALL_DOCUMENTS = 16
SMALL_SEED = 5
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def sandbox_factory(tmp_path: Path) -> Iterator[Callable[..., SandboxServer]]:
    started: list[SandboxServer] = []

    def make(**kwargs: Any) -> SandboxServer:
        kwargs.setdefault("documents", SMALL_DOCUMENTS)
        kwargs.setdefault("seed", SMALL_SEED)
        server = SandboxServer(tmp_path / f"sandbox-{len(started)}", **kwargs)
        started.append(server)
        return server.start()

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def sandbox(sandbox_factory: Callable[..., SandboxServer]) -> SandboxServer:
    return sandbox_factory()


class Caller:
    """One signed-in user talking to the sandbox with plain ``requests``."""

    def __init__(self, server: SandboxServer, username: str, password: str = "demo") -> None:
        self.server = server
        self.http = requests.Session()
        answer = self.http.post(f"{server.api_url}/auth/login", timeout=10, json={
            "username": username, "password": password, "device_name": "pytest"})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        self.user: dict[str, Any] = body["user"]
        self.id: str = self.user["id"]
        self.access: str = body["access_token"]
        self.refresh: str = body["refresh_token"]

    def url(self, path: str) -> str:
        return f"{self.server.api_url}{path}"

    def headers(self, key: str | None = None, if_match: int | str | None = None,
                **extra: str) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.access}", **extra}
        if key is not None:
            headers["Idempotency-Key"] = key
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"' if isinstance(if_match, int) else if_match
        return headers

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers(), **kwargs.pop("headers", {})}
        return self.http.get(self.url(path), headers=headers, timeout=10, **kwargs)

    def send(self, method: str, path: str, body: Any = None, *, key: str | None = "new",
             if_match: int | str | None = None, **kwargs: Any) -> requests.Response:
        """A change; ``key="new"`` sends a fresh Idempotency-Key, None sends none."""
        key = str(uuid.uuid4()) if key == "new" else key
        headers = {**self.headers(key, if_match), **kwargs.pop("headers", {})}
        return self.http.request(method, self.url(path), json=body, headers=headers,
                                 timeout=10, **kwargs)

    def create_raw(self, direction: str = "outgoing", **fields: Any) -> requests.Response:
        body = {"id": str(uuid.uuid4()), "direction": direction, "type_code": "CV",
                "subject": "Về việc kiểm thử máy chủ tập huấn", **fields}
        return self.send("POST", "/documents", body)

    def create(self, direction: str = "outgoing", **fields: Any) -> dict[str, Any]:
        answer = self.create_raw(direction, **fields)
        assert answer.status_code == 201, answer.text
        return dict(answer.json())

    def act(self, doc: dict[str, Any], action: str, params: dict[str, Any] | None = None,
            expect: int = 200) -> dict[str, Any]:
        answer = self.send("POST", f"/documents/{doc['id']}/actions",
                           {"action": action, "params": params or {}}, if_match=doc["version"])
        assert answer.status_code == expect, answer.text
        return dict(answer.json())

    def upload(self, doc: dict[str, Any], data: bytes, role: str = "main",
               name: str = "du-thao.pdf", attachment_id: str | None = None,
               key: str | None = "new") -> requests.Response:
        headers = {"Content-Type": "application/pdf", "X-File-Name": name,
                   "X-Content-SHA256": hashlib.sha256(data).hexdigest()}
        return self.send("PUT", f"/attachments/{attachment_id or uuid.uuid4()}/content",
                         key=key, params={"document_id": doc["id"], "role": role},
                         data=data, headers=headers)

    def pull(self, cursor: str | None = None, limit: int = 1000
             ) -> tuple[list[dict[str, Any]], str]:
        """Every change from ``cursor`` to the end of the feed, and the last cursor."""
        changes: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if cursor:
                params["cursor"] = cursor
            answer = self.get("/sync/changes", params=params)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            changes.extend(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return changes, str(cursor)


def latest(changes: list[dict[str, Any]], kind: str = "document") -> dict[str, dict[str, Any]]:
    """The last change per object id of ``kind``."""
    found: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change["kind"] == kind:
            found[change["id"]] = change
    return found


@pytest.fixture
def call(sandbox: SandboxServer) -> Callable[[str], Caller]:
    return lambda username: Caller(sandbox, username)
