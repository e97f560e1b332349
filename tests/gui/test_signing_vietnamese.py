"""The signing dialogs in Vietnamese (translations/eoffice_vi.ts compiled for the test):
every text of ui/signing is translated, and the key dialog says a wrong password and an
expired certificate in Vietnamese, the dialog staying open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.ui.signing.batch import SignBatch, SignBatchDialog
from eoffice_client.ui.signing.issue import IssueDialog
from eoffice_client.ui.signing.key_dialog import KeyDialog
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.conftest import ROOT, shoot
from tests.gui.signing_support import (  # noqa: F401  (fixtures)
    Kit,
    kit_fixture,
    leader_app_fixture,
)

SIGNING_CONTEXTS = ("KeyDialog", "SignBatch", "SignBatchDialog", "IssueFlow", "IssueDialog",
                    "ImageRow", "SignatureBadges", "SigningHooks", "Signing")

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    """The window's Vietnamese: our catalogue, Qt's texts and the core's messages."""
    from eoffice_client.ui.app import translations_for

    translations_for(qapp).apply("vi")
    yield


def test_every_signing_text_has_its_vietnamese() -> None:
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "translations" / "eoffice_vi.ts")
    seen = 0
    for context in tree.iter("context"):
        if context.findtext("name") not in SIGNING_CONTEXTS:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, \
                message.findtext("source")
            text = "".join(translation.itertext()).strip()
            assert text, message.findtext("source")
            seen += 1
    assert seen >= 80


def test_the_key_dialog_in_vietnamese(qtbot: Any, vietnamese: None, kit: Kit,
                                      tmp_path: Path) -> None:
    app = App(Profile.at(tmp_path / "profile"))
    runner = TaskRunner()
    dialog = KeyDialog(app, runner, "Khóa ký số")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_kind.setChecked(True)  # (a token chosen by an earlier test is remembered)
    assert dialog.ok.text() == "Dùng khóa này"
    assert dialog.secret_label.text() == "Mật khẩu tệp khóa:"
    dialog.p12_path.setText(str(kit.expired.p12))
    dialog.secret.setText(kit.password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.isVisible() and "đã hết hạn" in dialog.error.text()
    shoot(dialog, "signing-key-expired-vi")
    dialog.token_kind.setChecked(True)
    assert dialog.secret_label.text() == "Mã PIN của thiết bị:"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text().startswith(
        ("Hãy chọn thiết bị", "Hãy nhập mã PIN", "Không có thiết bị nào")), dialog.error.text()
    shoot(dialog, "signing-key-token-vi")
    batch = SignBatchDialog(app)
    qtbot.addWidget(batch)
    assert batch.hint.text().startswith("Kéo khung màu xanh")
    issue = IssueDialog(app)
    qtbot.addWidget(issue)
    assert issue.number.text() == "Lấy số"
    issue.show()
    shoot(issue, "signing-issue-vi")
    app.close()


def test_the_leaders_batch_in_vietnamese(qtbot: Any, vietnamese: None,
                                         leader_app: tuple[App, list[str]], kit: Kit) -> None:
    app, ids = leader_app
    app.signatures.keep_signature_image(kit.signature_png)
    batch = SignBatch(app, TaskRunner())
    qtbot.addWidget(batch.dialog)
    batch.start(ids)
    qtbot.waitUntil(lambda: len(batch.places) == len(ids), timeout=30000)
    assert batch.dialog.sign.text() == "Ký 3 văn bản…"
    assert batch.dialog.windowTitle() == "Ký số văn bản"
    shoot(batch.dialog, "signing-batch-vi")
