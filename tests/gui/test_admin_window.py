"""The admin parts in the real main window (``ui/window/features.py``): the Help menu entry
opens the audit trail, the notice bar sits above the list, the idle lock hides the list and
the pane, Qt's texts follow the language, and the window's close stops the parts."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from eoffice_client.config import Settings
from eoffice_client.ui.admin.lock_screen import LockScreen
from tests.gui.conftest import shoot


def test_hooked_into_the_main_window(qtbot: Any, open_window: Any,
                                     filled_profile: Any) -> None:
    controller = open_window(filled_profile(30))
    window = controller.window
    parts = window.features.admin
    parts.apply_settings(Settings(idle_lock_min=15))
    assert window.features.ready_app() is window.app
    help_actions = window.commands.help_menu.actions()
    assert parts.audit_action in help_actions
    assert help_actions.index(parts.audit_action) == len(help_actions) - 2  # before About
    assert parts.audit_action.text() == "Nhật ký thao tác…"
    holder = window.centralWidget()
    assert holder.layout().indexOf(parts.notice_bar) == 0
    assert holder.isAncestorOf(window.documents) and holder.isAncestorOf(window.pane)
    assert parts.idle_lock.watching and parts.idle_lock.idle_seconds == 15 * 60

    parts.audit_action.trigger()
    viewer = parts.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.snapshot is not None, timeout=10000)
    assert viewer.check_label.property("state") == "intact"
    viewer.close()

    parts.idle_lock.lock()
    assert not window.documents.isVisible() and not window.pane.isVisible()
    assert any(isinstance(w, LockScreen) and w.isVisible()
               for w in QApplication.topLevelWidgets())
    shoot(window, "admin_main_window_locked")
    parts.idle_lock.unlock()
    assert window.documents.isVisible() and window.pane.isVisible()

    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
        box.deleteLater()
        return text

    assert cancel_text() == "Hủy"
    controller.set_language("en")
    qtbot.waitUntil(lambda: cancel_text() == "Cancel"
                    and parts.audit_action.text() == "Audit trail…", timeout=3000)
    controller.set_language("vi")
    qtbot.waitUntil(lambda: cancel_text() == "Hủy"
                    and parts.audit_action.text() == "Nhật ký thao tác…", timeout=3000)


def test_the_window_start_loads_nothing_heavy_for_the_admin_parts() -> None:
    """The parts are made before the first paint: importing the window (and with it this
    package) loads neither the keyring, the HTTP stack, the trail nor the update check;
    they come with the core or when first used."""
    heavy = ["keyring", "requests", "pydantic", "sqlalchemy",
             "eoffice_client.core.security.audit", "eoffice_client.core.update",
             "eoffice_client.core.app.updates"]
    code = ("import sys; import eoffice_client.ui.window.shell; "
            "import eoffice_client.ui.admin; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120, check=True)
    assert done.stdout.strip() == "[]"
