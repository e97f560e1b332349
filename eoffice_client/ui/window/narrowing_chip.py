"""The chip above the document table that says how the dashboard narrowed the list
("Đơn vị: Phòng Kinh tế ✕"); its ✕ removes the narrowing and the whole box shows again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

CHIP_STYLE = (
    "QFrame#narrowingChip { background: #e8f0fb; border: 1px solid #b7cbe8; "
    "border-radius: 10px; }"
    "QFrame#narrowingChip QLabel { color: #1f3b63; }"
    "QFrame#narrowingChip QToolButton { border: none; padding: 0 2px; color: #1f3b63; }"
    "QFrame#narrowingChip QToolButton:hover { color: #b3261e; }")


class NarrowingChip(QWidget):
    """Hidden until :meth:`show_text`; ``removed`` when the user clicks its ✕."""

    removed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.frame = QFrame(self)
        self.frame.setObjectName("narrowingChip")
        self.frame.setStyleSheet(CHIP_STYLE)
        self.label = QLabel(self.frame)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QToolButton(self.frame)
        self.remove_button.setText("✕")
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.clicked.connect(self.removed)
        inner = QHBoxLayout(self.frame)
        inner.setContentsMargins(10, 2, 4, 2)
        inner.setSpacing(4)
        inner.addWidget(self.label)
        inner.addWidget(self.remove_button)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 4)
        outer.addWidget(self.frame)
        outer.addStretch(1)
        self.setVisible(False)
        self.retranslate()

    @property
    def text(self) -> str:
        return self.label.text()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.frame.setAccessibleName(text)
        self.setVisible(True)

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)

    def retranslate(self) -> None:
        tip = self.tr("Show the whole box again")
        self.remove_button.setToolTip(tip)
        self.remove_button.setAccessibleName(tip)
