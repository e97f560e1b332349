"""The one call that hooks the signing flows into a window (ui/signing/install.py): the
actions follow the rules for the signed-in user (a leader may sign what waits for the
signature, a clerk may number and issue what is signed) and open their dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import Pkcs12Key
from eoffice_client.ui.signing import install_signing
from eoffice_client.ui.signing.batch import SignBatch
from eoffice_client.ui.signing.issue import IssueFlow
from tests.gui.signing_support import (  # noqa: F401  (fixtures)
    Kit,
    kit_fixture,
    leader_app_fixture,
    synced,
)
from tests.integration.test_sync_support import signed_in

pytestmark = pytest.mark.usefixtures("qapp", "english_ui")  # texts read in English


def test_actions_follow_the_role_and_open_their_flows(
        qtbot: Any, leader_app: tuple[App, list[str]], kit: Kit, sandbox: Any,
        tmp_path: Path) -> None:
    app, ids = leader_app
    window = QMainWindow()
    qtbot.addWidget(window)
    selected: list[str] = []
    hooks = install_signing(window, lambda: app, lambda: selected)
    assert not hooks.sign_action.isEnabled() and not hooks.issue_action.isEnabled()
    selected[:] = ids
    hooks.update_enabled()
    assert hooks.sign_action.isEnabled() and not hooks.issue_action.isEnabled()
    assert hooks.sign_action.text() == "Sign…"
    hooks.update_enabled(["khong-co"])
    assert not hooks.sign_action.isEnabled()
    batch = hooks.sign_selected()
    assert isinstance(batch, SignBatch) and batch.dialog.isVisible()
    qtbot.waitUntil(lambda: len(batch.places) == len(ids), timeout=30000)
    first = batch.dialog.rows.item(0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Unchecked)  # left out of this batch
    assert batch.signable() == ids[1:] and batch.dialog.sign.text() == "Sign 2 document(s)…"
    batch.dialog.reject()
    qtbot.waitUntil(lambda: batch not in hooks.flows, timeout=5000)

    outcome = app.documents.sign_for_leader([ids[0]], Pkcs12Key(kit.leader.p12),
                                            lambda: kit.password, kit.signature_png)
    assert outcome.items[0].ok
    synced(app)
    with signed_in(tmp_path / "clerk", sandbox.url, "vanthu") as clerk:
        synced(clerk)
        clerk_window = QMainWindow()
        qtbot.addWidget(clerk_window)
        clerk_hooks = install_signing(clerk_window, lambda: clerk, lambda: [ids[0]])
        clerk_hooks.update_enabled()
        assert clerk_hooks.issue_action.isEnabled() and not clerk_hooks.sign_action.isEnabled()
        clerk_hooks.update_enabled([ids[1]])  # not signed yet: nothing for the clerk
        assert not clerk_hooks.issue_action.isEnabled()
        flow = clerk_hooks.issue_selected()
        assert isinstance(flow, IssueFlow) and flow.dialog.isVisible()
        clerk_hooks.after_sync()  # an open dialog follows the sync
        assert flow.stages[ids[0]].value == "to_number"
        flow.dialog.reject()
