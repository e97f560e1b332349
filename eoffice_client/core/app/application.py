"""The application API: the one face of the core that the window and the CLI call.

    app = App(profile)                # nothing opened yet
    app.session.sign_in("vanthu", password, "https://eoffice.example.vn")
    app.sync.run(progress, cancel)    # push, pull, files
    app.reads.rows(app.reads.document_ids(DocumentQuery(box="to-process", limit=None)))
    app.changes.act(doc_id, "complete", {"note": "Đã xong"})
    app.close()

Its parts: :attr:`session` (sign-in and out, status), :attr:`reads` (the cache),
:attr:`changes` (queued changes and the queue), :attr:`sync` (rounds and files),
:attr:`drafts` (the compose window's saves and the body kept locally),
:attr:`documents` (drafting, signing, verifying, and the chain of an outgoing document:
prepare_for_approval, sign_for_leader, issue_numbered, extend_pending), :attr:`signatures`
(keys to choose, the signature's place on the preview, the images, row badges), :attr:`reports`
(registers, the processing report, the dashboard), :attr:`interop` (edXML import and
export), :attr:`files` (cached files' plaintext), :attr:`audit` (the local audit trail),
:attr:`diagnostics` (the bundle for IT staff), :attr:`updates` (a newer client needed
by the server or published by IT). Every
method returns typed values (``core/app/types.py``, ``records.py``) and raises
:class:`~eoffice_client.core.errors.ClientError` subclasses with the CLI's exit codes.
Nothing here imports Qt; the window runs the slow calls on its worker threads.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from eoffice_client.config import Profile, Settings

if TYPE_CHECKING:
    from eoffice_client.core.app.audit import AuditApi
    from eoffice_client.core.app.changes import ChangesApi
    from eoffice_client.core.app.context import AppContext
    from eoffice_client.core.app.diagnostics import DiagnosticsApi
    from eoffice_client.core.app.documents import DocumentsApi
    from eoffice_client.core.app.drafts import DraftsApi
    from eoffice_client.core.app.files import FilesApi
    from eoffice_client.core.app.first_page import FirstPage
    from eoffice_client.core.app.interop import InteropApi
    from eoffice_client.core.app.reads import ReadsApi
    from eoffice_client.core.app.reports import ReportsApi
    from eoffice_client.core.app.session import SessionApi
    from eoffice_client.core.app.signatures import SignatureApi
    from eoffice_client.core.app.sync import SyncApi
    from eoffice_client.core.app.updates import UpdatesApi


class App:
    """One profile's client. Each part is made (and its modules imported) on first use, so
    a command that only reads the cache never loads the HTTP client or the sync engine,
    and making an App costs nothing: the window makes it before its first paint and
    reads that paint through :attr:`first_page` while the rest is imported."""

    def __init__(self, profile: Profile, settings: Settings | None = None, *,
                 on_recovery: Callable[[str], None] | None = None) -> None:
        """``on_recovery`` hears the message that says a damaged cache was set aside. The
        profile folder is closed to other accounts at once (one stat when it is already),
        before anything of it is read (the first page included)."""
        from eoffice_client.core.app.profile_guard import secure_profile

        if profile.logs_dir.is_dir():  # a new one is closed when its context fills it
            secure_profile(profile)
        self._profile = profile
        self._settings = settings
        self._on_recovery = on_recovery

    @cached_property
    def context(self) -> AppContext:
        """The store, API client and files every part shares (made on first use)."""
        from eoffice_client.core.app.context import AppContext

        if "first_page" in self.__dict__:  # one SQLite of the cache file at a time
            self.first_page.close()
        return AppContext(self._profile, self._settings, self._on_recovery)

    @cached_property
    def first_page(self) -> FirstPage:
        """Read-only first reads of the cache with the standard library (the window's
        first paint); closed when the rest of the API opens the cache."""
        from eoffice_client.core.app.first_page import FirstPage

        return FirstPage(self._profile)

    @property
    def opened(self) -> bool:
        """Whether the store and the parts' context are made (:meth:`open`)."""
        return "context" in self.__dict__

    @cached_property
    def session(self) -> SessionApi:
        from eoffice_client.core.app.session import SessionApi

        return SessionApi(self.context)

    @cached_property
    def reads(self) -> ReadsApi:
        from eoffice_client.core.app.reads import ReadsApi

        return ReadsApi(self.context)

    @cached_property
    def changes(self) -> ChangesApi:
        from eoffice_client.core.app.changes import ChangesApi

        return ChangesApi(self.context)

    @cached_property
    def sync(self) -> SyncApi:
        from eoffice_client.core.app.sync import SyncApi

        return SyncApi(self.context)

    @cached_property
    def documents(self) -> DocumentsApi:
        from eoffice_client.core.app.documents import DocumentsApi

        return DocumentsApi(self.context)

    @cached_property
    def signatures(self) -> SignatureApi:
        from eoffice_client.core.app.signatures import SignatureApi

        return SignatureApi(self.context)

    @cached_property
    def drafts(self) -> DraftsApi:
        from eoffice_client.core.app.drafts import DraftsApi

        return DraftsApi(self.context)

    @cached_property
    def reports(self) -> ReportsApi:
        from eoffice_client.core.app.reports import ReportsApi

        return ReportsApi(self.context)

    @cached_property
    def interop(self) -> InteropApi:
        from eoffice_client.core.app.interop import InteropApi

        return InteropApi(self.context)

    @property
    def files(self) -> FilesApi:
        return self.context.plain_files

    @cached_property
    def audit(self) -> AuditApi:
        from eoffice_client.core.app.audit import AuditApi

        return AuditApi(self.context)

    @cached_property
    def diagnostics(self) -> DiagnosticsApi:
        from eoffice_client.core.app.diagnostics import DiagnosticsApi

        return DiagnosticsApi(self.context)

    @cached_property
    def updates(self) -> UpdatesApi:
        from eoffice_client.core.app.updates import UpdatesApi

        return UpdatesApi(self.context)

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def settings(self) -> Settings:
        return self.context.settings

    def open(self) -> None:
        """Opens (and migrates) the cache now, rather than at the first read."""
        _ = self.context.store

    def close(self) -> None:
        if "first_page" in self.__dict__:
            self.first_page.close()
        if "session" in self.__dict__:  # made: it may have a sign-in to forget
            self.session.close()
        if self.opened:
            self.context.close()  # with the temporary plain copies of ``files``

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
