"""A server that cannot be reached is said in plain words, never an exception's name."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.errors import Unreachable

CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
WORDS = {"timeout": "không trả lời kịp", "refused": "từ chối kết nối",
         "not_found": "không tìm thấy địa chỉ máy chủ"}


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    accepted.append(listener.accept()[0])
                except OSError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        yield listener.getsockname()[1]
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def reason_of(server: str, tmp_path: Path) -> Unreachable:
    settings = Settings(connect_timeout_s=0.5, read_timeout_s=0.5)
    client = ApiClient(server, profile=Profile.at(tmp_path / "p"), settings=settings)
    try:
        with pytest.raises(Unreachable) as caught:
            client.info()
    finally:
        client.close()
    return caught.value


@pytest.mark.parametrize("kind", ["timeout", "refused", "not_found"])
def test_the_reason_is_said_in_plain_words(kind: str, silent_port: int, tmp_path: Path) -> None:
    server = {"timeout": f"http://127.0.0.1:{silent_port}",
              "refused": f"http://127.0.0.1:{closed_port()}",
              "not_found": "https://no-such-host.invalid"}[kind]
    error = reason_of(server, tmp_path)
    vietnamese = error.message("vi")
    assert WORDS[kind] in vietnamese, vietnamese
    for text in (vietnamese, error.message("en")):
        assert not CAMEL_CASE.search(text), text  # no ConnectionError, ReadTimeout, ...
