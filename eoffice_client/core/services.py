"""The small API the CLI and the window call: sign-in, sync, act, new, attach, outbox, files.

``ClientService(profile)`` opens the profile's store and (when signed in) its API client
lazily. Every change the user makes is written to the outbox together with its local
effect in ONE durable transaction (``Store.durable``) before the call returns, so "saved"
means saved, with or without a network. The window may add read-side methods here (by
small edits); nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import time
import uuid
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import VIETNAM, today_vietnam
from eoffice_client.core.domain.enums import AttachmentRole, Direction, Role, Status
from eoffice_client.core.errors import (
    ClientError,
    ExitCode,
    InvalidInputError,
    NotAllowedError,
    UnknownIdError,
)
from eoffice_client.core.sync import outbox, state, storeapi
from eoffice_client.core.sync.engine import FilesResult, SyncEngine, SyncReport
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.log import attach_sync_log
from eoffice_client.core.sync.outbox import OutboxRow
from eoffice_client.core.sync.progress import CancelToken, SyncProgress

log = logging.getLogger("eoffice.sync")

MAX_UPLOAD = 100 * 1000 * 1000  # contract section 5: over 100 MB is 413
#: create fields beyond id, direction, type_code and subject (contract section 6)
CREATE_FIELDS = frozenset({
    "urgency", "secrecy", "due_date", "recipients", "signer", "place", "page_count", "copies",
    "in_reply_to", "unit_id",
})
INCOMING_ONLY_FIELDS = frozenset({
    "issuer", "code_number", "code_notation", "issued_date", "arrival_date",
})


#: ``GET /info`` (min_client_version) is asked at the first sync of a process, after a
#: sign-in, and then at most this often, not every round (an empty round = one feed GET).
INFO_RECHECK_S = 300.0


def version_check_due(client: Any) -> bool:
    """Whether this sync round should ask ``GET /info`` first (see :data:`INFO_RECHECK_S`)."""
    checked = getattr(client, "info_checked_at", None)
    return checked is None or time.monotonic() - checked >= INFO_RECHECK_S


class SignedOut(ClientError):
    exit_code = ExitCode.SIGNED_OUT


class ClientService:
    """One profile's client: store, API client, sync engine, outbox."""

    def __init__(self, profile: Profile, settings: Settings | None = None) -> None:
        self.profile = profile
        self.settings = settings or profile.load_settings()
        self.files = FileCache(profile.files_dir)
        self._store: Any = None
        self._api: Any = None
        attach_sync_log(profile.logs_dir)

    # --- plumbing -------------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        if self._store is None:
            from eoffice_client.core.store import open_store

            self._store = open_store(self.profile.db_path)
            if self._store.recovery is not None:
                log.warning("%s", self._store.recovery.message("en"))
        return self._store

    def close(self) -> None:
        if self._api is not None:
            self._api.close()
            self._api = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> ClientService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def api(self) -> Any:
        """The signed-in API client of this profile (SignInNeeded when there is none)."""
        if self._api is not None:
            return self._api
        from eoffice_client.core.api.client import ApiClient
        from eoffice_client.core.api.credentials import Credentials
        from eoffice_client.core.api.errors import SignInNeeded

        session = Credentials(self.profile).load_session()
        if session is None or not session.signed_in:
            raise SignInNeeded()
        client = ApiClient(session.server, profile=self.profile, settings=self.settings)
        if not client.restore_session():
            client.close()
            raise SignInNeeded()
        self._api = client
        return client

    def use_api(self, client: Any) -> None:
        """Uses an already signed-in client (the window's, or a test's)."""
        self._api = client

    # --- sign-in --------------------------------------------------------------------------------
    def login(self, username: str, password: str, server: str | None = None) -> dict[str, Any]:
        from eoffice_client.core.api.client import ApiClient

        client = ApiClient(server or self.settings.server, profile=self.profile,
                           settings=self.settings)
        try:
            user = client.login(username, password)
        except BaseException:
            client.close()
            raise
        if self._api is not None:
            self._api.close()
        self._api = client
        self._adopt_identity(client)
        return user

    def restore_session(self) -> bool:
        try:
            self.api()
        except ClientError:
            return False
        return True

    def logout(self) -> bool:
        revoked = self.api().logout()
        self._api.close()
        self._api = None
        return revoked

    def current_user(self) -> dict[str, Any] | None:
        with self.store.read() as conn:
            me = storeapi.get_me(conn)
        if me:
            return me
        from eoffice_client.core.api.credentials import Credentials

        session = Credentials(self.profile).load_session()
        return dict(session.user) if session is not None and session.signed_in else None

    def _adopt_identity(self, client: Any) -> None:
        """Ties the cache to (server, user); refuses another user's queued changes (exit 11)."""
        user = client.current_user or {}
        identity = [client.server, user.get("username")]
        if self._identity_settled(client, identity, user):
            return  # every round but the first: nothing to write (no durable commit)
        with self.store.durable() as conn:
            previous = [state.get_meta(conn, state.SERVER), state.get_meta(conn, state.USERNAME)]
            if previous[0] is not None and previous != identity:
                pending, conflicts = outbox.counts(conn)
                if pending or conflicts:
                    raise ClientError("sync.other_identity", ExitCode.REFUSED_FOR_SAFETY,
                                      user=previous[1], server=previous[0])
                _forget_cache(conn)
                log.info("another user or server on this profile: the cache starts afresh")
            state.set_meta(conn, state.SERVER, identity[0])
            state.set_meta(conn, state.USERNAME, identity[1])
            stored_me = state.get_meta(conn, state.ME) or {}
            if user.get("id") and stored_me.get("id") != user["id"]:
                # the feed keeps "me" fresh (roles, unit); the sign-in's copy may be older
                storeapi.set_me(conn, user)
            info = getattr(client, "server_info", None)
            organization = getattr(info, "organization", None)
            if organization is not None:
                org = organization if isinstance(organization, dict) else dict(organization)
                state.set_meta(conn, state.ORGANIZATION, org)

    def _identity_settled(self, client: Any, identity: list[Any], user: dict[str, Any]) -> bool:
        """Whether the store already holds this server, user, "me" and organization."""
        info = getattr(client, "server_info", None)
        organization = getattr(info, "organization", None)
        org = None if organization is None else (
            organization if isinstance(organization, dict) else dict(organization))
        with self.store.read() as conn:
            server, username, me, stored_org = state.get_metas(
                conn, state.SERVER, state.USERNAME, state.ME, state.ORGANIZATION)
        same_me = not user.get("id") or (me or {}).get("id") == user["id"]
        return [server, username] == identity and same_me and (org is None or stored_org == org)

    # --- sync -----------------------------------------------------------------------------------
    def sync(
        self,
        progress: SyncProgress | None = None,
        cancel: CancelToken | None = None,
        *,
        files: bool = True,
        check_version: bool = True,
    ) -> SyncReport:
        """One round (push, pull, files); raises SyncRunning (10), SignInNeeded (5), ..."""
        from eoffice_client.core.api.errors import ServerUnavailable, Unreachable

        client = self.api()
        if check_version and version_check_due(client):
            try:
                client.info()  # ClientTooOld (12) refuses the sync
            except (Unreachable, ServerUnavailable) as exc:
                log.warning("sync not started: the server is not reachable (%s)",
                            type(exc).__name__)
                report = SyncReport()
                report.push.stopped_by = exc
                with self.store.read() as conn:
                    report.pending, report.conflicts = outbox.counts(conn)
                return report
        self._adopt_identity(client)
        engine = SyncEngine(self.profile, self.store, client, self.settings,
                            progress=progress, cancel=cancel)
        return engine.run(files=files)

    # --- changes --------------------------------------------------------------------------------
    def _me(self) -> dict[str, Any]:
        me = self.current_user()
        if not me or not me.get("id"):
            raise SignedOut("api.sign_in_needed", status="-", code="-", detail="")
        return me

    def act(self, document_id: str, action: str, params: dict[str, Any] | None = None
            ) -> OutboxRow:
        """Queues an action after the domain's checks on the cached state (7 / 9 at once)."""
        if params is not None and not isinstance(params, dict):
            raise InvalidInputError("sync.params_not_object")
        params = dict(params or {})
        if action not in workflow.RULES:
            raise InvalidInputError("sync.unknown_action", action=action,
                                    choices=", ".join(workflow.ACTIONS))
        if action == "comment":
            params.setdefault("id", str(uuid.uuid4()))
        me = self._me()
        with self.store.durable() as conn:
            doc = outbox.require_document(conn, document_id)
            context = workflow.CheckContext(
                directory=workflow.Directory(storeapi.users_by_id(conn)),
                catalog=workflow.Catalog(storeapi.registers(conn)), today=today_vietnam())
            refusal = workflow.check(doc, action, params, me, context)
            if refusal is not None:
                raise _refusal_error(refusal, action, doc)
            row = outbox.enqueue(conn, document_id, "action", params, action=action,
                                 base_version=int(doc.get("version") or 0))
            outbox.refresh_document(conn, document_id)
        log.info("queued %s %s on %s", action, row.id, document_id)
        return row

    def new_document(self, direction: str, type_code: str, subject: str,
                     fields: dict[str, Any] | None = None) -> str:
        """Queues a create; returns the new document's id."""
        fields = dict(fields or {})
        me = self._me()
        body = self._create_body(direction, type_code, subject, fields, me)
        with self.store.durable() as conn:
            types = storeapi.document_type_codes(conn)
            if types and type_code not in types:
                raise InvalidInputError("sync.unknown_type", code=type_code)
            org = state.get_meta(conn, state.ORGANIZATION) or {}
            doc = _local_document(body, me, org)
            outbox.enqueue(conn, body["id"], "create", body, local_state=doc)
            outbox.refresh_document(conn, body["id"])
        log.info("queued create of %s", body["id"])
        return str(body["id"])

    def _create_body(self, direction: str, type_code: str, subject: str,
                     fields: dict[str, Any], me: dict[str, Any]) -> dict[str, Any]:
        if direction not in {d.value for d in Direction}:
            raise InvalidInputError("sync.bad_value", field="direction", value=direction)
        if not isinstance(subject, str) or not 1 <= len(subject.strip()) <= 500:
            raise InvalidInputError("sync.bad_value", field="subject", value=str(subject)[:40])
        allowed = CREATE_FIELDS | (INCOMING_ONLY_FIELDS if direction == Direction.INCOMING
                                   else frozenset())
        unknown = sorted(set(fields) - allowed - {"id"})
        if unknown:
            raise InvalidInputError("sync.unknown_fields", fields=", ".join(unknown))
        _check_fields(fields)
        if direction == Direction.INCOMING:
            if Role.CLERK not in (me.get("roles") or []):
                raise NotAllowedError("sync.incoming_needs_clerk")
            issuer = fields.get("issuer")
            if not isinstance(issuer, dict) or not issuer.get("org_name"):
                raise InvalidInputError("sync.incoming_needs_issuer")
        elif not fields.get("unit_id") and me.get("unit_id"):
            fields["unit_id"] = me["unit_id"]
        new_id = fields.pop("id", None) or str(uuid.uuid4())
        return {"id": str(new_id), "direction": direction, "type_code": type_code,
                "subject": subject.strip(), **fields}

    def attach(self, document_id: str, path: Path, role: str) -> str:
        """Copies the file into the cache and queues its upload; returns the attachment id."""
        if role not in {r.value for r in AttachmentRole}:
            raise InvalidInputError("sync.bad_value", field="role", value=role)
        path = Path(path)
        if not path.is_file():
            raise InvalidInputError("sync.no_such_file", path=str(path))
        if path.stat().st_size > MAX_UPLOAD:
            raise InvalidInputError("sync.file_too_large", path=str(path))
        me = self._me()
        with self.store.read() as conn:
            _check_may_attach(outbox.require_document(conn, document_id), me)
        sha, size = self.files.add_local(path)
        attachment_id = str(uuid.uuid4())
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        params = {"attachment_id": attachment_id, "role": role, "file_name": path.name,
                  "content_type": content_type, "size": size, "sha256": sha}
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.store.durable() as conn:
            _check_may_attach(outbox.require_document(conn, document_id), me)
            storeapi.record_cached_file(conn, sha, size, self.files.relative(sha), stamp)
            outbox.enqueue(conn, document_id, "upload", params,
                           file_path=self.files.relative(sha))
            outbox.refresh_document(conn, document_id)
        log.info("queued upload of attachment %s on %s", attachment_id, document_id)
        return attachment_id

    def patch_document(self, document_id: str, patch: dict[str, Any]) -> OutboxRow:
        """Queues a merge patch (the creator on draft/returned; clerks on received)."""
        me = self._me()
        bad = sorted(set(patch) - CREATE_FIELDS - INCOMING_ONLY_FIELDS - {"type_code", "subject"})
        if bad:
            raise InvalidInputError("sync.unknown_fields", fields=", ".join(bad))
        with self.store.durable() as conn:
            doc = outbox.require_document(conn, document_id)
            creator_edit = doc.get("created_by") == me.get("id") and doc.get("status") in (
                Status.DRAFT, Status.RETURNED)
            clerk_edit = Role.CLERK in (me.get("roles") or []) and doc.get("status") == (
                Status.RECEIVED)
            if not (creator_edit or clerk_edit):
                raise NotAllowedError("sync.not_allowed", action="patch",
                                      status=doc.get("status"), detail="")
            row = outbox.enqueue(conn, document_id, "patch", patch,
                                 base_version=int(doc.get("version") or 0))
            outbox.refresh_document(conn, document_id)
        return row

    # --- outbox ---------------------------------------------------------------------------------
    def outbox(self) -> list[OutboxRow]:
        with self.store.read() as conn:
            return outbox.list_rows(conn)

    def outbox_retry(self, row_id: str) -> OutboxRow:
        with self.store.durable() as conn:
            return outbox.retry(conn, row_id)

    def outbox_drop(self, row_id: str) -> OutboxRow:
        with self.store.durable() as conn:
            return outbox.drop(conn, row_id)

    def outbox_cancel(self, row_id: str) -> list[OutboxRow]:
        with self.store.durable() as conn:
            return outbox.cancel(conn, row_id)

    # --- status and files -----------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        with self.store.read() as conn:
            pending, conflicts = outbox.counts(conn)
            me = storeapi.get_me(conn) or {}
            result = {
                "server": state.get_meta(conn, state.SERVER),
                "username": state.get_meta(conn, state.USERNAME) or me.get("username"),
                "full_name": me.get("full_name"),
                "last_sync": state.get_meta(conn, state.LAST_SYNC),
                "pending_actions": pending,
                "conflicts": conflicts,
                "documents": storeapi.document_count(conn),
                "cached_bytes": storeapi.cached_bytes(conn),
            }
        if result["server"] is None:
            from eoffice_client.core.api.credentials import Credentials

            session = Credentials(self.profile).load_session()
            if session is not None:
                result["server"] = session.server
                result["username"] = result["username"] or session.username
        return result

    def file_path(self, attachment_id: str, *, download: bool = True) -> Path | None:
        """The cached file of an attachment, fetched now when missing (never a secret one)."""
        with self.store.read() as conn:
            record = _attachment(conn, attachment_id)
        if int(record["secrecy"] or 0) >= 1:
            raise NotAllowedError("sync.secret_file")
        if self.files.has(record["sha256"]):
            return self.files.path_for(record["sha256"])
        if not download:
            return None
        engine = SyncEngine(self.profile, self.store, self.api(), self.settings)
        result = FilesResult()
        outcome = engine.download(record, secrecy=int(record["secrecy"] or 0), result=result)
        if outcome == "stop" and result.stopped_by is not None:
            raise result.stopped_by
        if outcome != "ok":
            raise ClientError("sync.file_failed", ExitCode.UNEXPECTED, id=attachment_id)
        return self.files.path_for(record["sha256"])

    # --- read side of the window (GUI): fast queries on the cache, no network ---------------------
    def document_ids(self, query: Any, sort: str = "date", descending: bool = True) -> list[str]:
        """Every id matching a store ``DocumentQuery`` (its limit and ``after`` ignored), in
        the order of ``sort`` (a key of :data:`WINDOW_SORTS`), newest first among equals."""
        from dataclasses import replace

        from sqlalchemy import text

        from eoffice_client.core.store import queries

        with self.store.read() as conn:
            if query.box == "overdue" and query.today is None:
                query = replace(query, today=queries.today_for(conn))
            sql, params = queries.build_sql(replace(query, limit=2**62, after=None), "d.id")
            way = "DESC" if descending else "ASC"
            order = ", ".join(f"{e} {way}" for e in WINDOW_SORTS.get(sort, ()))
            head = sql[:sql.rindex(" ORDER BY ")]
            sql = f"{head} ORDER BY {order + ', ' if order else ''}d.sort_no {way} LIMIT :limit"
            return [str(r[0]) for r in conn.execute(text(sql), params)]

    def document_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """What the document table shows of these ids (one query per 500), by id."""
        from sqlalchemy import bindparam, text

        sql = text(
            "SELECT d.id, d.urgency, d.secrecy, d.code_number, d.code_notation, d.subject, "
            "d.issuer_name, d.doc_date, d.due_date, d.status, d.is_read, "
            "(SELECT count(*) FROM outbox o WHERE o.document_id = d.id) "
            "FROM documents d WHERE d.id IN :ids").bindparams(bindparam("ids", expanding=True))
        found: dict[str, dict[str, Any]] = {}
        with self.store.read() as conn:
            for start in range(0, len(ids), 500):
                for r in conn.execute(sql, {"ids": list(ids[start:start + 500])}):
                    number, notation = r[3], r[4] or ""
                    code = (f"{number:02d}/{notation}" if notation else f"{number:02d}") if (
                        isinstance(number, int) and number > 0) else notation
                    found[r[0]] = {
                        "id": r[0], "urgency": r[1] or 0, "secrecy": r[2] or 0, "code": code,
                        "subject": r[5] or "", "issuer": r[6] or "", "date": r[7],
                        "due_date": r[8], "status": r[9], "read": bool(r[10]),
                        "pending_changes": int(r[11] or 0)}
        return found

    def box_counts(self) -> dict[str, tuple[int, int, int]]:
        """``(total, unread, overdue)`` of every box of the store."""
        from eoffice_client.core.store import BOXES, count_box

        with self.store.read() as conn:
            return {box: count_box(conn, box) for box in BOXES}

    def reminders(self, today: dt.date) -> dict[str, int]:
        """Counts for the tray, computed locally: unread urgent documents, and deadlines of
        the documents waiting on this user due today or past."""
        from sqlalchemy import text

        with self.store.read() as conn:
            row = conn.execute(text(
                "SELECT coalesce(sum(is_read = 0 AND urgency >= 1), 0), "
                "coalesce(sum(to_process = 1 AND open_due = :t), 0), "
                "coalesce(sum(to_process = 1 AND open_due < :t), 0) FROM documents"),
                {"t": today.isoformat()}).one()
        return {"urgent_unread": int(row[0]), "due_today": int(row[1]), "overdue": int(row[2])}

    def document_view(self, document_id: str) -> dict[str, Any] | None:
        """One cached document, whole, with the local ``pending_changes`` and ``files_cached``."""
        from eoffice_client.core.store import local_fields

        with self.store.read() as conn:
            doc = storeapi.get_document(conn, document_id)
            if doc is not None:
                doc.update(local_fields(conn, [doc])[doc["id"]])
            return doc

    def directory(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
        """Users, units and the catalogue as cached."""
        from eoffice_client.core.store import get_catalog, get_units, get_users

        with self.store.read() as conn:
            return get_users(conn), get_units(conn), get_catalog(conn) or {}

    def cached_file(self, sha256: str) -> Path | None:
        """The verified cached copy of a file, None when it is not here (never fetches)."""
        return self.files.path_for(sha256) if sha256 and self.files.has(sha256) else None


#: Sort keys of the window's table: the SQL expressions they order by.
WINDOW_SORTS: dict[str, tuple[str, ...]] = {
    "urgency": ("d.urgency",),
    "code": ("d.code_notation COLLATE NOCASE", "d.code_number"),
    "subject": ("d.subject COLLATE NOCASE",),
    "issuer": ("d.issuer_name COLLATE NOCASE",),
    "date": (),
    "due": ("d.due_date IS NOT NULL", "d.due_date"),
    "status": ("d.status",),
}


# --- helpers -----------------------------------------------------------------------------------
def _refusal_error(refusal: workflow.Refusal, action: str, doc: dict[str, Any]) -> ClientError:
    if refusal.status == 422:
        fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in refusal.errors)
        return InvalidInputError("sync.invalid_params", action=action,
                                 detail=fields or refusal.detail)
    return NotAllowedError("sync.not_allowed", action=action, status=doc.get("status"),
                           detail=refusal.detail)


def _check_fields(fields: dict[str, Any]) -> None:
    for name, top in (("urgency", 4), ("secrecy", 3)):
        value = fields.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            raise InvalidInputError("sync.bad_value", field=name, value=str(value)[:40])
    for name in ("due_date", "issued_date", "arrival_date"):
        value = fields.get(name)
        if value is None:
            continue
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            raise InvalidInputError("sync.bad_value", field=name, value=str(value)[:40]) from None
    if "recipients" in fields and not isinstance(fields["recipients"], list):
        raise InvalidInputError("sync.bad_value", field="recipients", value="(not a list)")


def _check_may_attach(doc: dict[str, Any], me: dict[str, Any]) -> None:
    """Contract section 5: pending_with; the creator on draft/returned; clerks on some statuses."""
    if int(doc.get("secrecy") or 0) >= 1:
        raise NotAllowedError("sync.secret_file")
    status = doc.get("status")
    allowed = (
        me.get("id") in (doc.get("pending_with") or [])
        or (doc.get("created_by") == me.get("id") and status in (Status.DRAFT, Status.RETURNED))
        or (Role.CLERK in (me.get("roles") or [])
            and status in (Status.RECEIVED, Status.SIGNED, Status.NUMBERED))
    )
    if not allowed:
        raise NotAllowedError("sync.not_allowed", action="attach", status=status, detail="")


def _local_document(body: dict[str, Any], me: dict[str, Any], org: dict[str, Any]
                    ) -> dict[str, Any]:
    """What a queued create shows until the server's answer arrives."""
    now = dt.datetime.now(VIETNAM).isoformat(timespec="seconds")
    incoming = body["direction"] == Direction.INCOMING
    issuer = body.get("issuer") if incoming else {
        "org_id": org.get("org_id", ""), "org_name": org.get("org_name", "")}
    doc: dict[str, Any] = {
        "id": body["id"], "direction": body["direction"], "type_code": body["type_code"],
        "code_number": body.get("code_number") if incoming else None,
        "code_notation": body.get("code_notation", "") if incoming else "",
        "issuer": issuer, "issued_date": body.get("issued_date") if incoming else None,
        "place": body.get("place", ""), "subject": body["subject"],
        "urgency": body.get("urgency", 0), "secrecy": body.get("secrecy", 0),
        "signer": body.get("signer"), "arrival_number": None,
        "arrival_date": body.get("arrival_date") if incoming else None, "register_id": None,
        "due_date": body.get("due_date"), "unit_id": body.get("unit_id"),
        "page_count": body.get("page_count"), "copies": body.get("copies"),
        "in_reply_to": body.get("in_reply_to"), "recipients": body.get("recipients") or [],
        "status": Status.RECEIVED.value if incoming else Status.DRAFT.value,
        "pending_with": [me["id"]], "version": 1, "created_by": me["id"],
        "registered_by": None, "created_at": now, "updated_at": now, "read": True,
        "readers": [me["id"]], "attachments": [], "assignments": [], "comments": [],
        "history": [{"at": now, "actor_id": me["id"], "action": "create", "detail": ""}],
    }
    return doc


def _attachment(conn: Any, attachment_id: str) -> dict[str, Any]:
    from sqlalchemy import text

    row = conn.execute(text(
        "SELECT a.id, a.sha256, a.size, a.file_name, a.document_id, d.secrecy "
        "FROM attachments a JOIN documents d ON d.id = a.document_id WHERE a.id = :i"),
        {"i": attachment_id}).first()
    if row is None:
        raise UnknownIdError("sync.unknown_attachment", id=attachment_id)
    return {"id": row[0], "sha256": row[1], "size": row[2], "file_name": row[3],
            "document_id": row[4], "secrecy": row[5]}


def _forget_cache(conn: Any) -> None:
    from sqlalchemy import text

    storeapi.delete_documents(conn, storeapi.all_document_ids(conn))
    for table in ("server_documents", "object_seq", "cached_files"):
        conn.execute(text(f"DELETE FROM {table}"))
    for key in (state.CURSOR, state.FULL_PASS, state.LAST_SYNC):
        state.delete_meta(conn, key)
