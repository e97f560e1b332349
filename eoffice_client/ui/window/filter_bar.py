"""The filters above the document table: type, urgency, secrecy, status and a date range
(hidden until the user asks for them with Tools > Filters)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QPushButton, QWidget

from eoffice_client.core.app.records import Directory
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.enums import SECRECY_LABELS, STATUS_LABELS, URGENCY_LABELS, label

#: the date range the filter starts with: the last month
DEFAULT_DAYS_BACK = 30


class FilterBar(QWidget):
    """``changed`` whenever a filter changes; ``values()`` gives DocumentQuery's filter fields."""

    changed = Signal()
    clearRequested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.directory = Directory()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.type_code = QComboBox(self)
        self.urgency = QComboBox(self)
        self.secrecy = QComboBox(self)
        self.status = QComboBox(self)
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            layout.addWidget(combo)
        self.dates = QCheckBox(self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        today = today_vietnam()
        for edit, day in ((self.date_from, today - dt.timedelta(days=DEFAULT_DAYS_BACK)),
                          (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.dates.toggled.connect(self.date_from.setEnabled)
        self.dates.toggled.connect(self.date_to.setEnabled)
        self.dates.toggled.connect(lambda _on: self.changed.emit())
        layout.addWidget(self.dates)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clearRequested)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setVisible(False)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.type_code, self.urgency, self.secrecy, self.status)

    def values(self) -> dict[str, Any]:
        """DocumentQuery's filter fields."""
        dates = self.dates.isChecked()
        return {
            "type_code": self.type_code.currentData(),
            "urgency": self.urgency.currentData(),
            "secrecy": self.secrecy.currentData(),
            "status": self.status.currentData(),
            "date_from": self.date_from.date().toPython() if dates else None,
            "date_to": self.date_to.date().toPython() if dates else None,
        }

    def is_filtered(self) -> bool:
        return self.dates.isChecked() or any(
            combo.currentData() is not None for combo in self._combos())

    def clear(self) -> None:
        """Every filter back to "any", without a ``changed`` for each of them."""
        for widget in (*self._combos(), self.dates):
            widget.blockSignals(True)
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in (*self._combos(), self.dates):
            widget.blockSignals(False)

    def set_directory(self, directory: Directory) -> None:
        """The document types come from the organisation's catalogue."""
        self.directory = directory
        self._fill_combos()

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.clear_button.setText(self.tr("Clear filters"))
        self.dates.setText(self.tr("Dates"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self._fill_combos()

    def _fill_combos(self) -> None:
        types = sorted(((t.name, code) for code, t in self.directory.types.items()),
                       key=lambda pair: pair[0].casefold())
        specs: list[tuple[QComboBox, str, list[tuple[str, Any]]]] = [
            (self.type_code, self.tr("All types"), types),
            (self.urgency, self.tr("Any urgency"),
             [(label(URGENCY_LABELS, v, self.lang), v) for v in range(5)]),
            (self.secrecy, self.tr("Any secrecy"),
             [(label(SECRECY_LABELS, v, self.lang), v) for v in range(4)]),
            (self.status, self.tr("Any status"),
             [(label(STATUS_LABELS, s, self.lang), s) for s in STATUS_LABELS]),
        ]
        for combo, everything, items in specs:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.setAccessibleName(everything)
            combo.blockSignals(False)
