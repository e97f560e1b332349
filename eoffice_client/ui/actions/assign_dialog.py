"""Assigning documents: people or units as chủ trì / phối hợp / nhận để biết, a deadline
and a directive (bút phê)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.records import Directory
from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.folding import fold
from eoffice_client.ui.actions.person_picker import person_choices
from eoffice_client.ui.dialogs.form import FormDialog
from eoffice_client.ui.dialogs.messages import dialog_buttons


class AssignDialog(FormDialog):
    """Pick people or units as chủ trì / phối hợp / nhận để biết, a deadline and a directive.
    Only people who can be assigned are listed, each with their title and unit; nobody
    has a role until the user gives one."""

    ROLES = ("lead", "support", "info")

    def __init__(self, directory: Directory, parent: QWidget | None = None,
                 count: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign"))
        self.candidates: list[tuple[str, str, str]] = []  # (type, id, name)
        for unit in sorted(directory.units.values(), key=lambda u: fold(u.name)):
            if unit.active:
                self.candidates.append(("unit", unit.id, self.tr("Unit: %1").replace(
                    "%1", unit.name)))
        for choice in person_choices(directory.people.values(), directory.units,
                                     lambda p: workflow.may_be_assigned(p.as_json())):
            self.candidates.append(("user", choice.id, choice.text))
        self.table = QTableWidget(len(self.candidates), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Person or unit"), self.tr("Role")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("People and units"))
        role_names = {"": self.tr("—"), "lead": self.tr("Lead (chủ trì)"),
                      "support": self.tr("Support (phối hợp)"),
                      "info": self.tr("For information")}
        self.role_boxes: list[QComboBox] = []
        for row, (_kind, _id, name) in enumerate(self.candidates):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            combo = QComboBox(self.table)
            for key in ("", *self.ROLES):
                combo.addItem(role_names[key], key)
            combo.setAccessibleName(self.tr("Role of %1").replace("%1", name))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.table.setCellWidget(row, 1, combo)
            self.role_boxes.append(combo)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a person or unit"))
        self.filter.setAccessibleName(self.tr("Find a person or unit"))
        self.filter.textChanged.connect(self._filter)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        today = today_vietnam() + dt.timedelta(days=7)
        self.due.setDate(QDate(today.year, today.month, today.day))
        self.due.setAccessibleName(self.tr("Deadline"))
        self.directive = QPlainTextEdit(self)
        self.directive.setTabChangesFocus(True)
        self.directive.setPlaceholderText(self.tr("Directive (bút phê), optional"))
        self.directive.setAccessibleName(self.tr("Directive"))
        self.directive.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        if count > 1:
            layout.addWidget(QLabel(self.tr("%n document(s) selected", "", count), self))
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("Directive"), self.directive)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Assign"), self.tr("Cancel")))
        self.resize(620, 560)

    def _filter(self, text: str) -> None:
        needle = fold(text)
        for row, (_k, _i, name) in enumerate(self.candidates):
            self.table.setRowHidden(row, bool(needle) and needle not in fold(name))

    def set_role(self, assignee_id: str, role: str) -> None:
        for row, (_k, candidate, _n) in enumerate(self.candidates):
            if candidate == assignee_id:
                self.role_boxes[row].setCurrentIndex(self.role_boxes[row].findData(role))

    def params(self) -> dict[str, Any]:
        due = self.due.date().toString("yyyy-MM-dd")
        items = []
        for (kind, assignee_id, _n), combo in zip(self.candidates, self.role_boxes, strict=True):
            role = combo.currentData()
            if role:
                items.append({"assignee_type": kind, "assignee_id": assignee_id, "role": role,
                              "due_date": due})
        params: dict[str, Any] = {"assignments": items}
        directive = self.directive.toPlainText().strip()
        if directive:
            params["directive"] = directive
        return params

    def problems(self) -> list[str]:
        if not any(a["role"] == "lead" for a in self.params()["assignments"]):
            return [self.tr("Choose at least one lead (chủ trì).")]
        return []
