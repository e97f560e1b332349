"""Pure pieces of the HTTP client: server addresses, backoff, versions, Retry-After."""

from __future__ import annotations

import email.utils
import logging
import random

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.errors import InsecureServer, InvalidServerAddress, Unreachable
from eoffice_client.core.api.servers import (
    backoff,
    is_loopback,
    normalize_server,
    parse_retry_after,
    version_tuple,
)
from eoffice_client.core.errors import ExitCode


@pytest.mark.parametrize(("given", "expected"), [
    ("https://eoffice.langson.gov.vn", "https://eoffice.langson.gov.vn"),
    ("https://EOffice.LangSon.gov.vn:8443/", "https://eoffice.langson.gov.vn:8443"),
    ("eoffice.langson.gov.vn", "https://eoffice.langson.gov.vn"),
    ("https://host/eoffice/api/v1/", "https://host/eoffice"),
    ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
    ("http://127.8.9.10", "http://127.8.9.10"),
    ("http://[::1]:8080", "http://[::1]:8080"),
    ("http://localhost:1234", "http://localhost:1234"),
])
def test_normalize_server(given, expected):
    assert normalize_server(given) == expected


@pytest.mark.parametrize("server", ["http://eoffice.langson.gov.vn", "http://10.0.0.5",
                                    "http://128.0.0.1", "http://localhost.example.com"])
def test_plain_http_refused_off_loopback(server):
    with pytest.raises(InsecureServer) as caught:
        normalize_server(server)
    assert caught.value.exit_code == ExitCode.REFUSED_FOR_SAFETY


def test_plain_http_allowed_by_policy_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="eoffice.api"):
        assert normalize_server("http://10.0.0.5", allow_http=True) == "http://10.0.0.5"
    assert any("http://" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("server", ["ftp://host", "https://", "https://user:pw@host",
                                    "https://host?x=1", "https://host:99999"])
def test_invalid_addresses(server):
    with pytest.raises(InvalidServerAddress):
        normalize_server(server)


def test_client_refuses_http_before_any_request(profile_dir):
    with pytest.raises(InsecureServer):
        ApiClient("http://example.org", profile=Profile(profile_dir), settings=Settings())


def test_is_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]")
    assert is_loopback("LOCALHOST")
    assert not is_loopback("10.1.1.1") and not is_loopback("example.org")


def test_backoff_grows_with_jitter_and_is_capped():
    rng = random.Random(1)
    for attempt in range(40):
        ceiling = min(300.0, 2.0 ** attempt)
        delays = [backoff(attempt, rng=rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        if attempt > 2:
            assert len(set(delays)) > 1  # jitter
    assert backoff(10_000) <= 300.0
    assert backoff(3, base=0.25, cap=2.0) <= 2.0


def test_version_tuple():
    assert version_tuple("0.1.0") == version_tuple("0.1") == (0, 1)
    assert version_tuple("1.10") > version_tuple("1.9")
    assert version_tuple("2.0.0rc1") == (2,)
    assert version_tuple("") == (0,)


def test_parse_retry_after():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert parse_retry_after(past, now=now) == 0.0


def test_proxy_setting_is_used_for_remote_servers(profile_dir):
    import socket

    with socket.socket() as sock:  # a loopback port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(proxy=f"http://127.0.0.1:{port}", connect_timeout_s=2)
    client = ApiClient("https://eoffice.example.invalid", profile=Profile(profile_dir),
                       settings=settings, retries=0)
    with pytest.raises(Unreachable) as caught:
        client.info()
    assert caught.value.values["reason"] == "proxy"
    assert "proxy" in caught.value.message("vi")
