"""The edXML import dialog against the REAL sandbox: a clerk drops a file, reviews what it
maps to (nothing queued yet), registers it and finds a new incoming document whose chain
the sync then sends; hostile and broken files are refused with a message naming what is
wrong, and change nothing; a real sender's file is reviewed with what it could not map."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import DocumentQuery
from eoffice_client.ui.interop import open_export_dialog, open_import_dialog
from eoffice_client.ui.interop.edxml_import import EdxmlImportDialog
from tests.gui.conftest import sandbox, sandbox_factory, shoot
from tests.gui.dash_support import apps, runner, vietnamese
from tests.unit import edxml_samples

__all__ = ["apps", "runner", "sandbox", "sandbox_factory"]
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "edxml"
REAL = "QuangChuIT_edoc-integrator__edoc-webapp__edoc_update.edxml"


@pytest.fixture
def server(sandbox_factory: Callable[..., Any]) -> Any:
    return sandbox_factory(documents=40, seed=13)


def dialog_for(app: App, runner: Any, qtbot: Any) -> EdxmlImportDialog:
    vietnamese()
    dialog = open_import_dialog(app, runner)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def drop(dialog: EdxmlImportDialog, path: Path) -> None:
    """A file dragged onto the dialog and dropped (the handlers called as Qt would: an
    offscreen application has no drag in progress to deliver them)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    dialog.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def settled(dialog: EdxmlImportDialog, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: all(e.state not in ("reading", "registering")
                                for e in dialog.entries), timeout=30000)


def test_previewed_then_registered(server: Any, apps: Callable[[Any, str], App],
                                   runner: Any, qtbot: Any, tmp_path: Path) -> None:
    clerk = apps(server, "vanthu")
    source = tmp_path / "liên thông.edxml"
    source.write_text(edxml_samples.document(), encoding="utf-8")
    dialog = dialog_for(clerk, runner, qtbot)
    drop(dialog, source)
    settled(dialog, qtbot)
    entry = dialog.entries[0]
    assert entry.state == "ready" and entry.preview is not None
    assert clerk.reads.outbox() == []  # reviewed, nothing queued yet
    review = dialog.review
    values = {review.fields.item(r, 0).text(): review.fields.item(r, 1).text()
              for r in range(review.fields.rowCount())}
    assert values["Cơ quan ban hành"].startswith("Sở Tài chính")
    assert values["Số, ký hiệu"] == "5/QĐ-STC"
    assert review.files.rowCount() == 1 and review.files.item(0, 0).text() == "Quyết định.pdf"
    assert dialog.register_button.isEnabled()
    shoot(dialog, "edxml-import-review")
    before = set(clerk.reads.document_ids(DocumentQuery(box="incoming", limit=None)))
    with qtbot.waitSignal(dialog.imported, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    doc_id = blocker.args[0]
    after = set(clerk.reads.document_ids(DocumentQuery(box="incoming", limit=None)))
    assert after - before == {doc_id}
    local = clerk.reads.document_json(doc_id) or {}
    assert local["subject"] == entry.preview.found.draft.subject  # type: ignore[union-attr]
    assert [e.action for e in clerk.reads.outbox()] == ["create", "upload", "upload"]
    assert dialog.entries[0].state == "done" and not dialog.register_button.isEnabled()
    assert "đồng bộ" in dialog.hint.text()
    shoot(dialog, "edxml-import-registered")
    clerk.sync.run()
    assert clerk.reads.outbox() == []


HOSTILE = {
    "lol.edxml": ('<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY a "aaaaaaaaaa">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                  f'<edXML xmlns="{edxml_samples.NS}"><Subject>&c;</Subject></edXML>'),
    "passwd.edxml": ('<!DOCTYPE edXML [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
                     '<edXML><MessageHeader><Subject>&s;</Subject></MessageHeader></edXML>'),
    "hỏng.edxml": "<edXML><MessageHeader>",
    "base64.edxml": edxml_samples.document().replace("JVBERi0", "!!!!bad base64!!!!"),
}


def test_hostile_files_are_refused_with_a_message(
        server: Any, apps: Callable[[Any, str], App], runner: Any, qtbot: Any,
        tmp_path: Path) -> None:
    clerk = apps(server, "vanthu")
    files = []
    for name, text in HOSTILE.items():
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    dialog = dialog_for(clerk, runner, qtbot)
    dialog.add_files(files)
    settled(dialog, qtbot)
    for index, entry in enumerate(dialog.entries):
        assert entry.state == "refused", entry.path.name
        assert entry.message and "Traceback" not in entry.message
        dialog.file_list.setCurrentRow(index)
        assert dialog.review.error.isVisible() and not dialog.register_button.isEnabled()
    assert "hỏng.edxml" in dialog.entries[2].message
    dialog.file_list.setCurrentRow(0)
    shoot(dialog, "edxml-import-refused")
    assert clerk.reads.outbox() == []


@pytest.mark.skipif(not (CORPUS / REAL).is_file(), reason="the edXML corpus is not here")
def test_a_real_file_is_reviewed_with_what_did_not_map(
        server: Any, apps: Callable[[Any, str], App], runner: Any, qtbot: Any) -> None:
    officer = apps(server, "chuyenvien")
    dialog = dialog_for(officer, runner, qtbot)
    dialog.add_files([CORPUS / REAL])  # read in place, never copied
    settled(dialog, qtbot)
    entry = dialog.entries[0]
    assert entry.state == "ready" and entry.preview is not None and entry.preview.notes
    assert dialog.review.notes.count() == len(entry.preview.notes)
    assert dialog.review.fields.item(0, 1).text() == "Cập nhật văn bản đã gửi trước"
    assert not dialog.register_button.isEnabled()  # an officer reviews, a clerk registers
    assert "văn thư" in dialog.hint.text()
    shoot(dialog, "edxml-import-real-file")
    assert officer.reads.outbox() == []


def test_a_status_message_exported_from_a_received_document(
        server: Any, apps: Callable[[Any, str], App], runner: Any, qtbot: Any,
        tmp_path: Path) -> None:
    clerk = apps(server, "vanthu")
    received = next(d for d in (clerk.reads.document_json(i) for i in clerk.reads.document_ids(
        DocumentQuery(box="incoming", limit=None))) if d and d.get("status") == "received")
    vietnamese()
    dialog = open_export_dialog(clerk, runner, str(received["id"]), "status")
    assert dialog is not None
    qtbot.addWidget(dialog)
    out = tmp_path / "trang-thai.edxml"
    dialog.path.setText(str(out))
    dialog.code.setCurrentIndex(dialog.code.findData("01"))
    with qtbot.waitSignal(dialog.written, timeout=30000):
        dialog.save()
    shoot(dialog, "edxml-status-written")
    preview = clerk.interop.preview_edxml(out)
    assert preview.kind == "status" and preview.found.code == "01"  # type: ignore[union-attr]
    started = time.monotonic()
    dialog.code.setCurrentIndex(dialog.code.findData("06"))  # not done yet: refused
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.error.text() and time.monotonic() - started < 30


def issued(app: App) -> dict[str, Any]:
    for doc_id in app.reads.document_ids(DocumentQuery(box="outgoing", limit=None)):
        doc = app.reads.document_json(doc_id) or {}
        if doc.get("status") == "issued" and doc.get("code_number") and not doc.get("secrecy"):
            return doc
    raise AssertionError("the sample has an issued outgoing document")


def test_a_status_message_that_comes_back_is_recorded(
        server: Any, apps: Callable[[Any, str], App], runner: Any, qtbot: Any,
        tmp_path: Path) -> None:
    clerk = apps(server, "vanthu")
    doc = issued(clerk)
    code = f"{doc['code_number']:02d}/{doc['code_notation']}"
    message = tmp_path / "trang-thai-den.edxml"
    message.write_text(edxml_samples.status("05").replace("05/QĐ-UBND", code).replace(
        "2026/03/10", str(doc["issued_date"])[:10].replace("-", "/")), encoding="utf-8")
    dialog = dialog_for(clerk, runner, qtbot)
    dialog.add_files([message])
    settled(dialog, qtbot)
    assert dialog.register_button.text() == "Ghi vào văn bản"
    assert dialog.review.fields.item(0, 1).text() == code
    assert clerk.reads.outbox() == []
    with qtbot.waitSignal(dialog.imported, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == doc["id"]
    (note,) = clerk.reads.outbox()
    assert (note.document_id, note.action) == (doc["id"], "comment")
    assert "Đã ghi vào văn bản đi" in dialog.hint.text()


def test_an_issued_document_exported_as_edxml(
        server: Any, apps: Callable[[Any, str], App], runner: Any, qtbot: Any,
        tmp_path: Path) -> None:
    clerk = apps(server, "vanthu")
    doc = next((d for d in (clerk.reads.document_json(i) for i in clerk.reads.document_ids(
        DocumentQuery(box="outgoing", limit=None))) if d and d.get("status") == "issued"
        and not d.get("secrecy") and any(a["role"] == "final" for a in d["attachments"])),
        None)
    assert doc is not None
    vietnamese()
    dialog = open_export_dialog(clerk, runner, str(doc["id"]), "document")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.path.text().endswith(".edxml") and not dialog.code.isVisible()
    out = tmp_path / "ban-hanh.edxml"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.written, timeout=30000):
        dialog.save()
    back = clerk.interop.preview_edxml(out)
    assert back.kind == "document"
    assert back.found.draft.subject == doc["subject"]  # type: ignore[union-attr]
