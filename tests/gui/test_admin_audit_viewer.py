"""Help > "Audit trail…": entries the core wrote, in Vietnam's clock, filtered, and a
trail changed by hand reported with its first bad entry marked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from eoffice_client.core.app.application import App
from eoffice_client.ui.admin.audit_viewer import AuditViewer
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.admin_support import sample_app_fixture, vi_ui_fixture  # noqa: F401
from tests.gui.conftest import shoot


def write_entries(app: App) -> str:
    """A sign-in, a queued comment and an export, written by the core; the document id."""
    [doc_id] = app.reads.document_ids(_query())[:1]
    app.context.audit.record("signed_in", detail={"username": "vanthu",
                                                   "server": "https://eoffice.example.vn"})
    app.changes.act(doc_id, "comment", {"kind": "opinion", "text": "Đề nghị bổ sung số liệu"})
    app.context.audit.record("exported", document_id=doc_id, detail={"what": "docx"})
    return doc_id


def _query() -> Any:
    from eoffice_client.core.app.types import DocumentQuery

    return DocumentQuery(box="all", limit=None)


def open_viewer(qtbot: Any, app: App) -> AuditViewer:
    runner = TaskRunner()
    viewer = AuditViewer(lambda: app, runner)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.load()
    qtbot.waitUntil(lambda: viewer.snapshot is not None, timeout=10000)
    return viewer


def cells(viewer: AuditViewer, row: int) -> list[str]:
    model = viewer.model
    return [model.data(model.index(row, c), Qt.ItemDataRole.DisplayRole) for c in range(5)]


def test_shows_the_core_entries_newest_first_and_filters(qtbot: Any, vi_ui: Any,
                                                         sample_app: App) -> None:
    doc_id = write_entries(sample_app)
    [row] = sample_app.reads.rows([doc_id]).values()
    viewer = open_viewer(qtbot, sample_app)
    assert viewer.check_label.property("state") == "intact"
    assert "nguyên vẹn" in viewer.check_label.text()
    assert viewer.model.rowCount() == 3
    newest = cells(viewer, 0)
    assert re.fullmatch(r"\d\d:\d\d:\d\d \d\d/\d\d/\d{4}", newest[0])
    assert row.code in newest[2] and newest[3] == "vanthu"
    queued = cells(viewer, 1)
    assert queued[1] == "Đã xếp hàng chờ gửi: Cho ý kiến"
    assert "Đề nghị" not in " ".join(queued)  # never the comment's text
    shoot(viewer, "admin_audit_viewer")
    viewer.filter.setText("xuat")  # "xuất" typed without diacritics
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1, timeout=3000)
    assert cells(viewer, 0)[1] == "Đã xuất: tệp Word"


def test_a_tampered_trail_is_reported_with_its_first_bad_entry(qtbot: Any, vi_ui: Any,
                                                               sample_app: App) -> None:
    write_entries(sample_app)
    trail = Path(sample_app.audit.location.trail)
    lines = trail.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["detail"]["action"] = "approve"  # the hash no longer matches
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    trail.write_text("\n".join(lines) + "\n", encoding="utf-8")
    viewer = open_viewer(qtbot, sample_app)
    assert viewer.check_label.property("state") == "broken"
    assert "mục 2" in viewer.check_label.text()
    bad = [r.seq for r in viewer.model.rows if r.bad]
    assert sorted(bad) == [2, 3]
    selected = viewer.table.selectionModel().selectedRows()
    assert [viewer.model.rows[i.row()].seq for i in selected] == [2]
    shoot(viewer, "admin_audit_viewer_tampered")
