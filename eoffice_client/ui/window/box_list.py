"""The boxes on the left (incoming, outgoing, to sign, overdue...), each with its counts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from eoffice_client.core.app.types import BOXES, BoxCount
from eoffice_client.ui.resources import icon

BOX_ICONS = {"incoming": "inbox", "outgoing": "outbox", "internal": "internal",
             "to-sign": "sign", "to-process": "todo", "overdue": "overdue", "unread": "unread",
             "all": "all"}
#: boxes whose own count is shown after their name (the others are long lists)
COUNTED_BOXES = ("unread", "overdue", "to-process", "to-sign")


class BoxList(QListWidget):
    """One row per box of :data:`BOXES`; ``boxChanged`` tells which one the user chose."""

    boxChanged = Signal(str)
    countsChanged = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.counts: dict[str, BoxCount] = {}
        self.setObjectName("boxList")
        self.setMinimumWidth(200)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(self.iconSize() * 1.1)
        for box in BOXES:
            item = QListWidgetItem(icon(BOX_ICONS[box]), "")
            item.setData(Qt.ItemDataRole.UserRole, box)
            self.addItem(item)
        self.setCurrentRow(0)
        self.currentItemChanged.connect(lambda *_: self.boxChanged.emit(self.current_box()))

    def current_box(self) -> str:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else BOXES[0]

    def show_to_sign(self, shown: bool) -> None:
        """Only leaders sign: the box is hidden for everyone else."""
        self.item(BOXES.index("to-sign")).setHidden(not shown)

    def set_counts(self, counts: dict[str, BoxCount]) -> None:
        self.counts = dict(counts)
        self.retranslate()
        self.countsChanged.emit()

    def box_name(self, box: str) -> str:
        return {
            "incoming": self.tr("Incoming"), "outgoing": self.tr("Outgoing"),
            "internal": self.tr("Internal"), "to-sign": self.tr("To sign"),
            "to-process": self.tr("To process"), "overdue": self.tr("Overdue"),
            "unread": self.tr("Unread"), "all": self.tr("All documents"),
        }[box]

    def box_description(self, box: str) -> str:
        """What a box holds, where its name alone does not say it."""
        return {
            "to-process": self.tr("Documents you can act on: waiting on you, assigned to "
                                  "you or your unit to lead or support, and for clerks "
                                  "those to register, number or issue."),
            "to-sign": self.tr("Approved documents waiting for your signature."),
            "overdue": self.tr("Open documents past their deadline."),
        }.get(box, "")

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Boxes"))
        for row, box in enumerate(BOXES):
            self._show_count(self.item(row), box, self.counts.get(box, BoxCount()))

    def _show_count(self, item: QListWidgetItem, box: str, count: BoxCount) -> None:
        text = self.box_name(box)
        details = []
        if count.unread and box not in ("unread", "overdue"):
            details.append(self.tr("%n unread", "", count.unread))
        if count.overdue and box != "overdue":
            details.append(self.tr("%n overdue", "", count.overdue))
        if box in COUNTED_BOXES and count.total:
            text = f"{text} ({count.total})"
        item.setText(text + ("\n" + " · ".join(details) if details else ""))
        tip = (self.tr("%1: %2 documents, %3 unread, %4 overdue")
               .replace("%1", self.box_name(box)).replace("%2", str(count.total))
               .replace("%3", str(count.unread)).replace("%4", str(count.overdue)))
        about = self.box_description(box)
        item.setToolTip(f"{about}\n{tip}" if about else tip)
        if count.overdue and box != "overdue":
            item.setForeground(Qt.GlobalColor.black)
