"""A page of a PDF with the place of a signature on it: the page rendered by QtPdf into
an image, the box drawn over it (with the signature image inside), and moved by
dragging. The box is kept in PDF points (origin lower left), as the signing engine
takes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from eoffice_client.core.app.signatures import PdfBox, SignaturePlace

BOX_COLOR = QColor("#1a56db")
PAGE_SHADOW = QColor("#9aa0a6")


class PlacePreview(QWidget):
    """Shows one :class:`SignaturePlace`; :attr:`moved` gives the box after a drag."""

    moved = Signal(object)  # PdfBox

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 480)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.place: SignaturePlace | None = None
        self.box: PdfBox | None = None
        self.stamp: QImage | None = None
        self._page: QImage | None = None
        self._rendered_for: tuple[Path, int, QSize] | None = None
        self._pdf = QPdfDocument(self)
        self._grab: QPointF | None = None
        self.message = ""

    def show_place(self, place: SignaturePlace | None, box: PdfBox | None = None,
                   image: Path | None = None, message: str = "") -> None:
        """The page of ``place`` with ``box`` (default: the place's own)."""
        self.place = place
        self.box = box or (place.box if place is not None else None)
        self.stamp = QImage(str(image)) if image is not None else None
        self.message = message
        self._page = None
        self._rendered_for = None
        if place is not None:
            self._pdf.close()
            self._pdf.load(str(place.pdf))
        self.update()

    # --- geometry ------------------------------------------------------------------------
    def _page_rect(self) -> QRectF:
        """Where the page is drawn: as large as fits, centred."""
        if self.place is None:
            return QRectF()
        margin = 8.0
        width, height = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(width / self.place.page_width, height / self.place.page_height)
        w, h = self.place.page_width * scale, self.place.page_height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _scale(self) -> float:
        return self._page_rect().width() / self.place.page_width if self.place else 1.0

    def box_rect(self) -> QRectF:
        """The box in widget pixels."""
        if self.place is None or self.box is None:
            return QRectF()
        page, scale = self._page_rect(), self._scale()
        return QRectF(page.left() + self.box.x1 * scale,
                      page.top() + (self.place.page_height - self.box.y2) * scale,
                      self.box.width * scale, self.box.height * scale)

    def move_box_by(self, dx_pixels: float, dy_pixels: float) -> None:
        """Moves the box (kept on the page) and tells :attr:`moved`."""
        if self.place is None or self.box is None:
            return
        scale = self._scale()
        box = self.box
        dx = max(-box.x1, min(dx_pixels / scale, self.place.page_width - box.x2))
        dy = max(-box.y1, min(-dy_pixels / scale, self.place.page_height - box.y2))
        self.box = PdfBox(box.page, box.x1 + dx, box.y1 + dy, box.x2 + dx, box.y2 + dy)
        self.update()
        self.moved.emit(self.box)

    # --- painting ------------------------------------------------------------------------
    def _rendered(self, size: QSize) -> QImage | None:
        if self.place is None:
            return None
        key = (self.place.pdf, self.place.page, size)
        if self._page is None or self._rendered_for != key:
            self._page = self._pdf.render(self.place.page, size)
            self._rendered_for = key
        return self._page if self._page is not None and not self._page.isNull() else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = self._page_rect()
        if self.place is None or page.isEmpty():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)
            painter.end()
            return
        painter.fillRect(page.translated(3, 3), PAGE_SHADOW)
        painter.fillRect(page, Qt.GlobalColor.white)
        image = self._rendered(page.size().toSize())
        if image is not None:
            painter.drawImage(page.topLeft(), image)
        self._paint_box(painter)
        painter.end()

    def _paint_box(self, painter: QPainter) -> None:
        rect = self.box_rect()
        if rect.isEmpty():
            return
        painter.fillRect(rect, QColor(26, 86, 219, 28))
        if self.stamp is not None and not self.stamp.isNull():
            painter.drawImage(rect, self.stamp)
        pen = QPen(BOX_COLOR, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)

    # --- dragging ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and \
                self.box_rect().contains(event.position()):
            self._grab = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is None:
            inside = self.box_rect().contains(event.position())
            self.setCursor(Qt.CursorShape.OpenHandCursor if inside else Qt.CursorShape.ArrowCursor)
            return
        delta = event.position() - self._grab
        self._grab = event.position()
        self.move_box_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
