"""The export dialog against the REAL sandbox: a clerk exports the incoming register as
.xlsx (read back with openpyxl against the cache), a bad period keeps the dialog and
its fields, a cancelled export leaves no file, and printing goes through PDF."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import DocumentQuery
from eoffice_client.ui.reports import open_export_dialog
from eoffice_client.ui.reports.export_dialog import ExportDialog, documents_folder
from tests.gui.conftest import sandbox, sandbox_factory, shoot
from tests.gui.dash_support import apps, runner, vietnamese

__all__ = ["apps", "runner", "sandbox", "sandbox_factory"]


@pytest.fixture
def clerk(sandbox_factory: Callable[..., Any], apps: Callable[[Any, str], App]) -> App:
    return apps(sandbox_factory(documents=60, seed=11), "vanthu")


def dialog_for(app: App, runner: Any, qtbot: Any) -> ExportDialog:
    vietnamese()
    dialog = open_export_dialog(app, runner)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def registered_incoming(app: App, start: dt.date, end: dt.date) -> list[str]:
    """Incoming documents with an arrival number whose arrival date is in the period,
    counted from the cache another way than the register does."""
    found = []
    for doc_id in app.reads.document_ids(DocumentQuery(box="incoming", limit=None)):
        doc = app.reads.document_json(doc_id) or {}
        day = doc.get("arrival_date")
        if doc.get("arrival_number") and day and start <= dt.date.fromisoformat(
                str(day)[:10]) <= end:
            found.append(f"{doc['arrival_number']}")
    return sorted(found)


def test_the_incoming_register_as_xlsx(clerk: App, runner: Any, qtbot: Any,
                                       tmp_path: Path) -> None:
    dialog = dialog_for(clerk, runner, qtbot)
    assert Path(dialog.path.text()).parent == documents_folder()
    assert dialog.path.text().endswith(".xlsx")
    start = clerk.reads.today() - dt.timedelta(days=400)
    dialog.date_from.setDate(QDate(start.year, start.month, start.day))
    out = tmp_path / "sổ đến.xlsx"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.open_button.isVisible() and dialog.print_button.isVisible()
    assert "Đã lưu" in dialog.status.text()
    shoot(dialog, "report-export-done")
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Ngày đến")
    assert rows[header + 1][:2] == ("(1)", "(2)")  # the column numbers under the headers
    numbers = sorted(str(row[1]) for row in rows[header + 2:] if row[1] is not None)
    assert numbers  # the sample has registered incoming documents
    assert numbers == registered_incoming(clerk, start, clerk.reads.today())
    assert dialog.written is not None and dialog.written.rows == len(numbers)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".eoffice-")]


def test_a_bad_period_keeps_the_dialog(clerk: App, runner: Any, qtbot: Any,
                                       tmp_path: Path) -> None:
    dialog = dialog_for(clerk, runner, qtbot)
    dialog.what.setCurrentIndex(dialog.what.findData("report"))
    assert dialog.unit_box.isVisible() and not dialog.register_box.isVisible()
    dialog.date_from.setDate(QDate(2026, 12, 1))
    dialog.date_to.setDate(QDate(2026, 11, 1))
    out = tmp_path / "out"
    out.mkdir()
    dialog.path.setText(str(out / "bao-cao.docx"))
    dialog.docx.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.task is None
    assert "kết thúc trước" in dialog.error.text()
    assert dialog.date_from.date() == QDate(2026, 12, 1)
    assert dialog.path.text() == str(out / "bao-cao.docx")
    shoot(dialog, "report-export-bad-period")
    assert not list(out.iterdir())


def test_a_cancelled_export_leaves_nothing(clerk: App, runner: Any, qtbot: Any,
                                           tmp_path: Path) -> None:
    dialog = dialog_for(clerk, runner, qtbot)
    out = tmp_path / "out"
    out.mkdir()
    dialog.path.setText(str(out / "so.xlsx"))
    dialog.start_export()
    assert dialog.task is not None and dialog.cancel_button.text() == "Huỷ"
    dialog.cancel_or_close()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert "Đã huỷ" in dialog.status.text()
    assert not list(out.iterdir())


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_printing_goes_through_pdf(clerk: App, runner: Any, qtbot: Any,
                                   tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = dialog_for(clerk, runner, qtbot)
    dialog.path.setText(str(tmp_path / "so-di.xlsx"))
    dialog.what.setCurrentIndex(dialog.what.findData("outgoing"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start_export()
    printed = tmp_path / "printed.pdf"

    def to_file(_parent: Any, _title: str, _pages: int) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    dialog.choose_printer = to_file
    dialog.print_file()
    qtbot.waitUntil(lambda: "máy in" in dialog.status.text() or bool(dialog.error.text()),
                    timeout=240000)
    assert not dialog.error.text()
    assert printed.read_bytes().startswith(b"%PDF-") and printed.stat().st_size > 10000


def test_the_report_of_one_unit_as_docx(clerk: App, runner: Any, qtbot: Any,
                                        tmp_path: Path) -> None:
    from docx import Document

    dialog = dialog_for(clerk, runner, qtbot)
    dialog.what.setCurrentIndex(dialog.what.findData("report"))
    dialog.unit_box.setCurrentIndex(1)
    unit_name = dialog.unit_box.currentText()
    dialog.docx.setChecked(True)
    assert dialog.path.text().endswith(".docx") and "bao-cao" in dialog.path.text()
    dialog.path.setText(str(tmp_path / "báo cáo.docx"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start_export()
    assert dialog.written is not None and dialog.written.rows is None
    text = "\n".join(p.text for p in Document(str(tmp_path / "báo cáo.docx")).paragraphs)
    assert unit_name in text


def test_printing_without_a_converter_says_so(clerk: App, runner: Any, qtbot: Any,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_for(clerk, runner, qtbot)
    dialog.path.setText(str(tmp_path / "so.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start_export()
    monkeypatch.setattr(clerk.reports, "converter", lambda: None)
    dialog.print_file()
    assert dialog.task is None and "LibreOffice" in dialog.error.text()
    assert dialog.open_button.isVisible()  # opening the file is still offered
