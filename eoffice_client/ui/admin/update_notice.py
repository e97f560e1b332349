"""The notice bar about upgrades (issue 14 item 5), above the document list.

Two notices, in the person's language, with what to do:

- the server needs a newer eOffice (its ``/info`` ``min_client_version`` is above ours):
  syncing is refused until IT upgrades this computer (warning colours, stays until fixed);
- IT published a newer version in the update manifest a policy names (read at most once a
  day by the core): the version and who installs it (information colours, may be hidden
  for this session).

The bar asks the core on a worker thread when installed, after each sync the owner reports
(:meth:`UpdateNoticeBar.refresh`), and every few hours while the window stays open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.updates import UpdateNotice

LOG = logging.getLogger("eoffice.ui.admin.update")
REFRESH_EVERY_MS = 4 * 60 * 60 * 1000
RETRY_MS = 5000


@dataclass(frozen=True)
class UpdateState:
    """What the core answered: the server's required version (None: ours is enough or not
    known) and the manifest's notice (None: no manifest named by policy)."""

    required: str | None
    notice: UpdateNotice | None


def read_state(app: App) -> UpdateState:
    """Worker thread: ``GET /info`` and the manifest (daily) through the core."""
    return UpdateState(app.updates.required_version(ask=True), app.updates.notice(check=True))


class UpdateNoticeBar(QFrame):
    """Hidden while there is nothing to say."""

    def __init__(self, app_getter: Callable[[], App | None], runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateNotice")
        self._app_getter, self._runner = app_getter, runner
        self.state: UpdateState | None = None
        self._dismissed_version: str | None = None
        self._asking = False
        self._stopped = False
        self._generation = 0
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setObjectName("updateNoticeText")
        self.hide_button = QPushButton(self)
        self.hide_button.setFlat(True)
        self.hide_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hide_button)
        self._timer = QTimer(self, interval=REFRESH_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.hide()
        self.retranslate()

    def stop(self) -> None:
        """Asks no more (the window is closing)."""
        self._timer.stop()
        self._stopped = True

    @property
    def kind(self) -> str:
        """``too_old``, ``available`` or ``none``: what the bar shows now."""
        return str(self.property("kind") or "none")

    def refresh(self) -> None:
        """Asks the core again (off the GUI thread)."""
        if self._stopped:
            return
        app = self._app_getter()
        if app is None:  # the profile is still opening: ask once it is open
            QTimer.singleShot(RETRY_MS, self, self.refresh)
            return
        if self._asking:
            return
        import eoffice_client.core.app.updates  # noqa: F401  (imports on the GUI thread only)

        self._asking = True
        asked = self._generation
        self._runner.run(lambda _task: read_state(app), lambda s: self._answered(asked, s),
                         self._failed, label=self.tr("Checking for a newer eOffice…"),
                         show_progress=False)

    def _answered(self, asked: int, state: UpdateState) -> None:
        """An answer to a question asked before a newer fact (a refused sync) is dropped."""
        self._asking = False
        if asked == self._generation:
            self.show_state(state)

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        LOG.info("the update state is not known: %r", exc)

    def show_state(self, state: UpdateState) -> None:
        self._asking = False
        self.state = state
        self._show()

    def server_requires(self, version: str) -> None:
        """The sync was refused as too old (exit 12): say so at once, without asking."""
        self._generation += 1
        notice = self.state.notice if self.state is not None else None
        self.show_state(UpdateState(version, notice))

    def _show(self) -> None:
        state = self.state
        if state is not None and state.required:
            from eoffice_client.core.app.updates import client_too_old_message

            self._set("too_old", client_too_old_message(state.required), dismissable=False)
            return
        notice = state.notice if state is not None else None
        line = notice.message() if notice is not None else None
        if notice is not None and line and notice.latest_version != self._dismissed_version:
            extra = self.tr("Version %1 can be downloaded by IT staff from %2.").replace(
                "%1", notice.latest_version or "").replace("%2", notice.msi_url or "-")
            self._set("available", f"{line}\n{extra}", dismissable=True)
            return
        self._set("none", "", dismissable=False)

    def _set(self, kind: str, text: str, *, dismissable: bool) -> None:
        if kind == self.kind and text == self.text.text():
            return  # the same notice: the window's layout is left alone
        self.setProperty("kind", kind)
        self.text.setText(text)
        self.hide_button.setVisible(dismissable)
        colours = {"too_old": ("#fff4e5", "#f0b35a"), "available": ("#e8f1fb", "#9cc1e8")}
        back, border = colours.get(kind, ("transparent", "transparent"))
        self.setStyleSheet(f"QFrame#updateNotice {{ background: {back}; "
                           f"border-bottom: 1px solid {border}; }}")
        self.setVisible(kind != "none")

    def _dismiss(self) -> None:
        notice = self.state.notice if self.state is not None else None
        self._dismissed_version = notice.latest_version if notice is not None else None
        self._show()

    def retranslate(self) -> None:
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.setToolTip(self.tr("Hide this notice until the next version"))
        if self.state is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
