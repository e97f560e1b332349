"""The inline PDF preview of the document pane: QPdfView with page navigation and zoom."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QIcon
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from eoffice_client.ui.resources import icon_path


class PdfPane(QWidget):
    """QPdfView with page navigation and zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Document preview"))
        self.prev_button = self._tool("prev", self.tr("Previous page"), self.previous_page)
        self.next_button = self._tool("next", self.tr("Next page"), self.next_page)
        self.zoom_out_button = self._tool("zoom-out", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._tool("zoom-in", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.fit_button.clicked.connect(self.fit_width)
        self.page_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._update_label)
        self.document.statusChanged.connect(self._update_label)
        self._update_label()

    def _tool(self, icon: str, text: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(QIcon(str(icon_path(icon))))
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def load(self, path: Path) -> bool:
        self.document.load(str(path))
        self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self._update_label()
        return self.document.status() == QPdfDocument.Status.Ready

    def clear(self) -> None:
        self.document.close()
        self._update_label()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def previous_page(self) -> None:
        self._go(self.current_page() - 1)

    def next_page(self) -> None:
        self._go(self.current_page() + 1)

    def _go(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._update_label()

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * 1.25)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / 1.25)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(factor, 5.0)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _update_label(self, *_: Any) -> None:
        count = self.document.pageCount()
        page = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(page)).replace(
            "%2", str(count)))
        self.prev_button.setEnabled(page > 1)
        self.next_button.setEnabled(0 < page < count)
