"""Loading the core on the GUI thread, after the window's first paint.

Importing the core takes longer than starting Qt and painting, so the window paints its
first list from ``App.first_page`` (the standard library's sqlite3 on the cache file) and
loads the rest right after. On the GUI thread: PySide6 hooks every import, and its hook is
not thread-safe, so an import on a worker thread while the GUI thread runs Python can
crash the process. What the workers run (the sync engine, the API client, TLS, the
keyring's backends) is imported here, once, before any worker needs it. pyHanko, the
slowest to import, is not: the signing parts load it on the GUI thread when a signature
is first made or verified (``app.signatures.load_modules``, from ``ui/signing``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Person

LOG = logging.getLogger("eoffice.ui")
#: the core is loaded after the first paint, or after this long if nothing paints
#: (a window that is not shown, say)
LOAD_WITHOUT_PAINT_MS = 3000


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


class CoreLoader(QObject):
    """Loads the core of ``app`` once: ``loaded`` when it answers, ``failed`` with the
    exception when the cache cannot be opened. Until then :meth:`me` answers from the
    first page's reader."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, app: App, parent: QObject) -> None:
        super().__init__(parent)
        self.app = app
        self.started = False
        self.ready = False
        self.first_me: Person | None = None  # the first page's answer, read once
        self.first_me_read = False

    def load_after(self, first_paint: SignalInstance) -> None:
        """Loads after ``first_paint`` (or :data:`LOAD_WITHOUT_PAINT_MS`); at once when
        the core is loaded already (a window made after another on the same App)."""
        if self.app.opened:
            QTimer.singleShot(0, self.load)
            return
        first_paint.connect(self.load)
        QTimer.singleShot(LOAD_WITHOUT_PAINT_MS, self.load)

    def load(self) -> None:
        if self.started:
            return
        self.started = True
        try:
            preload_core()
            self.app.open()  # the first page's reader closes before the store opens
        except Exception as exc:  # an unreadable cache: the window says so and stays
            LOG.error("the local cache could not be opened: %r", exc)
            self.failed.emit(exc)
            return
        self.ready = True
        self.loaded.emit()

    def me(self) -> Person | None:
        """The signed-in person; before the core is loaded, as the cache file says."""
        if self.ready:
            return self.app.session.me()
        if not self.first_me_read and not self.app.opened:
            self.first_me = self.app.first_page.me()
            self.first_me_read = True
        return self.first_me
