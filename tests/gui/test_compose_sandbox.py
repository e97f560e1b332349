"""The compose window against the REAL sandbox server: an officer signs in, the server goes
away, the officer composes a công văn in the window (offline), saves it, makes the PDF
for approval (LibreOffice) and submits it to the leader; when the server is back one
sync sends it all, and the leader's feed holds the document in review with its main
PDF, whose text carries the Quốc hiệu, the trích yếu and the signer. Returned with a
reason, it is opened again, changed, made again and re-submitted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from eoffice_client.ui.actions.params_dialog import ParamsDialog
from tests.gui.conftest import Caller, shoot
from tests.gui.test_window_sandbox import signed_in_window, sync
from tests.integration.conftest import latest

SUBJECT = "Về việc báo cáo kết quả chuyển đổi số quý IV năm 2026"
BODY = ("Thực hiện Kế hoạch số 125/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số, "
        "đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện.\n"
        "Báo cáo gửi về Sở Thông tin và Truyền thông trước ngày 20 tháng 01 năm 2027.")
PDF_TIMEOUT_MS = 180_000

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None and
                                shutil.which("libreoffice") is None,
                                reason="LibreOffice is not installed")


def accept_dialog_soon() -> list[str]:
    """Accepts the action dialog (submit: the leader preselected) once it is up; a dialog
    that refuses (its message shown) is rejected, so the test fails instead of waiting."""
    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ParamsDialog):
            dialog.accept()
            if dialog.isVisible():
                refused.append(dialog.error.text())
                dialog.reject()
        else:
            QTimer.singleShot(100, accept)

    refused: list[str] = []
    QTimer.singleShot(100, accept)
    return refused


def fill(compose: Any) -> None:
    compose.general.subject.setText(SUBJECT)
    compose.body.plain.setPlainText(BODY)
    signer = compose.signer
    signer.person.setCurrentIndex(signer.person.findText("Nông Đình Đông",
                                                         Qt.MatchFlag.MatchStartsWith))
    signer.competence.setCurrentIndex(signer.competence.findData("KT"))
    signer.position.setText("Phó Chủ tịch")
    for row in (1, 2):
        compose.recipients.list.item(row).setCheckState(Qt.CheckState.Checked)


def test_composed_offline_submitted_when_the_server_is_back(
        sandbox: Any, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "chuyenvien")
    window = controller.window
    sandbox.stop()
    assert window.commands.compose_new.isEnabled()
    compose = window.compose.compose_new()
    assert compose is not None
    compose.resize(1366, 740)
    fill(compose)
    compose.flow.make_pdf()  # saves first (a queued create), then LibreOffice
    qtbot.waitUntil(lambda: compose.detail is not None and any(
        a.role == "main" for a in compose.detail.attachments), timeout=PDF_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not compose.runner.busy(), timeout=PDF_TIMEOUT_MS)
    doc_id = compose.doc_id
    assert compose.files.pdf.document.pageCount() >= 1  # the preview shows it
    shoot(compose, "compose-offline-pdf")
    refused = accept_dialog_soon()
    compose.flow.step("submit")
    assert refused == []
    qtbot.waitUntil(lambda: compose.detail is not None
                    and compose.detail.status == "in_review", timeout=20000)
    assert compose.read_only  # submitted: no longer the drafter's to change
    queued = [e.kind for e in controller.client.reads.outbox() if e.document_id == doc_id]
    assert queued == ["create", "upload", "action"]
    sandbox.start()
    outcome = sync(window, qtbot)
    assert not isinstance(outcome, BaseException), outcome
    assert controller.client.reads.outbox() == []
    leader = Caller(sandbox, "lanhdao")
    changes, _cursor = leader.pull()
    doc = latest(changes)[doc_id]["data"]
    assert (doc["status"], doc["subject"], doc["pending_with"]) == (
        "in_review", SUBJECT, [leader.id])
    assert doc["signer"]["full_name"] == "Nông Đình Đông" and len(doc["recipients"]) == 2
    [main] = [a for a in doc["attachments"] if a["role"] == "main"]
    answer = leader.get(f"/attachments/{main['id']}/content")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF-")
    pdf = tmp_path / "tren-may-chu.pdf"
    pdf.write_bytes(answer.content)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "V/v báo cáo kết quả chuyển đổi số", "KT. CHỦ TỊCH", "Nông Đình Đông",
                     "Lưu: VT"):  # a công văn's trích yếu is printed "V/v ..."
        assert expected in text, expected
    resubmitted_after_return(window, controller, qtbot, leader, doc, main["id"])


def resubmitted_after_return(window: Any, controller: Any, qtbot: Any, leader: Caller,
                             doc: dict[str, Any], first_main: str) -> None:
    """The leader returns it with a reason; the drafter opens it again (editable), changes
    the subject, makes the PDF again (it replaces the main one) and re-submits."""
    leader.act(doc, "return", {"reason": "Đề nghị bổ sung số liệu của quý III."})
    assert not isinstance(sync(window, qtbot), BaseException)
    compose = window.compose.open_windows[doc["id"]]
    compose._closing_confirmed = True
    compose.close()
    qtbot.waitUntil(lambda: doc["id"] not in window.compose.open_windows, timeout=5000)
    reopened = window.compose.open_draft([{"id": doc["id"], "direction": "outgoing"}])
    assert reopened is not None and not reopened.read_only
    assert reopened.submit_button.text() == "Trình lại…"
    assert reopened.body.text() == BODY  # kept on this computer
    reopened.general.subject.setText(SUBJECT + " (bổ sung số liệu quý III)")
    reopened.flow.make_pdf()
    qtbot.waitUntil(lambda: reopened.app.drafts.pending_files(doc["id"]) == 1
                    and not reopened.runner.busy(), timeout=PDF_TIMEOUT_MS)
    refused = accept_dialog_soon()
    reopened.flow.step("submit")
    assert refused == []
    qtbot.waitUntil(lambda: reopened.detail is not None
                    and reopened.detail.status == "in_review", timeout=20000)
    assert not isinstance(sync(window, qtbot), BaseException)
    assert controller.client.reads.outbox() == []
    changes, _cursor = leader.pull()
    fresh = latest(changes)[doc["id"]]["data"]
    assert fresh["status"] == "in_review" and fresh["subject"].endswith("quý III)")
    mains = [a for a in fresh["attachments"] if a["role"] == "main"]
    assert len(mains) == 1 and mains[0]["id"] != first_main  # replaced, not added
