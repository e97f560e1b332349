"""Loading the core on the GUI thread, after the window's first paint.

PySide6 hooks every import, and its hook is not thread-safe: an import on a worker
thread while the GUI thread runs Python can crash the process. So what the workers run
(the sync engine, the API client, TLS, the keyring's backends) is imported here, once,
on the GUI thread, before any worker needs it.
"""

from __future__ import annotations


def preload_core() -> None:
    """Imports what the workers would otherwise import lazily."""
    import encodings.idna  # noqa: F401  (first host name lookup)
    import ssl  # noqa: F401

    import keyring
    import truststore  # noqa: F401

    import eoffice_client.core.app.changes
    import eoffice_client.core.app.reads
    import eoffice_client.core.app.session
    import eoffice_client.core.app.sync  # noqa: F401

    keyring.get_keyring()  # loads the backends (entry points)
