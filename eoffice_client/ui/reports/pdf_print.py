"""Printing a PDF (an exported register or report turned into PDF) with QPrinter: each
page rendered by QPdfDocument at the printer's resolution, fitted to its page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

#: rendering resolution cap: a 600 dpi A4 page is already ~35 million pixels
MAX_DPI = 300


def choose_printer(parent: QWidget | None, title: str, pages: int) -> QPrinter | None:
    """The system print dialog (landscape A4 preselected, as the registers are laid out)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFromTo(1, max(pages, 1))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def page_count(pdf: Path) -> int:
    document = QPdfDocument()
    document.load(str(pdf))
    count = document.pageCount()
    document.close()
    return count


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Prints ``pdf`` on ``printer`` (its page range if one is chosen); the pages printed,
    0 when the PDF cannot be read."""
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        return 0
    first, last = printer.fromPage() or 1, printer.toPage() or document.pageCount()
    pages = range(max(first, 1) - 1, min(last, document.pageCount()))
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    printed = 0
    try:
        for index in pages:
            if printed:
                printer.newPage()
            _draw_page(painter, printer, document, index)
            printed += 1
    finally:
        painter.end()
        document.close()
    return printed


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument,
               index: int) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    size = document.pagePointSize(index)
    dpi = min(printer.resolution(), MAX_DPI)
    rendered = document.render(index, QSize(int(size.width() * dpi / 72),
                                            int(size.height() * dpi / 72)))
    if rendered.isNull():
        return
    fitted = rendered.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(0, 0, fitted.width(), fitted.height())
    target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
    painter.drawImage(target, rendered)

