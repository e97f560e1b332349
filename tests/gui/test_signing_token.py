"""The key dialog on a PKCS#11 token (SoftHSM2): the tokens and the certificate's holder,
issuer and validity shown; a wrong PIN said in the dialog, which stays open; the right PIN
hands on the chosen key; a locked token said at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import Pkcs11Key
from eoffice_client.ui.signing.common import KeyChoice
from eoffice_client.ui.signing.key_dialog import KeyDialog
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.conftest import shoot
from tests.signing_fixtures import signing_kit  # noqa: F401  (fixture)
from tests.softhsm_tokens import LIBRARY, PIN

pytestmark = [pytest.mark.usefixtures("qapp", "tokens", "english_ui"),
              pytest.mark.skipif(not LIBRARY.is_file(), reason="SoftHSM2 is not installed")]


def _dialog(qtbot: Any, tmp_path: Path) -> KeyDialog:
    app = App(Profile.at(tmp_path / "profile"), Settings(pkcs11_library=str(LIBRARY)))
    dialog = KeyDialog(app, TaskRunner(), "Khóa ký số")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.library_path() == LIBRARY  # the settings' library comes first
    dialog.token_kind.setChecked(True)  # looks for the tokens at once
    qtbot.waitUntil(lambda: dialog.token.count() == 2 or dialog.error.isVisible(), timeout=20000)
    assert dialog.token.count() == 2, (dialog.error.text(), dialog.token.count())
    return dialog


def test_a_token_its_certificate_and_a_wrong_then_right_pin(
        qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.token.setCurrentIndex(next(i for i in range(2)
                                      if "eoffice-lanh-dao" in dialog.token.itemText(i)))
    qtbot.waitUntil(lambda: dialog.certs.topLevelItemCount() == 1, timeout=20000)
    row = dialog.certs.topLevelItem(0)
    assert row is not None
    assert row.text(0) == "Nguyễn Văn Lãnh" and row.text(1) == "Test Root CA (eOffice)"
    assert row.text(2) and row.text(3) and row.text(4) == "ok"
    dialog.secret.setText("000000")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.isVisible() and "PIN" in dialog.error.text()
    assert "eoffice-lanh-dao" in dialog.error.text()
    shoot(dialog, "signing-token-wrong-pin")
    chosen: list[KeyChoice] = []
    dialog.chosen.connect(chosen.append)
    dialog.secret.setText(PIN)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen), timeout=20000)
    (choice,) = chosen
    assert isinstance(choice.key, Pkcs11Key) and choice.key.token_label == "eoffice-lanh-dao"
    assert choice.key.key_label == "leader" and choice.certificate.holder_name == "Nguyễn Văn Lãnh"
    assert choice.secret() == PIN and not dialog.isVisible() and dialog.secret.text() == ""


def test_a_locked_token_is_said_at_once(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    locked = next(i for i in range(2) if "eoffice-bi-khoa" in dialog.token.itemText(i))
    dialog.token.setCurrentIndex(locked)
    assert "locked" in dialog.token.itemText(locked)
    assert "locked" in dialog.error.text() or "khóa" in dialog.error.text()
    dialog.secret.setText(PIN)
    qtbot.waitUntil(lambda: dialog.certs.topLevelItemCount() == 1, timeout=20000)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.isVisible() and "eoffice-bi-khoa" in dialog.error.text()
    shoot(dialog, "signing-token-locked")
