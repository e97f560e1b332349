"""The sync's page application against hostile pages: refused whole or applied, nothing lost.

A cache holds a first page of documents and a queued action. The next page the server
sends is a mutated valid page, passed through the client's own decoding and wire models
(as ``ApiClient.changes`` does). Whatever it holds, the pull ends with a typed error or a
refused page (the cursor stays) or applies it; the earlier documents and the queued action
are still there.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from eoffice_client.core.api import wire
from eoffice_client.core.errors import ClientError
from eoffice_client.core.store import meta
from eoffice_client.core.store.documents import get_document, set_me
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.sync import outbox, state
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.progress import CancelToken, NullProgress
from eoffice_client.core.sync.pull import Puller
from eoffice_client.sandbox.sample_data import generate

from .conftest import tried
from .hostile_json import mutated

SAMPLE = generate(8, seed=33)
DOCS = [{**d, "secrecy": 0, "attachments": []} for d in SAMPLE.iter_documents()]
ME = SAMPLE.user("lanhdao")


def page(changes: list[dict[str, Any]], cursor: str, has_more: bool) -> dict[str, Any]:
    return {"changes": changes, "cursor": cursor, "has_more": has_more}


def upserts(docs: list[dict[str, Any]], first_seq: int) -> list[dict[str, Any]]:
    return [{"seq": first_seq + n, "kind": "document", "op": "upsert", "id": d["id"], "data": d}
            for n, d in enumerate(docs)]


SECOND = page([*upserts(DOCS[4:7], 10),
               {"seq": 20, "kind": "user", "op": "upsert", "id": ME["id"], "data": ME},
               {"seq": 21, "kind": "document", "op": "delete", "id": "gone-1", "data": None}],
              "p3", False)


class FeedApi:
    """Serves raw pages by cursor through the client's decoding and wire models."""

    server_offset = 0.0

    def __init__(self, pages: dict[str | None, Any]) -> None:
        self.pages = pages

    def changes(self, cursor: str | None, limit: int = 500) -> wire.ChangesPage:
        body = self.pages[cursor]
        raw = body if isinstance(body, bytes) else wire.json.dumps(body).encode()
        return wire.parse_changes(wire.decode_body(raw))


def pull(store: Any, api: FeedApi, folder: Path) -> Any:
    return Puller(store, api, FileCache(folder / "files"), folder / "pass.ids", NullProgress(),
                  CancelToken(), sleep=lambda s: None).run()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    with open_store(folder / "cache.sqlite3") as store:
        with store.write() as conn:
            set_me(conn, ME)
        result = pull(store, FeedApi({None: page(upserts(DOCS[:4], 1), "p1", True),
                                      "p1": page([], "p2", False)}), folder)
        assert result.complete
        with store.durable() as conn:
            doc = get_document(conn, DOCS[0]["id"])
            assert doc is not None
            outbox.enqueue(conn, doc["id"], "action", {"text": "Đề nghị xem xét"},
                           action="comment", base_version=doc["version"])
        store.checkpoint()
    return folder / "cache.sqlite3"


def check_nothing_lost(store: Any, applied_ids: set[str]) -> None:
    with store.read() as conn:
        for doc in DOCS[:4]:
            if doc["id"] not in applied_ids:
                cached = get_document(conn, doc["id"])
                assert cached is not None and cached["subject"] == doc["subject"]
        rows = outbox.list_rows(conn)
    assert len(rows) == 1 and rows[0].action == "comment"


def run_hostile(template: Path, body: Any) -> Any:
    folder = Path(tempfile.mkdtemp(prefix="hostile-sync-"))
    try:
        shutil.copyfile(template, folder / "cache.sqlite3")
        with open_store(folder / "cache.sqlite3") as store:
            try:
                result = pull(store, FeedApi({"p2": body}), folder)
            except ClientError:
                result = None
            with store.read() as conn:
                cursor = meta.get_meta(conn, state.CURSOR)
            if result is None or result.problem:
                assert cursor == "p2", "a refused page never moves the cursor"
                check_nothing_lost(store, set())
            else:
                assert result.complete and cursor is not None
                touched = {c["id"] for c in body["changes"] if isinstance(c, dict)
                           and isinstance(c.get("id"), str)} if isinstance(body, dict) else set()
                check_nothing_lost(store, touched)
            return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_unmutated_page_applies(template):
    result = run_hostile(template, SECOND)
    assert result.complete and result.applied >= 4 and result.problem is None


@given(body=mutated(SECOND))
@settings(max_examples=120, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_hostile_pages_are_refused_or_applied_and_nothing_is_lost(template, body):
    result = run_hostile(template, body)
    outcome = "refused" if result is None or result.problem else "applied"
    tried(f"sync.mutated_page.{outcome}")


@pytest.mark.parametrize("body", [
    b"{", b"[]", b"null", b'{"changes": null, "cursor": "x", "has_more": false}',
    b'{"changes": [], "cursor": "", "has_more": false}',
    b'{"changes": [{"seq": 1e400, "kind": "document"}], "cursor": "x", "has_more": false}',
    b"[" * 20_000 + b"]" * 20_000,
])
def test_hand_made_pages_are_refused(template, body):
    tried("sync.hand_made_page")
    result = run_hostile(template, body)
    assert result is not None and result.problem
