"""Reading: a document shown in the pane is marked read after a moment (as mail clients do;
``Settings.mark_read_on_open`` turns it off), the reading layout gives the document the
whole window, and the window's first size fits the screen it opens on.

The read mark is the contract's ``mark_read`` action, queued through the actions
controller like any other action (so it is audited, works offline and goes with the next
sync), but quietly: no status message and no sync of its own for each document read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QTableView, QWidget

from eoffice_client.config import Settings
from eoffice_client.core.app.records import Person
from eoffice_client.ui.actions.offered import enabled_actions

#: how long a document stays shown before it counts as read (arrowing through the list
#: does not mark every row it passes)
READ_AFTER_MS = 1200
#: the window's preferred first size; a smaller screen gets its available area
PREFERRED_SIZE = QSize(1360, 820)
#: room left for the window manager's frame and title bar
FRAME_ALLOWANCE = QSize(16, 40)


class ReadMarker(QObject):
    """``queue(doc)`` queues the mark on one document (the shell gives the controller's)."""

    def __init__(self, queue: Callable[[dict[str, Any]], None], parent: QObject) -> None:
        super().__init__(parent)
        self.queue = queue
        self.enabled = True
        self._doc: dict[str, Any] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(READ_AFTER_MS)
        self.timer.timeout.connect(self._mark)

    def apply_settings(self, settings: Settings) -> None:
        self.enabled = bool(getattr(settings, "mark_read_on_open", True))
        if not self.enabled:
            self.timer.stop()

    def shown(self, doc: dict[str, Any] | None, me: Person | None) -> None:
        """The pane shows ``doc`` alone (None: nothing, or several rows selected)."""
        same = bool(doc and self._doc and doc.get("id") == self._doc.get("id"))
        if same and self.timer.isActive():
            return  # the same document again (a refresh): its moment goes on
        self.timer.stop()
        self._doc = None
        if not self.enabled or doc is None or doc.get("read"):
            return
        if "mark_read" not in enabled_actions([doc], me):
            return
        self._doc = doc
        self.timer.start()

    def _mark(self) -> None:
        doc, self._doc = self._doc, None
        if doc is not None:
            self.queue(doc)


class ReadingLayout(QObject):
    """The reading layout: ``hidden`` (the boxes and the list) give way to the document
    pane while ``action`` is checked; Esc in the pane leaves it; Alt+Down and Alt+Up go to
    the next and the previous document of the list in either layout."""

    def __init__(self, action: QAction, hidden: tuple[QWidget, ...], table: QTableView,
                 pane: QWidget, enter: Callable[[], None], window: QWidget) -> None:
        super().__init__(window)
        self.action, self.hidden, self.table, self.pane = action, hidden, table, pane
        self.enter = enter
        action.toggled.connect(self.set_on)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), pane)
        leave.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        leave.activated.connect(lambda: action.setChecked(False))
        for key, step in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, -1)):
            move = QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | key), window)
            move.activated.connect(lambda s=step: self.step(s))

    def set_on(self, on: bool) -> None:
        for widget in self.hidden:
            widget.setVisible(not on)
        if on:
            self.enter()
        else:
            self.table.setFocus()

    def step(self, delta: int) -> None:
        """Selects the row ``delta`` away from the current one (the list may be hidden)."""
        rows = self.table.model().rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        row = min(max(0, current + delta), rows - 1) if current >= 0 else 0
        self.table.selectRow(row)


def first_size(window: QWidget) -> QSize:
    """The preferred size, or the screen's available area when that is smaller (a laptop
    at 1366x768, a projector at 1024x768), so the whole window is on the screen."""
    screen = window.screen()
    if screen is None:
        return PREFERRED_SIZE
    room = screen.availableGeometry().size() - FRAME_ALLOWANCE
    return PREFERRED_SIZE.boundedTo(room)
