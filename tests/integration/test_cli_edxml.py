"""``edxml import``, ``edxml export`` and ``edxml status`` through ``eoffice_client.cli.main``
against the real sandbox: what is queued, what the server then holds, the files written
(read back with the importer), and the exit codes."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.cli import main
from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.interop import EdxmlDocument, EdxmlStatus, read_edxml
from eoffice_client.sandbox.testing import SandboxServer
from tests.unit import edxml_samples

from .test_sync_support import documents, server_view


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=80, seed=41) as running:
        yield running


def cli(profile: Path, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--profile", str(profile), "--lang", "vi", *args])


@pytest.fixture
def clerk(server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profile signed in as the clerk ``vanthu``, synced with its files."""
    return synced(server, tmp_path / "vanthu", monkeypatch, "vanthu")


def synced(server: SandboxServer, profile: Path, monkeypatch: pytest.MonkeyPatch,
           username: str) -> Path:
    assert cli(profile, monkeypatch, "login", "--server", server.url, "--username", username,
               "--password-stdin", stdin="demo\n") == ExitCode.OK
    assert cli(profile, monkeypatch, "sync") == ExitCode.OK
    return profile


def cached(profile: Path) -> dict[str, dict[str, Any]]:
    with App(Profile(profile)) as app:
        return documents(app)


def cached_file(profile: Path, attachment: dict[str, Any]) -> bytes | None:
    path = Profile(profile).files_dir / attachment["sha256"][:2] / attachment["sha256"]
    return path.read_bytes() if path.is_file() else None


def test_import_queues_one_chain_that_the_sync_sends(
        server: SandboxServer, clerk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "văn bản liên thông.edxml"
    source.write_text(edxml_samples.document(), encoding="utf-8")
    capsys.readouterr()
    assert cli(clerk, monkeypatch, "edxml", "import", str(source)) == ExitCode.OK
    captured = capsys.readouterr()
    doc_id = captured.out.strip()
    assert len(doc_id) == 36 and "\n" not in doc_id
    assert "1 tệp và tệp edXML gốc" in captured.err
    with App(Profile(clerk)) as app:
        queued = [e for e in app.reads.outbox() if e.document_id == doc_id]
        local = app.reads.document_json(doc_id)
    assert [e.action for e in queued] == ["create", "upload", "upload"]
    pdf, original = queued[1].params, queued[2].params
    assert (pdf["file_name"], pdf["role"]) == ("Quyết định.pdf", "main")
    assert pdf["sha256"] == hashlib.sha256(edxml_samples.PDF).hexdigest()
    assert (original["file_name"], original["role"]) == (source.name, "appendix")
    assert original["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert local is not None and local["direction"] == "incoming"
    assert local["status"] == "received" and local["issuer"]["org_name"] == "Sở Tài chính"
    assert (local["code_number"], local["code_notation"]) == (5, "QĐ-STC")

    assert cli(clerk, monkeypatch, "sync") == ExitCode.OK
    body = server_view(tmp_path / "fresh", server.url, "vanthu")[doc_id]
    assert body["subject"] == local["subject"]
    assert sorted(a["file_name"] for a in body["attachments"]) == sorted(
        ["Quyết định.pdf", source.name])
    with App(Profile(clerk)) as app:
        assert not [e for e in app.reads.outbox() if e.document_id == doc_id]


def test_import_refusals_queue_nothing(server: SandboxServer, clerk: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "hỏng.edxml"
    broken.write_text("<edXML><MessageHeader>", encoding="utf-8")
    assert cli(clerk, monkeypatch, "edxml", "import", str(broken)) == ExitCode.INVALID_INPUT
    assert "hỏng.edxml" in capsys.readouterr().err
    assert cli(clerk, monkeypatch, "edxml", "import",
               str(tmp_path / "không có.edxml")) == ExitCode.INVALID_INPUT
    officer = synced(server, tmp_path / "chuyenvien", monkeypatch, "chuyenvien")
    good = tmp_path / "van-ban.edxml"
    good.write_text(edxml_samples.document(), encoding="utf-8")
    capsys.readouterr()
    assert cli(officer, monkeypatch, "edxml", "import", str(good)) == ExitCode.NOT_ALLOWED
    assert capsys.readouterr().err.count("\n") == 1
    for profile in (clerk, officer):
        with App(Profile(profile)) as app:
            assert app.reads.outbox() == []


def issued_with_final(profile: Path) -> dict[str, Any]:
    for doc in cached(profile).values():
        finals = [a for a in doc["attachments"] if a["role"] == "final"]
        if (doc["direction"] == "outgoing" and doc["status"] == "issued" and not doc["secrecy"]
                and finals and cached_file(profile, finals[-1]) is not None):
            return doc
    raise AssertionError("the sample has an issued document with its final PDF cached")


def test_export_an_issued_document(clerk: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    doc = issued_with_final(clerk)
    out = tmp_path / "ban-hanh.edxml"
    capsys.readouterr()
    assert cli(clerk, monkeypatch, "edxml", "export", doc["id"], "--out", str(out)) == 0
    assert f"«{out}»" in capsys.readouterr().out
    back = read_edxml(out)
    assert isinstance(back, EdxmlDocument)
    assert back.draft.subject == doc["subject"]
    assert (back.draft.code_number, back.draft.code_notation) == (
        doc["code_number"], doc["code_notation"])
    final = [a for a in doc["attachments"] if a["role"] == "final"][-1]
    assert back.attachments[0].data == cached_file(clerk, final)

    draft = next(d for d in cached(clerk).values()
                 if d["direction"] == "outgoing" and d["status"] != "issued")
    assert cli(clerk, monkeypatch, "edxml", "export", draft["id"], "--out",
               str(tmp_path / "nhap.edxml")) == ExitCode.NOT_ALLOWED
    assert cli(clerk, monkeypatch, "edxml", "export", "khong-co", "--out",
               str(tmp_path / "x.edxml")) == ExitCode.UNKNOWN_ID
    assert not (tmp_path / "nhap.edxml").exists() and not (tmp_path / "x.edxml").exists()


def test_status_messages_for_a_received_document(clerk: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    registered = next(d for d in cached(clerk).values()
                      if d["direction"] == "incoming" and d["status"] == "registered")
    out = tmp_path / "trang-thai.edxml"
    assert cli(clerk, monkeypatch, "edxml", "status", registered["id"], "--code", "03",
               "--out", str(out)) == ExitCode.OK
    back = read_edxml(out)
    assert isinstance(back, EdxmlStatus) and back.code == "03"
    assert registered["code_notation"] in back.about.code
    capsys.readouterr()
    assert cli(clerk, monkeypatch, "edxml", "status", registered["id"], "--code", "06",
               "--out", str(tmp_path / "06.edxml")) == ExitCode.NOT_ALLOWED
    assert cli(clerk, monkeypatch, "edxml", "status", registered["id"], "--code", "99",
               "--out", str(tmp_path / "99.edxml")) == ExitCode.INVALID_INPUT
    assert cli(clerk, monkeypatch, "edxml", "status", registered["id"], "--out",
               str(tmp_path / "u.edxml")) == ExitCode.USAGE
    assert not any((tmp_path / name).exists() for name in ("06.edxml", "99.edxml", "u.edxml"))


def test_an_incoming_status_message_is_recorded_on_its_document(
        clerk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    doc = issued_with_final(clerk)
    code = f"{doc['code_number']:02d}/{doc['code_notation']}"
    day = doc["issued_date"][:10].replace("-", "/")
    message = tmp_path / "trang-thai-den.edxml"
    message.write_text(edxml_samples.status("05").replace("05/QĐ-UBND", code)
                       .replace("2026/03/10", day), encoding="utf-8")
    capsys.readouterr()
    assert cli(clerk, monkeypatch, "edxml", "import", str(message)) == ExitCode.OK
    out = capsys.readouterr().out
    assert "thông điệp trạng thái 05" in out and doc["id"] in out
    with App(Profile(clerk)) as app:
        (note,) = app.reads.outbox()
    assert (note.document_id, note.action, note.params["kind"]) == (doc["id"], "comment",
                                                                    "note")
    assert "Sở Tài chính" in note.params["text"] and "05" in note.params["text"]

    unknown = tmp_path / "khong-khop.edxml"
    unknown.write_text(edxml_samples.status("05").replace("05/QĐ-UBND", "9999/XX-YY"),
                       encoding="utf-8")
    assert cli(clerk, monkeypatch, "edxml", "import", str(unknown)) == ExitCode.UNKNOWN_ID
    assert "9999/XX-YY" in capsys.readouterr().err
    with App(Profile(clerk)) as app:
        assert len(app.reads.outbox()) == 1


def test_export_from_an_encrypted_cache_carries_the_plaintext(
        server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "sealed"
    profile.mkdir()
    (profile / "settings.json").write_text('{"encrypt_cache": true}', encoding="utf-8")
    synced(server, profile, monkeypatch, "vanthu")
    doc = issued_with_final(profile)
    final = [a for a in doc["attachments"] if a["role"] == "final"][-1]
    sealed = cached_file(profile, final)
    assert sealed is not None and hashlib.sha256(sealed).hexdigest() != final["sha256"]
    out = tmp_path / "ban-hanh.edxml"
    assert cli(profile, monkeypatch, "edxml", "export", doc["id"], "--out", str(out)) == 0
    back = read_edxml(out)
    assert isinstance(back, EdxmlDocument)
    assert hashlib.sha256(back.attachments[0].data).hexdigest() == final["sha256"]
    assert not list((profile / "plain-copies").glob("export-*"))  # the copies went
