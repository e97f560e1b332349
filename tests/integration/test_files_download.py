"""``ContentResponse`` and the files cache against real servers on loopback (the sandbox;
a keep-alive HTTP server): the body whole, the connection reused after it, a cut is
Unreachable and resumes, chunked and content-coded bodies arrive as sent."""

from __future__ import annotations

import gzip
import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from eoffice_client.core.api.errors import Unreachable
from eoffice_client.core.api.transport import ContentResponse
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.files import FileCache
from eoffice_client.sandbox.testing import SandboxServer
from tests.integration.test_api_support import key, new_draft, sha, signed_in

DATA = b"%PDF-1.4\n" + os.urandom(700_000)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=10, seed=5) as running:
        yield running


@pytest.fixture
def clerk(server, tmp_path):
    client = signed_in(server, tmp_path / "clerk")
    yield client
    client.close()
    server.set_faults(None)


def uploaded(clerk) -> dict:
    draft = new_draft(clerk)
    att_id = str(uuid.uuid4())
    return clerk.upload_attachment(att_id, draft["id"], "main", DATA, "big.pdf",
                                   "application/pdf", sha(DATA), key())


def read_all(response, size: int = 65_536) -> bytes:
    return b"".join(response.iter_chunks(size))


def record(attachment: dict) -> AttachmentRecord:
    return AttachmentRecord(id=attachment["id"], sha256=attachment["sha256"],
                            size=attachment["size"], file_name=attachment["file_name"],
                            document_id="d", secrecy=0)


def test_the_body_arrives_whole_or_from_an_offset(clerk):
    attachment = uploaded(clerk)
    with clerk.open_content(attachment["id"]) as whole:
        assert whole.status == 200 and read_all(whole) == DATA
    with clerk.open_content(attachment["id"], offset=100, if_range=whole.etag) as rest:
        assert (rest.status, rest.offset) == (206, 100) and read_all(rest, 4096) == DATA[100:]


class KeepAlive(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive (the sandbox, on werkzeug's server, closes every connection)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # http.server's name
        if self.path == "/chunked":
            return self._chunked()
        if self.path == "/gzip":
            return self._gzipped()
        self.send_response(200)
        self.send_header("Content-Length", str(len(DATA)))
        self.send_header("Content-Type", "application/pdf")
        self.send_header("X-Client-Port", str(self.client_address[1]))  # one per connection
        self.end_headers()
        self.wfile.write(DATA)

    def _chunked(self) -> None:
        """No Content-Length: the body in chunks of odd sizes, as a streaming server sends."""
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(DATA), 99_991):
            piece = DATA[start:start + 99_991]
            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def _gzipped(self) -> None:
        body = gzip.compress(DATA)
        self.send_response(200)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def keep_alive_server():
    running = ThreadingHTTPServer(("127.0.0.1", 0), KeepAlive)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{running.server_port}"
    running.shutdown()
    running.server_close()
    thread.join()


def test_after_the_whole_body_the_connection_is_reused(keep_alive_server):
    session = requests.Session()
    ports = []
    for _ in range(3):
        answer = session.get(keep_alive_server + "/file", stream=True, timeout=10)
        with ContentResponse(answer, 0) as content:
            assert read_all(content, 100_000) == DATA
        ports.append(answer.headers["X-Client-Port"])
    session.close()
    assert ports[0] == ports[1] == ports[2]  # one connection, kept open between answers


def test_a_cut_body_is_unreachable_and_the_rest_resumes(clerk, server):
    attachment = uploaded(clerk)
    server.set_faults("reset_rate=1")
    received = bytearray()
    with pytest.raises(Unreachable) as caught, clerk.open_content(attachment["id"]) as cut:
        for chunk in cut.iter_chunks(32_768):
            received += chunk
    assert "{" not in caught.value.message("vi") and 0 < len(received) < len(DATA)
    assert bytes(received) == DATA[:len(received)]
    server.set_faults(None)
    with clerk.open_content(attachment["id"], offset=len(received), if_range=cut.etag) as rest:
        assert rest.status == 206 and bytes(received) + read_all(rest) == DATA


def test_the_files_cache_downloads_resumes_and_verifies_through_the_client(clerk, server,
                                                                           tmp_path):
    attachment = uploaded(clerk)
    cache = FileCache(tmp_path / "files")
    server.set_faults("reset_rate=1")
    with pytest.raises(Unreachable):
        cache.download(clerk, record(attachment))
    kept = cache.part_path(attachment["sha256"]).stat().st_size
    assert 0 < kept < len(DATA) and not cache.has(attachment["sha256"])
    server.set_faults(None)
    progress: list[int] = []
    path = cache.download(clerk, record(attachment), on_bytes=progress.append)
    assert path.read_bytes() == DATA and sum(progress) == len(DATA) - kept


@pytest.mark.parametrize("path", ["/chunked", "/gzip"])
def test_chunked_or_content_coded_bodies_arrive_whole(keep_alive_server, path):
    """Another server may stream without a Content-Length, or compress: the same bytes."""
    with requests.Session() as session:
        answer = session.get(keep_alive_server + path, stream=True, timeout=10,
                             headers={"Accept-Encoding": "gzip"})
        with ContentResponse(answer, 0) as content:
            assert content.length is None or path == "/gzip"
            assert read_all(content, 65_536) == DATA
