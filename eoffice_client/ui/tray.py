"""Tray icon and reminders: new urgent documents, deadlines due today or overdue, computed
locally from the cache so they work offline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from eoffice_client.core.app.types import Reminders


class Tray(QObject):
    """Shows the count and tells the user once a day about deadlines, at once about urgent mail."""

    openRequested = Signal()
    syncRequested = Signal()
    quitRequested = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = icon
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu(parent)
        self.open_action = QAction(self.menu)
        self.sync_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        self.open_action.triggered.connect(self.openRequested)
        self.sync_action.triggered.connect(self.syncRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        for action in (self.open_action, self.sync_action, self.quit_action):
            self.menu.addAction(action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.reminders = Reminders()
        self._told_deadlines_on: dt.date | None = None
        self.last_message = ""
        self.retranslate()

    def activate(self) -> None:
        """Shows the icon (after the window's first paint: a tray can be slow to reach)."""
        self.icon.setIcon(self._image)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open eOffice"))
        self.sync_action.setText(self.tr("Sync now"))
        self.quit_action.setText(self.tr("Quit"))
        self._update_tooltip()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.openRequested.emit()

    def update(self, reminders: Reminders, today: dt.date, new_urgent: int = 0) -> None:
        self.reminders = reminders
        self._update_tooltip()
        if new_urgent:
            self.notify(self.tr("New urgent documents"),
                        self.tr("%n new urgent document(s) arrived.", "", new_urgent))
        if self._told_deadlines_on != today and (reminders.due_today or reminders.overdue):
            self._told_deadlines_on = today
            self.notify(self.tr("Deadlines"), self.deadline_text(reminders))

    def deadline_text(self, reminders: Reminders) -> str:
        parts = []
        if reminders.due_today:
            parts.append(self.tr("%n document(s) due today", "", reminders.due_today))
        if reminders.overdue:
            parts.append(self.tr("%n document(s) overdue", "", reminders.overdue))
        return "; ".join(parts)

    def notify(self, title: str, text: str) -> None:
        self.last_message = f"{title}: {text}"
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10000)

    def _update_tooltip(self) -> None:
        count = self.reminders.total
        text = "eOffice"
        if count:
            text += " — " + self.tr("%n item(s) need attention", "", count)
        self.icon.setToolTip(text)
