"""Helpers shared by the API client's integration tests (no tests here; a real sandbox)."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import ApiClient

PASSWORD = "demo"


def make_client(server: Any, root: Path, **kwargs: Any) -> ApiClient:
    settings = Settings(connect_timeout_s=5, read_timeout_s=10)
    return ApiClient(server.url, profile=Profile.at(root), settings=settings, **kwargs)


def signed_in(server: Any, root: Path, username: str = "vanthu", **kwargs: Any) -> ApiClient:
    client = make_client(server, root, **kwargs)
    client.login(username, PASSWORD)
    return client


def pull_all(client: ApiClient) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every document the user sees (by id) and the catalog, through the feed."""
    documents: dict[str, dict[str, Any]] = {}
    catalog: dict[str, Any] = {}
    cursor = None
    while True:
        page = client.changes(cursor, limit=200)
        for change in page.changes:
            if change.kind == "document" and change.op == "upsert":
                documents[change.id] = change.data or {}
            elif change.kind == "document":
                documents.pop(change.id, None)
            elif change.kind == "catalog" and change.data:
                catalog = change.data
        cursor = page.cursor
        if not page.has_more:
            return documents, catalog


def register_id(catalog: dict[str, Any], direction: str, secret: bool = False) -> str:
    registers = [r for r in catalog["registers"]
                 if r["direction"] == direction and r["secret"] == secret]
    return max(registers, key=lambda r: r["year"])["id"]


def key() -> str:
    return str(uuid.uuid4())


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_draft(client: ApiClient, subject: str = "Dự thảo kiểm thử") -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "direction": "outgoing", "type_code": "CV",
            "subject": subject}
    return client.create_document(body, key())


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
