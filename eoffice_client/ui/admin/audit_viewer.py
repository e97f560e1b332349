"""Help > "Audit trail…": the profile's local audit trail in a table, with the state of its
hash chain (intact, or the first bad entry named and marked).

The trail is read and verified on a worker thread (it may hold tens of thousands of
entries); the table shows the newest entry first and filters as the person types, without
diacritics or case mattering.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.admin.audit_rows import (
    AuditRow,
    TrailSnapshot,
    check_text,
    filtered,
    load_trail,
    preload_trail_modules,
    rows_for,
)
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App

LOG = logging.getLogger("eoffice.ui.admin.audit")
FILTER_DELAY_MS = 200
BAD_ROW = QColor("#fde8e8")
ModelIndex = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """The rows shown, newest first."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: r.seq, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time (Vietnam)"), self.tr("Action"), self.tr("Document"),
                self.tr("User"), self.tr("Result"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.time, row.action, row.document, row.user, row.result)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return self.tr("Entry %1, %2 UTC").replace("%1", str(row.seq)).replace(
                    "%2", row.utc_time)
            if index.column() == 2 and row.document_id:
                return f"{row.document}\n{row.document_id}"
        if role == Qt.ItemDataRole.BackgroundRole and row.bad:
            return BAD_ROW
        return None


class AuditViewer(QDialog):
    """The trail, its chain's state, and a filter box."""

    def __init__(self, app_getter: Callable[[], App | None], runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditViewer")
        self._app_getter, self._runner = app_getter, runner
        self._all: list[AuditRow] = []
        self.snapshot: TrailSnapshot | None = None
        self.check_label = QLabel(self)
        self.check_label.setObjectName("auditCheck")
        self.check_label.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self._build_table()
        self.buttons = QDialogButtonBox(self)
        self.refresh_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole)
        self._lay_out()
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.refresh_button.clicked.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(980, 560)

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((180, 250, 290, 110)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        self.filter.setPlaceholderText(self.tr("Filter by text (action, document, user…)"))
        self.refresh_button.setText(self.tr("Read again"))
        self.close_button.setText(self.tr("Close"))
        if self.snapshot is None:
            self._show_state(self.tr("Reading and checking the audit trail…"), None)

    # --- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Reads and verifies the trail off the GUI thread."""
        app = self._app_getter()
        if app is None:
            self._show_state(self.tr("The profile is still opening; try again in a moment."),
                             False)
            return
        self.refresh_button.setEnabled(False)
        self._show_state(self.tr("Reading and checking the audit trail…"), None)
        preload_trail_modules(app)
        self._runner.run(lambda _task: load_trail(app), self._loaded, self._failed,
                         label=self.tr("Reading the audit trail…"))

    def _loaded(self, snapshot: TrailSnapshot) -> None:
        self.refresh_button.setEnabled(True)
        self.snapshot = snapshot
        self._all = snapshot.rows or rows_for(snapshot)
        self._show_state(check_text(snapshot.check), snapshot.check.ok)
        self._apply_filter()
        self._select_first_bad()

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        LOG.warning("the audit trail could not be read: %r", exc)
        self._show_state(self.tr("The audit trail could not be read: %1").replace(
            "%1", error_text(exc)), False)

    def _show_state(self, text: str, ok: bool | None) -> None:
        self.check_label.setText(text)
        state = "pending" if ok is None else ("intact" if ok else "broken")
        self.check_label.setProperty("state", state)
        colours = {"pending": "#eef2f6", "intact": "#e6f4ea", "broken": "#fde8e8"}
        border = {"pending": "#d9dee4", "intact": "#9ccfa8", "broken": "#e8a3a3"}
        self.check_label.setStyleSheet(
            f"QLabel#auditCheck {{ background: {colours[state]}; border: 1px solid "
            f"{border[state]}; border-radius: 4px; padding: 8px; }}")

    # --- filter ------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        shown = filtered(self._all, self.filter.text())
        self.model.set_rows(shown)
        self.count_label.setText(self.tr("%n entry(ies) shown", "", len(shown)))

    def _select_first_bad(self) -> None:
        bad = [i for i, row in enumerate(self.model.rows) if row.bad]
        if bad:
            index = self.model.index(bad[-1], 0)  # newest first: the first bad is the last
            self.table.scrollTo(index)
            self.table.selectRow(index.row())


def show_audit_viewer(app_getter: Callable[[], App | None], runner: TaskRunner,
                      parent: QWidget | None = None) -> AuditViewer:
    """Opens the viewer (not modal: the window stays usable) and starts reading."""
    viewer = AuditViewer(app_getter, runner, parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    viewer.load()
    return viewer
