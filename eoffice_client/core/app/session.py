"""Signing in and out, who is signed in, and the profile's status.

A profile's cache belongs to one (server, user). Signing in as somebody else empties it
first, and is refused (exit 11) while the cache holds changes not yet on the server, so
nobody's queued work is lost or sent under another name (:meth:`SessionApi.switch_refusal`).
``logout(wipe=True)`` deletes the cache (with its copies set aside), the files, the cache
key, the audit trail and its anchor, and the sign-in, refused (11) while changes are
unsent (or their count cannot be read), in the cache or in a cache set aside, unless
``force`` (:meth:`SessionApi.wipe_refusal`); and while another window or command has the
cache open.
"""

from __future__ import annotations

import logging
import shutil

from sqlalchemy import Connection, delete

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.errors import ApiError
from eoffice_client.core.api.servers import normalize_server, plain_http_remote
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import ClientStatus, LogoutResult
from eoffice_client.core.app.unlocking import (
    check_password,
    forget_password,
    remember_password,
)
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.store import documents, meta
from eoffice_client.core.store import files as stored_files
from eoffice_client.core.store.models import ObjectSeq, ServerDocument
from eoffice_client.core.sync import outbox, state

log = logging.getLogger("eoffice.app.session")


class SessionApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._forget_on_close = False

    def me(self) -> Person | None:
        """The signed-in user (None when nobody is)."""
        return self._context.me()

    def server(self) -> str:
        status = self.status()
        return status.server or self._context.settings.server

    def sign_in(self, username: str, password: str, server: str | None = None, *,
                remember: bool = True) -> Person:
        """Signs in (network). Refuses (11) before asking the server when this profile
        holds another person's unsent changes. Without ``remember`` the sign-in is
        forgotten when the application closes."""
        context = self._context
        address = self.check_server(server or context.settings.server)
        refusal = self.switch_refusal(address, username)
        if refusal is not None:
            raise refusal
        client = ApiClient(address, profile=context.profile, settings=context.settings)
        try:
            user = client.login(username, password)
            self._adopt_identity(client)
        except BaseException:
            client.close()
            raise
        context.use_api(client)
        self._forget_on_close = not remember
        remember_password(context, client.server, username, password)
        context.audit.record("signed_in", detail={"username": username,
                                                   "server": client.server})
        return Person.from_json(user)

    def check_server(self, server: str) -> str:
        """The server address as it will be used (see :func:`check_server`)."""
        return check_server(server, self._context.settings)

    def signed_in(self) -> bool:
        """Whether a sign-in is current on this profile (no network: the remembered
        session, not whether the server still accepts it)."""
        session = self._context.credentials.load_session()
        return session is not None and session.signed_in

    def switch_refusal(self, server: str, username: str | None = None) -> ClientError | None:
        """Why signing in to ``server`` (as ``username``; None: whoever) must be refused,
        or None. The cache holds one (server, user): another identity empties it, so it
        is refused (11) while it holds changes not on the server yet, nobody's queued work
        being lost or sent under another name. The same rule serves the CLI's ``login``,
        the window's sign-in and a change of server in the settings."""
        with self._context.store.read() as conn:
            return identity_refusal(conn, server, username)

    def wipe_refusal(self, force: bool = False) -> ClientError | None:
        """Why deleting the cache must be refused (11), or None: changes not yet on the
        server, in the cache or in a cache set aside, or a count that cannot be read;
        ``force`` (the CLI's ``--force``) overrides it. ``logout(wipe=True)`` applies this
        rule; the window asks it first, to say so before anything is done."""
        if force:
            return None
        unsent = self.unsent_count()
        if unsent is not None:
            unsent += set_aside_unsent(self._context.profile)
        if unsent is None:
            return ClientError("logout.queued_unknown", ExitCode.REFUSED_FOR_SAFETY)
        if unsent:
            return ClientError("logout.queued", ExitCode.REFUSED_FOR_SAFETY, count=unsent)
        return None

    def unlock(self, password: str) -> bool:
        """Whether ``password`` is the signed-in person's (the idle lock's screen): checked
        against the verifier kept at sign-in, else by the server (core/app/unlocking.py).
        Raises ``Unreachable`` only when the server had to answer and could not."""
        return check_password(self._context, password)

    def close(self) -> None:
        """Forgets a sign-in made without "remember me" (the application is closing)."""
        session = self._context.credentials.load_session()
        if self._forget_on_close and session is not None:
            self._context.credentials.delete_token(session.server, session.username)

    def restore(self) -> bool:
        """Whether a remembered sign-in could be picked up (works offline)."""
        try:
            self._context.api()
        except ClientError:
            return False
        return True

    def not_remembered_reason(self) -> str | None:
        """The message key saying why the last sign-in is not remembered (no keyring)."""
        try:
            return self._context.api().not_remembered_reason
        except ClientError:
            return None

    def signed_in_server(self) -> str | None:
        try:
            return self._context.api().server
        except ClientError:
            return None

    def http_warning(self) -> str | None:
        """The message key to show while the server in use is reached over unencrypted
        ``http://`` (a policy allowed it; loopback, the training sandbox, is not warned)."""
        session = self._context.credentials.load_session()
        server = session.server if session is not None and session.signed_in else (
            self._context.settings.server)
        return "security.http_in_use" if plain_http_remote(server or "") else None

    def logout(self, *, wipe: bool = False, force: bool = False) -> LogoutResult:
        """Revokes the sign-in (forgotten here even when the server cannot be told) and,
        with ``wipe``, deletes the cache, its files and the remembered sign-in."""
        context = self._context
        refusal = self.wipe_refusal(force) if wipe else None
        if refusal is not None:
            raise refusal
        session = context.credentials.load_session()
        result = LogoutResult(was_signed_in=bool(session and session.signed_in),
                              username=session.username if session else None)
        if session is not None and session.signed_in:
            result = LogoutResult(True, session.username, self._revoke(session.server))
            context.credentials.delete_token(session.server, session.username)
            context.credentials.mark_signed_out()
            forget_password(context)
            context.audit.record("signed_out", detail={"revoked": result.revoked,
                                                        "wipe": wipe})
        context.use_api(None)
        if wipe:
            context.close()
            wipe_profile(context)
            result = LogoutResult(result.was_signed_in, result.username, result.revoked, True)
        return result

    def unsent_count(self) -> int | None:
        """Changes not yet on the server (queued and conflicts); None when unreadable."""
        if not self._context.profile.db_path.exists():
            return 0
        try:
            with self._context.store.read() as conn:
                pending, conflicts = outbox.counts(conn)
        except Exception as exc:  # an unreadable cache: the count is not known
            log.warning("the queue could not be counted: %s", type(exc).__name__)
            return None
        return pending + conflicts

    def status(self) -> ClientStatus:
        context = self._context
        with context.store.read() as conn:
            pending, conflicts = outbox.counts(conn)
            me = documents.get_me(conn) or {}
            server, username, last_sync = meta.get_metas(
                conn, state.SERVER, state.USERNAME, state.LAST_SYNC)
            count = documents.count_documents(conn)
            cached = stored_files.cached_bytes(conn)
        if server is None:
            session = context.credentials.load_session()
            if session is not None:
                server, username = session.server, username or session.username
        return ClientStatus(
            server=server, username=username or me.get("username"),
            full_name=me.get("full_name"), last_sync=last_sync, pending_actions=pending,
            conflicts=conflicts, documents=count, cached_bytes=cached)

    # --- identity ----------------------------------------------------------------------------
    def _revoke(self, server: str) -> bool:
        """Tells the server (True when it revoked the token or already had)."""
        try:
            client = self._context.api()
        except ApiError:  # no usable client (the address is no longer acceptable): local only
            return False
        if client.server != server:
            return False
        return client.logout()

    def _adopt_identity(self, client: ApiClient) -> None:
        adopt_identity(self._context, client)


def check_server(server: str, settings: Settings) -> str:
    """The address of ``server`` as the client uses it, or the error a person reads:
    ``http://`` is refused (11) off this machine unless the policy allows it, a malformed
    or empty address is invalid input (9). Sign-in and the settings check the same way."""
    if not server.strip():
        raise ClientError("session.no_server", ExitCode.INVALID_INPUT)
    return normalize_server(server, allow_http=settings.allow_http)


def identity_refusal(conn: Connection, server: str,
                     username: str | None) -> ClientError | None:
    """The rule of :meth:`SessionApi.switch_refusal` on an open connection."""
    previous = meta.get_metas(conn, state.SERVER, state.USERNAME)
    pending, conflicts = outbox.counts(conn)
    if previous[0] is None or not (pending or conflicts):
        return None
    if previous[0] == server and (username is None or previous[1] == username):
        return None
    return ClientError("sync.other_identity", ExitCode.REFUSED_FOR_SAFETY,
                       user=previous[1], server=previous[0])


def adopt_identity(context: AppContext, client: ApiClient) -> None:
    """Ties the cache to (server, user): another user's cache starts afresh, refused (11)
    while it holds unsent changes. Writes only when something changed."""
    user = client.current_user or {}
    identity = [client.server, user.get("username")]
    organization = client.server_info.organization if client.server_info else None
    org = None if organization is None else dict(organization)
    with context.store.read() as conn:
        server, username, me, stored_org = meta.get_metas(
            conn, state.SERVER, state.USERNAME, state.ME, state.ORGANIZATION)
    same_me = not user.get("id") or (me or {}).get("id") == user["id"]
    if [server, username] == identity and same_me and (org is None or stored_org == org):
        return  # every round but the first: nothing to write (no durable commit)
    with context.store.durable() as conn:
        if server is not None and [server, username] != identity:
            refusal = identity_refusal(conn, str(identity[0]), str(identity[1] or ""))
            if refusal is not None:  # asked again in the transaction that empties the cache
                raise refusal
            _forget_cache(conn)
            log.info("another user or server on this profile: the cache starts afresh")
        meta.set_meta(conn, state.SERVER, identity[0])
        meta.set_meta(conn, state.USERNAME, identity[1])
        if user.get("id") and (me or {}).get("id") != user["id"]:
            # the feed keeps "me" fresh (roles, unit); the sign-in's copy may be older
            documents.set_me(conn, user)
        if org is not None:
            meta.set_meta(conn, state.ORGANIZATION, org)
    context.forget_me()


def _forget_cache(conn: Connection) -> None:
    documents.delete_documents(conn, documents.all_document_ids(conn))
    conn.execute(delete(ServerDocument))
    conn.execute(delete(ObjectSeq))
    stored_files.forget_all_cached_files(conn)
    for key in (state.CURSOR, state.FULL_PASS, state.LAST_SYNC):
        meta.delete_meta(conn, key)


def wipe_profile(context: AppContext) -> None:
    """Deletes what the profile holds of the documents and the person: the cache database
    (with every copy of it: set aside, before an upgrade, damaged), the files, temporary
    plain copies, the drafts' .docx and PDFs, the cache key, the audit trail with its
    anchor, and the remembered sign-in. Settings, logs and crash reports stay. The store
    must be closed; another process using the cache refuses it (11)."""
    from eoffice_client.core.app.at_rest import IN_USE_NAME, CacheUse

    profile = context.profile
    session = context.credentials.load_session()
    if session is not None:
        context.credentials.delete_token(session.server, session.username)
    use = CacheUse(profile.root / IN_USE_NAME)
    if not use.try_exclusive():
        use.release()
        raise ClientError("security.wipe_in_use", ExitCode.REFUSED_FOR_SAFETY)
    try:
        _delete_cache_files(profile)
        _forget_profile_secrets(context)
        context.credentials.delete_session()
    except OSError as exc:
        raise ClientError("profile.unwritable", path=profile.root,
                          detail=type(exc).__name__) from None
    finally:
        use.release()
    log.info("profile wiped: cache, files, cache key, audit trail and sign-in removed")


def _delete_cache_files(profile: Profile) -> None:
    from eoffice_client.core.app.files import COPIES_DIR
    from eoffice_client.core.security.fresh_cache import PASS_FILE, SET_ASIDE_DIR

    for path in profile.root.glob(profile.db_path.name + "*"):
        if path.is_file():
            path.unlink()
    from eoffice_client.core.app.chain_prepare import DRAFTS_FOLDER

    for folder in (profile.files_dir, profile.root / SET_ASIDE_DIR, profile.root / COPIES_DIR,
                   profile.root / DRAFTS_FOLDER):
        if folder.exists():
            shutil.rmtree(folder)
    (profile.root / PASS_FILE).unlink(missing_ok=True)


def _forget_profile_secrets(context: AppContext) -> None:
    """The cache key (after the files it opened are gone) and the audit trail's anchor."""
    from eoffice_client.core.security.keys import delete_cache_key
    from eoffice_client.core.security.vault import KeyringUnavailable

    context.audit.forget_files()
    forget_password(context)
    try:
        delete_cache_key(context.profile.profile_id)
        context.audit.forget_anchor()
    except KeyringUnavailable:
        log.warning("the cache key and the audit anchor could not be removed from the "
                    "keyring (unusable); the files they belong to are deleted")


def set_aside_unsent(profile: Profile) -> int:
    """Queued changes kept in caches set aside (their manifests' counts)."""
    import json

    from eoffice_client.core.security.fresh_cache import SET_ASIDE_DIR

    total = 0
    for manifest in (profile.root / SET_ASIDE_DIR).glob("*/set-aside.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            total += 1  # unreadable: count it, so a wipe without --force refuses
            continue
        rows = data.get("outbox_rows") if isinstance(data, dict) else None
        pending = data.get("pending_from_trail") if isinstance(data, dict) else None
        total += rows if isinstance(rows, int) else len(pending or [])
    return total
