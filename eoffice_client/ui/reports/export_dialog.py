"""Export a Decree-30 register or the processing report as .xlsx or .docx, then open or
print it.

Everything runs in the background (TaskRunner) with a busy bar and Cancel; the file is
proposed in the user's Documents folder. Printing turns the .docx into PDF with the
core's converter (LibreOffice, or Word) and prints that PDF with QPrinter; without a
converter the dialog says so and offers to open the file instead. Bad input (a period
that ends before it starts, no file name) is said in the dialog, which keeps its fields.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.reports import jobs
from eoffice_client.ui.reports.jobs import ExportDone, ExportRequest, What
from eoffice_client.ui.tasks import Cancelled, Task, TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from eoffice_client.core.app.application import App

#: (parent, title, pages) -> a printer, None when the user cancels (tests give their own)
PrinterChooser = Callable[[QWidget, str, int], "QPrinter | None"]


def documents_folder() -> Path:
    """The user's Documents folder (Tài liệu), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportDialog(QDialog):
    """``exported(Path)``: a file was written (the lead may show it in the status bar)."""

    exported = Signal(object)

    def __init__(self, app: App, runner: TaskRunner, what: What = "incoming",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.runner = app, runner
        self.task: Task | None = None
        self.written: ExportDone | None = None
        self.request: ExportRequest | None = None
        self.print_folder: Path | None = None
        self.printable_pdf: Path | None = None
        self.choose_printer: PrinterChooser | None = None  # None: the system print dialog
        self._suggested = ""
        self.setWindowTitle(self.tr("Export a register or report"))
        self.setMinimumWidth(620)
        self._build()
        self.what.setCurrentIndex(max(self.what.findData(what), 0))
        self._what_changed()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.what = QComboBox(self)
        for key, text in (("incoming", self.tr("Register of incoming documents")),
                          ("outgoing", self.tr("Register of outgoing documents")),
                          ("tracking", self.tr("Register tracking incoming documents")),
                          ("report", self.tr("Report on document processing"))):
            self.what.addItem(text, key)
        self.what.currentIndexChanged.connect(self._what_changed)
        self.register_box, self.unit_box = QComboBox(self), QComboBox(self)
        self._fill_choices()
        today = self.app.reads.today()
        self.date_from = self._date_edit(dt.date(today.year, 1, 1))
        self.date_to = self._date_edit(today)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._suggest_name)
        self.xlsx, self.docx = QRadioButton(".xlsx (Excel)"), QRadioButton(".docx (Word)")
        self.xlsx.setChecked(True)
        self.formats = QButtonGroup(self)
        for button in (self.xlsx, self.docx):
            self.formats.addButton(button)
            button.toggled.connect(self._suggest_name)
        formats = QHBoxLayout()
        formats.addWidget(self.xlsx)
        formats.addWidget(self.docx)
        formats.addStretch(1)
        self.path = QLineEdit(self)
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–"))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("What"), self.what)
        self.register_label, self.unit_label = QLabel(self.tr("Register")), QLabel(
            self.tr("Unit"))
        form.addRow(self.register_label, self.register_box)
        form.addRow(self.unit_label, self.unit_box)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Format"), formats)
        form.addRow(self.tr("File"), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self._status_area())
        layout.addLayout(self._buttons())

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _status_area(self) -> QVBoxLayout:
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # the core writes in one go: a busy bar
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        area = QVBoxLayout()
        for widget in (self.progress, self.status, self.error):
            area.addWidget(widget)
        return area

    def _buttons(self) -> QHBoxLayout:
        self.open_button = QPushButton(self.tr("Open the file"), self)
        self.open_button.clicked.connect(self.open_file)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_file)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setProperty("primary", True)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.cancel_button)
        self.open_button.hide()
        self.print_button.hide()
        return row

    def _fill_choices(self) -> None:
        directory = self.app.reads.directory()
        self.registers = directory.registers
        self.unit_box.addItem(self.tr("The whole organisation"), None)
        for unit in sorted(directory.units.values(), key=lambda u: u.name):
            if unit.active:
                self.unit_box.addItem(unit.name or unit.id, unit.id)

    def _what_changed(self) -> None:
        what = self.current_what()
        wanted = "outgoing" if what == "outgoing" else "incoming"
        self.register_box.clear()
        self.register_box.addItem(self.tr("Every register"), None)
        for info in sorted(self.registers.values(), key=lambda r: (-(r.year or 0), r.name)):
            if info.direction == wanted:
                self.register_box.addItem(info.name or info.id, info.id)
        is_report = what == "report"
        for widget in (self.register_label, self.register_box):
            widget.setVisible(not is_report)
        for widget in (self.unit_label, self.unit_box):
            widget.setVisible(is_report)
        self._suggest_name()

    # --- reading the form -----------------------------------------------------------------
    def current_what(self) -> What:
        return cast(What, self.what.currentData())

    def fmt(self) -> str:
        return "docx" if self.docx.isChecked() else "xlsx"

    def period(self) -> tuple[dt.date, dt.date]:
        return (self.date_from.date().toPython(), self.date_to.date().toPython())  # type: ignore[return-value]

    def _suggest_name(self) -> None:
        """A name from what, period and format, in the folder of the current one; a name
        the user typed or chose keeps its stem and only follows the format."""
        start, end = self.period()
        text = self.path.text().strip()
        if not text or text == self._suggested:
            folder = Path(text).parent if text else documents_folder()
            self._suggested = str(folder / jobs.suggested_name(self.current_what(), start,
                                                               end, self.fmt()))
            self.path.setText(self._suggested)
        else:
            self.path.setText(str(Path(text).with_suffix(f".{self.fmt()}")))

    def choose_file(self) -> None:
        start = self.path.text().strip() or str(documents_folder())
        wanted = "Excel (*.xlsx)" if self.fmt() == "xlsx" else "Word (*.docx)"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), start, wanted)
        if chosen:
            path = Path(chosen)
            self.path.setText(str(path if path.suffix.lower() == f".{self.fmt()}"
                                  else path.with_suffix(f".{self.fmt()}")))

    def build_request(self) -> ExportRequest | None:
        """The request, or None after saying in the dialog what is wrong."""
        start, end = self.period()
        if end < start:
            self.show_error(self.tr("The period ends before it starts: choose a 'to' date on "
                                    "or after the 'from' date."))
            self.date_to.setFocus()
            return None
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Choose where to save the file."))
            self.path.setFocus()
            return None
        out = Path(text).expanduser()
        if out.suffix.lower() != f".{self.fmt()}":
            out = out.with_name(out.name + f".{self.fmt()}")
        if out.is_dir():
            self.show_error(self.tr("«%1» is a folder: give a file name.").replace("%1", str(out)))
            return None
        is_report = self.current_what() == "report"
        return ExportRequest(self.current_what(), start, end, self.fmt(), out,
                             register_id=None if is_report else self.register_box.currentData(),
                             unit_id=self.unit_box.currentData() if is_report else None)

    # --- running --------------------------------------------------------------------------
    def start_export(self) -> None:
        if self.task is not None:
            return
        request = self.build_request()
        if request is None:
            return
        self.request, self.written = request, None
        self.show_error("")
        self.open_button.hide()
        self.print_button.hide()
        self._running(self.tr("Exporting…"))
        self.task = self.runner.run(lambda task: jobs.export(self.app, request, task),
                                    self._exported, self._failed, label="export",
                                    show_progress=False)

    def _running(self, text: str) -> None:
        self.progress.show()
        self.status.setText(text)
        self.cancel_button.setText(self.tr("Cancel"))
        for widget in (self.export_button, self.what, self.path, self.browse):
            widget.setEnabled(False)

    def _idle(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        for widget in (self.export_button, self.what, self.path, self.browse):
            widget.setEnabled(True)

    def _exported(self, done: ExportDone) -> None:
        self._idle()
        self.written = done
        text = self.tr("Saved: %1").replace("%1", str(done.path))
        if done.rows is not None:
            text += " " + self.tr("(%1 documents)").replace("%1", str(done.rows))
        self.status.setText(text)
        self.open_button.show()
        self.print_button.show()
        self.open_button.setFocus()
        self.exported.emit(done.path)

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was saved."))
            return
        self.status.setText("")
        self.show_error(error_text(exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None:  # Esc or the window's close button while it runs
            self.task.cancel()
            return
        self._drop_print_folder()
        super().reject()

    # --- after the export -----------------------------------------------------------------
    def open_file(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.path)))

    def print_file(self) -> None:
        """Converts to PDF in the background, then the print dialog."""
        request = self.request
        if request is None or self.written is None or self.task is not None:
            return
        if self.app.reports.converter() is None:
            self.show_error(self.tr("Printing needs LibreOffice (or Microsoft Word) to turn "
                                    "the file into PDF, and neither is installed. Open the "
                                    "file and print it from its own program."))
            return
        self._drop_print_folder()
        folder = Path(tempfile.mkdtemp(prefix="eoffice-print-"))
        self.print_folder = folder
        self.show_error("")
        self._running(self.tr("Preparing to print…"))
        self.task = self.runner.run(lambda task: jobs.printable(self.app, request, folder, task),
                                    self._printable, self._failed, label="print",
                                    show_progress=False)

    def _printable(self, pdf: Path) -> None:
        from eoffice_client.ui.reports.pdf_print import choose_printer, page_count, print_pdf

        self._idle()
        pages = page_count(pdf)
        self.status.setText(self.tr("Ready to print: %1 pages.").replace("%1", str(pages)))
        self.printable_pdf = pdf
        chooser = self.choose_printer or choose_printer
        printer = chooser(self, self.tr("Print"), pages)
        if printer is not None:
            printed = print_pdf(pdf, printer)
            self.status.setText(self.tr("Sent %1 pages to the printer.").replace(
                "%1", str(printed)))

    def _drop_print_folder(self) -> None:
        if self.print_folder is not None:
            shutil.rmtree(self.print_folder, ignore_errors=True)
            self.print_folder = None
