"""Exporting and printing the Decree-30 registers and the processing report.

``ui/window/features.py`` offers it in the File menu ("Xuất sổ, báo cáo…") to clerks
and leaders. ``open_export_dialog(app, runner, parent, what="incoming")`` opens the (non-modal)
:class:`ExportDialog` and returns it (None while ``app`` is None); ``what`` preselects
"incoming", "outgoing", "tracking" or "report". Its ``exported(Path)`` signal tells a
file was written (e.g. for the status bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eoffice_client.ui.reports.jobs import What

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from eoffice_client.core.app.application import App
    from eoffice_client.ui.reports.export_dialog import ExportDialog
    from eoffice_client.ui.tasks import TaskRunner

__all__ = ["open_export_dialog"]


def open_export_dialog(app: App | None, runner: TaskRunner, parent: QWidget | None = None,
                       what: What = "incoming") -> ExportDialog | None:
    """Opens the export dialog (its modules load here, not at the window's start)."""
    if app is None:
        return None
    from eoffice_client.ui.reports.export_dialog import ExportDialog

    dialog = ExportDialog(app, runner, what, parent)
    dialog.show()
    dialog.raise_()
    return dialog
