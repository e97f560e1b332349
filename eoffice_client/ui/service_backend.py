"""The window's :class:`~eoffice_client.ui.backend.Backend` over the application API.

No Qt here. The App keeps one SQLite engine (its pool hands each thread its own
connection), so the fast reads run on the GUI thread and the slow work on the window's
worker threads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import AttachmentInfo
from eoffice_client.core.app.types import CancelToken, ProgressEvent, SyncCancelled
from eoffice_client.ui.backend import (
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
            self.report(event.bytes_done // 1024, event.bytes_total // 1024,
                        f"{event.phase}:kb")
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
        return super().cancelled


def preload() -> None:
    """Imports, on the calling (GUI) thread, what the workers would otherwise import lazily:
    shiboken's import hook is not thread-safe."""
    import encodings.idna  # noqa: F401  (first host name lookup)
    import ssl  # noqa: F401

    import keyring
    import truststore  # noqa: F401

    import eoffice_client.core.app.changes
    import eoffice_client.core.app.reads
    import eoffice_client.core.app.session
    import eoffice_client.core.app.sync  # noqa: F401

    keyring.get_keyring()  # loads the backends (entry points)


class ServiceBackend:
    """Backend of one profile."""

    def __init__(self, profile: Profile, settings: Settings | None = None,
                 app: App | None = None) -> None:
        self.profile = profile
        self.settings = settings or profile.load_settings()
        self.app = app or App(profile, self.settings)

    def open(self) -> None:
        """Opens the store now (migrations load their scripts: do it on the GUI thread)."""
        self.app.open()

    def me(self) -> dict[str, Any] | None:
        person = self.app.session.me()
        return None if person is None else person.as_json()

    def server(self) -> str:
        try:
            return self.app.session.server()
        except Exception:  # an unreadable cache must not stop the window
            return self.settings.server

    def box_counts(self) -> dict[str, BoxCount]:
        return self.app.reads.box_counts()

    def document_ids(self, query: ListQuery) -> list[str]:
        return self.app.reads.document_ids(query.as_document_query())

    def rows(self, ids: Sequence[str]) -> dict[str, Row]:
        return self.app.reads.rows(ids)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.app.reads.document_json(doc_id)

    def users(self) -> list[dict[str, Any]]:
        return [p.as_json() for p in self.app.reads.directory().people.values()]

    def units(self) -> list[dict[str, Any]]:
        units = self.app.reads.directory().units.values()
        return [{"id": u.id, "name": u.name, "code": u.code, "parent_id": u.parent_id,
                 "active": u.active} for u in units]

    def catalog(self) -> dict[str, Any]:
        names = self.app.reads.directory()
        return {
            "registers": [{"id": r.id, "name": r.name, "direction": r.direction,
                           "year": r.year, "secret": r.secret}
                          for r in names.registers.values()],
            "document_types": [{"code": t.code, "name": t.name,
                                "abbreviation": t.abbreviation} for t in names.types.values()],
            "organizations": [{"id": o.id, "name": o.name, "edxml_code": o.edxml_code}
                              for o in names.organizations.values()],
        }

    def cached_file(self, attachment: dict[str, Any]) -> Path | None:
        """A path the viewer can read (a temporary plain copy when the cache is sealed)."""
        return self.app.files.viewable(_attachment_info(attachment))

    def status(self) -> dict[str, Any]:
        return self.app.session.status().as_json()

    def reminders(self, today: dt.date) -> Reminders:
        return self.app.reads.reminders(today)

    def outbox(self) -> list[OutboxEntry]:
        return self.app.reads.outbox()

    def fetch_file(self, document_id: str, attachment: dict[str, Any]) -> Path:
        path = self.app.sync.fetch_file(str(attachment["id"]))
        return self.app.files.viewable(_attachment_info(attachment)) or path

    def act(self, doc_id: str, action: str, params: dict[str, Any]) -> str:
        return self.app.changes.act(doc_id, action, params)

    def register_paper(self, body: dict[str, Any], scans: list[Path],
                       register_id: str | None) -> str:
        return self.app.changes.register_paper(body, scans, register_id)

    def check_scan(self, path: Path) -> int:
        return self.app.documents.check_scan(path)

    def cancel(self, outbox_id: str) -> None:
        self.app.changes.cancel(outbox_id)

    def retry(self, outbox_id: str) -> None:
        self.app.changes.retry(outbox_id)

    def drop(self, outbox_id: str) -> None:
        self.app.changes.drop(outbox_id)

    def sync(self, progress: Progress, cancelled: Callable[[], bool]) -> SyncReport:
        try:
            outcome = self.app.sync.run(_ProgressBridge(progress), _PollingCancel(cancelled))
        except SyncCancelled as exc:
            raise Cancelled() from exc
        if outcome.unreachable is not None:
            raise outcome.unreachable
        return SyncReport(pulled=outcome.applied, pushed=outcome.sent,
                          conflicts=outcome.conflicts, files=outcome.files_fetched,
                          already_done=outcome.already_done,
                          finished_at=outcome.finished_at, new_urgent=list(outcome.new_urgent))

    def sign_in(self, server: str, username: str, password: str, remember: bool) -> dict:
        return self.app.session.sign_in(username, password, server or None,
                                        remember=remember).as_json()

    def restore_session(self) -> bool:
        return self.app.session.restore()

    def sign_out(self, wipe: bool) -> None:
        self.app.session.logout(wipe=wipe, force=True)

    def close(self) -> None:
        self.app.close()


def _attachment_info(attachment: dict[str, Any]) -> AttachmentInfo:
    return AttachmentInfo(id=str(attachment.get("id") or ""),
                          file_name=str(attachment.get("file_name") or ""), content_type="",
                          size=0, sha256=str(attachment.get("sha256") or ""), role="",
                          uploaded_by=None, uploaded_at=None)
