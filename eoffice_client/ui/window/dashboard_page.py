"""The dashboard as a page of the window: "Tổng quan" shows it in place of the list and
the document; a click on a card or a bar opens that list (the box, and the document
dates where the selection has them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from eoffice_client.ui.resources import icon

if TYPE_CHECKING:
    from eoffice_client.ui.dashboard import DashboardView, ListFilters
    from eoffice_client.ui.window.features import AppSource
    from eoffice_client.ui.window.shell import MainWindow

LIST_PAGE, DASHBOARD_PAGE = 0, 1


class DashboardPage(QObject):
    """``action`` (checkable) switches between the list and the dashboard."""

    def __init__(self, window: MainWindow, app_source: AppSource) -> None:
        super().__init__(window)
        self.window = window
        self.app_source = app_source
        self.view: DashboardView | None = None  # made when first shown, not at the start
        self.stack = window.pages  # the list and the document, then this page
        self.stale = True  # figures older than the last sync round
        self.action = QAction(icon("all"), "", window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action.toggled.connect(self.show_dashboard)
        window.sync_controller.finished.connect(lambda _outcome: self._figures_changed())
        window.actions_controller.queued.connect(lambda *_args: self._figures_changed())
        window.installEventFilter(self)
        self.retranslate()

    @property
    def showing(self) -> bool:
        return self.stack.currentIndex() == DASHBOARD_PAGE

    def show_dashboard(self, shown: bool) -> None:
        view = self._made() if shown else self.view
        self.stack.setCurrentIndex(DASHBOARD_PAGE if shown else LIST_PAGE)
        if shown and view is not None and self.stale:
            self.stale = False
            view.refresh()

    def _made(self) -> DashboardView:
        if self.view is None:
            from eoffice_client.ui.dashboard import DashboardView

            self.view = DashboardView(self.app_source, self.window.runner)
            self.view.openList.connect(self.show_list)
            self.stack.insertWidget(DASHBOARD_PAGE, self.view)
        return self.view

    def show_list(self, box: str, filters: ListFilters) -> None:
        """The list the dashboard's click asked for."""
        self.action.setChecked(False)
        window = self.window
        if filters.date_from is not None or filters.date_to is not None:
            bar = window.documents.filters
            bar.dates.setChecked(True)
            if filters.date_from is not None:
                bar.date_from.setDate(QDate(filters.date_from.year, filters.date_from.month,
                                             filters.date_from.day))
            if filters.date_to is not None:
                bar.date_to.setDate(QDate(filters.date_to.year, filters.date_to.month,
                                           filters.date_to.day))
            window.commands.filters.setChecked(True)
        for row in range(window.boxes.count()):
            item = window.boxes.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == box and not item.isHidden():
                window.boxes.setCurrentRow(row)
                break
        window.documents.reload()
        if filters.title:
            window.status_bar.showMessage(filters.title, 6000)

    def _figures_changed(self) -> None:
        self.stale = True
        if self.showing and self.view is not None:
            self.stale = False
            self.view.refresh()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Dashboard"))
        self.action.setToolTip(self.tr(
            "What is unread, waiting for signature, to be processed, overdue and due soon "
            "(Ctrl+Shift+D)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
