"""Search inside attachments from the window: the sync reads the fetched files' text, and
a search for a word that only one file holds finds its document, marked as such."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from eoffice_client.core.app.types import DocumentQuery
from tests.gui.conftest import shoot
from tests.gui.test_window_sandbox import signed_in_window


def a_word_of_one_file(reads: Any) -> tuple[str, str]:
    """(document id, the first part of a cached attachment's id): every sample PDF prints
    its own id ("Mã tệp: ..."), which no subject, notation, issuer or signer holds."""
    for doc_id in reads.document_ids(DocumentQuery(box="all", limit=None)):
        detail = reads.document(doc_id)
        for attachment in detail.attachments if detail is not None else ():
            if attachment.cached and not detail.secrecy:
                return doc_id, attachment.id.split("-")[0]
    raise AssertionError("the first sync fetched no file")


def test_a_word_found_only_inside_a_file(sandbox: Any, open_window: Any, qtbot: Any,
                                         tmp_path: Path) -> None:
    controller = signed_in_window(open_window, qtbot, sandbox, tmp_path, "chuyenvien")
    window, reads = controller.window, controller.client.reads
    qtbot.waitUntil(lambda: window.sync_controller.indexing is None  # after the round:
                    and reads.content_index().indexed > 0, timeout=60000)  # its files' text
    doc_id, word = a_word_of_one_file(reads)
    documents, model = window.documents, window.documents.model
    with qtbot.waitSignal(documents.listLoaded, timeout=10000):
        window.boxes.setCurrentRow(7)  # all documents
    everything = model.rowCount()
    assert everything > 1

    window.search.setText(word)
    qtbot.waitUntil(lambda: documents.query.search == word, timeout=10000)
    assert model.ids == [doc_id]
    row = model.row_at(0)
    assert row is not None and row.matched_by_content
    subject = model.index(0, 2)
    assert model.data(subject, Qt.ItemDataRole.DecorationRole) is not None
    tip = model.data(subject, Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Tìm thấy trong nội dung tệp đính kèm — {row.subject}"
    shoot(window, "content-search")

    window.search.setText("")  # no search: no row says it was found in its files
    qtbot.waitUntil(lambda: documents.query.search is None, timeout=10000)
    assert model.rowCount() == everything
    assert not any(row is not None and row.matched_by_content
                   for row in (model.row_at(p) for p in range(everything)))
