"""A small bar chart painted with QPainter: no QtCharts, so the lean install keeps its size.

Bars are horizontal (long labels such as unit names, one per line) or vertical (short
labels: age buckets, weeks). Each bar is clickable and reachable by keyboard (arrows
move, Enter or Space opens); its tooltip tells its label and count.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOR = QColor("#2f5d8a")
HOVER_COLOR = QColor("#4a7fb3")
ALERT_COLOR = QColor("#b3261e")
AXIS_COLOR = QColor("#c5ccd4")
TEXT_COLOR = QColor("#1f2933")
HINT_COLOR = QColor("#5f6b7a")
ROW_HEIGHT = 24
MAX_ROWS = 8
MAX_BAR_WIDTH = 56.0


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    tooltip: str = ""


class BarChart(QWidget):
    """``barClicked(index)``: the bar at ``index`` of :meth:`set_bars` was chosen."""

    barClicked = Signal(int)

    def __init__(self, horizontal: bool, color: QColor = BAR_COLOR,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal, self.color = horizontal, color
        self.bars: list[Bar] = []
        self.empty_text = ""
        self._hover = -1
        self._current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self.bars = bars[:MAX_ROWS] if self.horizontal else bars
        self.empty_text = empty_text
        self._hover = -1
        self._current = min(self._current, len(self.bars) - 1)
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 3)
        return QSize(360, rows * ROW_HEIGHT + 16 if self.horizontal else 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 120)

    # --- geometry -------------------------------------------------------------------------
    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (also what a click hits)."""
        if not self.bars:
            return []
        top = max((b.count for b in self.bars), default=0) or 1
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.horizontal:
            label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 10,
                          area.width() * 0.45)
            count_w = metrics.horizontalAdvance("00000") + 6
            span = max(area.width() - label_w - count_w, 1.0)
            height = min(ROW_HEIGHT, area.height() / len(self.bars))
            return [QRectF(area.left() + label_w, area.top() + i * height + 3,
                           max(span * b.count / top, 2.0 if b.count else 0.0), height - 6)
                    for i, b in enumerate(self.bars)]
        label_h, count_h = metrics.height() + 6, metrics.height() + 2
        span = max(area.height() - label_h - count_h, 1.0)
        width = area.width() / len(self.bars)
        bottom = area.bottom() - label_h
        rects = []
        for i, bar in enumerate(self.bars):
            height = max(span * bar.count / top, 2.0 if bar.count else 0.0)
            bar_w = min(width * 0.64, MAX_BAR_WIDTH)
            rects.append(QRectF(area.left() + i * width + (width - bar_w) / 2, bottom - height,
                                bar_w, height))
        return rects

    def index_at(self, point: QPointF) -> int:
        """The bar under ``point`` (its whole row or column, so short bars are easy to hit)."""
        for i, rect in enumerate(self.bar_rects()):
            if self.horizontal and rect.top() - 3 <= point.y() <= rect.bottom() + 3:
                return i
            if not self.horizontal and rect.left() <= point.x() <= rect.right():
                return i
        return -1

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars or not any(b.count for b in self.bars):
            painter.setPen(HINT_COLOR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        metrics = QFontMetrics(self.font())
        for i, (bar, rect) in enumerate(zip(self.bars, self.bar_rects(), strict=True)):
            chosen = i in (self._hover, self._current if self.hasFocus() else -1)
            painter.fillRect(rect, HOVER_COLOR if chosen else self.color)
            painter.setPen(TEXT_COLOR)
            if self.horizontal:
                self._paint_row(painter, metrics, bar, rect)
            else:
                self._paint_column(painter, metrics, bar, rect)
        if not self.horizontal:
            painter.setPen(AXIS_COLOR)
            base = self.bar_rects()[0].bottom()
            painter.drawLine(QPointF(6, base), QPointF(self.width() - 6, base))

    def _paint_row(self, painter: QPainter, metrics: QFontMetrics, bar: Bar,
                   rect: QRectF) -> None:
        label_box = QRectF(6, rect.top() - 3, rect.left() - 12, rect.height() + 6)
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                   int(label_box.width()))
        painter.drawText(label_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         label)
        painter.drawText(QRectF(rect.right() + 4, rect.top() - 3, 60, rect.height() + 6),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         str(bar.count))

    def _paint_column(self, painter: QPainter, metrics: QFontMetrics, bar: Bar,
                      rect: QRectF) -> None:
        slot = self.width() / max(len(self.bars), 1)
        column = QRectF(rect.center().x() - slot / 2, 0, slot, 0)
        count_box = QRectF(column.left(), rect.top() - metrics.height() - 2, column.width(),
                           metrics.height())
        painter.drawText(count_box, Qt.AlignmentFlag.AlignCenter, str(bar.count))
        label_box = QRectF(column.left(), rect.bottom() + 4, column.width(), metrics.height())
        painter.setPen(HINT_COLOR)
        painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(
            bar.label, Qt.TextElideMode.ElideRight, int(column.width())))

    # --- input ----------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0
                           else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self._current = index
            self.barClicked.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1,
                Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if step is not None and self.bars:
            self._current = max(0, min(len(self.bars) - 1, self._current + step))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and (
                0 <= self._current < len(self.bars)):
            self.barClicked.emit(self._current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current < 0 and self.bars:
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            index = self.index_at(QPointF(event.pos()))
            if index >= 0:
                bar = self.bars[index]
                QToolTip.showText(event.globalPos(), bar.tooltip or f"{bar.label}: {bar.count}",
                                  self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
