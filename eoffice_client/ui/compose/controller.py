"""The main window's way into the compose window: "Compose document" opens a new one,
"Open draft" the selected outgoing or internal document (editable for its drafter while
it is a draft or returned, read-only for anyone else). One compose window per document:
opening it again raises the one already open.

The compose modules load the drafting part of the core, so they are imported when a
compose window first opens, never at the window's start."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from eoffice_client.core.app.application import App
from eoffice_client.ui.dialogs.messages import inform
from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from eoffice_client.ui.compose.window import ComposeWindow

DRAFT_DIRECTIONS = ("outgoing", "internal")


def openable(docs: Sequence[Mapping[str, object]]) -> bool:
    """"Open draft" takes one outgoing or internal document."""
    return len(docs) == 1 and docs[0].get("direction") in DRAFT_DIRECTIONS


class ComposeController(QObject):
    """``changed``: a compose window saved or queued something (refresh the lists)."""

    changed = Signal()
    syncWanted = Signal()

    def __init__(self, app: App, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self.app, self.window, self.runner = app, window, runner
        self.lang = "vi"
        self.open_windows: dict[str, ComposeWindow] = {}

    def _app(self) -> App | None:
        app = self.app if self.app.opened else None
        if app is None:
            inform(self.window, self.tr("Compose document"), self.tr(
                "The compose window cannot open yet: the local data is still loading."),
                warning=True)
            return None
        if app.session.me() is None:
            inform(self.window, self.tr("Compose document"),
                   self.tr("Sign in first to compose a document."), warning=True)
            return None
        return app

    def compose_new(self) -> ComposeWindow | None:
        app = self._app()
        return None if app is None else self._show(app, None)

    def open_draft(self, docs: Sequence[Mapping[str, object]]) -> ComposeWindow | None:
        if not openable(docs):
            return None
        doc_id = str(docs[0].get("id") or "")
        already = self.open_windows.get(doc_id)
        if already is not None:
            already.raise_()
            already.activateWindow()
            return already
        app = self._app()
        return None if app is None else self._show(app, doc_id)

    def _show(self, app: App, doc_id: str | None) -> ComposeWindow:
        from eoffice_client.ui.compose.window import ComposeWindow

        compose = ComposeWindow(app, self.runner, doc_id, self.lang, self.window)
        compose.changed.connect(self.changed)
        compose.changed.connect(lambda: self._track(compose))
        compose.syncWanted.connect(self.syncWanted)
        compose.destroyed.connect(lambda _=None, c=compose: self._forget(c))
        self._track(compose)
        compose.resize(self.window.size() * 0.92)
        compose.show()
        return compose

    def _track(self, compose: ComposeWindow) -> None:
        if compose.doc_id is not None:
            self.open_windows[compose.doc_id] = compose

    def _forget(self, compose: object) -> None:
        for doc_id, known in list(self.open_windows.items()):
            if known is compose:
                del self.open_windows[doc_id]
