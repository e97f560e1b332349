"""The eoffice-api-v1 client: wire models, HTTP client with sign-in, credentials, errors.

``ApiClient`` (client.py) is the entry point, built of servers.py (addresses, backoff),
transport.py (TLS session, pause, streams), calls.py (one call, retries) and tokens.py
(the sign-in's tokens); errors.py documents the error taxonomy, wire.py the tolerant reading
of bodies, credentials.py where a sign-in is kept.
"""

from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.credentials import Credentials, SessionInfo
from eoffice_client.core.api.servers import backoff, is_loopback, normalize_server
from eoffice_client.core.api.transport import ContentResponse
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
