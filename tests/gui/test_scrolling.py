"""Scrolling the document table: a wheel step moves the painted rows and paints only the
rows that come into view, and what the screen shows is what a full paint shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def _wheel_down(viewport: QWidget) -> None:
    centre = QPointF(viewport.rect().center())
    QApplication.sendEvent(viewport, QWheelEvent(
        centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))


def _on_screen(window: QWidget) -> QImage:
    """The window as the screen has it (the backing store: what was painted, moved)."""
    return window.screen().grabWindow(window.winId()).toImage()


def test_a_wheel_step_paints_only_the_rows_that_come_into_view(
        filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    window = open_window(filled_profile(300)).window
    table = window.documents.table
    viewport = table.viewport()
    qtbot.waitUntil(lambda: table.rowAt(0) == 0 and viewport.isVisible())
    QApplication.processEvents()
    paints = _Paints()
    viewport.installEventFilter(paints)
    for _ in range(5):
        first = table.rowAt(0)
        paints.rects.clear()
        _wheel_down(viewport)
        QApplication.processEvents()
        assert table.rowAt(0) == first + QApplication.wheelScrollLines()
        assert paints.rects, "nothing painted"
        painted = sum(rect.height() for rect in paints.rects)
        assert painted < viewport.height() / 2, [(r.y(), r.height()) for r in paints.rects]
    viewport.removeEventFilter(paints)
    assert _on_screen(window) == window.grab().toImage()
