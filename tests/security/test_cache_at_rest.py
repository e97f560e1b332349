"""Encryption at rest through the application API: a new cache, a plain one migrated in
place, another process holding the cache, a lost key, a damaged file, a wipe."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.at_rest import IN_USE_NAME, CacheUse
from eoffice_client.core.app.first_page import FirstPage
from eoffice_client.core.app.records import AttachmentInfo
from eoffice_client.core.app.types import DocumentQuery
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.messages import tr
from eoffice_client.core.security.keys import CacheKeyLost
from eoffice_client.core.security.sealed import is_sealed
from eoffice_client.core.store.documents import set_me
from eoffice_client.sandbox.sample_data import SampleData
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    DATA,
    DOCS,
    cache_files,
    sample_cache_fixture,
    sample_profile_fixture,
)

SUBJECT = "Về việc bảo mật dữ liệu đệm trên máy tính xách tay"
ON, OFF = Settings(encrypt_cache=True), Settings()


def open_app(root: Path, settings: Settings, notices: list[str] | None = None) -> App:
    app = App(Profile(root), settings, on_recovery=(notices.append if notices is not None
                                                    else None))
    app.open()
    return app


def queue_a_document(root: Path, settings: Settings) -> tuple[str, str]:
    """A new document queued (its create in the outbox); (document id, outbox id)."""
    with open_app(root, settings) as app:
        if app.context.me() is None:
            with app.context.store.write() as conn:
                set_me(conn, DATA.user("vanthu"))
            app.context.forget_me()
        doc_id = app.changes.new_document("outgoing", "CV", SUBJECT)
        [entry] = [e for e in app.reads.outbox() if e.document_id == doc_id]
    return doc_id, entry.id


def everything_in(root: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in root.rglob("*") if p.is_file()]


def sqlite_opens(path: Path) -> bool:
    try:
        with sqlite3.connect(path) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def key_entries(memory_keyring: object) -> list[str]:
    return [account for (_, account) in memory_keyring.secrets  # type: ignore[attr-defined]
            if account.endswith("|cache-key")]


def test_a_new_cache_is_encrypted_and_nothing_of_it_is_readable(profile_dir: Path,
                                                                memory_keyring: object) -> None:
    doc_id, _ = queue_a_document(profile_dir, ON)
    db = Profile(profile_dir).db_path
    assert not db.read_bytes().startswith(b"SQLite format 3") and not sqlite_opens(db)
    for path, data in everything_in(profile_dir):  # ids may be in the logs, text never
        assert SUBJECT.encode() not in data and SUBJECT[:20].encode() not in data, path
    assert len(key_entries(memory_keyring)) == 1
    with open_app(profile_dir, ON) as app:
        assert app.context.encrypted and app.context.files.sealed
        detail = app.reads.document(doc_id)
        assert detail is not None and detail.subject == SUBJECT


def test_a_plain_cache_is_encrypted_in_place_keeping_queue_and_files(
        sample_profile: Path, tmp_path: Path) -> None:
    doc = next(d for d in DOCS if d["secrecy"] == 0 and d.get("attachments"))
    cache_files(sample_profile, doc, tmp_path)
    _, outbox_id = queue_a_document(sample_profile, OFF)
    db = Profile(sample_profile).db_path
    assert sqlite_opens(db)
    notices: list[str] = []
    with open_app(sample_profile, ON, notices) as app:
        assert app.context.encrypted and notices == []
        assert [e.id for e in app.reads.outbox()] == [outbox_id]
        assert len(app.reads.document_ids(DocumentQuery(limit=None))) == len(DOCS) + 1
        attachment = doc["attachments"][0]
        info = AttachmentInfo(id=attachment["id"], file_name=attachment["file_name"],
                              content_type="", size=0, sha256=attachment["sha256"], role="",
                              uploaded_by=None, uploaded_at=None)
        stored = app.context.files.path_for(attachment["sha256"])
        assert is_sealed(stored)
        plain = SampleData.attachment_bytes(attachment)
        assert app.files.read(info) == plain and stored.read_bytes() != plain
        viewable = app.files.viewable(info)
        assert viewable is not None and viewable.read_bytes() == plain
        assert viewable.name == attachment["file_name"]
        kinds = [e.kind for e in app.audit.entries()]
        assert "cache_encrypted" in kinds and app.audit.verify().ok
    assert not sqlite_opens(db) and not viewable.exists()  # the copy went with the app


def test_a_cache_open_elsewhere_is_encrypted_later(sample_profile: Path) -> None:
    other = CacheUse(Path(sample_profile) / IN_USE_NAME)
    other.shared()  # as another window holding the cache would
    notices: list[str] = []
    try:
        with open_app(sample_profile, ON, notices) as app:
            assert not app.context.encrypted
    finally:
        other.release()
    db = Profile(sample_profile).db_path
    assert notices == [tr("security.encryption_deferred", path=db)] and sqlite_opens(db)
    with open_app(sample_profile, ON) as app:
        assert app.context.encrypted


def test_a_lost_key_sets_the_cache_aside_and_names_the_unsent_work(
        profile_dir: Path, memory_keyring: object) -> None:
    _, outbox_id = queue_a_document(profile_dir, ON)
    secrets = memory_keyring.secrets  # type: ignore[attr-defined]
    for entry in [k for k in secrets if k[1].endswith("|cache-key")]:
        del secrets[entry]
    notices: list[str] = []
    with open_app(profile_dir, ON, notices) as app:
        assert app.reads.outbox() == [] and app.context.encrypted  # a fresh, encrypted cache
        kinds = [e.kind for e in app.audit.entries()]
        assert kinds[-2:] == ["cache_key_lost", "cache_set_aside"] and app.audit.verify().ok
    assert len(notices) == 2 and outbox_id in notices[1]
    [folder] = (profile_dir / "set-aside").iterdir()
    assert (folder / "cache.sqlite3").exists()  # moved, never deleted
    assert len(key_entries(memory_keyring)) == 1  # the new cache's key


def test_a_lost_key_while_the_cache_is_open_elsewhere_is_refused(
        profile_dir: Path, memory_keyring: object) -> None:
    queue_a_document(profile_dir, ON)
    secrets = memory_keyring.secrets  # type: ignore[attr-defined]
    for entry in [k for k in secrets if k[1].endswith("|cache-key")]:
        del secrets[entry]
    other = CacheUse(profile_dir / IN_USE_NAME)
    other.shared()
    try:
        with pytest.raises(CacheKeyLost) as raised:
            open_app(profile_dir, ON)
    finally:
        other.release()
    assert raised.value.exit_code == ExitCode.REFUSED_FOR_SAFETY
    assert not (profile_dir / "set-aside").exists()


def test_an_encrypted_cache_stays_encrypted_with_the_setting_off(profile_dir: Path) -> None:
    doc_id, _ = queue_a_document(profile_dir, ON)
    with open_app(profile_dir, OFF) as app:
        assert app.context.encrypted and app.reads.document(doc_id) is not None


def test_a_damaged_file_is_set_aside_and_a_fresh_encrypted_cache_starts(
        profile_dir: Path) -> None:
    db = Profile(profile_dir).db_path
    db.write_bytes(b"not a cache at all " * 100)
    notices: list[str] = []
    with open_app(profile_dir, ON, notices) as app:
        assert app.context.encrypted and app.reads.outbox() == []
    kept = [p for p in profile_dir.iterdir() if p.name.startswith("cache.sqlite3.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a cache at all " * 100
    assert len(notices) == 1


def test_the_first_page_reader_leaves_an_encrypted_cache_alone(sample_profile: Path) -> None:
    with open_app(sample_profile, ON):
        pass
    first = FirstPage(Profile(sample_profile))
    assert first.me() is None and first.first_ids(DocumentQuery(box="all"), 10) == []
    first.close()


def test_wipe_removes_cache_files_key_trail_and_anchor(profile_dir: Path, tmp_path: Path,
                                                       memory_keyring: object) -> None:
    queue_a_document(profile_dir, ON)
    (profile_dir / "set-aside" / "old").mkdir(parents=True)
    (profile_dir / "set-aside" / "old" / "set-aside.json").write_text('{"outbox_rows": 0}')
    with open_app(profile_dir, ON) as app:
        with pytest.raises(ClientError) as refused:
            app.session.logout(wipe=True)  # a change is queued
        assert refused.value.exit_code == ExitCode.REFUSED_FOR_SAFETY
        app.session.logout(wipe=True, force=True)
    left = sorted(p.relative_to(profile_dir).as_posix() for p in profile_dir.rglob("*"))
    assert not [name for name in left if name.startswith(("cache.sqlite3", "files",
                                                          "set-aside", "audit/trail"))], left
    assert memory_keyring.secrets == {}  # type: ignore[attr-defined]


def test_wipe_is_refused_while_another_process_has_the_cache(profile_dir: Path) -> None:
    with open_app(profile_dir, ON):
        pass
    other = CacheUse(profile_dir / IN_USE_NAME)
    other.shared()
    try:
        with open_app(profile_dir, OFF) as app, pytest.raises(ClientError) as refused:
            app.session.logout(wipe=True, force=True)
    finally:
        other.release()
    assert refused.value.key == "security.wipe_in_use"
    assert Profile(profile_dir).db_path.exists()


def test_a_second_app_in_one_process_shares_the_encrypted_cache(profile_dir: Path) -> None:
    doc_id, _ = queue_a_document(profile_dir, ON)
    with open_app(profile_dir, ON) as first, open_app(profile_dir, ON) as second:
        assert first.reads.document(doc_id) is not None
        assert second.reads.document(doc_id) is not None
    shutil.rmtree(profile_dir / "plain-copies", ignore_errors=True)
