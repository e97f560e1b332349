"""The dashboard as a page of the window: "Tổng quan" shows it in place of the list and
the document; a click on a card or a bar opens that list as the figure counted it: the
box, the document dates in the filter bar (a week's intake), and the dashboard's
narrowings (unread only, a unit, a due window, waiting on a leader) carried by the list
and shown on its chip until the chip's ✕, another box or the dashboard again."""

from __future__ import annotations

import datetime as dt
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
        self.shown: ListFilters | None = None  # the narrowing the list carries, if any
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
        if shown:
            self.shown = None
            self.window.documents.clear_narrowing()
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
        """The list the dashboard's click asked for, narrowed as its figure counted: the
        user's own filters and search give way, or the list would not match."""
        self.action.setChecked(False)
        window = self.window
        documents = window.documents
        documents.filters.clear()
        if documents.search.text():
            documents.search.clear()
        if filters.date_from is not None or filters.date_to is not None:
            self._show_dates(filters.date_from, filters.date_to)
        for row in range(window.boxes.count()):
            item = window.boxes.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == box and not item.isHidden():
                window.boxes.setCurrentRow(row)
                break
        self.shown = filters if filters.narrowed else None
        if self.shown is not None:
            documents.narrow(filters.narrowing(), self.narrowing_text(filters))
        else:
            documents.clear_narrowing(reload=False)
        documents.reload()
        if filters.title:
            window.status_bar.showMessage(filters.title, 6000)

    def _show_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        bar = self.window.documents.filters
        bar.dates.setChecked(True)
        for edit, day in ((bar.date_from, first), (bar.date_to, last)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        self.window.commands.filters.setChecked(True)

    def narrowing_text(self, filters: ListFilters) -> str:
        """What the chip says about the narrowing (each part, joined)."""
        parts: list[str] = []
        if filters.by_unit:
            name = filters.unit_name or self.tr("Not assigned to a unit")
            parts.append(self.tr("Unit: %1").replace("%1", name))
        if filters.unread_only:
            parts.append(self.tr("Unread only"))
        if filters.due_from is not None or filters.due_to is not None:
            parts.append(self._due_text(filters.due_from, filters.due_to))
        if filters.waiting_on_leader:
            first, last = filters.waiting_days or (0, None)
            days = (self.tr("%1 days or more").replace("%1", str(first)) if last is None
                    else self.tr("%1–%2 days").replace("%1", str(first))
                    .replace("%2", str(last)))
            parts.append(self.tr("Waiting on a leader: %1").replace("%1", days))
        return " · ".join(parts)

    def _due_text(self, first: dt.date | None, last: dt.date | None) -> str:
        if first is not None and last is not None:
            return (self.tr("Due: %1–%2").replace("%1", first.strftime("%d/%m"))
                    .replace("%2", last.strftime("%d/%m")))
        if first is not None:
            return self.tr("Due from %1").replace("%1", first.strftime("%d/%m"))
        day = last.strftime("%d/%m") if last is not None else ""
        return self.tr("Due by %1").replace("%1", day)

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
        if self.shown is not None and self.window.documents.narrowing:
            self.window.documents.chip.show_text(self.narrowing_text(self.shown))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
