"""The signature badge of a row (core/app/signatures.py and ui/signing/badge.py): valid,
untrusted, broken, none and unknown from the cached PDFs, verified once per file hash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from eoffice_client.core.app import signatures
from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import Pkcs12Key
from eoffice_client.core.app.types import SignatureState
from eoffice_client.ui.signing.badge import SignatureBadges
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.conftest import shoot
from tests.gui.signing_support import (  # noqa: F401  (fixtures)
    Kit,
    kit_fixture,
    leader_app_fixture,
)
from tests.integration.test_sync_support import signed_in

pytestmark = pytest.mark.usefixtures("qapp", "english_ui")  # texts read in English


def _tampered(signed: Path, out: Path) -> Path:
    """One byte of the signed revision changed (the page width 595 -> 596)."""
    data = bytearray(signed.read_bytes())
    at = data.index(b"595")
    data[at:at + 3] = b"596"
    out.write_bytes(bytes(data))
    return out


def test_badges_say_valid_untrusted_broken_none_unknown(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit, sandbox: Any,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, ids = leader_app
    outcome = app.documents.sign_for_leader([ids[0]], Pkcs12Key(kit.leader.p12),
                                            lambda: kit.password, kit.signature_png)
    assert outcome.items[0].ok
    states = app.signatures.signature_states([ids[0], ids[1], "khong-co"])
    assert states == {ids[0]: SignatureState.UNTRUSTED, ids[1]: SignatureState.NONE,
                      "khong-co": SignatureState.UNKNOWN}
    (app.profile.root / "trust").mkdir()
    (app.profile.root / "trust" / "goc.pem").write_bytes(kit.pki.root_pem_path.read_bytes())
    assert app.signatures.signature_states([ids[0]])[ids[0]] is SignatureState.UNTRUSTED
    app.signatures.forget_states()  # the trust store changed
    assert app.signatures.signature_states([ids[0], ids[1]]) == {
        ids[0]: SignatureState.VALID, ids[1]: SignatureState.NONE}

    def no_second_check(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("verified twice")

    monkeypatch.setattr(signatures.SignatureApi, "_verify", no_second_check)
    again = signatures.SignatureApi(app.context)  # the results kept in the profile are read
    assert again.signature_states([ids[0], ids[1]]) == {
        ids[0]: SignatureState.VALID, ids[1]: SignatureState.NONE}
    monkeypatch.undo()

    signed = next(a for a in app.reads.require_document(ids[0]).attachments
                  if a.role == "signed")
    plain = app.files.plain_path(signed.sha256, signed.file_name)
    with signed_in(tmp_path / "officer2", sandbox.url, "chuyenvien") as officer:
        draft = officer.changes.new_document("outgoing", "CV", "Tệp đã ký bị sửa")
        officer.changes.attach(draft, _tampered(plain, tmp_path / "sua.pdf"), "main")
        assert officer.signatures.signature_states([draft])[draft] is SignatureState.BROKEN

    badges = SignatureBadges(lambda: app, TaskRunner())
    with qtbot.waitSignal(badges.updated, timeout=20000):
        badges.request([ids[0], ids[1], "khong-co"])
    assert badges.state(ids[0]) is SignatureState.VALID
    assert not badges.icon(ids[0]).isNull() and badges.icon(ids[1]).isNull()
    assert "trusted" in badges.tooltip(ids[0]) and "Not signed" in badges.tooltip(ids[1])
    _shoot_badges(qtbot, badges)


def _shoot_badges(qtbot: Any, badges: SignatureBadges) -> None:
    from eoffice_client.ui.signing.badge import badge_icon

    view = QListWidget()
    qtbot.addWidget(view)
    for state in SignatureState:
        item = QListWidgetItem(badge_icon(state), f"{state.value}: {badges.describe(state)}",
                               view)
        item.setToolTip(badges.describe(state))
    view.resize(900, 160)
    view.show()
    shoot(view, "signing-badges")


def test_pyhanko_is_loaded_only_when_a_pdf_waits_to_be_verified(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app, ids = leader_app
    assert not app.signatures.modules_loaded  # not with the core
    badges = SignatureBadges(lambda: app, TaskRunner())
    asked: list[bool] = []
    real_states = signatures.SignatureApi.signature_states

    def spy(self: Any, doc_ids: Any, *, verify: bool = True) -> Any:
        asked.append(verify)
        return real_states(self, doc_ids, verify=verify)

    monkeypatch.setattr(signatures.SignatureApi, "signature_states", spy)
    badges.request(["khong-co"])  # no cached PDF: nothing to verify
    qtbot.waitUntil(lambda: "khong-co" in badges.states, timeout=20000)
    assert asked == [False] and not app.signatures.modules_loaded

    outcome = app.documents.sign_for_leader([ids[0]], Pkcs12Key(kit.leader.p12),
                                            lambda: kit.password, kit.signature_png)
    assert outcome.items[0].ok
    (app.profile.root / signatures.SIGNING_DIR / signatures.STATES_FILE).unlink(
        missing_ok=True)
    del app.signatures  # a fresh api: nothing verified, nothing loaded by it
    assert not app.signatures.modules_loaded
    with qtbot.waitSignal(badges.updated, timeout=20000):
        badges.request([ids[0]])
    assert asked[1:] == [False, True]  # answered without verifying, then verified
    assert app.signatures.modules_loaded
    assert badges.state(ids[0]) is SignatureState.UNTRUSTED
