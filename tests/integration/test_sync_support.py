"""Helpers of the sync integration tests: signed-in profiles and "the server's view"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eoffice_client.core.services import ClientService
from sqlalchemy import text

from eoffice_client.config import Profile, Settings
from eoffice_client.core.store.documents import get_document
from eoffice_client.core.sync import outbox

CLOSED = ("completed", "issued", "recalled", "discarded")


def signed_in(root: Path, server_url: str, username: str, **settings: Any) -> ClientService:
    profile = Profile.at(root)
    service = ClientService(profile, Settings(**settings))
    service.login(username, "demo", server_url)
    return service


def documents(service: ClientService) -> dict[str, dict[str, Any]]:
    with service.store.read() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM documents ORDER BY id"))]
        return {i: get_document(conn, i) or {} for i in ids}


def server_view(root: Path, server_url: str, username: str) -> dict[str, dict[str, Any]]:
    """What a fresh profile of ``username`` receives: the server's state for that user."""
    with signed_in(root, server_url, username) as fresh:
        report = fresh.sync(files=False)
        assert int(report.exit_code) == 0, report
        return documents(fresh)


def open_documents(service: ClientService, **where: Any) -> list[dict[str, Any]]:
    docs = [d for d in documents(service).values() if d["status"] not in CLOSED]
    for key, value in where.items():
        docs = [d for d in docs if d.get(key) == value]
    return docs


def rows(service: ClientService) -> list[outbox.OutboxRow]:
    return service.outbox()


def history_count(doc: dict[str, Any], action: str, detail: str | None) -> int:
    return sum(1 for h in doc.get("history") or []
               if h.get("action") == action and h.get("detail") == detail)


def comparable(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What must be equal between a synced cache and the server's view."""
    return {i: (d["version"], d["status"], d["pending_with"], d.get("due_date"),
                sorted(c["id"] for c in d.get("comments") or []),
                sorted(a["id"] for a in d.get("attachments") or []), len(d.get("history") or []),
                sorted(d.get("readers") or []))
            for i, d in docs.items()}
