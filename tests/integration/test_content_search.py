"""Search inside attachments against the real sandbox: a word that is only in a file the
sync downloaded is found by ``list --search`` and by ``app.reads``, offline, and its row
says it matched by content; a secret document's files are never read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eoffice_client.cli import main
from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import DocumentQuery
from eoffice_client.core.domain.folding import words
from eoffice_client.sandbox.testing import SandboxServer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=24, seed=11) as running:
        yield running


def cli(profile: Path, monkeypatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--profile", str(profile), "--lang", "en", *args])


@pytest.fixture
def synced(server, tmp_path, monkeypatch, capsys) -> Path:
    profile = tmp_path / "p"
    assert cli(profile, monkeypatch, "login", "--server", server.url, "--username",
               "vanthu", "--password-stdin", stdin="demo\n") == 0
    assert cli(profile, monkeypatch, "sync") == 0
    err = capsys.readouterr().err
    assert "Read the text of" in err, err
    return profile


def a_file_only_word(app: App) -> tuple[str, str]:
    """(document id, "Mã tệp <attachment id>"): the id is printed only inside the file."""
    for doc_id in app.reads.document_ids(DocumentQuery(limit=None)):
        detail = app.reads.require_document(doc_id)
        cached = [a for a in detail.attachments if app.reads.cached_file(a) is not None]
        if detail.secrecy == 0 and cached:
            return doc_id, f"Mã tệp {cached[0].id}"
    raise AssertionError("no cached attachment after the sync")


def test_a_word_only_inside_a_downloaded_file_is_found(synced, monkeypatch, capsys) -> None:
    with App(Profile(synced)) as app:
        doc_id, phrase = a_file_only_word(app)
        detail = app.reads.require_document(doc_id)
        assert not set(words(phrase)) <= set(words(detail.subject)), "not in the metadata"
        found = app.reads.document_ids(DocumentQuery(search=phrase, limit=None))
        assert found == [doc_id]
        assert app.reads.rows(found, phrase)[doc_id].matched_by_content
        assert app.reads.document_ids(DocumentQuery(search=phrase, content=False,
                                                    limit=None)) == []
        index = app.reads.content_index()
        assert index.indexed >= 1 and index.waiting == 0
    unaccented = " ".join(words(phrase))  # folded: "ma tep 1a2b..."
    assert cli(synced, monkeypatch, "list", "--search", unaccented, "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in listed] == [doc_id]


def test_a_vietnamese_phrase_of_the_files_finds_documents_offline(synced, server,
                                                                   monkeypatch, capsys) -> None:
    server.stop()  # offline from here on
    try:
        assert cli(synced, monkeypatch, "list", "--search", "Trục liên thông", "--json") == 0
        listed = json.loads(capsys.readouterr().out)
        assert listed, "the sample files' sentences hold the phrase"
        with App(Profile(synced)) as app:
            rows = app.reads.rows([d["id"] for d in listed], "Trục liên thông")
    finally:
        server.start()
    assert all(row.matched_by_content for row in rows.values())
    assert all(row.secrecy == 0 for row in rows.values()), "secret files are not read"


def test_a_second_sync_reads_nothing_again(synced, monkeypatch, capsys) -> None:
    with App(Profile(synced)) as app:
        again = app.sync.index_content()
    assert again.indexed == again.skipped == 0 and not again.cancelled
