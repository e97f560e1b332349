"""Secret documents have a way forward (issue 10 item 10): where their files never come,
the pane and the approval form say where the paper is and how it is handled."""

from __future__ import annotations

from typing import Any

from tests.gui.conftest import shoot


def test_the_pane_says_where_a_secret_documents_content_is(filled_profile: Any,
                                                           open_window: Any, qtbot: Any) -> None:
    from eoffice_client.core.app.types import DocumentQuery

    controller = open_window(filled_profile(200, user="vanthu"))
    window, client = controller.window, controller.client
    with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
        window.boxes.setCurrentRow(7)
    secret_id = next(i for i in client.reads.document_ids(
        DocumentQuery(box="all", secrecy=1, limit=None))
                     if client.reads.document_json(i)["direction"] == "incoming")
    window.documents.table.selectRow(window.documents.model.position_of(secret_id))
    view = window.pane.view
    qtbot.waitUntil(lambda: getattr(view.doc, "id", None) == secret_id, timeout=10000)
    view.tabs.setCurrentIndex(1)
    assert view.secret_note.isVisible() and not view.pdf.isVisible()
    text = view.secret_note.text()
    assert "giấy" in text and "văn thư" in text
    shoot(window, "secret-document-pane")
    plain_id = next(i for i in client.reads.document_ids(
        DocumentQuery(box="all", secrecy=0, limit=None))
                    if client.reads.document_json(i)["attachments"])
    window.documents.table.selectRow(window.documents.model.position_of(plain_id))
    qtbot.waitUntil(lambda: getattr(view.doc, "id", None) == plain_id, timeout=10000)
    assert not view.secret_note.isVisible() and view.pdf.isVisible()


def test_a_leader_approving_a_secret_draft_reads_where_it_is(filled_profile: Any,
                                                             qtbot: Any) -> None:
    from eoffice_client.core.app.records import Directory, Person
    from eoffice_client.ui.actions.params_dialog import ParamsDialog

    me = Person("u1", full_name="Nông Đình Đông", roles=("leader",))
    draft = {"id": "d1", "direction": "outgoing", "status": "in_review", "secrecy": 2,
             "pending_with": ["u1"]}
    dialog = ParamsDialog("approve", [draft], me, Directory())
    qtbot.addWidget(dialog)
    dialog.show()
    notes = [w for w in dialog.findChildren(type(dialog.error))
             if w.objectName() == "secretNote"]
    assert notes and "giấy" in notes[0].text() and notes[0].isVisible()
    shoot(dialog, "approve-secret-draft")
    plain = ParamsDialog("approve", [{**draft, "secrecy": 0}], me, Directory())
    qtbot.addWidget(plain)
    assert not [w for w in plain.findChildren(type(dialog.error))
                if w.objectName() == "secretNote"]
