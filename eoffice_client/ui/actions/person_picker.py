"""Choosing one person: a search box (with or without diacritics) over a list that shows
each person's title and unit; nobody is chosen until the user clicks one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from eoffice_client.core.app.records import Person, UnitInfo
from eoffice_client.core.domain.folding import fold

#: rows of the list shown without scrolling
VISIBLE_ROWS = 7
#: the widest the list asks to be (a long title and unit are elided beyond it)
MAX_WIDTH = 720


@dataclass(frozen=True)
class Choice:
    """One person or unit to choose: its id, its name and what tells it apart."""

    id: str
    name: str
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.name} — {self.detail}" if self.detail else self.name

    def matches(self, needle: str) -> bool:
        """``needle`` folded (no diacritics, no case) is in the name, title or unit."""
        return not needle or needle in fold(self.text)


def person_choices(people: Iterable[Person], units: Mapping[str, UnitInfo],
                   keep: Callable[[Person], bool]) -> list[Choice]:
    """The people ``keep`` lets through, by name, each with their title and unit."""
    choices = []
    for person in people:
        if not person.id or not keep(person):
            continue
        unit = units.get(person.unit_id or "")
        detail = ", ".join(part for part in (person.title, unit.name if unit else "") if part)
        choices.append(Choice(person.id, person.full_name or person.username or person.id,
                              detail))
    return sorted(choices, key=lambda c: fold(c.name))


class PersonPicker(QWidget):
    """``current_id()`` is the chosen person's id, None while nobody is chosen."""

    def __init__(self, choices: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type a name (diacritics optional)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        for choice in choices:
            item = QListWidgetItem(choice.text)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setToolTip(choice.text)
            self.list.addItem(item)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tool tip has it all
        widest = max((self.fontMetrics().horizontalAdvance(c.text) for c in choices),
                     default=0)
        self.list.setMinimumWidth(min(widest + 40, MAX_WIDTH))
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        row = max(self.list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.list.setMinimumHeight(row * min(VISIBLE_ROWS, max(3, len(choices))) + 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.search)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.search.setAccessibleName(name)
        self.list.setAccessibleName(name)

    def current_id(self) -> str | None:
        selected = self.list.selectedItems()
        if not selected or selected[0].isHidden():
            return None
        return str(selected[0].data(Qt.ItemDataRole.UserRole))

    def choose(self, person_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentItem(item)
                item.setSelected(True)

    def visible_ids(self) -> list[str]:
        return [str(self.list.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        for choice, row in zip(self.choices, range(self.list.count()), strict=True):
            self.list.item(row).setHidden(not choice.matches(needle))
