"""The window's :class:`~eoffice_client.ui.backend.Backend` over ``core.services.ClientService``.

No Qt here. The service keeps one SQLite engine (its pool hands each thread its own
connection), so the fast reads run on the GUI thread and the slow work on the window's
worker threads.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.services import ClientService
from eoffice_client.core.store import DocumentQuery
from eoffice_client.core.sync.progress import CancelToken, ProgressEvent, SyncCancelled
from eoffice_client.ui.backend import (
    BOXES,
    BoxCount,
    Cancelled,
    ListQuery,
    OutboxEntry,
    Progress,
    Reminders,
    Row,
    SyncReport,
)


class _ProgressBridge:
    """Core sync progress events -> the window's ``(done, total, what)`` callback."""

    def __init__(self, report: Progress) -> None:
        self.report = report

    def update(self, event: ProgressEvent) -> None:
        if event.bytes_total:
            self.report(event.bytes_done // 1024, event.bytes_total // 1024, str(event.phase))
        else:
            self.report(event.items_done, event.items_total or 0, str(event.phase))


class _PollingCancel(CancelToken):
    """A core CancelToken that also asks the window's task whether the user cancelled."""

    def __init__(self, cancelled: Callable[[], bool]) -> None:
        super().__init__()
        self._asked = cancelled

    @property
    def cancelled(self) -> bool:
        if self._asked():
            self.cancel()
        return self._event.is_set()


def preload() -> None:
    """Imports, on the calling (GUI) thread, what the workers would otherwise import lazily:
    shiboken's import hook is not thread-safe."""
    import encodings.idna  # noqa: F401  (first host name lookup)
    import ssl  # noqa: F401

    import keyring

    import eoffice_client.core.api.client
    import eoffice_client.core.api.credentials
    import eoffice_client.core.sync.engine  # noqa: F401

    keyring.get_keyring()  # loads the backends (entry points)
    import truststore  # noqa: F401  (a dependency)


class ServiceBackend:
    """Backend of one profile."""

    def __init__(self, profile: Profile, settings: Settings | None = None,
                 service: ClientService | None = None) -> None:
        self.profile = profile
        self.settings = settings or profile.load_settings()
        self.service = service or ClientService(profile, self.settings)
        self._me: dict[str, Any] | None = None
        self._me_loaded = False
        self._remember = True
        self._lock = threading.Lock()

    def open(self) -> None:
        """Opens the store now (migrations load their scripts: do it on the GUI thread)."""
        _ = self.service.store

    # --- identity --------------------------------------------------------------------------
    def me(self) -> dict[str, Any] | None:
        if not self._me_loaded:
            with self._lock:
                self._me = self.service.current_user()
                self._me_loaded = True
        return self._me

    def _forget_me(self) -> None:
        with self._lock:
            self._me_loaded = False
            self._me = None

    def server(self) -> str:
        try:
            return str(self.service.status().get("server") or self.settings.server or "")
        except Exception:  # an unreadable cache must not stop the window
            return self.settings.server

    # --- reads (fast) ----------------------------------------------------------------------
    def box_counts(self) -> dict[str, BoxCount]:
        counts = self.service.box_counts()
        return {box: BoxCount(*counts.get(box, (0, 0, 0))) for box in BOXES}

    def document_ids(self, query: ListQuery) -> list[str]:
        store_query = DocumentQuery(
            box=query.box, search=query.search or None, type_code=query.type_code,
            urgency=query.urgency, secrecy=query.secrecy, status=query.status,
            date_from=query.date_from, date_to=query.date_to)
        return self.service.document_ids(store_query, query.sort, query.descending)

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        return {doc_id: Row(**values)
                for doc_id, values in self.service.document_rows(list(ids)).items()}

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.service.document_view(doc_id)

    def users(self) -> list[dict[str, Any]]:
        return self.service.directory()[0]

    def units(self) -> list[dict[str, Any]]:
        return self.service.directory()[1]

    def catalog(self) -> dict[str, Any]:
        return self.service.directory()[2]

    def cached_file(self, attachment: dict[str, Any]) -> Path | None:
        return self.service.cached_file(str(attachment.get("sha256") or ""))

    def status(self) -> dict[str, Any]:
        return self.service.status()

    def reminders(self, today: dt.date) -> Reminders:
        return Reminders(**self.service.reminders(today))

    def outbox(self) -> list[OutboxEntry]:
        entries = []
        for row in self.service.outbox():
            doc = self.service.document_view(row.document_id) or row.local_state or {}
            entries.append(OutboxEntry(
                id=row.id, document_id=row.document_id, action=row.label,
                params=dict(row.params or {}), state=row.state, error_code=row.error_code,
                created_at=row.created_at, subject=str(doc.get("subject") or ""),
                local=row.local_state or (doc or None), server=row.server_state))
        return entries

    # --- writes and network ----------------------------------------------------------------
    def fetch_file(self, document_id: str, attachment: dict[str, Any]) -> Path:
        path = self.service.file_path(str(attachment["id"]), download=True)
        assert path is not None  # download=True returns a path or raises
        return path

    def act(self, doc_id: str, action: str, params: dict[str, Any]) -> str:
        return self.service.act(doc_id, action, params).id

    def register_paper(self, body: dict[str, Any], pdf: Path, file_name: str) -> str:
        fields = {k: v for k, v in body.items()
                  if k not in ("direction", "type_code", "subject")}
        doc_id = self.service.new_document("incoming", body["type_code"], body["subject"],
                                           fields)
        if pdf and pdf.is_file():
            named = pdf.with_name(file_name)
            pdf.replace(named)
            self.service.attach(doc_id, named, "main")
        return doc_id

    def cancel(self, outbox_id: str) -> None:
        self.service.outbox_cancel(outbox_id)

    def retry(self, outbox_id: str) -> None:
        self.service.outbox_retry(outbox_id)

    def drop(self, outbox_id: str) -> None:
        self.service.outbox_drop(outbox_id)

    def sync(self, progress: Progress, cancelled: Callable[[], bool]) -> SyncReport:
        before = self._urgent_unread_ids()
        try:
            report = self.service.sync(_ProgressBridge(progress), _PollingCancel(cancelled))
        except SyncCancelled as exc:
            raise Cancelled() from exc
        self._forget_me()
        problem = report.unreachable
        if problem is not None:
            raise problem
        pushed = getattr(report.push, "sent", 0)
        pulled = getattr(report.pull, "applied", 0) if report.pull is not None else 0
        files = report.files.fetched if report.files is not None else 0
        new_urgent = sorted(self._urgent_unread_ids() - before)
        return SyncReport(pulled=int(pulled or 0), pushed=int(pushed or 0),
                          conflicts=int(report.conflicts or 0), files=int(files or 0),
                          finished_at=dt.datetime.now(dt.UTC), new_urgent=new_urgent)

    def _urgent_unread_ids(self) -> set[str]:
        from sqlalchemy import text

        with self.service.store.read() as conn:
            return {str(r[0]) for r in conn.execute(text(
                "SELECT id FROM documents WHERE is_read = 0 AND urgency >= 1"))}

    def sign_in(self, server: str, username: str, password: str, remember: bool) -> dict:
        user = self.service.login(username, password, server or None)
        self._remember = remember
        self._forget_me()
        return user

    def restore_session(self) -> bool:
        return self.service.restore_session()

    def sign_out(self, wipe: bool) -> None:
        from eoffice_client.core.api.credentials import Credentials

        credentials = Credentials(self.profile)
        info = credentials.load_session()
        try:
            if self.service.restore_session():
                self.service.logout()
        except Exception:  # offline: forget the sign-in here all the same
            pass
        if info is not None:
            credentials.delete_token(info.server, info.username)
        credentials.mark_signed_out() if info is not None else None
        if wipe:
            self.service.close()
            self._wipe(credentials)
        self._forget_me()

    def _wipe(self, credentials: Any) -> None:
        import shutil

        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.profile.db_path}{suffix}").unlink(missing_ok=True)
        if self.profile.files_dir.exists():
            shutil.rmtree(self.profile.files_dir)
        credentials.delete_session()

    def close(self) -> None:
        if not self._remember:
            from eoffice_client.core.api.credentials import Credentials

            credentials = Credentials(self.profile)
            info = credentials.load_session()
            if info is not None:
                credentials.delete_token(info.server, info.username)
        self.service.close()
