"""Sync against the real sandbox: first sync, offline queue and replay, conflicts, recall,
cursor expiry, and the CLI's exit codes and JSON (run in-process)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from eoffice_client.cli import main
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.sandbox.testing import SandboxServer
from tests.integration.conftest import Caller

from .test_sync_support import (
    cached_file,
    comparable,
    documents,
    history_count,
    open_documents,
    rows,
    server_view,
    signed_in,
)


def test_first_sync_then_incremental_equals_the_server(sandbox_factory: Any,
                                                       tmp_path: Path) -> None:
    sandbox = sandbox_factory(documents=60)  # the smaller sample shows lanhdao no secret files
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        outcome = app.sync.run()
        assert int(outcome.exit_code) == 0 and outcome.applied
        mine = documents(app)
        assert mine and comparable(mine) == comparable(
            server_view(tmp_path / "fresh", sandbox.url, "lanhdao"))
        secret = [d for d in mine.values() if d["secrecy"] >= 1 and d["attachments"]]
        files = {p.name for p in (tmp_path / "p" / "files").rglob("*") if p.is_file()}
        assert secret, "the sample gives lanhdao secret documents with attachments"
        assert files, "the sync fetched the files of the other documents"
        for doc in secret:  # metadata only: never fetched
            assert not {a["sha256"] for a in doc["attachments"]} & files
        again = app.sync.run()
        # exit 0: nothing stopped the round, so the pull ran (and applied nothing)
        assert int(again.exit_code) == 0 and again.applied == 0
        status = app.session.status()
        assert status.documents == len(mine) and status.last_sync


def test_offline_actions_are_kept_and_replayed_once(sandbox: SandboxServer,
                                                    tmp_path: Path) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        app.sync.run(files=False)
        target = open_documents(app)[0]
        sandbox.stop()  # offline from here
        app.changes.act(target["id"], "extend", {"due_date": "2031-01-02", "reason": "offline-1"})
        app.changes.act(target["id"], "comment", {"id": "5b0e7b8e-8a36-4c58-9f43-5a7e1f1c0001",
                                                  "kind": "directive", "text": "Khẩn trương"})
        assert documents(app)[target["id"]]["due_date"] == "2031-01-02"  # shown at once
        down = app.sync.run(files=False)
        assert int(down.exit_code) == 3 and len(rows(app)) == 2
        sandbox.start()
        up = app.sync.run(files=False)
        assert int(up.exit_code) == 0 and rows(app) == []
        twice = app.sync.run(files=False)
        assert int(twice.exit_code) == 0
    view = server_view(tmp_path / "fresh", sandbox.url, "lanhdao")[target["id"]]
    assert history_count(view, "extend", "offline-1") == 1
    assert [c["id"] for c in view["comments"]].count("5b0e7b8e-8a36-4c58-9f43-5a7e1f1c0001") == 1


def test_conflict_exit_4_both_states_listed_nothing_sent_blindly(
        sandbox: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = signed_in(tmp_path / "a", sandbox.url, "lanhdao")
    second = signed_in(tmp_path / "b", sandbox.url, "lanhdao")
    with first, second:
        first.sync.run(files=False)
        second.sync.run(files=False)
        target = open_documents(first)[0]["id"]
        second.changes.act(target, "extend", {"due_date": "2031-02-01", "reason": "second-device"})
        assert int(second.sync.run(files=False).exit_code) == 0
        first.changes.act(target, "extend", {"due_date": "2031-03-01", "reason": "first-device"})
    capsys.readouterr()
    assert main(["--profile", str(tmp_path / "a"), "sync", "--no-files"]) == 4
    assert main(["--profile", str(tmp_path / "a"), "outbox", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["state"] for r in listed] == ["conflict"]
    conflict = listed[0]
    assert conflict["error_code"] == "version_conflict" and conflict["action"] == "extend"
    assert conflict["server_state"]["due_date"] == "2031-02-01"
    assert conflict["local_state"]["due_date"] == "2031-03-01"
    view = server_view(tmp_path / "v1", sandbox.url, "lanhdao")[target]
    assert history_count(view, "extend", "first-device") == 0  # not re-sent by itself
    assert main(["--profile", str(tmp_path / "a"), "outbox", "retry", conflict["id"]]) == 0
    assert main(["--profile", str(tmp_path / "a"), "sync", "--no-files"]) == 0
    view = server_view(tmp_path / "v2", sandbox.url, "lanhdao")[target]
    assert history_count(view, "extend", "first-device") == 1
    assert view["due_date"] == "2031-03-01"


def test_discarded_document_leaves_no_trace_and_queued_text_is_kept(
        sandbox: SandboxServer, tmp_path: Path) -> None:
    source = tmp_path / "draft.pdf"
    source.write_bytes(b"%PDF-1.4\n% a draft\n%%EOF\n")
    with signed_in(tmp_path / "a", sandbox.url, "chuyenvien") as author, \
            signed_in(tmp_path / "b", sandbox.url, "chuyenvien") as other_pc:
        doc_id = author.changes.new_document("outgoing", "CV", "Về việc thử nghiệm đồng bộ")
        attachment = author.changes.attach(doc_id, source, "draft")
        assert int(author.sync.run(files=False).exit_code) == 0
        assert int(other_pc.sync.run().exit_code) == 0
        sha = documents(other_pc)[doc_id]["attachments"][0]["sha256"]
        assert cached_file(other_pc, doc_id, attachment) is not None
        author.changes.act(doc_id, "discard")
        assert int(author.sync.run(files=False).exit_code) == 0
        other_pc.changes.act(doc_id, "comment", {"kind": "opinion", "text": "Ý kiến giữ lại"})
        outcome = other_pc.sync.run()
        assert int(outcome.exit_code) == 4
        assert doc_id not in documents(other_pc)
        assert not [p for p in (tmp_path / "b" / "files").rglob(f"*{sha}*")]
        kept = rows(other_pc)
        assert [r.state for r in kept] == ["conflict"] and kept[0].params["text"] == (
            "Ý kiến giữ lại")


def test_expired_cursor_full_pass_removes_what_was_not_mentioned(
        sandbox: SandboxServer, tmp_path: Path) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "vanthu") as app:
        assert int(app.sync.run(files=False).exit_code) == 0
        some = next(iter(documents(app).values()))
        stranger = {**some, "id": "00000000-0000-4000-8000-00000000dead", "subject": "Stale"}
        with app.context.store.write() as conn:
            upsert_documents(conn, [stranger])
        sandbox.set_faults("cursor_ttl_s=1")
        sandbox.advance_clock(30)
        outcome = app.sync.run(files=False)
        assert int(outcome.exit_code) == 0 and outcome.deleted
        mine = documents(app)
        assert stranger["id"] not in mine
        sandbox.set_faults(None)
        assert comparable(mine) == comparable(server_view(tmp_path / "f", sandbox.url,
                                                          "vanthu"))


def test_cli_refusals_and_status_json(sandbox: SandboxServer, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p"
    with signed_in(profile, sandbox.url, "chuyenvien") as app:
        app.sync.run(files=False)
        doc = next(iter(documents(app)))  # an officer may never sign: 7 whatever the status
    base = ["--profile", str(profile)]
    assert main([*base, "act", doc, "extend", "--params", "{not json"]) == 9
    assert main([*base, "act", doc, "sign", "--params", '{"attachment_id": null}']) == 7
    assert main([*base, "act", "no-such-document", "mark_read"]) == 6
    assert main([*base, "act", doc, "explode"]) == 9
    assert main([*base, "outbox", "drop", "no-such-row"]) == 6
    assert main([*base, "outbox", "retry"]) == 64
    assert main([*base, "new", "--direction", "incoming", "--type", "CV", "--subject", "x"]) == 7
    assert main([*base, "new", "--direction", "sideways", "--type", "CV", "--subject", "x"]) == 9
    capsys.readouterr()
    assert main([*base, "new", "--direction", "internal", "--type", "CV", "--subject",
                 "Nội bộ", "--params", '{"urgency": 1}']) == 0
    new_id = capsys.readouterr().out.strip()
    assert main([*base, "outbox", "--json"]) == 0
    listed: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    assert listed[0]["document_id"] == new_id and listed[0]["state"] == "queued"
    assert main([*base, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending_actions"] == 1 and status["username"] == "chuyenvien"
    assert {"server", "last_sync", "conflicts", "documents", "cached_bytes"} <= set(status)
    assert main([*base, "outbox", "cancel", listed[0]["id"]]) == 0
    with app, app.context.store.read() as conn:  # the cache opened again, then closed
        assert conn.execute(text("SELECT COUNT(*) FROM documents WHERE id = :i"),
                            {"i": new_id}).scalar_one() == 0


def test_sync_lock_held_is_exit_10(sandbox: SandboxServer, tmp_path: Path) -> None:
    from eoffice_client.core.sync.lock import SyncLock

    profile = tmp_path / "p"
    signed_in(profile, sandbox.url, "vanthu").close()
    with SyncLock(profile / "sync.lock"):
        assert main(["--profile", str(profile), "sync"]) == 10


@pytest.mark.parametrize("settings", [{"prefetch": "none"}, {"prefetch_max_mb": 0}])
def test_prefetch_policy_and_on_demand_download(sandbox: SandboxServer, tmp_path: Path,
                                                settings: dict[str, Any]) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao", **settings) as app:
        assert int(app.sync.run().exit_code) == 0
        assert not [p for p in (tmp_path / "p" / "files").rglob("*") if p.is_file()]
        doc = next(d for d in documents(app).values()
                   if d["secrecy"] == 0 and d["attachments"])
        attachment = doc["attachments"][0]
        path = app.sync.fetch_file(attachment["id"])  # on demand
        assert path is not None and path.name == attachment["sha256"]
        assert app.session.status().cached_bytes == attachment["size"]
        secret = [d for d in documents(app).values() if d["secrecy"] >= 1 and
                  d["attachments"]]
        if secret:
            from eoffice_client.core.errors import NotAllowedError

            with pytest.raises(NotAllowedError):
                app.sync.fetch_file(secret[0]["attachments"][0]["id"])


def test_an_action_already_done_elsewhere_is_not_a_conflict(sandbox: SandboxServer,
                                                            tmp_path: Path) -> None:
    """The same extend (same date) sent from two devices: the second is refused by the
    server (412, the version moved on), and the server's state shows it done: no conflict."""
    first = signed_in(tmp_path / "a", sandbox.url, "lanhdao")
    second = signed_in(tmp_path / "b", sandbox.url, "lanhdao")
    with first, second:
        first.sync.run(files=False)
        second.sync.run(files=False)
        target = open_documents(first)[0]["id"]
        for device in (second, first):
            device.changes.act(target, "extend", {"due_date": "2031-04-01", "reason": "both"})
        assert int(second.sync.run(files=False).exit_code) == 0
        outcome = first.sync.run(files=False)
        assert int(outcome.exit_code) == 0 and outcome.conflicts == 0
        assert outcome.already_done == 1 and rows(first) == []
        assert documents(first)[target]["due_date"] == "2031-04-01"
    view = server_view(tmp_path / "v", sandbox.url, "lanhdao")[target]
    assert history_count(view, "extend", "both") == 1  # not sent twice


def test_a_round_announces_the_urgent_documents_it_brings_once(sandbox: SandboxServer,
                                                              tmp_path: Path) -> None:
    """The tray's "new urgent documents": unread urgent documents that arrived in this round,
    not the ones already announced when they change again."""
    clerk = Caller(sandbox, "vanthu")
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        assert int(app.sync.run(files=False).exit_code) == 0
        leader_id = app.session.me().id  # type: ignore[union-attr]
        register = next(r.id for r in app.reads.directory().registers.values()
                        if r.direction == "incoming" and not r.secret
                        and r.year == today_vietnam().year)
        doc = clerk.create("incoming", urgency=2, issuer={"org_id": "", "org_name": "Sở Y tế"})
        doc = clerk.act(doc, "register", {"register_id": register})
        doc = clerk.act(doc, "submit", {"to_user_id": leader_id})
        arrived = app.sync.run(files=False)
        assert arrived.new_urgent == (doc["id"],)
        assert app.sync.run(files=False).new_urgent == ()
        clerk.act(doc, "comment", {"id": str(uuid.uuid4()), "kind": "note", "text": "Xem gấp"})
        changed = app.sync.run(files=False)
        assert changed.applied >= 1 and changed.new_urgent == ()
