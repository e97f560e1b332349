"""The status bar: messages on the left; on the right a long task's progress and its
Cancel button, what waits to sync, the last sync and whether the server answers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from eoffice_client.core.app.types import Reminders
from eoffice_client.ui import display
from eoffice_client.ui.tasks import Task

PROGRESS_WIDTH = 160


def _megabytes(kilobytes: int) -> str:
    """``1536`` -> ``1,5`` in Vietnamese, ``1.5`` in English (the language's locale)."""
    return QLocale().toString(kilobytes / 1024, "f", 1)


class StatusBar(QStatusBar):
    """``queue_button`` opens the sync issues, ``cancel_button`` stops the long tasks,
    ``sign_in_button`` (shown while nobody is signed in) opens the sign-in: the shell
    connects their ``clicked``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.signed_in = True
        self.online: bool | None = None
        self.last_sync: dt.datetime | None = None
        self.queued = self.conflicts = 0
        self.reminders = Reminders()
        self.attention_label = QLabel(self)  # what the window title's count counts
        self.online_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.queue_button = QPushButton(self)
        self.queue_button.setFlat(True)
        # the words beside the bar, not over it: readable on any style's bar colours
        self.progress_label = QLabel(self)
        self.progress_label.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(PROGRESS_WIDTH)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setVisible(False)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setVisible(False)
        # permanent widgets stay visible while a message shows on the left
        for widget in (self.progress_label, self.progress, self.cancel_button,
                       self.attention_label,
                       self.queue_button, self.last_sync_label, self.online_label,
                       self.sign_in_button):
            self.addPermanentWidget(widget)

    def show_sync_state(self, online: bool | None, last_sync: dt.datetime | None,
                        server: str, queued: int, conflicts: int,
                        signed_in: bool = True) -> None:
        """``online`` None: not synced yet in this session; ``server`` for the tool tip."""
        self.signed_in = signed_in
        self.online, self.last_sync = online, last_sync
        self.queued, self.conflicts = queued, conflicts
        self.online_label.setToolTip(server)
        self.retranslate()

    def show_reminders(self, reminders: Reminders) -> None:
        self.reminders = reminders
        self._show_attention()

    def _show_attention(self) -> None:
        count = self.reminders
        self.attention_label.setVisible(count.total > 0)
        self.attention_label.setText(self.tr("%n item(s) need attention", "", count.total))
        parts = [self.tr("%n urgent document(s) not read yet", "", count.urgent_unread),
                 self.tr("%n document(s) due today", "", count.due_today),
                 self.tr("%n document(s) overdue", "", count.overdue)]
        self.attention_label.setToolTip(
            self.tr("The count in the window's title:") + "\n" + "\n".join(
                part for part, n in zip(parts, (count.urgent_unread, count.due_today,
                                                count.overdue), strict=True) if n))

    def task_started(self, task: Task) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setToolTip(task.label)
        self.progress_label.setText(task.label)
        self.progress_label.setVisible(bool(task.label))
        self.cancel_button.setVisible(True)

    def tasks_ended(self) -> None:
        self.progress.setVisible(False)
        self.progress_label.setVisible(False)
        self.cancel_button.setVisible(False)

    def show_progress(self, done: int, total: int, what: str) -> None:
        """``total`` 0: not known (a busy bar). ``what`` is a sync phase (``pull``,
        ``files``...; ``files:kb`` when done and total are kilobytes) or a text."""
        self.progress.setRange(0, total if total > 0 else 0)
        self.progress.setValue(min(done, total) if total > 0 else 0)
        text = self.progress_text(done, total, what)
        self.progress_label.setText(text)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(True)
        self.progress.setToolTip(text)
        self.progress.setAccessibleName(text)

    def progress_text(self, done: int, total: int, what: str) -> str:
        phase, _, unit = what.partition(":")
        names = {"push": self.tr("Sending your changes"),
                 "pull": self.tr("Receiving documents"),
                 "files": self.tr("Downloading files"),
                 "content": self.tr("Reading the files' text for search"),
                 "done": self.tr("Finishing")}
        name = names.get(phase, what)
        if unit == "kb":
            amount = self.tr("%1 of %2 MB").replace("%1", _megabytes(done)).replace(
                "%2", _megabytes(total))
        elif total > 0:
            amount = self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
        elif done > 0 and phase == "pull":
            amount = self.tr("%n received", "", done)
        else:
            return f"{name}…"
        return f"{name}: {amount}"

    def retranslate(self) -> None:
        self.sign_in_button.setVisible(not self.signed_in)
        self.sign_in_button.setText(self.tr("Sign in…"))
        if not self.signed_in:
            self.online_label.setText(self.tr("Not signed in"))
        elif self.online is None:
            self.online_label.setText(self.tr("Not synced yet"))
        elif self.online:
            self.online_label.setText(self.tr("Online"))
        else:
            self.online_label.setText(self.tr("Offline"))
        if self.last_sync:
            self.last_sync_label.setText(self.tr("Last sync: %1").replace(
                "%1", display.moment(self.last_sync)))
        else:
            self.last_sync_label.setText("")
        text = self.tr("%n change(s) waiting to sync", "", self.queued) if self.queued \
            else self.tr("Nothing waiting to sync")
        if self.conflicts:
            text += " · " + self.tr("%n sync issue(s)", "", self.conflicts)
        self.queue_button.setText(text)
        self.queue_button.setToolTip(self.tr("Open the list of queued changes and sync issues"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_attention()
        for widget in (self.online_label, self.last_sync_label, self.queue_button,
                       self.attention_label, self.sign_in_button):
            widget.setMinimumWidth(widget.sizeHint().width())  # never clipped in the bar
