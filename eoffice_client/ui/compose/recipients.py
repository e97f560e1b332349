"""Nơi nhận: organisations and units of the directory, ticked in a filterable list, plus
free lines for anyone else; the renderer adds "Lưu: VT, <drafting unit>" at the end."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.domain.folding import fold

#: Rows of the list shown without scrolling (the rest scrolls).
LIST_ROWS = 6
#: The org_id of a recipient outside the directory (a free line). The contract names
#: none; the server requires a non-empty one (a question for the contract's owners).
OUTSIDE_ID = "outside"


class RecipientsFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(self.fontMetrics().height() * LIST_ROWS)
        self.free_caption = QLabel(self)
        self.free = QPlainTextEdit(self)
        self.free.setTabChangesFocus(True)
        self.free.setFixedHeight(self.fontMetrics().height() * 4)
        self.free_caption.setBuddy(self.free)
        self.keep_note = QLabel(self)
        self.keep_note.setObjectName("hint")
        self.keep_note.setWordWrap(True)
        self._unit_code = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.free_caption)
        layout.addWidget(self.free)
        layout.addWidget(self.keep_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Find a unit or organisation"))
        self.filter.setAccessibleName(self.tr("Find a unit or organisation"))
        self.list.setAccessibleName(self.tr("Recipients from the directory"))
        self.free_caption.setText(self.tr("Other recipients, one per line:"))
        self.free.setAccessibleName(self.tr("Other recipients"))
        self.set_drafting_unit(self._unit_code)

    def set_choices(self, entries: Sequence[tuple[str, str]]) -> None:
        """``(id, name)`` of the organisations and units a document may go to."""
        ticked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                  if item.checkState() == Qt.CheckState.Checked}
        self.list.clear()
        for entry_id, name in entries:
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry_id in ticked
                               else Qt.CheckState.Unchecked)

    def set_drafting_unit(self, code: str) -> None:
        self._unit_code = code
        kept = f"Lưu: VT, {code}." if code else "Lưu: VT."
        self.keep_note.setText(self.tr("The list ends with «%1», added when the document "
                                       "is made.").replace("%1", kept))

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        for item in self._items():
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def load(self, recipients: object) -> None:
        by_id = {item.data(Qt.ItemDataRole.UserRole): item for item in self._items()}
        free: list[str] = []
        for entry in recipients if isinstance(recipients, list) else []:
            if not isinstance(entry, dict):
                continue
            item = by_id.get(entry.get("org_id"))
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)
            elif entry.get("org_name"):
                free.append(str(entry["org_name"]))
        self.free.setPlainText("\n".join(free))

    def value(self) -> list[JsonObject]:
        """The contract's recipients: the ticked entries, then the free lines."""
        chosen: list[JsonObject] = [
            {"org_id": str(item.data(Qt.ItemDataRole.UserRole)), "org_name": item.text()}
            for item in self._items() if item.checkState() == Qt.CheckState.Checked]
        for line in self.free.toPlainText().splitlines():
            name = " ".join(line.split()).lstrip("-–• ").rstrip(";.,")
            if name:
                chosen.append({"org_id": OUTSIDE_ID, "org_name": name})
        return chosen

    def set_read_only(self, read_only: bool) -> None:
        self.free.setReadOnly(read_only)
        flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.NoItemFlags if read_only
                                             else Qt.ItemFlag.ItemIsUserCheckable)
        for item in self._items():
            item.setFlags(flags)
            item.setHidden(read_only and item.checkState() != Qt.CheckState.Checked)
