"""One dashboard card: a large count and what it counts; a button, so a click, Enter or
Space opens its list and screen readers announce it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

CARD_STYLE = """
QPushButton#dashCard { background: #ffffff; border: 1px solid #d9dee4; border-radius: 6px;
                       text-align: left; padding: 0; }
QPushButton#dashCard:hover { background: #eef3f8; border-color: #9fb6cc; }
QPushButton#dashCard:focus { border: 2px solid #2f5d8a; }
QLabel#dashCount { font-size: 20pt; font-weight: 600; color: #12324f; }
QLabel#dashCount[alert="true"] { color: #b3261e; }
QLabel#dashTitle { font-weight: 600; color: #1f2933; }
QLabel#dashHint { color: #5f6b7a; }
"""


class Card(QPushButton):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("dashCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        self.count_label = QLabel("–", self)
        self.count_label.setObjectName("dashCount")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("dashTitle")
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("dashHint")
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        for label in (self.count_label, self.title_label, self.hint_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.count: int | None = None

    def set_texts(self, title: str, hint: str = "") -> None:
        self.title_label.setText(title)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.setAccessibleName(title)

    def set_count(self, count: int | None, alert: bool = False) -> None:
        self.count = count
        self.count_label.setText("–" if count is None else QLocale().toString(count))
        self.count_label.setProperty("alert", alert and bool(count))
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)
        self.setAccessibleDescription(self.count_label.text())
