"""What every part of the application API shares for one profile: the store, the API client,
the files cache, the settings, the audit trail. The store and the client are opened on first
use, and the API client's modules (requests, the keyring) are imported only by the commands
that talk to the server or the keyring, so reading a plain cache starts fast.

At each start the profile folder is closed to other accounts (``profile_guard.py``); the
store opens plain or encrypted at rest (``at_rest.py``), and the files cache seals its
files when the store is encrypted."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.audit import AuditRecorder
from eoffice_client.core.app.profile_guard import secure_profile
from eoffice_client.core.app.records import Person
from eoffice_client.core.store import documents
from eoffice_client.core.store.engine import Store
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.log import attach_sync_log

if TYPE_CHECKING:
    from eoffice_client.core.api.client import ApiClient
    from eoffice_client.core.api.credentials import Credentials
    from eoffice_client.core.app.at_rest import OpenedCache
    from eoffice_client.core.app.files import FilesApi

log = logging.getLogger("eoffice.app")


class AppContext:
    """One profile's store, API client and files, shared by the parts of :class:`App`."""

    def __init__(self, profile: Profile, settings: Settings | None = None,
                 on_recovery: Callable[[str], None] | None = None) -> None:
        self.profile = profile
        self.on_recovery = on_recovery
        self.settings = settings or profile.load_settings()
        self.audit = AuditRecorder(profile)
        self._cache: OpenedCache | None = None
        self._files: FileCache | None = None
        self._api: ApiClient | None = None
        self._me: Person | None = None
        self._me_known = False
        self._lock = threading.Lock()
        self._open_lock = threading.Lock()
        attach_sync_log(profile.logs_dir)
        secure_profile(profile)

    @property
    def store(self) -> Store:
        """The profile's cache, opened (migrated, encrypted when due) on first use."""
        cache = self._cache
        if cache is None:
            with self._open_lock:
                cache = self._cache or self._open_cache()
        return cache.store

    @property
    def files(self) -> FileCache:
        """The files cache (sealed when the store is encrypted; opens the store first)."""
        _ = self.store
        assert self._files is not None
        return self._files

    @cached_property
    def plain_files(self) -> FilesApi:
        """The plaintext of cached files (``app.files``); its temporary copies go at close."""
        from eoffice_client.core.app.files import FilesApi

        return FilesApi(self)

    @property
    def encrypted(self) -> bool:
        """Whether the open cache is encrypted at rest (opens the store first)."""
        _ = self.store
        return self._cache is not None and self._cache.encrypted

    def _open_cache(self) -> OpenedCache:
        from eoffice_client.core.app.at_rest import open_cache

        cache = open_cache(self.profile, self.settings, self.audit)
        self._files = FileCache(self.profile.files_dir, cache.files_key)
        self._cache = cache
        recovery = cache.store.recovery
        notices = [*cache.notices, *([recovery.message()] if recovery is not None else [])]
        for notice in notices:
            log.warning("%s", notice)
            if self.on_recovery is not None:
                self.on_recovery(notice)
        return cache

    @cached_property
    def credentials(self) -> Credentials:
        """Where the sign-in is kept (the keyring and ``session.json``)."""
        from eoffice_client.core.api.credentials import Credentials

        return Credentials(self.profile)

    def api(self) -> ApiClient:
        """The signed-in API client of this profile (:class:`SignInNeeded` when none)."""
        if self._api is not None:
            return self._api
        from eoffice_client.core.api.client import ApiClient
        from eoffice_client.core.api.errors import SignInNeeded

        session = self.credentials.load_session()
        if session is None or not session.signed_in:
            raise SignInNeeded()
        client = ApiClient(session.server, profile=self.profile, settings=self.settings)
        if not client.restore_session():
            client.close()
            raise SignInNeeded()
        self._api = client
        return client

    def use_api(self, client: ApiClient | None) -> None:
        """Takes a signed-in client (after a sign-in), closing the one before."""
        if self._api is not None and self._api is not client:
            self._api.close()
        self._api = client
        self.forget_me()

    def me(self) -> Person | None:
        """The signed-in user as the cache knows them (the feed keeps roles and unit fresh),
        else as the last sign-in saw them; None when nobody is signed in."""
        with self._lock:
            if not self._me_known:
                self._me = self._read_me()
                self._me_known = True
            return self._me

    def forget_me(self) -> None:
        with self._lock:
            self._me_known = False
            self._me = None

    def _read_me(self) -> Person | None:
        with self.store.read() as conn:
            cached = documents.get_me(conn)
        if cached and cached.get("id"):
            return Person.from_json(cached)
        session = self.credentials.load_session()  # before the first sync: the sign-in's
        if session is not None and session.signed_in and session.user.get("id"):
            return Person.from_json(session.user)
        return None

    def close(self) -> None:
        if self._api is not None:
            self._api.close()
            self._api = None
        if "plain_files" in self.__dict__:
            self.plain_files.close()
        if self._cache is not None:
            self._cache.close()
            self._cache = None
            self._files = None
        self.forget_me()
