"""The compose form's general fields: direction, type (from the catalogue), trích yếu,
urgency, secrecy, due date, the incoming document this one answers, and copies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from eoffice_client.core.app.records import DocumentTypeInfo
from eoffice_client.core.app.types import JsonObject, Row
from eoffice_client.core.domain.enums import SECRECY_LABELS, URGENCY_LABELS, label

#: Trích yếu: contract section 4 (1..500 characters).
SUBJECT_MAX = 500
#: Copies the spin box offers (số lượng bản); 0 shows as "not given".
COPIES_MAX = 999
#: Types offered first, as drafters use them most (the rest follow by name).
COMMON_TYPES = ("CV", "QD", "TTR", "BC", "KH", "TB", "GM")


def add_rows(form: QFormLayout, rows: Sequence[QWidget | QLayout]) -> list[QLabel]:
    """One row per widget or layout, each with its caption label (texts set later)."""
    labels = []
    for row in rows:
        caption = QLabel(form.parentWidget())
        if isinstance(row, QWidget):
            caption.setBuddy(row)
        form.addRow(caption, row)
        labels.append(caption)
    return labels


def combo_select(combo: QComboBox, data: object) -> None:
    """Selects the item whose data is ``data`` (the first item when none is)."""
    index = combo.findData(data)
    combo.setCurrentIndex(max(0, index))


class GeneralFields(QWidget):
    """``typeChanged`` tells the body editor to show a quyết định's căn cứ and articles."""

    typeChanged = Signal(str)
    secrecyChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self._reply_values: dict[str, JsonObject] = {}
        self.direction = QComboBox(self)
        self.type_code = QComboBox(self)
        self.type_code.currentIndexChanged.connect(
            lambda _i: self.typeChanged.emit(self.current_type()))
        self.subject = QLineEdit(self)
        self.subject.setMaxLength(SUBJECT_MAX)
        self.urgency = QComboBox(self)
        self.secrecy = QComboBox(self)
        self.secrecy.currentIndexChanged.connect(
            lambda _i: self.secrecyChanged.emit(int(self.secrecy.currentData() or 0)))
        for value in URGENCY_LABELS:
            self.urgency.addItem(label(URGENCY_LABELS, value, lang), value)
        for value in SECRECY_LABELS:
            self.secrecy.addItem(label(SECRECY_LABELS, value, lang), value)
        self.has_due = QCheckBox(self)
        self.due_date = QDateEdit(self)
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("dd/MM/yyyy")
        self.due_date.setEnabled(False)
        self.has_due.toggled.connect(self.due_date.setEnabled)
        self.in_reply_to = QComboBox(self)
        self.in_reply_to.setMinimumContentsLength(24)
        self.in_reply_to.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.copies = QSpinBox(self)
        self.copies.setRange(0, COPIES_MAX)
        due_row = QHBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_date, 1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.captions = add_rows(self.form, (
            self.direction, self.type_code, self.subject, self.urgency, self.secrecy,
            due_row, self.in_reply_to, self.copies))
        self.retranslate()

    def retranslate(self) -> None:
        captions = (self.tr("Kind"), self.tr("Type"), self.tr("Subject (trích yếu)"),
                    self.tr("Urgency"), self.tr("Secrecy"), self.tr("Due date"),
                    self.tr("In reply to"), self.tr("Copies"))
        for caption_label, caption in zip(self.captions, captions, strict=True):
            caption_label.setText(caption)
        for widget, caption in zip((self.direction, self.type_code, self.subject,
                                    self.urgency, self.secrecy, self.due_date,
                                    self.in_reply_to, self.copies), captions, strict=True):
            widget.setAccessibleName(caption)
        current = self.direction.currentData()
        self.direction.clear()
        self.direction.addItem(self.tr("Outgoing document"), "outgoing")
        self.direction.addItem(self.tr("Internal document"), "internal")
        combo_select(self.direction, current)
        self.subject.setPlaceholderText(self.tr("e.g. Về việc triển khai chuyển đổi số"))
        self.has_due.setText(self.tr("Has a deadline"))
        self.copies.setSpecialValueText(self.tr("not given"))

    # --- choices ---------------------------------------------------------------------------
    def set_types(self, types: Mapping[str, DocumentTypeInfo]) -> None:
        current = self.current_type()
        self.type_code.blockSignals(True)
        self.type_code.clear()
        self.type_code.addItem(self.tr("— choose the type —"), "")
        first = [types[c] for c in COMMON_TYPES if c in types]
        rest = sorted((t for c, t in types.items() if c not in COMMON_TYPES),
                      key=lambda t: t.name.casefold())
        for entry in (*first, *rest):
            self.type_code.addItem(entry.name or entry.code, entry.code)
        combo_select(self.type_code, current)
        self.type_code.blockSignals(False)

    def set_incoming(self, rows: Sequence[Row]) -> None:
        """The incoming documents this one may answer (the newest first)."""
        current = self.in_reply_to.currentData()
        self.in_reply_to.clear()
        self.in_reply_to.addItem(self.tr("— none —"), "")
        for row in rows:
            text = " — ".join(part for part in (row.code, row.subject, row.issuer) if part)
            self.in_reply_to.addItem(text, row.id)
            self.in_reply_to.setItemData(self.in_reply_to.count() - 1, row.subject,
                                         Qt.ItemDataRole.ToolTipRole)
        combo_select(self.in_reply_to, current)

    # --- values ----------------------------------------------------------------------------
    def current_type(self) -> str:
        return str(self.type_code.currentData() or "")

    def load(self, doc: Mapping[str, object], incoming_id: str | None) -> None:
        """The fields of a saved draft; ``incoming_id`` the cached document its
        ``in_reply_to`` names, when it is cached (else its value is kept as it is)."""
        combo_select(self.direction, doc.get("direction"))
        combo_select(self.type_code, doc.get("type_code"))
        self.subject.setText(str(doc.get("subject") or ""))
        combo_select(self.urgency, doc.get("urgency") or 0)
        combo_select(self.secrecy, doc.get("secrecy") or 0)
        due = doc.get("due_date")
        self.has_due.setChecked(isinstance(due, str) and bool(due))
        if isinstance(due, str) and due:
            day = dt.date.fromisoformat(due[:10])
            self.due_date.setDate(QDate(day.year, day.month, day.day))
        copies = doc.get("copies")
        self.copies.setValue(copies if isinstance(copies, int) else 0)
        reply = doc.get("in_reply_to")
        if incoming_id:
            combo_select(self.in_reply_to, incoming_id)
        elif isinstance(reply, dict) and reply.get("code"):
            key = f"raw:{reply.get('code')}"
            self._reply_values[key] = dict(reply)
            self.in_reply_to.addItem(str(reply.get("code")), key)
            combo_select(self.in_reply_to, key)

    def set_today(self, today: dt.date) -> None:
        """The due date the calendar starts from."""
        self.due_date.setDate(QDate(today.year, today.month, today.day).addDays(7))
        self.due_date.setMinimumDate(QDate(today.year, today.month, today.day))

    def reply_choice(self) -> str:
        """The chosen incoming document's id ("" none; "raw:..." a value kept as loaded)."""
        return str(self.in_reply_to.currentData() or "")

    def kept_reply(self, key: str) -> JsonObject | None:
        return self._reply_values.get(key)

    def values(self) -> JsonObject:
        """The create fields these widgets hold (``in_reply_to`` is filled by the window)."""
        due = self.due_date.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None
        return {"urgency": int(self.urgency.currentData() or 0),
                "secrecy": int(self.secrecy.currentData() or 0), "due_date": due,
                "copies": self.copies.value() or None}

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.direction, self.type_code, self.urgency, self.secrecy,
                       self.has_due, self.due_date, self.in_reply_to, self.copies):
            widget.setEnabled(not read_only)
        self.subject.setReadOnly(read_only)
        if not read_only:
            self.due_date.setEnabled(self.has_due.isChecked())
