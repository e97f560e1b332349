"""edXML exchange with other agencies (QCVN 102:2016) in the window.

Hooks for the main window (each one call; the modules load when first used):

* File menu "Import edXML…" (Nhập văn bản edXML…), for the clerk role (văn thư; others
  may open it to read a file, but only a clerk can register a document — the dialog says
  so — and anyone may record a status message that comes back)::

      from eoffice_client.ui.interop import open_import_dialog
      dialog = open_import_dialog(app, window.runner, window)
      dialog.imported.connect(lambda doc_id: (refresh_lists(), start_sync()))

  The dialog accepts files dropped on it; to accept drops on the main window too, call
  ``dialog.add_files(paths)`` from the window's dropEvent.
* Document actions (the document pane's action bar or context menu), for the clerk role:
  "Export as edXML…" (Xuất edXML…) on an issued outgoing document, and "Status message
  (edXML)…" (Thông báo trạng thái edXML…) on a received (incoming) document::

      from eoffice_client.ui.interop import open_export_dialog
      open_export_dialog(app, window.runner, doc_id, "document", window)   # or "status"

  Each returns the dialog (None while ``app`` is None); its ``written(Path)`` signal
  tells a file was saved. The core refuses what does not fit (not issued, secret, a
  status code that does not fit the document) with its own message, shown in the dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from eoffice_client.core.app.application import App
    from eoffice_client.ui.interop.edxml_export import EdxmlExportDialog, Mode
    from eoffice_client.ui.interop.edxml_import import EdxmlImportDialog
    from eoffice_client.ui.tasks import TaskRunner

__all__ = ["open_export_dialog", "open_import_dialog"]


def open_import_dialog(app: App | None, runner: TaskRunner,
                       parent: QWidget | None = None) -> EdxmlImportDialog | None:
    if app is None:
        return None
    from eoffice_client.ui.interop.edxml_import import EdxmlImportDialog

    dialog = EdxmlImportDialog(app, runner, parent)
    dialog.show()
    dialog.raise_()
    return dialog


def open_export_dialog(app: App | None, runner: TaskRunner, doc_id: str,
                       mode: Mode = "document", parent: QWidget | None = None
                       ) -> EdxmlExportDialog | None:
    if app is None:
        return None
    from eoffice_client.ui.interop.edxml_export import EdxmlExportDialog

    dialog = EdxmlExportDialog(app, runner, doc_id, mode, parent)
    dialog.show()
    dialog.raise_()
    return dialog
