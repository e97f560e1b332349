"""The update notice: the manifest served on loopback, checked at most daily."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings
from eoffice_client.core.update import (
    ManifestError,
    check_for_update,
    client_too_old_message,
    is_newer,
    parse_manifest,
    read_update_notice,
)

SHA = "ab" * 32


class ManifestServer:
    """http.server on 127.0.0.1 answering GET /manifest.json with ``body``; counts hits."""

    def __init__(self) -> None:
        self.body = b""
        self.status = 200
        self.hits = 0
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits += 1
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/manifest.json"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ManifestServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def serve(self, manifest: dict[str, object] | bytes, status: int = 200) -> None:
        self.body = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
        self.status = status


@pytest.fixture
def server() -> Iterator[ManifestServer]:
    with ManifestServer() as served:
        yield served


def settings_for(url: str) -> Settings:
    return Settings(update_manifest_url=url, connect_timeout_s=5.0)


NOON = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def test_newer_version_reported_then_cached_for_a_day(profile_dir: Path,
                                                      server: ManifestServer) -> None:
    profile = Profile.at(profile_dir)
    settings = settings_for(server.url)
    server.serve({"version": "99.0.0", "msi_url": "https://it.example/e-99.msi", "sha256": SHA})
    notice = check_for_update(profile, settings, now=NOON)
    assert notice is not None and notice.update_available
    assert (notice.latest_version, notice.msi_url, notice.sha256) == (
        "99.0.0", "https://it.example/e-99.msi", SHA)
    assert "99.0.0" in (notice.message("vi") or "") and "CNTT" in (notice.message("vi") or "")
    assert notice.as_json()["update_available"] is True
    assert notice.as_json()["current_version"] == __version__
    # within a day: no request, the kept answer
    server.serve({"version": "100.0.0", "msi_url": "https://it.example/e.msi", "sha256": SHA})
    again = check_for_update(profile, settings, now=NOON + dt.timedelta(hours=23))
    assert again is not None and again.latest_version == "99.0.0" and server.hits == 1
    assert read_update_notice(profile, settings) == again
    # a day later: asked again
    later = check_for_update(profile, settings, now=NOON + dt.timedelta(hours=24, minutes=1))
    assert later is not None and later.latest_version == "100.0.0" and server.hits == 2


def test_same_version_is_no_update(profile_dir: Path, server: ManifestServer) -> None:
    server.serve({"version": __version__, "msi_url": "https://it.example/e.msi", "sha256": SHA})
    notice = check_for_update(Profile.at(profile_dir), settings_for(server.url), now=NOON)
    assert notice is not None and not notice.update_available and notice.message() is None
    assert notice.error is None


def test_broken_manifest_keeps_what_was_known(profile_dir: Path,
                                              server: ManifestServer) -> None:
    profile = Profile.at(profile_dir)
    settings = settings_for(server.url)
    server.serve({"version": "99.0", "msi_url": "https://it.example/e.msi", "sha256": SHA})
    check_for_update(profile, settings, now=NOON)
    server.serve(b"<html>not json</html>")
    notice = check_for_update(profile, settings, now=NOON, force=True)
    assert notice is not None and notice.latest_version == "99.0" and notice.update_available
    assert notice.error is not None and "not JSON" in notice.error
    assert server.url in (notice.error_message("en") or "")
    server.serve({}, status=404)
    notice = check_for_update(profile, settings, now=NOON, force=True)
    assert notice is not None and notice.error == "HTTP 404"


def test_no_manifest_configured_means_no_notice(profile_dir: Path) -> None:
    assert check_for_update(Profile.at(profile_dir), Settings()) is None
    assert read_update_notice(Profile.at(profile_dir), Settings()) is None


def test_unreachable_manifest(profile_dir: Path, server: ManifestServer) -> None:
    url = server.url
    server.httpd.shutdown()
    server.httpd.server_close()
    notice = check_for_update(Profile.at(profile_dir), settings_for(url), now=NOON)
    assert notice is not None and notice.error == "ConnectionError"
    assert not notice.update_available and notice.checked_at is not None


@pytest.mark.parametrize(("body", "field"), [
    (b'{"version": "1.0", "msi_url": "https://x/y.msi"}', "sha256"),
    (b'{"version": "1.0", "msi_url": "ftp://x/y.msi", "sha256": "' + SHA.encode() + b'"}',
     "msi_url"),
    (b'{"version": "new!", "msi_url": "https://x/y.msi", "sha256": "' + SHA.encode() + b'"}',
     "version"),
    (b'[1, 2]', "object"),
    (b'\xff\xfe', "JSON"),
])
def test_manifest_fields_are_checked(body: bytes, field: str) -> None:
    with pytest.raises(ManifestError, match=field):
        parse_manifest(body)


# Written by hand: (candidate, current, newer?)
VERSIONS = [("0.2.0", "0.1.0", True), ("0.1.0", "0.1.0", False), ("0.1", "0.1.0", False),
            ("0.10.0", "0.9.0", True), ("1.0.0rc1", "1.0.0", False), ("1.0.0", "1.0.0rc1", True),
            ("0.1.1", "0.1.0.dev3", True), ("0.0.9", "0.1.0", False)]


@pytest.mark.parametrize(("candidate", "current", "newer"), VERSIONS)
def test_version_order(candidate: str, current: str, newer: bool) -> None:
    assert is_newer(candidate, current) is newer


def test_too_old_message_says_what_to_do() -> None:
    text = client_too_old_message("9.0.0", "vi")
    assert "9.0.0" in text and __version__ in text and "liên hệ bộ phận CNTT" in text
