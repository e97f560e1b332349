"""The compose window's form on a cache filled with sample data (no server): its fields
and choices, the validation messages, a saved draft opened again with every value, a
quyết định's căn cứ and articles, and the same form read-only for a leader reviewing."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import Qt

from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import DocumentQuery
from tests.gui.conftest import shoot
from tests.gui.test_window_offline import english_sources, visible_texts
from tests.integration.conftest import PDF

SUBJECT = "Về việc triển khai chuyển đổi số năm 2027"
BODY = "Thực hiện Kế hoạch số 125/KH-UBND.\nĐề nghị các đơn vị báo cáo trước ngày 20."


@pytest.fixture
def compose(qtbot: Any, filled_profile: Callable[..., Any]) -> Iterator[Callable[..., Any]]:
    """``compose(user, doc_id)``: a compose window on a filled profile of ``user``."""
    from eoffice_client.ui.app import create_application, translations_for
    from eoffice_client.ui.compose.window import ComposeWindow
    from eoffice_client.ui.tasks import TaskRunner

    translations_for(create_application()).apply("vi")
    apps: dict[str, App] = {}
    windows: list[Any] = []

    def make(user: str = "chuyenvien", doc_id: str | None = None) -> Any:
        if user not in apps:
            apps[user] = App(filled_profile(200, user, name=user))
        window = ComposeWindow(apps[user], TaskRunner(), doc_id)
        window.resize(1366, 740)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:  # closed here: qtbot's own closing would meet the question
        window.runner.wait(10000)  # whether to close an unsaved draft
        window._closing_confirmed = True
        window.close()
    for app in apps.values():
        app.close()


def saved(qtbot: Any, window: Any) -> str:
    window.save()
    qtbot.waitUntil(lambda: window.doc_id is not None and not window.runner.busy(),
                    timeout=15000)
    return str(window.doc_id)


def test_fields_choices_and_vietnamese(compose: Callable[..., Any]) -> None:
    window = compose()
    types = [window.general.type_code.itemData(i) for i in range(window.general.type_code.count())]
    assert {"CV", "QD", "TTR", "BC", "KH", "TB", "GM"} <= set(types)
    assert window.general.current_type() == "CV"  # a new document starts as a công văn
    signers = [window.signer.person.itemText(i) for i in range(window.signer.person.count())]
    assert any("Nông Đình Đông" in text for text in signers)
    assert window.recipients.list.count() > 3
    assert window.general.in_reply_to.count() > 1  # incoming documents to answer
    assert "Lưu: VT" in window.recipients.keep_note.text()
    leaked = sorted(t for t in visible_texts(window) if t in english_sources())
    assert not leaked, f"untranslated in the compose window: {leaked}"
    assert "Trích yếu" in window.general.captions[2].text()


def test_validation_messages_name_each_missing_field(compose: Callable[..., Any]) -> None:
    window = compose()
    window.general.type_code.setCurrentIndex(0)  # "choose the type"
    window.save()
    assert "loại văn bản" in window.message.text()
    assert "trích yếu" in window.message.text()
    assert window.doc_id is None and not window.runner.busy()  # nothing saved
    window.general.type_code.setCurrentIndex(window.general.type_code.findData("CV"))
    window.general.subject.setText(SUBJECT)
    assert window.check()
    assert not window.check(for_pdf=True)  # the PDF needs a signer and a body
    assert "người ký" in window.message.text() and "nội dung" in window.message.text()
    assert window.message.text() != ""


def test_a_saved_draft_opens_again_with_every_value(qtbot: Any,
                                                    compose: Callable[..., Any]) -> None:
    window = compose()
    general = window.general
    general.subject.setText(SUBJECT)
    general.urgency.setCurrentIndex(general.urgency.findData(2))
    general.has_due.setChecked(True)
    general.copies.setValue(4)
    general.in_reply_to.setCurrentIndex(1)
    window.body.plain.setPlainText(BODY)
    leader = window.signer.person.findText("Nông Đình Đông", Qt.MatchFlag.MatchStartsWith)
    window.signer.person.setCurrentIndex(leader)
    window.signer.competence.setCurrentIndex(window.signer.competence.findData("KT"))
    assert window.signer.full_name.text() == "Nông Đình Đông"
    assert window.signer.position.text()  # filled from the directory
    window.recipients.list.item(1).setCheckState(Qt.CheckState.Checked)
    window.recipients.free.setPlainText("- Công ty Cổ phần Xây dựng Lạng Sơn;")
    draft = window.draft_input()
    doc_id = saved(qtbot, window)
    assert window.app.reads.require_document(doc_id).status == "draft"
    assert [e.kind for e in window.app.reads.outbox() if e.document_id == doc_id] == ["create"]
    again = compose(doc_id=doc_id)
    assert again.draft_input() == draft
    assert not again.read_only and not again.dirty()
    reply = draft.fields["in_reply_to"]
    assert isinstance(reply, dict) and reply["code"]
    assert draft.fields["recipients"][-1] == {"org_id": "outside",  # type: ignore[index]
                                              "org_name": "Công ty Cổ phần Xây dựng Lạng Sơn"}
    again.general.subject.setText(SUBJECT + " (sửa)")
    assert again.dirty()
    saved(qtbot, again)
    kinds = [e.kind for e in window.app.reads.outbox() if e.document_id == doc_id]
    assert kinds == ["create", "patch"]


def test_a_decision_has_grounds_and_articles(qtbot: Any, compose: Callable[..., Any]) -> None:
    window = compose()
    window.general.type_code.setCurrentIndex(window.general.type_code.findData("QD"))
    assert window.body.is_decision() and window.body.articles.isVisible()
    window.general.subject.setText("Về việc ban hành Quy chế làm việc")
    window.body.grounds.setPlainText("Căn cứ Luật Tổ chức chính quyền địa phương;\n"
                                     "Theo đề nghị của Giám đốc Sở Nội vụ.")
    window.body.articles.setPlainText("Ban hành kèm theo Quyết định này Quy chế.\n\n"
                                      "Quyết định này có hiệu lực từ ngày ký.")
    text = window.body.text()
    assert "Điều 1. Ban hành" in text and "Điều 2. Quyết định này" in text
    doc_id = saved(qtbot, window)
    again = compose(doc_id=doc_id)
    assert again.body.articles.toPlainText() == window.body.articles.toPlainText()
    assert again.body.grounds.toPlainText().startswith("Căn cứ Luật")


def test_a_leader_reviewing_sees_the_form_read_only(qtbot: Any,
                                                    compose: Callable[..., Any]) -> None:
    probe = compose("lanhdao")
    me = probe.app.session.me()
    ids = probe.app.reads.document_ids(DocumentQuery(box="outgoing", limit=None))
    docs = [probe.app.reads.require_document(i) for i in ids]
    reviewed = next(d for d in docs if me is not None and me.id in d.pending_with
                    and d.status in ("in_review", "approved"))
    window = compose("lanhdao", reviewed.id)
    assert window.read_only
    assert window.general.subject.isReadOnly() and not window.general.type_code.isEnabled()
    assert window.body.plain.isReadOnly() and window.signer.full_name.isReadOnly()
    assert not window.save_button.isVisible()
    assert not window.files.make_button.isVisible()
    allowed = window.app.reads.allowed_actions([reviewed.id])
    assert window.return_button.isVisible() and "return" in allowed  # the core's rules
    assert window.approve_button.isVisible() == ("approve" in allowed)
    assert not window.discard_button.isVisible() and not window.submit_button.isVisible()
    assert window.tabs.currentWidget() is window.files  # the PDF first
    assert window.general.subject.text() == reviewed.subject
    assert "máy người soạn" in window.body.plain.placeholderText()  # the body is not here
    window.runner.wait(10000)
    qtbot.waitUntil(lambda: "chưa có trên máy" in window.files.note.text(), timeout=10000)
    shoot(window, "compose-leader-review")


def test_without_a_converter_a_pdf_made_elsewhere_is_attached(
        qtbot: Any, compose: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from eoffice_client.core.app.drafts import DraftsApi

    monkeypatch.setattr(DraftsApi, "converter", lambda _self: None)  # a machine without one
    window = compose()
    assert not window.files.make_button.isEnabled()
    assert "LibreOffice" in window.files.note.text() and "đính kèm" in window.files.note.text()
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(PDF[:40])
    chosen = [broken]
    monkeypatch.setattr(window.flow, "_choose", lambda *_a: chosen[0])
    window.general.subject.setText(SUBJECT)
    window.files.attach_button.click()  # saves the draft first, then queues the upload
    qtbot.waitUntil(lambda: "hong.pdf" in window.message.text(), timeout=15000)
    assert "không đọc được" in window.message.text()  # refused, with the reason
    made = tmp_path / "du-thao-lam-o-may-khac.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with made.open("wb") as out:
        writer.write(out)
    chosen[0] = made
    window.files.attach_button.click()
    qtbot.waitUntil(lambda: window.detail is not None and any(
        a.role == "main" for a in window.detail.attachments), timeout=15000)
    doc_id = window.doc_id
    kinds = [e.kind for e in window.app.reads.outbox() if e.document_id == doc_id]
    assert kinds == ["create", "upload"]
    assert "1 tệp chưa gửi" in window.files.list.item(1).text()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_making_the_pdf_can_be_cancelled(qtbot: Any, compose: Callable[..., Any]) -> None:
    window = compose()
    window.general.subject.setText(SUBJECT)
    window.body.plain.setPlainText(BODY)
    window.signer.full_name.setText("Nông Đình Đông")
    window.signer.position.setText("Phó Chủ tịch")
    doc_id = saved(qtbot, window)
    window.flow.make_pdf()
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    window.cancel_button.click()  # while LibreOffice converts
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=180_000)
    assert "Đã hủy" in window.state.text()
    assert not window.progress.isVisible()
    assert window.app.drafts.pending_files(doc_id) == 0  # nothing attached
