"""A profile filled with the sandbox's sample data (no server), for the CLI's document,
signing, report and edXML commands: the organisation's directory, "me" a clerk, the
documents, and the organisation the sign-in keeps."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eoffice_client import cli
from eoffice_client.config import Profile
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.store.meta import set_meta
from eoffice_client.core.sync.files import FileCache
from eoffice_client.sandbox.sample_cache import fill_store
from eoffice_client.sandbox.sample_data import SampleData, generate

ANCHOR = dt.date(2026, 3, 10)  # the sample data's "today"
COUNT, SEED = 300, 7
DATA = generate(0, SEED, ANCHOR)
DOCS = list(generate(COUNT, SEED, ANCHOR).iter_documents())


@pytest.fixture(scope="module", name="sample_cache")
def sample_cache_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One filled cache file for the module (as the clerk ``vanthu``); tests copy it."""
    path = tmp_path_factory.mktemp("sample") / "cache.sqlite3"
    with open_store(path) as store:
        fill_store(store, COUNT, SEED, user="vanthu", today=ANCHOR)
        with store.write() as conn:
            set_meta(conn, "organization", DATA.organization)
        with store.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(name="sample_profile")
def sample_profile_fixture(profile_dir: Path, sample_cache: Path) -> Path:
    shutil.copyfile(sample_cache, Profile(profile_dir).db_path)
    return profile_dir


def run(profile: Path, *args: str, lang: str = "vi") -> int:
    return cli.main(["--profile", str(profile), "--lang", lang, *args])


def with_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def first(where: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The first sample document that ``where`` accepts (the sample always has one)."""
    found = next((doc for doc in DOCS if where(doc)), None)
    assert found is not None, "the sample data has no such document"
    return found


def cache_files(profile: Path, doc: dict[str, Any], folder: Path) -> None:
    """Puts the bytes of ``doc``'s attachments in the profile's files cache, as the sync's
    prefetch would."""
    cache = FileCache(Profile(profile).files_dir)
    for attachment in doc.get("attachments") or []:
        source = folder / f"{attachment['id']}.bin"
        source.write_bytes(SampleData.attachment_bytes(attachment))
        assert cache.add_local(source)[0] == attachment["sha256"]
