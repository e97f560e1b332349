"""The dashboard (tổng quan): cards and charts over the local cache.

Hook for the main window (one call; every role sees it, the figures are what this user's
cache holds)::

    from eoffice_client.ui.dashboard import DashboardView
    view = DashboardView(lambda: app_of(window, window.backend), window.runner)
    # put ``view`` where the window shows it (a page of the central stack, or a tab)
    window.sync_controller.finished.connect(lambda _report: view.refresh())
    view.openList.connect(show_list)   # show_list(box: str, filters: ListFilters)
    view.refresh()                     # once, when the core is loaded

``app_source`` returns the application API or None while it loads (``app_of`` of
ui/compose/controller.py). ``openList(box, filters)``: ``box`` is one of the store's
boxes (incoming, to-sign, to-process, overdue, all); ``filters`` a
:class:`~eoffice_client.ui.dashboard.selection.ListFilters` (unread only, the overdue
documents of one unit, those waiting on a leader N days, due soon, a week's intake) whose
``list_query(box)`` is the part the list's ListQuery already takes and whose ``title``
names the selection. ``loaded(Dashboard)`` is emitted after new figures are shown.
"""

from eoffice_client.ui.dashboard.selection import ListFilters, Selection
from eoffice_client.ui.dashboard.view import DashboardView

__all__ = ["DashboardView", "ListFilters", "Selection"]
