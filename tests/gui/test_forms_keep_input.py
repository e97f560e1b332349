"""Forms keep what the user typed (issue 10 item 2) and registering a paper document
registers it (item 4): files checked when added, refusals shown in the form with the
fields filled, one chain that arrives at the server with its số đến."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from eoffice_client.core.domain.deadlines import today_vietnam
from tests.gui.conftest import shoot
from tests.gui.test_window_sandbox import SYNC_TIMEOUT_MS, signed_in_window

SENDER = "Công ty TNHH Xây dựng Hòa Bình"  # not in the catalogue


def page(folder: Path, name: str = "trang1.jpg") -> Path:
    image = QImage(600, 800, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    path = folder / name
    assert image.save(str(path))
    return path


def add(qtbot: Any, form: Any, path: Path) -> bool:
    with qtbot.waitSignal(form.fileChecked, timeout=20000) as blocker:
        form.add_file(path)
    return bool(blocker.args[1])


def open_paper_form(window: Any, qtbot: Any) -> Any:
    window.commands.register_paper.trigger()
    qtbot.waitUntil(lambda: window.actions_controller.form is not None
                    and window.actions_controller.form.isVisible(), timeout=10000)
    return window.actions_controller.form


def fill(form: Any) -> None:
    form.subject.setPlainText("Đề nghị hỗ trợ kinh phí sửa chữa đường vào xã")
    form.issuer.setText(SENDER)
    form.code_number.setValue(45)
    form.code_notation.setText("UBND-VP")


def test_paper_form_checks_files_when_added_and_keeps_input(
        filled_profile: Any, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    controller = open_window(filled_profile(40, user="vanthu"))
    window, client = controller.window, controller.client
    form = open_paper_form(window, qtbot)
    # no organisation preselected; the catalogue only suggests
    assert form.issuer.text() == ""
    suggestions = form.issuer.completer().model()
    assert suggestions.rowCount() == len(client.reads.directory().organizations) > 0
    form.accept()  # nothing filled in: refused with reasons, the form stays
    assert form.isVisible() and form.error.text()
    fill(form)
    # a file that is not a scan never enters the list, and the message names it
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải bản quét", encoding="utf-8")
    fake = tmp_path / "hong.pdf"
    fake.write_bytes(b"this is not a PDF")
    assert not add(qtbot, form, text)
    assert "ghi-chu.txt" in form.error.text() and "ScanError" not in form.error.text()
    assert not add(qtbot, form, fake)
    assert "hong.pdf" in form.error.text() and form.files.count() == 0
    assert add(qtbot, form, page(tmp_path))
    assert form.files.count() == 1 and not form.error.text()
    assert form.subject.toPlainText().startswith("Đề nghị") and form.issuer.text() == SENDER
    # a refusal by the rules (a type the catalogue does not have) keeps the form filled
    form.type_code.addItem("Loại không có", "ZZ")
    form.type_code.setCurrentIndex(form.type_code.count() - 1)
    form.accept()
    qtbot.waitUntil(lambda: not form.busy and bool(form.error.text()), timeout=20000)
    assert form.isVisible() and "loại văn bản" in form.error.text().lower()
    assert form.issuer.text() == SENDER and form.files.count() == 1
    assert client.reads.outbox() == []
    shoot(form, "register-paper-refused")
    form.type_code.setCurrentIndex(0)
    with qtbot.waitSignal(window.actions_controller.queued, timeout=20000):
        form.accept()
    assert not form.isVisible()
    entries = client.reads.outbox()
    assert [e.action for e in entries] == ["create", "upload", "register"]
    upload = next(e for e in entries if e.action == "upload")
    assert upload.params["file_name"] == "45-UBND-VP.pdf"
    doc = client.reads.document_json(form.doc_id)
    assert doc["status"] == "registered" and doc["issuer"]["org_name"] == SENDER
    assert doc["issuer"]["org_id"] == ""


def test_paper_form_for_a_secret_document(filled_profile: Any, open_window: Any,
                                          qtbot: Any) -> None:
    controller = open_window(filled_profile(20, user="vanthu"))
    form = open_paper_form(controller.window, qtbot)
    year = today_vietnam().year
    plain = [form.register.itemData(i) for i in range(form.register.count())]
    form.secrecy.setCurrentIndex(1)
    secret = [form.register.itemData(i) for i in range(form.register.count())]
    registers = controller.client.reads.directory().registers
    assert plain and all(not registers[i].secret and registers[i].year == year
                         for i in plain)
    assert secret and all(registers[i].secret for i in secret)
    assert not form.add_button.isEnabled() and form.secret_note.isVisible()
    assert "giấy" in form.secret_note.text()
    shoot(form, "register-paper-secret")
    form.reject()


def test_action_form_stays_open_when_the_rules_refuse(filled_profile: Any, open_window: Any,
                                                     qtbot: Any) -> None:
    """The state changed under the open form (another action got there first): the
    refusal is shown in the form, the reason the user typed is kept."""
    from eoffice_client.core.app.types import DocumentQuery

    controller = open_window(filled_profile(60, user="vanthu"))
    window, client = controller.window, controller.client
    with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
        window.boxes.setCurrentRow(7)
    doc_id = next(i for i in client.reads.document_ids(DocumentQuery(limit=None, box="all"))
                  if client.reads.document_json(i)["status"] == "received")
    window.documents.table.selectRow(window.documents.model.position_of(doc_id))
    qtbot.waitUntil(lambda: window.commands.document_actions["reject"].isEnabled())
    window.actions_controller.run("reject")
    form = window.actions_controller.form
    assert form is not None and form.isVisible()
    form.fields["reason"].setPlainText("Gửi nhầm địa chỉ, không thuộc thẩm quyền")
    register = next(r for r in client.reads.directory().registers.values()
                    if r.direction == "incoming" and r.year == today_vietnam().year
                    and not r.secret)
    client.changes.act(doc_id, "register", {"register_id": register.id})  # got there first
    form.accept()
    qtbot.waitUntil(lambda: not form.busy and bool(form.error.text()), timeout=20000)
    assert form.isVisible()
    assert "Từ chối tiếp nhận" in form.error.text() and "Error" not in form.error.text()
    assert form.fields["reason"].toPlainText().startswith("Gửi nhầm")
    assert [e.action for e in client.reads.outbox()] == ["register"]
    shoot(form, "reject-refused")
    form.reject()


def test_no_class_name_reaches_the_user() -> None:
    from eoffice_client.ui.window.errors import error_text

    class ScanError(ValueError):
        pass

    for exc in (ScanError("x"), RuntimeError("boom"), ConnectionError("down"),
                FileNotFoundError(2, "No such file", "/tmp/trang1.jpg")):
        text = error_text(exc)
        assert text and type(exc).__name__ not in text
    assert "/tmp/trang1.jpg" in error_text(FileNotFoundError(2, "No such file",
                                                             "/tmp/trang1.jpg"))


def test_a_registered_paper_document_reaches_the_server_with_its_number(
        sandbox: Any, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    """Online, the chain goes at once: the document comes back registered, with its số
    đến, and its merged scan named by its number and notation."""
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "vanthu")
    window, client = controller.window, controller.client
    qtbot.waitUntil(lambda: window.sync_controller.task is None, timeout=SYNC_TIMEOUT_MS)
    form = open_paper_form(window, qtbot)
    fill(form)
    assert add(qtbot, form, page(tmp_path))
    assert form.register_id()
    with qtbot.waitSignal(window.sync_controller.finished, timeout=SYNC_TIMEOUT_MS):
        form.accept()
    qtbot.waitUntil(lambda: window.sync_controller.task is None, timeout=SYNC_TIMEOUT_MS)
    qtbot.waitUntil(lambda: client.reads.outbox() == [], timeout=SYNC_TIMEOUT_MS)
    doc = client.reads.document_json(form.doc_id)
    assert doc["status"] == "registered" and doc["arrival_number"]
    assert doc["issuer"]["org_name"] == SENDER
    assert [a["file_name"] for a in doc["attachments"]] == ["45-UBND-VP.pdf"]
