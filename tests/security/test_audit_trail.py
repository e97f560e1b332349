"""The audit trail: appends chain and anchor; hand-made tampering is detected and named."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.security import vault
from eoffice_client.core.security.audit import (
    Anchor,
    AuditKind,
    AuditLocation,
    AuditTrail,
    canonical,
    genesis,
    read_anchor,
    read_entries,
    write_anchor,
)
from eoffice_client.core.security.audit_check import AuditBroken, verify_trail


@pytest.fixture
def location(tmp_path: Path) -> AuditLocation:
    return AuditLocation.for_profile(Profile.at(tmp_path / "profile"))


def fill(location: AuditLocation, count: int = 5) -> AuditTrail:
    trail = AuditTrail(location)
    kinds = [AuditKind.QUEUED, AuditKind.SENT, AuditKind.ACCEPTED, AuditKind.SIGNED,
             AuditKind.EXPORTED]
    for n in range(count):
        trail.append(kinds[n % len(kinds)], document_id=f"doc-{n}", outbox_id=f"ob-{n}",
                     detail={"action": "forward", "attempt": n})
    return trail


def lines(location: AuditLocation) -> list[bytes]:
    return location.trail.read_bytes().splitlines(keepends=True)


def write_lines(location: AuditLocation, items: list[bytes]) -> None:
    location.trail.write_bytes(b"".join(items))


def test_entries_chain_and_the_anchor_follows(location):
    fill(location, 3)
    entries = read_entries(location)
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev == genesis(location.profile_id)
    assert entries[1].prev == entries[0].hash and entries[2].prev == entries[1].hash
    assert [e.kind for e in entries] == ["queued", "sent", "accepted"]
    anchor = read_anchor(location.profile_id)
    assert anchor is not None and (anchor.seq, anchor.hash) == (3, entries[2].hash)
    check = verify_trail(location)
    assert check.ok and check.entries == 3 and check.first_bad is None
    assert check.reason == "audit.intact" and check.unanchored == 0
    line = json.loads(lines(location)[0])
    assert sorted(line) == ["detail", "document_id", "hash", "kind", "outbox_id", "prev",
                            "seq", "time"]


def test_detail_never_carries_content_or_secrets(location):
    trail = AuditTrail(location)
    for name in ("subject", "password", "PIN", "refresh_token", "body"):
        with pytest.raises(ValueError):
            trail.append(AuditKind.QUEUED, detail={name: "x"})
    entry = trail.append(AuditKind.SIGNED_IN, detail={
        "server": "https://u:hunter2@eoffice.example.vn",
        "info": "Authorization: Bearer abc.def.ghi"})
    assert "hunter2" not in location.trail.read_text() and "abc.def" not in entry.detail["info"]
    assert entry.seq == 1 and read_entries(location) == [entry]


def test_an_edited_byte_is_caught_at_its_entry(location):
    fill(location)
    items = lines(location)
    items[2] = items[2].replace(b'"attempt":2', b'"attempt":7')
    write_lines(location, items)
    check = verify_trail(location)
    assert not check.ok and check.first_bad == 3 and check.reason == "audit.altered"
    assert check.entries == 2
    items[2] = items[2].replace(b'"attempt":7', b'"attempt":7,')  # broken syntax now
    write_lines(location, items)
    assert (verify_trail(location).reason, verify_trail(location).first_bad) == (
        "audit.malformed", 3)


def test_two_swapped_lines_are_caught(location):
    fill(location)
    items = lines(location)
    items[1], items[3] = items[3], items[1]
    write_lines(location, items)
    check = verify_trail(location)
    assert not check.ok and check.first_bad == 2 and check.reason == "audit.out_of_order"


def test_a_recomputed_chain_is_caught_by_the_anchor(location):
    fill(location)
    items = [json.loads(x) for x in lines(location)]
    prev = genesis(location.profile_id)
    rebuilt = []
    for item in items:
        item["detail"]["action"] = "reject"  # rewrite history, recomputing every hash
        item["prev"] = prev
        body = {k: v for k, v in item.items() if k != "hash"}
        item["hash"] = prev = hashlib.sha256(canonical(body)).hexdigest()
        rebuilt.append(canonical(item) + b"\n")
    write_lines(location, rebuilt)
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.anchor_mismatch" and check.first_bad == 5


def test_dropping_the_last_line_is_caught(location):
    fill(location)
    write_lines(location, lines(location)[:-1])
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.truncated" and check.first_bad == 5
    assert check.anchored_seq == 5 and check.entries == 4


def test_dropping_the_anchor_is_caught(location):
    fill(location)
    vault.delete_secret(location.profile_id, vault.AUDIT_ANCHOR)
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.anchor_missing"


def test_deleting_the_trail_is_caught(location):
    fill(location)
    location.trail.unlink()
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.trail_missing" and check.first_bad == 1


def test_restoring_an_old_copy_is_caught(location):
    trail = fill(location, 3)
    old = location.trail.read_bytes()
    trail.append(AuditKind.REJECTED, outbox_id="ob-9")
    trail.append(AuditKind.WIPED)
    location.trail.write_bytes(old)
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.truncated" and check.first_bad == 4


def test_entries_appended_behind_the_apps_back_are_caught(location):
    fill(location, 3)
    entries = read_entries(location)
    write_anchor(location.profile_id, Anchor(2, entries[1].hash))
    check = verify_trail(location)
    assert check.ok and check.unanchored == 1  # one past: taken for a killed process
    write_anchor(location.profile_id, Anchor(1, entries[0].hash))
    check = verify_trail(location)
    assert not check.ok and check.reason == "audit.beyond_anchor" and check.first_bad == 3


def test_a_killed_process_between_entry_and_anchor_is_not_tampering(location, monkeypatch):
    fill(location, 3)
    from eoffice_client.core.security import audit

    monkeypatch.setattr(audit, "write_anchor", _killed)
    with pytest.raises(SystemExit):
        AuditTrail(location).append(AuditKind.SENT, outbox_id="ob-4")
    monkeypatch.undo()
    check = verify_trail(location)
    assert check.ok and check.entries == 4 and check.unanchored == 1 and check.anchored_seq == 3
    AuditTrail(location).append(AuditKind.ACCEPTED, outbox_id="ob-4")  # the next run goes on
    check = verify_trail(location)
    assert check.ok and check.entries == 5 and check.unanchored == 0
    assert not location.set_aside_files()


def test_the_very_first_entry_without_its_anchor_is_accepted(location, monkeypatch):
    from eoffice_client.core.security import audit

    monkeypatch.setattr(audit, "write_anchor", _killed)
    with pytest.raises(SystemExit):
        AuditTrail(location).append(AuditKind.SIGNED_IN)
    check = verify_trail(location)
    assert check.ok and check.entries == 1 and check.unanchored == 1


def test_a_line_cut_short_by_a_kill_is_accepted_and_cut_off(location):
    fill(location, 3)
    half = lines(location)[0][:40]
    with open(location.trail, "ab") as handle:
        handle.write(half)
    check = verify_trail(location)
    assert check.ok and check.entries == 3
    AuditTrail(location).append(AuditKind.SENT)
    check = verify_trail(location)
    assert check.ok and check.entries == 4 and not location.set_aside_files()


def _killed(*args: object) -> None:
    raise SystemExit("killed before the anchor was written")


def test_an_appender_never_re_anchors_a_suspect_trail(location):
    fill(location)
    write_lines(location, lines(location)[:-2])  # cut two entries
    entry = AuditTrail(location).append(AuditKind.QUEUED, outbox_id="ob-new")
    kept = location.set_aside_files()
    assert len(kept) == 1 and len(kept[0].read_bytes().splitlines()) == 3
    first, second = read_entries(location)
    assert first.kind == "trail_restarted" and first.detail["reason"] == "audit.truncated"
    assert first.detail["kept_as"] == kept[0].name and first.detail["anchor_seq"] == 5
    assert second == entry and entry.seq == 2
    check = verify_trail(location)
    assert check.ok and check.set_aside == (kept[0].name,)


def test_broken_raises_exit_9_naming_the_entry(location):
    fill(location)
    items = lines(location)
    items[1] = items[1].replace(b"forward", b"fooward")
    write_lines(location, items)
    with pytest.raises(AuditBroken) as caught:
        verify_trail(location).raise_if_broken()
    assert caught.value.exit_code == ExitCode.INVALID_INPUT
    assert "2" in caught.value.message("en") and "2" in caught.value.message("vi")


def test_an_empty_profile_is_intact(location):
    check = verify_trail(location)
    assert check.ok and check.entries == 0


def test_the_viewer_reads_pages(location):
    fill(location, 7)
    trail = AuditTrail(location)
    assert [e.seq for e in trail.entries(after_seq=2, limit=3)] == [3, 4, 5]
    assert [e.seq for e in trail.entries(after_seq=6)] == [7]


def test_the_bundle_gets_the_trail_and_its_check(location):
    from eoffice_client.core.security.audit_check import bundle_files

    fill(location, 4)
    files = bundle_files(location)
    assert files["audit/trail.jsonl"] == location.trail.read_bytes()
    report = json.loads(files["audit/verify.json"])
    assert report["ok"] is True and report["entries"] == 4 and "4" in report["message_vi"]
    cut = bundle_files(location, max_bytes=len(lines(location)[-1]) + 10)
    assert cut["audit/trail.jsonl"] == lines(location)[-1]  # whole lines only
