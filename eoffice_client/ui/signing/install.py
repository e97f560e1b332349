"""The one call that gives the window its signing flows (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from eoffice_client.ui.signing.badge import SignatureBadges
from eoffice_client.ui.signing.common import AppGetter, load_signing_modules
from eoffice_client.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the flows load when first used, not at the window's start
    from eoffice_client.ui.signing.batch import SignBatch
    from eoffice_client.ui.signing.issue import IssueFlow

#: The actions of the clerk's dialog: either step makes it useful.
ISSUE_ACTIONS = frozenset({"number", "issue"})


class SigningHooks(QObject):
    """The actions for the menu and the toolbar, the badges for the list, and
    :attr:`changed` when a flow queued something (refresh the list, maybe sync)."""

    changed = Signal()

    def __init__(self, window: QWidget, app_getter: AppGetter,
                 selected_ids: Callable[[], Sequence[str]], runner: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.app = app_getter
        self.selected_ids = selected_ids
        self.runner = runner
        self.sign_action = QAction(self.tr("Sign…"), window)
        self.sign_action.setObjectName("signDocuments")
        self.sign_action.setToolTip(self.tr("Sign the selected documents with one PIN"))
        self.issue_action = QAction(self.tr("Number and issue…"), window)
        self.issue_action.setObjectName("numberAndIssue")
        self.issue_action.setToolTip(self.tr("Request numbers, then seal and issue the "
                                             "selected signed documents"))
        self.sign_action.triggered.connect(self.sign_selected)
        self.issue_action.triggered.connect(self.issue_selected)
        self.badges = SignatureBadges(app_getter, runner, self)
        self.flows: list[SignBatch | IssueFlow] = []
        self.issue_flows: list[IssueFlow] = []  # the clerk's, refreshed after a sync
        self.update_enabled([])

    def update_enabled(self, doc_ids: Sequence[str] | None = None) -> None:
        """Each action enabled when the rules allow its step on every selected document
        for the signed-in user (``app.reads.allowed_actions``)."""
        ids = list(self.selected_ids() if doc_ids is None else doc_ids)
        app = self.app()
        allowed = app.reads.allowed_actions(ids) if app is not None and ids else set()
        self.sign_action.setEnabled("sign" in allowed)
        self.issue_action.setEnabled(bool(allowed & ISSUE_ACTIONS))

    def sign_selected(self) -> SignBatch | None:
        app = self.app()
        ids = list(self.selected_ids())
        if app is None or not ids:
            return None
        load_signing_modules(app)
        from eoffice_client.ui.signing.batch import SignBatch

        batch = SignBatch(app, self.runner, self.window)
        self._keep(batch)
        batch.finished.connect(lambda _outcome: self._changed(ids))
        batch.start(ids)
        return batch

    def issue_selected(self) -> IssueFlow | None:
        app = self.app()
        ids = list(self.selected_ids())
        if app is None or not ids:
            return None
        load_signing_modules(app)
        from eoffice_client.ui.signing.issue import IssueFlow

        flow = IssueFlow(app, self.runner, self.window)
        self.issue_flows.append(flow)
        self._keep(flow)
        flow.changed.connect(lambda: self._changed(ids))
        flow.start(ids)
        return flow

    def _keep(self, flow: SignBatch | IssueFlow) -> None:
        """The flow lives while its dialog is open."""
        self.flows.append(flow)
        flow.dialog.finished.connect(lambda _code: self._drop(flow))

    def _drop(self, flow: SignBatch | IssueFlow) -> None:
        if flow in self.flows and flow.task is None:
            self.flows.remove(flow)
            if flow in self.issue_flows:
                self.issue_flows.remove(flow)
            flow.dialog.deleteLater()

    def after_sync(self) -> None:
        """A sync ended: the open clerk's dialogs see the numbers that came back, the
        selection's actions and the badges follow the new state."""
        for flow in self.issue_flows:
            if flow in self.flows and flow.task is None:
                flow.refresh()
        self.update_enabled()
        self.badges.refresh(list(self.badges.states))

    def _changed(self, ids: Sequence[str]) -> None:
        self.badges.refresh(ids)
        self.update_enabled()
        self.changed.emit()


def install_signing(window: QWidget, app_getter: AppGetter,
                    selected_ids: Callable[[], Sequence[str]],
                    runner: TaskRunner | None = None) -> SigningHooks:
    """The signing flows for ``window``: add ``hooks.sign_action`` and
    ``hooks.issue_action`` to its menu and toolbar, call ``hooks.update_enabled()`` when
    the selection changes, show ``hooks.badges`` in the list, and refresh on
    ``hooks.changed``."""
    return SigningHooks(window, app_getter, selected_ids, runner or TaskRunner(window))
