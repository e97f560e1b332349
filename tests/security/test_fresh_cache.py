"""A lost key or a broken cache: a fresh start that keeps queued work aside."""

from __future__ import annotations

import json

from eoffice_client.config import Profile
from eoffice_client.core.security.audit import AuditKind, AuditLocation, AuditTrail
from eoffice_client.core.security.fresh_cache import set_aside_cache
from eoffice_client.core.security.keys import create_cache_key, delete_cache_key
from eoffice_client.core.security.sealed import SealedReader
from eoffice_client.core.store.cipher import open_encrypted_store
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import open_store
from tests.unit.test_store_factory import make_documents

from .test_store_cipher import queue_rows


def populated(profile: Profile, store) -> list[tuple]:
    with store.write() as conn:
        upsert_documents(conn, make_documents(8, seed=4))
    rows = queue_rows(store, 3)
    blob = profile.files_dir / "ab" / ("ab" + "1" * 62)
    blob.parent.mkdir(parents=True)
    blob.write_bytes(b"%PDF-1.4 queued upload")
    (profile.root / "sync-pass.ids").write_text("d-1\n")
    trail = AuditTrail(AuditLocation.for_profile(profile))
    for n in range(3):
        trail.append(AuditKind.QUEUED, outbox_id=f"ob-{n}", document_id=f"d-{n}")
    trail.append(AuditKind.ACCEPTED, outbox_id="ob-0")
    return rows


def test_a_plain_cache_is_set_aside_with_its_outbox(tmp_path):
    profile = Profile.at(tmp_path / "p")
    with open_store(profile.db_path) as store:
        rows = populated(profile, store)
    kept = set_aside_cache(profile, key=None, reason="reset")
    assert not profile.db_path.exists() and not profile.files_dir.exists()
    assert set(kept.moved) >= {"cache.sqlite3", "files", "sync-pass.ids"}
    assert kept.outbox_rows == 3 and kept.outbox_file and kept.outbox_file.name == "outbox.json"
    exported = json.loads(kept.outbox_file.read_text(encoding="utf-8"))["outbox"]
    assert [r["id"] for r in exported] == [r[0] for r in rows]
    assert exported[0]["params"] == {"to": ["u1"], "note": "Kính chuyển"}
    assert (kept.folder / "files" / "ab" / ("ab" + "1" * 62)).read_bytes().startswith(b"%PDF")
    assert kept.pending_from_trail == ("ob-1", "ob-2")
    assert "3" in kept.message("vi") and str(kept.folder) in kept.message("en")
    manifest = json.loads((kept.folder / "set-aside.json").read_text())
    assert manifest["outbox_rows"] == 3 and manifest["reason"] == "reset"
    assert (profile.root / "audit" / "trail.jsonl").exists()  # the trail stays in place
    with open_store(profile.db_path) as fresh, fresh.read() as conn:  # a fresh cache opens
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


def test_an_encrypted_cache_with_its_key_exports_sealed(tmp_path):
    profile = Profile.at(tmp_path / "p")
    key = create_cache_key(profile.profile_id)
    with open_encrypted_store(profile.db_path, key.database_key()) as store:
        populated(profile, store)
    kept = set_aside_cache(profile, key=key, reason="damaged")
    assert kept.outbox_rows == 3 and kept.outbox_file is not None
    assert kept.outbox_file.name == "outbox.json.sealed"
    assert b"ob-1" not in kept.outbox_file.read_bytes()
    with SealedReader(kept.outbox_file, key.files_key()) as reader:
        assert [r["id"] for r in json.loads(b"".join(reader.chunks()))["outbox"]] == [
            "ob-0", "ob-1", "ob-2"]


def test_a_lost_key_keeps_everything_and_names_what_was_pending(tmp_path):
    profile = Profile.at(tmp_path / "p")
    key = create_cache_key(profile.profile_id)
    with open_encrypted_store(profile.db_path, key.database_key()) as store:
        populated(profile, store)
    size = profile.db_path.stat().st_size
    delete_cache_key(profile.profile_id)
    kept = set_aside_cache(profile, key=None, reason="key-lost")
    assert kept.outbox_rows is None and kept.unreadable == "key_lost" and kept.outbox_file is None
    assert (kept.folder / "cache.sqlite3").stat().st_size == size
    assert kept.pending_from_trail == ("ob-1", "ob-2")
    text = kept.message("vi")
    assert "ob-1, ob-2" in text and "không xóa" in text
