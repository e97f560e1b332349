"""Hostile server data: a tiny bad server (a real http.server on loopback) feeds the client
malformed JSON, wrong types, missing fields, evil file names, wrong hashes and cut downloads.
The client says so in the sync log, never crashes, writes nothing outside the profile, and
never moves its cursor past what it did not apply."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from eoffice_client.cli import main
from eoffice_client.core.app.application import App
from eoffice_client.core.store import meta
from eoffice_client.core.sync import state
from eoffice_client.sandbox.sample_data import generate

from .test_sync_support import cached_file, documents, signed_in

SAMPLE = generate(6, seed=11)
ME = SAMPLE.user("lanhdao")


def sample_docs() -> list[dict[str, Any]]:
    docs = []
    for doc in SAMPLE.iter_documents():
        doc = {**doc, "secrecy": 0, "attachments": []}
        docs.append(doc)
    return docs


def file_record(doc_id: str, n: int, name: str, data: bytes, sha: str | None = None
                ) -> dict[str, Any]:
    return {"id": f"{doc_id}-att-{n}", "file_name": name, "content_type": "application/pdf",
            "size": len(data), "sha256": sha or hashlib.sha256(data).hexdigest(),
            "role": "main", "uploaded_by": ME["id"], "uploaded_at": "2026-11-01T08:00:00+07:00"}


class BadServer:
    """Pages by cursor (None -> "start") as raw bytes, and attachment bodies by id."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.files: dict[str, bytes] = {}
        self.cut: dict[str, int] = {}  # attachment id -> bytes sent before the cut (once)
        self.requests: list[str] = []
        handler = self._handler()
        self.http = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.http.server_port}"

    def page(self, cursor: str | None, changes: list[dict[str, Any]], next_cursor: str,
             has_more: bool = False) -> None:
        body = {"changes": changes, "cursor": next_cursor, "has_more": has_more}
        self.pages[cursor or "start"] = json.dumps(body).encode()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                      length: int | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                tokens = {"access_token": "a" * 20, "refresh_token": "r" * 20,
                          "expires_in": 3600, "user": ME}
                self._send(200, json.dumps(tokens).encode())

            def do_GET(self) -> None:
                url = urlparse(self.path)
                server.requests.append(self.path)
                if url.path == "/api/v1/info":
                    info = {"api_version": "1.0", "server_name": "bad", "min_client_version":
                            "0.0.1", "organization": SAMPLE.organization}
                    self._send(200, json.dumps(info).encode())
                elif url.path == "/api/v1/sync/changes":
                    cursor = parse_qs(url.query).get("cursor", ["start"])[0]
                    self._send(200, server.pages[cursor])
                elif url.path.startswith("/api/v1/attachments/"):
                    self._content(url.path.split("/")[4])
                else:
                    self._send(404, b"{}")

            def _content(self, attachment_id: str) -> None:
                data = server.files[attachment_id]
                start = 0
                ranged = self.headers.get("Range", "")
                if ranged.startswith("bytes="):
                    start = int(ranged[6:].split("-")[0])
                body = data[start:]
                status = 206 if start else 200
                headers = {"ETag": f'"{hashlib.sha256(data).hexdigest()}"'}
                if start:
                    headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
                cut = server.cut.pop(attachment_id, None)
                if cut is not None:  # announce everything, send part, hang up
                    self._send(status, body[:cut], headers, length=len(body))
                    self.close_connection = True
                    return
                self._send(status, body, headers)

        return Handler


@pytest.fixture
def bad_server() -> Iterator[BadServer]:
    server = BadServer()
    yield server
    server.close()


def change(doc: dict[str, Any], seq: int) -> dict[str, Any]:
    return {"seq": seq, "kind": "document", "op": "upsert", "id": doc["id"], "data": doc}


def sync_log(profile: Path) -> str:
    return (profile / "logs" / "sync.log").read_text(encoding="utf-8")


def cursor_of(app: App) -> Any:
    with app.context.store.read() as conn:
        return meta.get_meta(conn, state.CURSOR)


@pytest.mark.parametrize("bad_page", [
    b'{"changes": [{"seq": 9, "kind": "document", "op": "upsert", "id": "x", "data": {',
    "wrong_type", "missing_field", b"<html>502 Bad Gateway</html>",
])
def test_bad_pages_are_refused_and_the_cursor_stays(bad_server: BadServer, tmp_path: Path,
                                                    bad_page: Any) -> None:
    docs = sample_docs()
    bad_server.page(None, [change(docs[0], 1)], "p1", has_more=True)
    if bad_page == "wrong_type":
        bad_server.page("p1", [change({**docs[1], "version": "two"}, 2)], "p2")
    elif bad_page == "missing_field":
        broken = {k: v for k, v in docs[1].items() if k != "subject"}
        bad_server.page("p1", [change(docs[2], 2), change(broken, 3)], "p2")
    else:
        bad_server.pages["p1"] = bad_page
    profile = tmp_path / "p"
    with signed_in(profile, bad_server.url, "lanhdao") as app:
        outcome = app.sync.run(files=False)
        assert int(outcome.exit_code) == 3 and outcome.page_problem
        assert set(documents(app)) == {docs[0]["id"]}  # nothing of the bad page
        assert cursor_of(app) == "p1"
    assert "refused a page of the change feed" in sync_log(profile)
    bad_server.page("p1", [change(docs[1], 2)], "p2")  # the server is fixed: it goes on
    assert main(["--profile", str(profile), "sync", "--no-files"]) == 0


def test_evil_names_wrong_hash_and_cut_download(bad_server: BadServer, tmp_path: Path) -> None:
    docs = sample_docs()
    good, other, wrong, cut = (b"%PDF-1.4 evil name " + bytes(range(200)) * 50,
                               b"%PDF-1.4 device name CON", b"%PDF-1.4 honest bytes",
                               b"%PDF-1.4 long file " + bytes(200_000))
    records = [file_record(docs[0]["id"], 0, "../../evil.exe", good),
               file_record(docs[0]["id"], 1, "CON", other),
               file_record(docs[1]["id"], 2, "ok.pdf", wrong,
                           sha=hashlib.sha256(b"something else").hexdigest()),
               file_record(docs[2]["id"], 3, "C:\\Windows\\evil.dll", cut)]
    docs[0]["attachments"] = records[:2]
    docs[1]["attachments"] = [records[2]]
    docs[2]["attachments"] = [records[3]]
    for record, data in zip(records, (good, other, wrong, cut), strict=True):
        bad_server.files[record["id"]] = data
    bad_server.cut[records[3]["id"]] = 50_000
    bad_server.page(None, [change(d, n + 1) for n, d in enumerate(docs[:3])], "p1")
    bad_server.page("p1", [], "p1")
    profile = tmp_path / "p"
    with signed_in(profile, bad_server.url, "lanhdao") as app:
        first = app.sync.run()
        assert int(first.exit_code) in (0, 3)
        second = app.sync.run()  # resumes the cut download with Range
        assert int(second.exit_code) == 0, second
        cached = {p.name for p in (profile / "files").rglob("*") if p.is_file()}
        assert cached == {records[0]["sha256"], records[1]["sha256"], records[3]["sha256"]}
        assert cached_file(app, docs[2]["id"], records[3]["id"]) is not None
    assert not list(tmp_path.rglob("*evil*")) and not list(tmp_path.rglob("CON"))
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and profile not in p.parents]
    assert outside == []
    ranged = [r for r in bad_server.requests if records[3]["id"] in r]
    assert len(ranged) >= 2
    log = sync_log(profile)
    assert "dropped" in log and records[2]["id"] in log
