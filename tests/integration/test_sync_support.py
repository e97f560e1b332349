"""Helpers of the sync integration tests: signed-in profiles and "the server's view"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import OutboxEntry
from eoffice_client.core.store.documents import get_document

CLOSED = ("completed", "issued", "recalled", "discarded")


def signed_in(root: Path, server_url: str, username: str, **settings: Any) -> App:
    profile = Profile.at(root)
    app = App(profile, Settings(**settings))
    app.session.sign_in(username, "demo", server_url)
    return app


def documents(app: App) -> dict[str, dict[str, Any]]:
    with app.context.store.read() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM documents ORDER BY id"))]
        return {i: get_document(conn, i) or {} for i in ids}


def server_view(root: Path, server_url: str, username: str) -> dict[str, dict[str, Any]]:
    """What a fresh profile of ``username`` receives: the server's state for that user."""
    with signed_in(root, server_url, username) as fresh:
        outcome = fresh.sync.run(files=False)
        assert int(outcome.exit_code) == 0, outcome
        return documents(fresh)


def open_documents(app: App, **where: Any) -> list[dict[str, Any]]:
    docs = [d for d in documents(app).values() if d["status"] not in CLOSED]
    for key, value in where.items():
        docs = [d for d in docs if d.get(key) == value]
    return docs


def rows(app: App) -> list[OutboxEntry]:
    return app.reads.outbox()


def cached_file(app: App, document_id: str, attachment_id: str) -> Path | None:
    """The verified local copy of one attachment of a cached document (never fetches)."""
    doc = app.reads.require_document(document_id)
    attachment = next(a for a in doc.attachments if a.id == attachment_id)
    return app.reads.cached_file(attachment)


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
