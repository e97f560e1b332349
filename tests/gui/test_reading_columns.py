"""Columns say what they are named; names and texts, never ids; one clock; dd/mm/yyyy."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from eoffice_client.core.app.records import Directory, DocumentDetail
from eoffice_client.core.domain.enums import SECRECY_LABELS, URGENCY_LABELS
from eoffice_client.ui import display, printing

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
URGENCY_TEXTS = {vi for vi, _en in URGENCY_LABELS.values()}
SECRECY_TEXTS = {vi for vi, _en in SECRECY_LABELS.values() if vi != "Thường"}


def _rows(window: Any) -> list[Any]:
    model = window.documents.model
    return [model.row_at(r) for r in range(model.rowCount())]


def test_urgency_column_shows_urgency_only_and_secrecy_is_a_mark(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    window = open_window(filled_profile(200)).window
    with qtbot.waitSignal(window.documents.listLoaded, timeout=10000):
        window.boxes.setCurrentRow(7)  # all documents
    model = window.documents.model
    secret = [r for r, row in enumerate(_rows(window)) if row and row.secrecy]
    assert secret, "the sample data has secret documents"
    for r in range(model.rowCount()):
        urgency = model.data(model.index(r, 0))
        assert urgency == "" or urgency in URGENCY_TEXTS, urgency
    for r in secret:
        row = model.row_at(r)
        subject = model.index(r, 2)
        assert model.data(subject) == row.subject  # the column's own text only
        assert model.data(subject, Qt.ItemDataRole.DecorationRole) is not None
        tip = model.data(subject, Qt.ItemDataRole.ToolTipRole)
        assert any(tip.startswith(s) for s in SECRECY_TEXTS), tip
        spoken = model.data(subject, Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.endswith(row.subject) and spoken != row.subject
    plain = next(r for r, row in enumerate(_rows(window)) if row and not row.secrecy)
    assert model.data(model.index(plain, 2), Qt.ItemDataRole.DecorationRole) is None


def test_history_and_slip_show_names_and_texts_never_ids(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    window = open_window(filled_profile(120, user="lanhdao")).window
    view = window.pane.view
    checked = 0
    for r in range(min(40, window.documents.model.rowCount())):
        window.documents.table.selectRow(r)
        doc = view.doc
        if not doc or len(doc.history) < 3:
            continue
        checked += 1
        history = view.history.toPlainText()
        assert not UUID.search(history), history
        assert not ISO_DAY.search(history), history
        slip = printing.slip_html(doc, window.directory, "vi")
        assert not UUID.search(slip), slip
        assert not ISO_DAY.search(slip), slip
        submitted = [h for h in doc.history if h.action == "submit"]
        for entry in submitted:  # a submit's detail is the id of the person it went to
            assert display.person(window.directory, entry.detail) in history
    assert checked >= 5


def test_one_clock_whatever_the_offset_the_server_writes() -> None:
    directory = Directory.from_json([{"id": "u1", "full_name": "Nguyễn Văn A"}], [], {})
    assert display.when("2026-12-02T01:30:00Z") == "08:30 02/12/2026"
    assert display.when("2026-12-02T08:30:00+07:00") == "08:30 02/12/2026"
    assert display.when("2026-12-01T20:00:00-05:00") == "08:00 02/12/2026"
    assert display.history_detail(directory, "submit", "u1") == "Nguyễn Văn A"
    assert display.history_detail(directory, "extend", "2026-12-15") == "15/12/2026"
    assert not UUID.search(display.history_detail(
        directory, "submit", "5f5863ee-15ff-59eb-a16f-577c6b4b4dda"))
    assert display.person(directory, "5f5863ee-15ff-59eb-a16f-577c6b4b4dda") != (
        "5f5863ee-15ff-59eb-a16f-577c6b4b4dda")


def test_the_status_bar_and_the_comments_use_vietnam_time(
        filled_profile: Any, open_window: Any) -> None:
    import datetime as dt

    window = open_window(filled_profile(30)).window
    window.status_bar.show_sync_state(True, dt.datetime(2026, 12, 2, 1, 30, tzinfo=dt.UTC),
                                      "https://x", 0, 0)
    assert "08:30 02/12/2026" in window.status_bar.last_sync_label.text()
    doc = {"id": "d1", "subject": "S", "comments": [
        {"id": "c1", "kind": "directive", "author_id": "u-x", "text": "Giao",
         "created_at": "2026-12-02T01:30:00Z"}], "history": [
        {"at": "2026-12-02T01:30:00Z", "actor_id": "u-x", "action": "patch",
         "detail": "subject, due_date"}]}
    window.pane.view.show_document(DocumentDetail.from_json(doc))
    assert "08:30 02/12/2026" in window.pane.view.comments.toPlainText()
    history = window.pane.view.history.toPlainText()
    assert "08:30 02/12/2026" in history and "due_date" not in history


def test_sample_directives_write_dates_as_dd_mm_yyyy(filled_profile: Any) -> None:
    import sqlite3

    profile = filled_profile(200, user="lanhdao")
    with sqlite3.connect(profile.db_path) as conn:
        texts = [t for (t,) in conn.execute("SELECT data FROM documents")]
    assert texts
    found = re.compile(r"trước ngày (\S+?)[.;]")
    dates = [m.group(1) for t in texts for m in found.finditer(t)]
    assert dates, "the sample directives name dates"
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", d) for d in dates), dates[:5]


def test_list_dates_are_day_month_year_and_odd_values_stay_as_written() -> None:
    from eoffice_client.ui.table_model import format_date

    assert format_date("2026-02-05") == "05/02/2026"
    assert format_date("2026-12-31T23:59:00+07:00") == "31/12/2026"
    assert format_date("0999-01-09") == "09/01/0999"
    assert format_date("") == "" and format_date(None) == ""
    assert format_date("05/02/2026") == "05/02/2026"  # not ISO: shown as the server wrote it
