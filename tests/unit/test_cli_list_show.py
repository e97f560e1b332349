"""``list`` and ``show`` through ``eoffice_client.cli.main``: output, local fields, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from eoffice_client import cli
from eoffice_client.config import Profile
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.store.directory import upsert_users
from eoffice_client.core.store.documents import set_me, upsert_documents
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.store.models import CachedFile, OutboxEntry
from tests.unit.test_store_factory import ME, in_box, make_documents, search_matches

DOCS = make_documents(250, seed=21)


@pytest.fixture(scope="module")
def filled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One filled cache file for the module; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "cache.sqlite3"
    with open_store(path) as store:
        with store.write() as conn:
            set_me(conn, ME)
            upsert_users(conn, [ME, {**ME, "id": "u-leader", "full_name": "Hoàng Văn Lãnh",
                                     "roles": ["leader"]}])
            upsert_documents(conn, DOCS)
        with store.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def profile(profile_dir: Path, filled_cache: Path) -> Path:
    shutil.copyfile(filled_cache, Profile(profile_dir).db_path)
    return profile_dir


def run(profile: Path, *args: str, lang: str = "vi") -> int:
    return cli.main(["--profile", str(profile), "--lang", lang, *args])


def listed(profile: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert run(profile, "list", "--json", "--limit", "1000", *args) == 0
    return list(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("box", ["all", "incoming", "to-sign", "to-process", "overdue", "unread"])
def test_list_json_box(profile: Path, capsys: pytest.CaptureFixture[str], box: str) -> None:
    found = listed(profile, capsys, "--box", box)
    assert found, f"the sample has documents in {box}"
    today = today_vietnam()
    assert sorted(d["id"] for d in found) == sorted(
        d["id"] for d in DOCS if in_box(d, box, ME, today))
    for doc in found:
        assert "history" not in doc and "comments" not in doc
        assert doc["pending_changes"] == 0 and isinstance(doc["files_cached"], bool)


def test_list_json_filters_and_search(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = listed(profile, capsys, "--search", "DINH", "--urgency", "0", "--from", "2025-06-01",
                   "--to", "2026-02-28")
    expected = [d for d in DOCS if search_matches(d, "DINH") and d["urgency"] == 0]
    found_ids = {d["id"] for d in found}
    assert found_ids <= {d["id"] for d in expected} and found
    for doc in found:
        day = doc.get("arrival_date") if doc["direction"] == "incoming" else doc.get(
            "issued_date")
        if day:
            assert "2025-06-01" <= day <= "2026-02-28"


def test_list_limit(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(profile, "list", "--json", "--limit", "7") == 0
    assert len(json.loads(capsys.readouterr().out)) == 7
    assert run(profile, "--lang", "en", "list", "--limit", "3") == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 4 and "raise --limit" in err


def test_local_fields(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = next(d for d in DOCS if d["secrecy"] == 0 and len(d["attachments"]) == 2)
    secret = next(d for d in DOCS if d["secrecy"] >= 1 and d["attachments"])
    with open_store(Profile(profile).db_path) as store, store.write() as conn:
        now = dt.datetime.now(dt.UTC).isoformat()
        for n, doc in enumerate((plain, plain, secret)):
            conn.execute(OutboxEntry.__table__.insert().values(
                id=f"o{n}", position=n, document_id=doc["id"], kind="action", action="comment",
                params={}, idempotency_key=f"o{n}", state="queued", attempts=0, created_at=now,
                updated_at=now))
        for doc in (plain, secret):
            for a in doc["attachments"]:
                conn.execute(CachedFile.__table__.insert().values(
                    sha256=a["sha256"], size=1, path="x", fetched_at=now))
    by_id = {d["id"]: d for d in listed(profile, capsys)}
    assert by_id[plain["id"]]["pending_changes"] == 2 and by_id[plain["id"]]["files_cached"]
    assert by_id[secret["id"]]["pending_changes"] == 1
    assert by_id[secret["id"]]["files_cached"] is False, "secret files never count as cached"
    one_missing = next(d for d in DOCS if d["secrecy"] == 0 and d["attachments"]
                       and d["id"] != plain["id"])
    assert by_id[one_missing["id"]]["files_cached"] is False
    no_files = next(d for d in DOCS if d["secrecy"] == 0 and not d["attachments"])
    assert by_id[no_files["id"]]["files_cached"] is True
    assert run(profile, "show", plain["id"], lang="en") == 0
    shown = capsys.readouterr().out
    assert shown.count("— downloaded") == 2 and "Queued changes: 2" in shown
    assert run(profile, "show", secret["id"], lang="en") == 0
    assert "secret document: files not fetched" in capsys.readouterr().out


def test_show_json_is_whole(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = next(d for d in DOCS if d["comments"])
    assert run(profile, "show", doc["id"], "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown.pop("pending_changes") == 0 and shown.pop("files_cached") is (
        not doc["attachments"])
    assert shown == doc


@pytest.mark.parametrize("lang,labels", [
    ("vi", ("Trích yếu", "Trạng thái", "Nhật ký xử lý", "Hoàng Văn Lãnh")),
    ("en", ("Subject", "Status", "History", "Hoàng Văn Lãnh")),
])
def test_show_text(profile: Path, capsys: pytest.CaptureFixture[str], lang: str,
                   labels: tuple[str, ...]) -> None:
    doc = next(d for d in DOCS if d["comments"])
    assert run(profile, "show", doc["id"], lang=lang) == 0
    out = capsys.readouterr().out
    assert doc["subject"] in out
    for text in labels:
        assert text in out


@pytest.mark.parametrize("args,code", [
    (("list", "--box", "inbox"), ExitCode.USAGE),
    (("list", "--from", "2026-13-01"), ExitCode.INVALID_INPUT),
    (("list", "--to", "05/02/2026"), ExitCode.INVALID_INPUT),
    (("list", "--from", "2026-03-01", "--to", "2026-02-01"), ExitCode.INVALID_INPUT),
    (("list", "--urgency", "7"), ExitCode.INVALID_INPUT),
    (("list", "--secrecy", "x"), ExitCode.INVALID_INPUT),
    (("list", "--status", "done"), ExitCode.INVALID_INPUT),
    (("list", "--limit", "0"), ExitCode.INVALID_INPUT),
    (("list", "--bogus"), ExitCode.USAGE),
    (("show", "no-such-id"), ExitCode.UNKNOWN_ID),
    (("show", "'; DROP TABLE documents; --"), ExitCode.UNKNOWN_ID),
    (("show",), ExitCode.USAGE),
])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bad_input_is_one_line_and_a_code(profile: Path, capsys: pytest.CaptureFixture[str],
                                          args: tuple[str, ...], code: int, lang: str) -> None:
    assert run(profile, *args, lang=lang) == code
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("eoffice-client: ")


def test_unknown_box_names_the_choices(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(profile, "list", "--box", "inbox", lang="en")
    err = capsys.readouterr().err
    assert "inbox" in err and "to-process" in err


def test_corrupt_cache_is_set_aside_and_said(profile_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = Profile(profile_dir).db_path
    db.write_bytes(b"garbage" * 1000)
    assert run(profile_dir, "list", "--json", lang="en") == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    kept = [p for p in profile_dir.iterdir() if p.name.startswith(db.name + ".damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"garbage" * 1000
    assert str(kept[0]) in err and "damaged" in err
    assert run(profile_dir, "list") == 0
    assert capsys.readouterr().err == "", "said once, not at every start"
