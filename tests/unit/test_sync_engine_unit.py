"""The sync engine's logic against a real store and scripted fake servers (no network)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from eoffice_client.core.api import errors as api_errors
from eoffice_client.core.domain import workflow
from eoffice_client.core.store import meta
from eoffice_client.core.store.directory import upsert_users
from eoffice_client.core.store.documents import get_document, set_me
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.sync import outbox, state
from eoffice_client.core.sync.files import FileCache
from eoffice_client.core.sync.progress import CancelToken, NullProgress
from eoffice_client.core.sync.pull import CursorCorrupt, Puller
from eoffice_client.core.sync.push import Pusher

ME = {"id": "u-me", "username": "me", "full_name": "Me", "title": "", "unit_id": "unit-1",
      "active": True, "roles": ["leader", "clerk"]}
OTHER = {**ME, "id": "u-other", "username": "other", "roles": ["officer"]}


def make_doc(doc_id: str, version: int = 1, **fields: Any) -> dict[str, Any]:
    doc = {
        "id": doc_id, "direction": "outgoing", "type_code": "CV", "code_number": None,
        "code_notation": "", "issuer": {"org_id": "o", "org_name": "Org"}, "issued_date": None,
        "place": "", "subject": f"Subject {doc_id}", "urgency": 0, "secrecy": 0, "signer": None,
        "arrival_number": None, "arrival_date": None, "register_id": None,
        "due_date": "2026-12-31", "unit_id": "unit-1", "page_count": None, "copies": None,
        "in_reply_to": None, "recipients": [], "status": "draft", "pending_with": [ME["id"]],
        "version": version, "created_by": ME["id"], "registered_by": None,
        "created_at": "2026-11-01T08:00:00+07:00", "updated_at": "2026-11-01T08:00:00+07:00",
        "read": False, "readers": [], "attachments": [], "assignments": [], "comments": [],
        "history": [],
    }
    doc.update(fields)
    return doc


def change(seq: int, doc: dict[str, Any] | None, *, kind: str = "document",
           op: str = "upsert", object_id: str | None = None) -> dict[str, Any]:
    return {"seq": seq, "kind": kind, "op": op,
            "id": object_id or (doc or {}).get("id"), "data": doc}


class FakeFeed:
    """Pages by cursor: cursor None -> pages[0], "c1" -> pages[1], ..."""

    def __init__(self, pages: list[list[dict[str, Any]]], errors: dict[Any, Exception] | None
                 = None) -> None:
        self.pages = pages
        self.errors = errors or {}
        self.calls: list[str | None] = []

    def changes(self, cursor: str | None, limit: int = 500) -> Any:
        self.calls.append(cursor)
        error = self.errors.pop(cursor, None)
        if error is not None:
            raise error
        index = 0 if cursor is None else int(cursor[1:])
        return SimpleNamespace(changes=copy.deepcopy(self.pages[index]),
                               cursor=f"c{index + 1}", has_more=index + 1 < len(self.pages))


class FakeServer:
    """Applies actions with the domain's rules, like a server would, and records requests."""

    def __init__(self, docs: dict[str, dict[str, Any]]) -> None:
        self.docs = docs
        self.requests: list[tuple[str, str, str, int | None]] = []
        self.fail: list[Exception] = []

    def _next_failure(self) -> None:
        if self.fail:
            raise self.fail.pop(0)

    def act(self, id: str, action: str, params: dict[str, Any], version: int | None,
            key: str) -> dict[str, Any]:
        self.requests.append(("act", id, key, version))
        self._next_failure()
        doc = self.docs[id]
        if action in workflow.VERSIONED_ACTIONS and version != doc["version"]:
            raise api_errors.VersionConflict(status=412, code="version_conflict",
                                             current=copy.deepcopy(doc))
        self.docs[id] = workflow.apply(doc, action, params, ME, dt.datetime.now(dt.UTC))
        return copy.deepcopy(self.docs[id])

    def create_document(self, body: dict[str, Any], key: str) -> dict[str, Any]:
        self.requests.append(("create", body["id"], key, None))
        self._next_failure()
        self.docs[body["id"]] = make_doc(body["id"], subject=body["subject"])
        return copy.deepcopy(self.docs[body["id"]])

    def patch_document(self, id: str, patch: dict[str, Any], version: int,
                       key: str) -> dict[str, Any]:
        self.requests.append(("patch", id, key, version))
        self._next_failure()
        doc = outbox.merge_patch(self.docs[id], patch)
        doc["version"] += 1
        self.docs[id] = doc
        return copy.deepcopy(doc)

    def upload_attachment(self, attachment_id: str, document_id: str, role: str, data: Any,
                          file_name: str, content_type: str, sha256: str,
                          key: str) -> dict[str, Any]:
        self.requests.append(("upload", document_id, key, None))
        self._next_failure()
        attachment = {"id": attachment_id, "file_name": file_name, "content_type": content_type,
                      "size": Path(data).stat().st_size, "sha256": sha256, "role": role,
                      "uploaded_by": ME["id"], "uploaded_at": "2026-11-27T00:00:00+00:00"}
        self.docs[document_id]["attachments"].append(attachment)
        return attachment

    def delete_attachment(self, attachment_id: str, key: str) -> None:
        self.requests.append(("delete_attachment", attachment_id, key, None))


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = open_store(tmp_path / "cache.sqlite3")
    with s.write() as conn:
        upsert_users(conn, [ME, OTHER])
        set_me(conn, ME)
    yield s
    s.close()


def seed_docs(store: Any, *docs: dict[str, Any]) -> None:
    from eoffice_client.core.store.documents import upsert_documents

    with store.write() as conn:
        upsert_documents(conn, list(docs))


def queue(store: Any, doc_id: str, action: str, params: dict[str, Any] | None = None
          ) -> outbox.OutboxRow:
    with store.durable() as conn:
        doc = get_document(conn, doc_id)
        assert doc is not None
        row = outbox.enqueue(conn, doc_id, "action", params or {}, action=action,
                             base_version=doc["version"])
        outbox.refresh_document(conn, doc_id)
    return row


def pusher(store: Any, api: Any, tmp_path: Path) -> Pusher:
    return Pusher(store, api, FileCache(tmp_path / "files"), NullProgress(), CancelToken(),
                  sleep=lambda s: None)


def puller(store: Any, api: Any, tmp_path: Path) -> Puller:
    return Puller(store, api, FileCache(tmp_path / "files"), tmp_path / "pass.ids",
                  NullProgress(), CancelToken(), sleep=lambda s: None)


def rows(store: Any) -> list[outbox.OutboxRow]:
    with store.read() as conn:
        return outbox.list_rows(conn)


def doc_of(store: Any, doc_id: str) -> dict[str, Any] | None:
    with store.read() as conn:
        return get_document(conn, doc_id)


# --- optimistic effects and the outbox state machine ---------------------------------------------
def test_queued_action_shows_at_once_and_pulled_data_keeps_it(store: Any, tmp_path: Path) -> None:
    seed_docs(store, make_doc("d1", pending_with=[ME["id"]], status="draft"))
    queue(store, "d1", "submit", {"to_user_id": OTHER["id"]})
    assert doc_of(store, "d1")["status"] == "in_review"  # type: ignore[index]
    # the server changes the subject meanwhile: pulled, the queued submit stays on top
    newer = make_doc("d1", version=2, subject="Changed elsewhere")
    puller(store, FakeFeed([[change(5, newer)]]), tmp_path).run()
    shown = doc_of(store, "d1")
    assert shown is not None
    assert shown["subject"] == "Changed elsewhere"
    assert shown["status"] == "in_review" and shown["pending_with"] == [OTHER["id"]]
    with store.read() as conn:
        assert state.get_server_doc(conn, "d1")["status"] == "draft"  # type: ignore[index]


def test_cancel_recomputes_and_create_cancel_takes_its_rows(store: Any, tmp_path: Path) -> None:
    seed_docs(store, make_doc("d1"))
    row = queue(store, "d1", "extend", {"due_date": "2027-01-15"})
    assert doc_of(store, "d1")["due_date"] == "2027-01-15"  # type: ignore[index]
    with store.durable() as conn:
        outbox.cancel(conn, row.id)
    assert doc_of(store, "d1")["due_date"] == "2026-12-31"  # type: ignore[index]
    assert rows(store) == []
    with store.durable() as conn:
        outbox.enqueue(conn, "new1", "create", {"id": "new1"}, local_state=make_doc("new1"))
        outbox.refresh_document(conn, "new1")
    queue(store, "new1", "extend", {"due_date": "2027-02-01"})
    assert doc_of(store, "new1")["due_date"] == "2027-02-01"  # type: ignore[index]
    with store.durable() as conn:
        removed = outbox.cancel(conn, rows(store)[0].id)
    assert len(removed) == 2 and rows(store) == [] and doc_of(store, "new1") is None


# --- push ----------------------------------------------------------------------------------------
def test_push_chains_versions_and_sends_each_once(store: Any, tmp_path: Path) -> None:
    server_doc = make_doc("d1", version=3)
    seed_docs(store, copy.deepcopy(server_doc))
    queue(store, "d1", "extend", {"due_date": "2027-01-10"})
    queue(store, "d1", "mark_read")
    queue(store, "d1", "extend", {"due_date": "2027-01-20"})
    api = FakeServer({"d1": server_doc})
    result = pusher(store, api, tmp_path).run()
    assert result.sent == 3 and result.conflicts == 0
    assert [r[3] for r in api.requests] == [3, None, 4]  # If-Match chained from answers
    assert rows(store) == []
    shown = doc_of(store, "d1")
    assert shown is not None and shown["version"] == 5 and shown["due_date"] == "2027-01-20"


def test_network_failure_keeps_row_and_key(store: Any, tmp_path: Path) -> None:
    server_doc = make_doc("d1", version=1)
    seed_docs(store, copy.deepcopy(server_doc))
    row = queue(store, "d1", "extend", {"due_date": "2027-01-10"})
    api = FakeServer({"d1": server_doc})
    api.fail = [api_errors.Unreachable(reason="x", server="s")] * 10
    result = pusher(store, api, tmp_path).run()
    assert result.stopped_by is not None and result.sent == 0
    left = rows(store)
    assert [r.state for r in left] == ["sending"] and left[0].idempotency_key == row.idempotency_key
    api.fail = []
    assert pusher(store, api, tmp_path).run().sent == 1
    keys = {r[2] for r in api.requests}
    assert keys == {row.idempotency_key}  # every try used the same key


def test_412_makes_a_conflict_blocks_later_rows_and_rolls_back(store: Any,
                                                               tmp_path: Path) -> None:
    seed_docs(store, make_doc("d1", version=1))
    first = queue(store, "d1", "extend", {"due_date": "2027-01-10"})
    queue(store, "d1", "extend", {"due_date": "2027-01-20"})
    server_doc = make_doc("d1", version=2, subject="Someone else")
    api = FakeServer({"d1": server_doc})
    result = pusher(store, api, tmp_path).run()
    assert result.conflicts == 1 and len(api.requests) == 1  # nothing sent blindly
    states = [(r.id, r.state) for r in rows(store)]
    assert states[0] == (first.id, "conflict") and states[1][1] == "blocked"
    conflict = rows(store)[0]
    assert conflict.error_code == "version_conflict"
    assert conflict.server_state["subject"] == "Someone else"  # type: ignore[index]
    assert conflict.local_state["due_date"] == "2027-01-20"  # type: ignore[index]
    shown = doc_of(store, "d1")
    assert shown is not None and shown["subject"] == "Someone else"
    assert shown["due_date"] == "2026-12-31"  # rolled back to the server's state
    # a new action on that document waits behind the conflict
    queue(store, "d1", "mark_read")
    assert rows(store)[-1].state == "blocked"
    # retry: a new key, based on the current server version; the later rows go again
    with store.durable() as conn:
        retried = outbox.retry(conn, first.id)
    assert retried.idempotency_key != first.idempotency_key
    assert {r.state for r in rows(store)} == {"queued"}
    result = pusher(store, api, tmp_path).run()
    assert result.sent == 3 and rows(store) == []
    assert api.docs["d1"]["due_date"] == "2027-01-20" and api.docs["d1"]["version"] == 4


def test_drop_unblocks_and_key_reused_is_reported(store: Any, tmp_path: Path) -> None:
    seed_docs(store, make_doc("d1", version=1))
    first = queue(store, "d1", "mark_read")
    queue(store, "d1", "extend", {"due_date": "2027-01-20"})
    api = FakeServer({"d1": make_doc("d1", version=1)})
    api.fail = [api_errors.IdempotencyKeyReused(status=422, code="idempotency_key_reused")]
    result = pusher(store, api, tmp_path).run()
    assert result.bugs == [first.id] and result.conflicts == 1
    with store.durable() as conn:
        outbox.drop(conn, first.id)
    assert [r.state for r in rows(store)] == ["queued"]
    assert pusher(store, api, tmp_path).run().sent == 1


def test_create_and_upload_go_before_actions(store: Any, tmp_path: Path) -> None:
    files = FileCache(tmp_path / "files")
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    sha, size = files.add_local(source)
    with store.durable() as conn:
        outbox.enqueue(conn, "n1", "create", {"id": "n1", "subject": "S"},
                       local_state=make_doc("n1"))
        outbox.enqueue(conn, "n1", "upload", {"attachment_id": "a1", "role": "main",
                       "file_name": "a.pdf", "content_type": "application/pdf",
                       "size": size, "sha256": sha}, file_path=files.relative(sha))
        outbox.refresh_document(conn, "n1")
    queue(store, "n1", "extend", {"due_date": "2027-03-01"})
    shown = doc_of(store, "n1")
    assert shown is not None and shown["attachments"][0]["id"] == "a1"
    api = FakeServer({})
    result = pusher(store, api, tmp_path).run()
    assert [r[0] for r in api.requests] == ["create", "upload", "act"] and result.sent == 3
    shown = doc_of(store, "n1")
    assert shown is not None and shown["due_date"] == "2027-03-01" and shown["version"] == 2


# --- pull ----------------------------------------------------------------------------------------
def test_duplicates_and_overlaps_are_harmless(store: Any, tmp_path: Path) -> None:
    d1v1, d1v2 = make_doc("d1", 1), make_doc("d1", 2, subject="v2")
    pages = [[change(1, d1v1), change(3, d1v2)], [change(1, d1v1), change(2, make_doc("d2"))],
             [change(3, d1v2), {"seq": 9, "kind": "future_kind", "op": "upsert", "id": "x",
                                "data": {"whatever": 1}}]]
    result = puller(store, FakeFeed(pages), tmp_path).run()
    assert result.complete and result.pages == 3
    assert doc_of(store, "d1")["subject"] == "v2"  # type: ignore[index]
    assert doc_of(store, "d2") is not None
    with store.read() as conn:
        assert meta.get_meta(conn, state.CURSOR) == "c3"


@pytest.mark.parametrize("bad", [
    {"seq": "7", "kind": "document", "op": "upsert", "id": "d9", "data": None},
    change(7, {**make_doc("d9"), "version": "two"}),
    change(7, {k: v for k, v in make_doc("d9").items() if k != "status"}),
    change(7, make_doc("d9", attachments=[{"id": "a", "sha256": "../../evil", "size": 1}])),
])
def test_an_item_that_does_not_fit_fails_its_page(store: Any, tmp_path: Path,
                                                  bad: dict[str, Any]) -> None:
    pages = [[change(1, make_doc("d1"))], [change(5, make_doc("d5")), bad]]
    result = puller(store, FakeFeed(pages), tmp_path).run()
    assert not result.complete and result.problem
    assert doc_of(store, "d1") is not None and doc_of(store, "d5") is None  # page 2: nothing
    with store.read() as conn:
        assert meta.get_meta(conn, state.CURSOR) == "c1"


def test_delete_removes_files_and_turns_queued_changes_into_conflicts(store: Any,
                                                                     tmp_path: Path) -> None:
    files = FileCache(tmp_path / "files")
    src = tmp_path / "x.pdf"
    src.write_bytes(b"%PDF shared")
    sha, size = files.add_local(src)
    attachment = {"id": "a1", "file_name": "x.pdf", "content_type": "application/pdf",
                  "size": size, "sha256": sha, "role": "main", "uploaded_by": "u",
                  "uploaded_at": "2026-11-01T00:00:00+00:00"}
    own = {**attachment, "id": "a2"}
    seed_docs(store, make_doc("d1", attachments=[attachment]), make_doc("d2", attachments=[own]))
    from eoffice_client.core.store.files import record_cached_file

    with store.write() as conn:
        record_cached_file(conn, sha, size, files.relative(sha), "now")
        meta.set_meta(conn, state.CURSOR, "c0")  # an incremental round, not a full pass
    queue(store, "d1", "comment", {"id": "c1", "kind": "opinion", "text": "Giữ ý kiến này"})
    p = puller(store, FakeFeed([[change(4, None, op="delete", object_id="d1")]]), tmp_path)
    result = p.run()
    assert doc_of(store, "d1") is None and result.conflicts == 1
    assert files.has(sha)  # d2 still references the same bytes
    conflict = rows(store)[0]
    assert conflict.state == "conflict" and conflict.params["text"] == "Giữ ý kiến này"
    p = puller(store, FakeFeed([[], [change(5, None, op="delete", object_id="d2")]]), tmp_path)
    with store.write() as conn:
        meta.set_meta(conn, state.CURSOR, "c1")
    result = p.run()
    for sha_ in result.orphans:
        files.remove(sha_)
    assert not files.has(sha)


def test_expired_cursor_full_pass_removes_unmentioned_but_keeps_queued_creates(
        store: Any, tmp_path: Path) -> None:
    seed_docs(store, make_doc("keep"), make_doc("gone"))
    with store.durable() as conn:
        outbox.enqueue(conn, "mine", "create", {"id": "mine"}, local_state=make_doc("mine"))
        outbox.refresh_document(conn, "mine")
        meta.set_meta(conn, state.CURSOR, "c0")
    feed = FakeFeed([[change(10, make_doc("keep", 2))]],
                    errors={"c0": api_errors.CursorExpired(status=410, code="cursor_expired")})
    result = puller(store, feed, tmp_path).run()
    assert result.complete and feed.calls == ["c0", None]
    assert doc_of(store, "keep")["version"] == 2  # type: ignore[index]
    assert doc_of(store, "gone") is None and doc_of(store, "mine") is not None


def test_invalid_cursor_is_reported_not_repaired(store: Any, tmp_path: Path) -> None:
    with store.write() as conn:
        meta.set_meta(conn, state.CURSOR, "c0")
    feed = FakeFeed([[]], errors={"c0": api_errors.InvalidCursor(status=400,
                                                                   code="invalid_cursor")})
    with pytest.raises(CursorCorrupt):
        puller(store, feed, tmp_path).run()
    with store.read() as conn:
        assert meta.get_meta(conn, state.CURSOR) == "c0"
