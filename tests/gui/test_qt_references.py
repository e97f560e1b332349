"""PySide6 must not drop references to None, True and False: 6.12 did on CPython 3.11
(the process aborts with "deallocating None" after enough calls), which is why
pyproject.toml pins 6.11.3 there. From CPython 3.12 on these objects are immortal and
their count does not move, so the test passes there whatever PySide6 does."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

CALLS = 10_000
#: a few references may come and go meanwhile (caches, the garbage collector)
TOLERANCE = 50


class Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 3

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 2

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None if role != Qt.ItemDataRole.DisplayRole else f"{index.row()}"


def drift(call: Callable[[], None]) -> dict[str, int]:
    before = {name: sys.getrefcount(value) for name, value in
              (("None", None), ("True", True), ("False", False))}
    for _ in range(CALLS):
        call()
    return {name: sys.getrefcount(value) - before[name] for name, value in
            (("None", None), ("True", True), ("False", False))}


def test_the_qt_calls_we_use_keep_none_true_and_false(qtbot: QtBot) -> None:
    label, edit, box, timer = QLabel(), QLineEdit(), QCheckBox(), QTimer()
    view = QTableView()
    model = Model()
    view.setModel(model)
    qtbot.addWidget(view)
    index = model.index(1, 1)

    def calls() -> None:
        label.setText("x")
        label.isVisible()
        label.setEnabled(True)
        label.isEnabled()
        edit.hasFocus()
        box.setChecked(False)
        box.isChecked()
        timer.isActive()
        index.isValid()
        model.data(index, Qt.ItemDataRole.ToolTipRole)
        model.headerData(0, Qt.Orientation.Horizontal)
        view.isColumnHidden(0)
        view.selectionModel().isSelected(index)

    changes = drift(calls)
    assert all(abs(change) <= TOLERANCE for change in changes.values()), changes
