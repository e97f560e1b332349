"""The dashboard (tổng quan): cards and charts over the local cache.

``ui/window/features.py`` puts it in the window (``ui/window/dashboard_page.py``: a
page beside the list, refreshed after each sync round while shown). ``app_source``
returns the application API, or None while the core loads.

``openList(box, filters)``: ``box`` is one of the store's boxes (incoming, to-sign,
to-process, overdue, all); ``filters`` a
:class:`~eoffice_client.ui.dashboard.selection.ListFilters` (unread only, the overdue
documents of one unit, those waiting on a leader N days, due soon, a week's intake) whose
``list_query(box)`` is the whole list as a DocumentQuery (its ``narrowing()`` the
dashboard's own fields, which the window's list carries while the selection is shown)
and whose ``title`` names the selection. ``loaded(Dashboard)`` is emitted after new
figures are shown.
"""

from eoffice_client.ui.dashboard.selection import ListFilters, Selection
from eoffice_client.ui.dashboard.view import DashboardView

__all__ = ["DashboardView", "ListFilters", "Selection"]
