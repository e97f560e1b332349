"""The leader's batch sign-off in the window (ui/signing/batch.py, key_dialog.py) against
the real sandbox: three documents signed with ONE key dialog and one password entry; the
box moved on the preview lands where it was dropped; a wrong password keeps the dialog
open with a clear message and changes nothing; an expired certificate is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from eoffice_client.core.app.application import App
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.ui.signing.batch import SignBatch
from eoffice_client.ui.signing.key_dialog import KeyDialog
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.conftest import shoot
from tests.gui.signing_support import (  # noqa: F401  (fixtures)
    Kit,
    kit_fixture,
    leader_app_fixture,
    synced,
)
from tests.integration.test_sync_support import documents, rows, signed_in

pytestmark = pytest.mark.usefixtures("qapp", "english_ui")  # texts read in English


def _batch(qtbot: Any, app: App, ids: list[str], kit: Kit) -> SignBatch:
    app.signatures.keep_signature_image(kit.signature_png)
    batch = SignBatch(app, TaskRunner())
    qtbot.addWidget(batch.dialog)
    batch.start(ids)
    qtbot.waitUntil(lambda: len(batch.places) == len(ids), timeout=30000)
    qtbot.waitUntil(batch.dialog.sign.isEnabled, timeout=5000)
    return batch


def _open_key_dialog(qtbot: Any, batch: SignBatch) -> KeyDialog:
    qtbot.mouseClick(batch.dialog.sign, Qt.MouseButton.LeftButton)
    dialog = batch.key_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _use_key(qtbot: Any, dialog: KeyDialog, p12: Path, secret: str) -> None:
    dialog.file_kind.setChecked(True)
    dialog.p12_path.setText(str(p12))
    dialog.secret.setText(secret)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def test_three_signed_with_one_pin_and_sent(qtbot: Any, leader_app: tuple[App, list[str]],
                                            kit: Kit, sandbox: Any, tmp_path: Path) -> None:
    app, ids = leader_app
    batch = _batch(qtbot, app, ids, kit)
    assert batch.dialog.sign.text() == "Sign 3 document(s)…"
    preview = batch.dialog.preview
    place = batch.places[ids[0]]
    assert place.page == 2 and place.box.x1 > place.page_width / 2  # the signer block
    start = preview.box_rect().center().toPoint()
    qtbot.mousePress(preview, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(preview, start + QPoint(-40, 30))
    qtbot.mouseRelease(preview, Qt.MouseButton.LeftButton, pos=start + QPoint(-40, 30))
    moved = batch.boxes[ids[0]]
    assert moved.x1 < place.box.x1 - 10 and moved.y1 < place.box.y1 - 10
    shoot(batch.dialog, "signing-batch-preview")
    dialogs_opened = []
    original = batch.ask_key

    def counted() -> None:
        original()
        dialogs_opened.append(batch.key_dialog)

    batch.dialog.sign.clicked.disconnect()
    batch.dialog.sign.clicked.connect(counted)
    dialog = _open_key_dialog(qtbot, batch)
    shoot(dialog, "signing-key-dialog")
    _use_key(qtbot, dialog, kit.leader.p12, kit.password)
    qtbot.waitUntil(lambda: batch.outcome is not None, timeout=60000)
    outcome = batch.outcome
    assert outcome is not None and [i.ok for i in outcome.items] == [True, True, True]
    assert len(dialogs_opened) == 1 and batch.choice is not None
    assert batch.choice.asked == 1 and batch.choice.forgotten  # one entry, dropped after
    assert "3 of 3 signed" in batch.dialog.status.text()
    assert batch.dialog.progress.value() == 3
    shoot(batch.dialog, "signing-batch-done")
    assert [r.action for r in rows(app)].count("sign") == 3
    assert [r.action for r in rows(app)].count("upload") == 3
    synced(app)
    with signed_in(tmp_path / "fresh", sandbox.url, "lanhdao") as fresh:
        synced(fresh)
        for doc_id in ids:
            doc = documents(fresh)[doc_id]
            assert doc["status"] == "signed"
            (signed,) = [a for a in doc["attachments"] if a["role"] == "signed"]
            path = fresh.sync.fetch_file(signed["id"])
            report = verify_pdf(path, trust_files=[kit.pki.root_pem_path])
            assert report.ok and report.signatures[0].certification_level == 2
            if doc_id == ids[0]:
                _check_moved_box(path, moved)


def _check_moved_box(path: Path, moved: Any) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from eoffice_client.core.documents.signing_layout import leader_widget_box

    with path.open("rb") as handle:
        box = leader_widget_box(PdfFileReader(handle, strict=False))
    assert box is not None
    assert abs(box.x1 - moved.x1) < 1.5 and abs(box.y1 - moved.y1) < 1.5


def test_a_wrong_password_keeps_the_dialog_open_and_changes_nothing(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit) -> None:
    app, ids = leader_app
    before = [r.action for r in rows(app)]
    batch = _batch(qtbot, app, ids[:1], kit)
    dialog = _open_key_dialog(qtbot, batch)
    _use_key(qtbot, dialog, kit.leader.p12, "sai mật khẩu")
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "không đúng" in dialog.error.text() or "wrong" in dialog.error.text()
    assert dialog.p12_path.text() == str(kit.leader.p12)  # what was typed is kept
    assert dialog.secret.text() == "sai mật khẩu"
    shoot(dialog, "signing-key-wrong-password")
    assert batch.task is None and batch.outcome is None
    assert [r.action for r in rows(app)] == before
    assert documents(app)[ids[0]]["status"] == "approved"
    _use_key(qtbot, dialog, kit.leader.p12, kit.password)  # the right one goes on
    qtbot.waitUntil(lambda: batch.outcome is not None, timeout=60000)
    assert not dialog.isVisible() and batch.outcome is not None and batch.outcome.items[0].ok


@pytest.mark.parametrize("holder", ["expired", "no_usage"])
def test_a_certificate_that_cannot_sign_is_said_in_the_dialog(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit, holder: str,
        vietnamese_ui: None) -> None:
    app, ids = leader_app
    batch = _batch(qtbot, app, ids[:1], kit)
    dialog = _open_key_dialog(qtbot, batch)
    _use_key(qtbot, dialog, getattr(kit, holder).p12, kit.password)
    assert dialog.isVisible()
    words = {"expired": "hết hạn", "no_usage": "không được cấp để ký"}[holder]
    assert words in dialog.error.text(), dialog.error.text()
    assert batch.outcome is None and [r.action for r in rows(app)].count("sign") == 0
    shoot(dialog, f"signing-key-{holder}")


def test_offline_the_batch_queues_and_cancel_stops_after_the_current_document(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit, sandbox: Any) -> None:
    """With the server down the signed PDFs and ``sign`` wait in the queue; Cancel after
    the first document leaves the others untouched; the next sync sends what was done."""
    app, ids = leader_app
    sandbox.stop()
    batch = _batch(qtbot, app, ids, kit)  # the previews come from the cached PDFs
    dialog = _open_key_dialog(qtbot, batch)
    dialog.p12_path.setText(str(kit.leader.p12))
    dialog.secret.setText(kit.password)
    stopped: list[bool] = []

    def stop_after_first() -> None:
        if batch.task is not None and not stopped:
            batch.task.signals.progress.connect(lambda *_args: batch.cancel())
            stopped.append(True)

    dialog.chosen.connect(lambda _choice: stop_after_first())
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: batch.outcome is not None, timeout=60000)
    outcome = batch.outcome
    assert outcome is not None and outcome.cancelled and stopped
    assert outcome.items[0].ok and not outcome.items[-1].ok
    done = [i.document_id for i in outcome.done]
    assert "Stopped" in batch.dialog.status.text()
    assert batch.dialog.cancel.text() == "Close" and batch.dialog.cancel.isEnabled()
    shoot(batch.dialog, "signing-batch-cancelled")
    assert [r.action for r in rows(app)].count("sign") == len(done)
    sandbox.start()
    synced(app)
    statuses = {d: documents(app)[d]["status"] for d in ids}
    assert all(statuses[d] == "signed" for d in done)
    assert all(statuses[d] == "approved" for d in ids if d not in done)
