"""The eoffice-api-v1 client: wire models, HTTP client with sign-in, credentials, errors.

``ApiClient`` (client.py) is the entry point; errors.py documents the error taxonomy,
wire.py the tolerant reading of bodies, credentials.py where a sign-in is kept.
"""

from eoffice_client.core.api.client import (
    ApiClient,
    ContentResponse,
    backoff,
    is_loopback,
    normalize_server,
)
from eoffice_client.core.api.credentials import Credentials, SessionInfo
from eoffice_client.core.api.wire import Change, ChangesPage

__all__ = [
    "ApiClient",
    "Change",
    "ChangesPage",
    "ContentResponse",
    "Credentials",
    "SessionInfo",
    "backoff",
    "is_loopback",
    "normalize_server",
]
