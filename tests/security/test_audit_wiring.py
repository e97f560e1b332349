"""Every local action of the application API lands in the audit trail (ids and codes, never
content), and ``eoffice-client audit verify`` finds a trail broken by hand (exit 9)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.security.fresh_cache import pending_from_trail
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    ANCHOR,
    DOCS,
    run,
    sample_cache_fixture,
    sample_profile_fixture,
)

COMMENT = "Đề nghị phòng Tài chính bổ sung số liệu quý III trước ngày 15"
SUBJECT = "Về việc kiểm tra nhật ký thao tác của máy trạm"


def trail_text(root: Path) -> str:
    return (root / "audit" / "trail.jsonl").read_text(encoding="utf-8")


def kinds(app: App) -> list[tuple[str, str | None]]:
    return [(e.kind, e.outbox_id) for e in app.audit.entries()]


def test_queued_cancelled_and_exported_are_recorded_without_content(
        sample_profile: Path, tmp_path: Path) -> None:
    doc = next(d for d in DOCS if d["secrecy"] == 0)
    source = tmp_path / "phu-luc.pdf"
    source.write_bytes(b"%PDF-1.4 phu luc")
    with App(Profile(sample_profile)) as app:
        comment = app.changes.act(doc["id"], "comment", {"kind": "opinion", "text": COMMENT})
        created = app.changes.new_document("outgoing", "CV", SUBJECT)
        attached = app.changes.attach(created, source, "appendix")
        [upload] = [e.id for e in app.reads.outbox() if e.action == "upload"]
        [create] = [e.id for e in app.reads.outbox() if e.document_id == created
                    and e.action == "create"]
        assert app.changes.cancel(create) == 2  # the create takes its upload with it
        app.reports.export_register("incoming", ANCHOR - dt.timedelta(days=60), ANCHOR,
                                    "xlsx", tmp_path / "so-den.xlsx")
        recorded = kinds(app)
        assert recorded[:3] == [("queued", comment), ("queued", create), ("queued", upload)]
        assert sorted(recorded[3:5]) == sorted([("cancelled", create), ("cancelled", upload)])
        assert recorded[5] == ("exported", None)
        assert app.audit.verify().ok and app.audit.verify().entries == 6
        assert pending_from_trail(app.audit.location) == [comment]
    assert attached
    text = trail_text(sample_profile)
    for content in (COMMENT, SUBJECT, "phu-luc.pdf", doc["subject"]):
        assert content not in text


def test_retry_and_drop_of_a_conflict_are_recorded(sample_profile: Path) -> None:
    from eoffice_client.core.sync import outbox

    doc = next(d for d in DOCS if d["secrecy"] == 0)
    with App(Profile(sample_profile)) as app:
        first = app.changes.act(doc["id"], "mark_read")
        with app.context.store.durable() as conn:  # as the push leaves a refused change
            outbox.to_conflict(conn, outbox.get_row(conn, first), "invalid_transition",
                               "refused", None)
        app.changes.retry(first)
        with app.context.store.durable() as conn:
            outbox.to_conflict(conn, outbox.get_row(conn, first), "invalid_transition",
                               "refused", None)
        app.changes.drop(first)
        assert kinds(app) == [("queued", first), ("retried", first), ("dropped", first)]
        assert pending_from_trail(app.audit.location) == []


def test_a_trail_that_cannot_be_written_does_not_stop_the_action(
        sample_profile: Path) -> None:
    doc = next(d for d in DOCS if d["secrecy"] == 0)
    (sample_profile / "audit").write_text("a file where the folder should be")
    with App(Profile(sample_profile)) as app:
        row = app.changes.act(doc["id"], "mark_read")
        assert [e.id for e in app.reads.outbox()] == [row]


def test_audit_verify_exit_0_then_9_naming_the_entry_changed_by_hand(
        sample_profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = next(d for d in DOCS if d["secrecy"] == 0)
    with App(Profile(sample_profile)) as app:
        for _ in range(3):
            app.changes.act(doc["id"], "mark_read")
    assert run(sample_profile, "audit", "verify", lang="en") == 0
    out = capsys.readouterr().out
    assert "intact: 3 entries" in out
    trail = sample_profile / "audit" / "trail.jsonl"
    lines = trail.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = json.loads(lines[1])
    entry["detail"]["action"] = "approve"  # entry 2 says something else now
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False) + "\n"
    trail.write_text("".join(lines), encoding="utf-8")
    assert run(sample_profile, "audit", "verify", lang="en") == 9
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "entry 2 was changed" in err
    assert run(sample_profile, "audit", "verify", "--json") == 9
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["first_bad"] == 2
    assert report["reason"] == "audit.altered"


def test_audit_verify_finds_lines_removed_and_the_anchor_missing(
        sample_profile: Path, capsys: pytest.CaptureFixture[str], memory_keyring) -> None:
    doc = next(d for d in DOCS if d["secrecy"] == 0)
    with App(Profile(sample_profile)) as app:
        for _ in range(4):
            app.changes.act(doc["id"], "mark_read")
    trail = sample_profile / "audit" / "trail.jsonl"
    whole = trail.read_text(encoding="utf-8")
    trail.write_text("".join(whole.splitlines(keepends=True)[:2]), encoding="utf-8")
    assert run(sample_profile, "audit", "verify", lang="en") == 9
    assert "cut short" in capsys.readouterr().err
    trail.write_text(whole, encoding="utf-8")
    assert run(sample_profile, "audit", "verify", lang="vi") == 0
    capsys.readouterr()
    for account in [k for k in memory_keyring.secrets if k[1].endswith("|audit-anchor")]:
        del memory_keyring.secrets[account]
    assert run(sample_profile, "audit", "verify", lang="vi") == 9
    assert "mốc" in capsys.readouterr().err
