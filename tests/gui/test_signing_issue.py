"""The clerk's number-and-issue in the window (ui/signing/issue.py) against the real
sandbox: two documents the leader signed are numbered with the register chosen, synced, then
filled, sealed and issued with one key entry; the server has the final PDF, whose two
signatures hold and which shows the number."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import Pkcs12Key
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.ui.signing.issue import IssueFlow, Stage
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


def test_a_clerk_numbers_and_issues_two_at_once(qtbot: Any, leader_app: tuple[App, list[str]],
                                        kit: Kit, sandbox: Any, tmp_path: Path) -> None:
    leader, ids = leader_app
    chosen = ids[:2]
    doc_id = chosen[0]
    outcome = leader.documents.sign_for_leader(chosen, Pkcs12Key(kit.leader.p12),
                                               lambda: kit.password, kit.signature_png)
    assert all(item.ok for item in outcome.items)
    synced(leader)
    with signed_in(tmp_path / "clerk", sandbox.url, "vanthu") as clerk:
        synced(clerk)
        clerk.signatures.keep_seal_image(kit.seal_png)
        flow = IssueFlow(clerk, TaskRunner())
        qtbot.addWidget(flow.dialog)
        flow.start(chosen)
        dialog = flow.dialog
        assert flow.in_stage(Stage.TO_NUMBER) == chosen and dialog.number.isEnabled()
        assert not dialog.issue.isEnabled() and dialog.register.count() >= 1
        shoot(dialog, "signing-issue-to-number")
        qtbot.mouseClick(dialog.number, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.task is None, timeout=20000)
        assert flow.in_stage(Stage.WAITING) == chosen, dialog.rows.note_of(doc_id)
        queued = [r for r in rows(clerk) if r.action == "number"]
        assert [r.params for r in queued] == [{"register_id": dialog.register.currentData()}] * 2
        qtbot.mouseClick(dialog.sync, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.task is None, timeout=60000)
        assert flow.in_stage(Stage.READY) == chosen, dialog.rows.note_of(doc_id)
        assert dialog.issue.isEnabled() and dialog.issue.text() == "Seal and issue 2 document(s)…"
        shoot(dialog, "signing-issue-ready")
        qtbot.mouseClick(dialog.issue, Qt.MouseButton.LeftButton)
        keys = flow.key_dialog
        assert keys is not None and keys.isVisible()
        keys.file_kind.setChecked(True)
        keys.p12_path.setText(str(kit.org.p12))
        keys.secret.setText(kit.password)
        qtbot.mouseClick(keys.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.outcome is not None, timeout=60000)
        assert flow.outcome is not None, dialog.rows.note_of(doc_id)
        assert [i.ok for i in flow.outcome.items] == [True, True], dialog.rows.note_of(doc_id)
        assert flow.choice is not None and flow.choice.asked == 1 and flow.choice.forgotten
        shoot(dialog, "signing-issue-done")
        assert [r.action for r in rows(clerk)] == ["upload", "issue"] * 2
        synced(clerk)
    with signed_in(tmp_path / "fresh", sandbox.url, "vanthu") as fresh:
        synced(fresh)
        for one in chosen:
            doc = documents(fresh)[one]
            assert doc["status"] == "issued"
            (final,) = [a for a in doc["attachments"] if a["role"] == "final"]
            path = fresh.sync.fetch_file(final["id"])
            report = verify_pdf(path, trust_files=[kit.pki.root_pem_path])
            assert report.ok and len(report.signatures) == 2
            text = subprocess.run(["pdftotext", "-l", "1", str(path), "-"],
                                  capture_output=True, text=True, check=True).stdout
            assert f"/{doc['code_notation']}" in text and str(doc["code_number"]) in text
