"""Server addresses, versions and waiting times: the pure helpers of the API client.

``http://`` is refused (:class:`InsecureServer`) except for loopback or when
``Settings.allow_http`` (policy) allows it, with a warning logged. Between rounds of
failures callers wait :func:`backoff` (capped at 5 minutes).
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import random
import re
import time
from urllib.parse import urlsplit

from eoffice_client.core.api.errors import InsecureServer, InvalidServerAddress

log = logging.getLogger("eoffice.api")

API_PREFIX = "/api/v1"
BACKOFF_CAP_S = 300.0


def backoff(attempt: int, *, base: float = 1.0, cap: float = BACKOFF_CAP_S,
            rng: random.Random | None = None) -> float:
    """Seconds to wait before retry number ``attempt`` (0 = the first retry).

    Exponential with "equal jitter": half of ``min(cap, base * 2**attempt)`` fixed, the other
    half random, so waits grow, never exceed ``cap`` (5 minutes by default) and clients that
    failed together do not come back together.
    """
    ceiling = min(cap, base * (2.0 ** max(0, min(attempt, 60))))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_remote(server: str) -> bool:
    """Whether ``server`` is reached over unencrypted ``http://`` off this machine (allowed
    by policy only, and always shown with a warning)."""
    text = server.strip()
    if not text.lower().startswith("http://"):
        return False
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return False
    return bool(host) and not is_loopback(str(host))


def normalize_server(server: str, *, allow_http: bool = False) -> str:
    """``scheme://host[:port][/path]`` without a trailing ``/`` or ``/api/v1``.

    A bare host name gets ``https://``. ``http://`` is refused for a non-loopback host
    unless ``allow_http`` (policy), which logs a warning. User info, query and fragment are
    refused (a password in a URL would end up in logs).
    """
    text = server.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InvalidServerAddress(server=server) from None
    scheme = parts.scheme.lower()
    if (scheme not in ("http", "https") or not host or parts.username or parts.password
            or parts.query or parts.fragment):
        raise InvalidServerAddress(server=server)
    path = parts.path.rstrip("/")
    if path.endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)]
    if scheme == "http" and not is_loopback(host):
        if not allow_http:
            raise InsecureServer(server=server)
        log.warning("unencrypted http:// to %s allowed by policy", host)
    return f"{scheme}://{parts.netloc.lower()}{path}"


def version_tuple(text: str) -> tuple[int, ...]:
    """``"1.2.10rc1"`` -> ``(1, 2, 10)``; parts without leading digits count as 0."""
    numbers = []
    for part in text.strip().lstrip("vV").split("."):
        match = re.match(r"\d+", part)
        numbers.append(int(match.group()) if match else 0)
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
