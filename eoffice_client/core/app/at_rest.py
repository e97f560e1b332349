"""Opening the profile's cache, plain or encrypted at rest (``Settings.encrypt_cache``).

What is on the disk decides how the cache opens; the setting decides what a plain cache
becomes:

- an encrypted cache opens with SQLCipher and the key from the OS keyring, whatever the
  setting says (turning the setting off never decrypts; ``logout --wipe`` removes both);
- with the setting on, a new cache is created encrypted (its key made at first use), and
  an existing plain one is encrypted in place (``store/cipher.py``) with the profile's
  sync lock held and no Store open anywhere, then its files are sealed
  (``sync/files_at_rest.py``); when another window or command has the cache open it is
  left plain for now (a notice says so) and encrypted at a later start;
- an encrypted cache whose key is gone from the keyring (or that the key does not open)
  is moved aside with its outbox (``security/fresh_cache.py``) and a fresh cache starts,
  with a clear message; nothing is deleted. Another process still using it: exit 11.

Who has the cache open: every process holding a Store on the cache holds a shared
``flock`` on ``<profile>/cache.inuse``; changing the file itself (encrypting, setting it
aside, wiping) needs the exclusive lock. On Windows the OS's own sharing rules refuse to
replace or delete a file SQLite has open, which the same steps meet as "in use".

Within one process the cache file is read with plain file calls only while no Store of
this process has it open: closing any descriptor of a file drops the POSIX locks the
process holds on it, and SQLCipher's copy of SQLite cannot know (``store/cipher.py``).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from eoffice_client.config import Profile, Settings
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store.engine import Store, open_store

log = logging.getLogger("eoffice.app.at_rest")

IN_USE_NAME = "cache.inuse"
SEALED_MARKER = ".sealed"
#: how long a start waits for another process that is encrypting the cache
WAIT_S = 120.0
POLL_S = 0.05
_open_here: dict[Path, list[str]] = {}  # cache file -> states of the Stores open in here
_open_here_lock = threading.Lock()


class CacheBusy(ClientError):
    """Another process kept the cache to itself (encrypting it) for too long."""

    exit_code = ExitCode.REFUSED_FOR_SAFETY


class Recorder(Protocol):
    """What this module needs of the audit trail (``core/app/audit.AuditRecorder``)."""

    def record(self, kind: str, *, document_id: str | None = None,
               outbox_id: str | None = None,
               detail: Mapping[str, str | int | bool | None] | None = None) -> None: ...


@dataclass
class OpenedCache:
    """The open Store, the files key (None: files kept plain) and what a person is told."""

    store: Store
    encrypted: bool
    use: CacheUse
    files_key: bytes | None = field(default=None, repr=False)
    notices: tuple[str, ...] = ()

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            _forget_here(self.store.path, "encrypted" if self.encrypted else "plain")
            self.use.release()


# --- who has the cache open ---------------------------------------------------------------------
class CacheUse:
    """The shared/exclusive ``flock`` on ``cache.inuse`` (a no-op on Windows, see above)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def _open(self) -> IO[bytes]:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "a+b")  # noqa: SIM115 - held while the cache is open
        return self._handle

    def try_exclusive(self) -> bool:
        """The exclusive lock if nobody else has the cache open (never waits)."""
        return _flock(self._open(), exclusive=True)

    def shared(self, timeout_s: float = WAIT_S) -> None:
        """The shared lock, waiting while another process encrypts the cache."""
        deadline = time.monotonic() + timeout_s
        while not _flock(self._open(), exclusive=False):
            if time.monotonic() >= deadline:
                raise CacheBusy("security.cache_busy", path=self.path.parent)
            time.sleep(POLL_S)

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            _unflock(handle)
            handle.close()


if sys.platform == "win32":  # pragma: no cover - Windows only
    def _flock(handle: IO[bytes], *, exclusive: bool) -> bool:
        return True

    def _unflock(handle: IO[bytes]) -> None:
        return None
else:
    import fcntl

    def _flock(handle: IO[bytes], *, exclusive: bool) -> bool:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unflock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _state_here(path: Path) -> str | None:
    with _open_here_lock:
        states = _open_here.get(path)
        return states[0] if states else None


def _note_here(path: Path, state: str) -> None:
    with _open_here_lock:
        _open_here.setdefault(path, []).append(state)


def _forget_here(path: Path, state: str) -> None:
    with _open_here_lock:
        states = _open_here.get(path, [])
        if state in states:
            states.remove(state)
        if not states:
            _open_here.pop(path, None)


def state_of(path: Path) -> str:
    """"missing", "plain" or "encrypted": from a Store open in this process when there is
    one, else from the file's header."""
    here = _state_here(path)
    if here is not None:
        return here
    from eoffice_client.core.store.cipher import cache_state

    return cache_state(path)


# --- opening ------------------------------------------------------------------------------------
def open_cache(profile: Profile, settings: Settings, audit: Recorder) -> OpenedCache:
    """The profile's cache, opened as the module docstring says."""
    path = profile.db_path
    use = CacheUse(profile.root / IN_USE_NAME)
    notices: list[str] = []
    try:
        due = _change_due(profile, settings) if _state_here(path) is None else None
        if due is not None and use.try_exclusive():
            notices += _change_file(profile, settings, audit)
            use.release()  # taken again as shared below, the file now as it stays
        elif due == "encrypt":
            notices.append(_deferred_notice(profile))
        elif due in ("key_lost", "undecryptable"):
            from eoffice_client.core.security.keys import CacheKeyLost

            raise CacheKeyLost("security.key_lost_in_use", path=path)
        use.shared()
        opened = _open_as_found(profile, settings, use)
    except BaseException:
        use.release()
        raise
    opened.notices = tuple(notices) + opened.notices
    _note_here(path, "encrypted" if opened.encrypted else "plain")
    return opened


def _change_due(profile: Profile, settings: Settings) -> str | None:
    """"encrypt" (a plain cache, the setting on), "key_lost" or "undecryptable" (our
    encrypted cache, its key gone or not opening it), "seal" (its files not all sealed
    yet), or None. A file that is neither SQLite nor marked as ours is not looked at here:
    the store sets it aside as damaged."""
    from eoffice_client.core.store.cipher import cache_state

    state = cache_state(profile.db_path)
    if state == "plain":
        return "encrypt" if settings.encrypt_cache else None
    if state != "encrypted" or not encrypted_marker(profile).exists():
        return None
    from eoffice_client.core.security.keys import load_cache_key
    from eoffice_client.core.store.cipher import opens_with

    key = load_cache_key(profile.profile_id)
    if key is None:
        return "key_lost"
    if not opens_with(profile.db_path, key.database_key()):
        return "undecryptable"
    return None if (profile.files_dir / SEALED_MARKER).exists() else "seal"


def _change_file(profile: Profile, settings: Settings, audit: Recorder) -> list[str]:
    """Done holding the exclusive lock: what is due, looked at again (another process may
    have done it meanwhile)."""
    due = _change_due(profile, settings)
    try:
        if due == "encrypt":
            return _encrypt_in_place(profile, audit)
        if due == "seal":
            _seal_files(profile, audit)
        elif due in ("key_lost", "undecryptable"):
            return _set_aside_for_key(profile, due, audit)
    except PermissionError:  # Windows: a file another process holds open
        if due in ("key_lost", "undecryptable"):
            from eoffice_client.core.security.keys import CacheKeyLost

            raise CacheKeyLost("security.key_lost_in_use", path=profile.db_path) from None
        log.warning("cache files not changed now (%s): in use elsewhere", due)
    return []


def encrypted_marker(profile: Profile) -> Path:
    """Present while the cache file is (or is being made) our encrypted cache: a file that
    is not SQLite is then taken for it, not for a damaged one. Written before the file is
    encrypted, so a crash in between never makes an encrypted cache look damaged."""
    return profile.db_path.with_name(profile.db_path.name + ".encrypted")


def _open_as_found(profile: Profile, settings: Settings, use: CacheUse) -> OpenedCache:
    from eoffice_client.core.store.engine import Recovery, set_aside

    state, marker = state_of(profile.db_path), encrypted_marker(profile)
    if state == "encrypted" and marker.exists():
        return _open_encrypted(profile, use, create_key=False)
    if settings.encrypt_cache and state != "plain":
        notices: tuple[str, ...] = ()
        if state == "encrypted":  # not SQLite and not ours: set aside as open_store would
            kept = Recovery(set_aside(profile.db_path, "damaged"), "corrupt")
            log.warning("cache file set aside as %s (not a cache)", kept.kept_at)
            notices = (kept.message(),)
        opened = _open_encrypted(profile, use, create_key=True)
        opened.notices = notices
        return opened
    marker.unlink(missing_ok=True)
    return OpenedCache(open_store(profile.db_path), encrypted=False, use=use)


def _open_encrypted(profile: Profile, use: CacheUse, *, create_key: bool) -> OpenedCache:
    from eoffice_client.core.security.keys import (
        create_cache_key,
        load_cache_key,
        require_cache_key,
    )
    from eoffice_client.core.store.cipher import open_encrypted_store

    key = load_cache_key(profile.profile_id) if create_key else None
    if create_key and key is None:
        key = create_cache_key(profile.profile_id)
        log.info("cache key created: the new cache is encrypted at rest")
    key = key or require_cache_key(profile.profile_id, str(profile.db_path))
    if create_key:
        encrypted_marker(profile).touch()
    store = open_encrypted_store(profile.db_path, key.database_key())
    if create_key:
        _mark_sealed(profile)  # a new cache: every file it gets is written sealed
    return OpenedCache(store, encrypted=True, use=use, files_key=key.files_key())


# --- the changes of the file --------------------------------------------------------------------
def _encrypt_in_place(profile: Profile, audit: Recorder) -> list[str]:
    from eoffice_client.core.security.keys import create_cache_key, load_cache_key
    from eoffice_client.core.store.cipher import CacheEncryptionFailed, encrypt_plain_cache
    from eoffice_client.core.sync.lock import SyncLock, SyncRunning

    key = load_cache_key(profile.profile_id) or create_cache_key(profile.profile_id)
    encrypted_marker(profile).touch()
    try:
        with SyncLock(profile.sync_lock_path):
            done = encrypt_plain_cache(profile.db_path, key.database_key())
    except (SyncRunning, CacheEncryptionFailed, PermissionError) as exc:
        if isinstance(exc, CacheEncryptionFailed) and exc.key != "security.cache_in_use":
            raise
        log.warning("cache not encrypted yet (%s): in use elsewhere", type(exc).__name__)
        return [_deferred_notice(profile)]
    log.info("cache encrypted in place: %d rows, %d queued changes kept, %.1f s", done.rows,
             done.outbox_rows, done.seconds)
    sealed = _seal_files(profile, audit)
    audit.record("cache_encrypted", detail={
        "tables": done.tables, "rows": done.rows, "outbox_rows": done.outbox_rows,
        "files": sealed})
    return []


def _seal_files(profile: Profile, audit: Recorder) -> int:
    """Seals the files written while the cache was plain (after the database, so a crash
    in between leaves an encrypted cache whose files are sealed at its next start)."""
    from eoffice_client.core.security.keys import require_cache_key
    from eoffice_client.core.sync.files_at_rest import seal_plain_files

    key = require_cache_key(profile.profile_id, str(profile.db_path))
    count = seal_plain_files(profile.files_dir, key.files_key())
    _mark_sealed(profile)
    if count:
        log.info("%d cached files sealed at rest", count)
    return count


def _mark_sealed(profile: Profile) -> None:
    profile.files_dir.mkdir(parents=True, exist_ok=True)
    (profile.files_dir / SEALED_MARKER).touch()


def _set_aside_for_key(profile: Profile, reason: str, audit: Recorder) -> list[str]:
    from eoffice_client.core.messages import tr
    from eoffice_client.core.security.fresh_cache import set_aside_cache
    from eoffice_client.core.security.keys import load_cache_key

    key = load_cache_key(profile.profile_id) if reason == "undecryptable" else None
    audit.record("cache_key_lost", detail={"reason": reason})
    kept = set_aside_cache(profile, key=key, reason=reason)
    audit.record("cache_set_aside", detail={
        "reason": reason, "folder": kept.folder.name, "outbox_rows": kept.outbox_rows,
        "pending_from_trail": len(kept.pending_from_trail)})
    first = tr("security.key_lost_fresh" if reason == "key_lost"
               else "security.undecryptable_fresh")
    return [first, kept.message()]


def _deferred_notice(profile: Profile) -> str:
    from eoffice_client.core.messages import tr

    return tr("security.encryption_deferred", path=profile.db_path)
