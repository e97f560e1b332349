"""The signer block of the compose form: thẩm quyền (TM., KT., TL., TUQ., Q. or none),
chức vụ and họ tên, the person chosen from the directory's leaders (or typed in for
someone outside it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import JsonObject
from eoffice_client.ui.compose.fields import add_rows, combo_select

#: The competences of contract section 4 with how Decree 30 prints them.
COMPETENCES: tuple[tuple[str, str], ...] = (
    ("TM", "TM."), ("KT", "KT."), ("TL", "TL."), ("TUQ", "TUQ."), ("Q", "Q."))
OUTSIDE = "__outside__"


class SignerFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._leaders: dict[str, Person] = {}
        self.person = QComboBox(self)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.competence = QComboBox(self)
        self.position = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.captions = add_rows(self.form, (self.person, self.competence, self.position,
                                             self.full_name))
        self.retranslate()

    def retranslate(self) -> None:
        captions = (self.tr("Signer"), self.tr("Authority"), self.tr("Position"),
                    self.tr("Full name"))
        for caption_label, caption in zip(self.captions, captions, strict=True):
            caption_label.setText(caption)
        for widget, caption in zip((self.person, self.competence, self.position,
                                    self.full_name), captions, strict=True):
            widget.setAccessibleName(caption)
        current = self.competence.currentData()
        self.competence.clear()
        self.competence.addItem(self.tr("none (signs in own right)"), "")
        for code, printed in COMPETENCES:
            self.competence.addItem(printed, code)
        combo_select(self.competence, current)
        self.position.setPlaceholderText(self.tr("e.g. Phó Chủ tịch"))
        self._fill_people()

    def set_leaders(self, leaders: Sequence[Person]) -> None:
        self._leaders = {p.id: p for p in leaders}
        self._fill_people()

    def _fill_people(self) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("— choose a leader —"), "")
        for person in self._leaders.values():
            text = f"{person.name} — {person.title}" if person.title else person.name
            self.person.addItem(text, person.id)
        self.person.addItem(self.tr("Someone outside the directory"), OUTSIDE)
        combo_select(self.person, current)
        self.person.blockSignals(False)

    def _person_chosen(self, _index: int) -> None:
        chosen = self._leaders.get(str(self.person.currentData() or ""))
        if chosen is not None:
            self.full_name.setText(chosen.full_name or chosen.name)
            if chosen.title:
                self.position.setText(chosen.title)

    def load(self, signer: Mapping[str, object] | None) -> None:
        if not signer:
            return
        user_id = signer.get("user_id")
        self.person.blockSignals(True)
        combo_select(self.person, user_id if user_id in self._leaders else (
            OUTSIDE if signer.get("full_name") else ""))
        self.person.blockSignals(False)
        combo_select(self.competence, str(signer.get("competence") or ""))
        self.position.setText(str(signer.get("position") or ""))
        self.full_name.setText(str(signer.get("full_name") or ""))

    def user_id(self) -> str | None:
        chosen = str(self.person.currentData() or "")
        return chosen if chosen in self._leaders else None

    def value(self) -> JsonObject | None:
        """The contract's signer object, None when no name is given."""
        name = " ".join(self.full_name.text().split())
        if not name:
            return None
        return {"competence": str(self.competence.currentData() or ""),
                "position": " ".join(self.position.text().split()), "full_name": name,
                "user_id": self.user_id()}

    def set_read_only(self, read_only: bool) -> None:
        self.person.setEnabled(not read_only)
        self.competence.setEnabled(not read_only)
        self.position.setReadOnly(read_only)
        self.full_name.setReadOnly(read_only)
