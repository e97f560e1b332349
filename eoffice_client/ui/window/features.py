"""The window's features beyond reading and acting, each from its own package, put in
place here so the shell stays a composer: administration and security (``ui/admin``),
signing, numbering and issuing (``ui/signing``), the dashboard (``ui/dashboard``),
registers and reports (``ui/reports``) and edXML exchange (``ui/interop``). What a role
may never use is not shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from eoffice_client.config import Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import Person
from eoffice_client.ui.admin import AdminParts, install_admin
from eoffice_client.ui.resources import icon
from eoffice_client.ui.signing import SigningHooks, install_signing
from eoffice_client.ui.window.dashboard_page import DashboardPage

if TYPE_CHECKING:
    from eoffice_client.ui.window.shell import MainWindow

AppSource = Callable[[], App | None]
#: the roles that keep the registers and the exchange with other agencies
CLERK_ROLES = ("clerk",)
REPORT_ROLES = ("clerk", "leader")


class WindowFeatures(QObject):
    """What :func:`install_features` put in the window (kept as ``window.features``)."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.admin: AdminParts = install_admin(window, self.ready_app, settings, window.runner)
        self.dashboard = DashboardPage(window, self.ready_app)
        self.signing: SigningHooks = install_signing(
            window, self.ready_app, window.documents.selected_ids, window.runner)
        self.export_reports = QAction(icon("print"), "", window)
        self.import_edxml = QAction(icon("inbox"), "", window)
        self.export_edxml = QAction(icon("outbox"), "", window)
        self.edxml_status = QAction(icon("outbox"), "", window)
        self._place_admin()
        self._place_signing()
        self._place_documents_features()
        window.installEventFilter(self)
        self.retranslate()
        self.apply_role(None)

    def ready_app(self) -> App | None:
        """The application API once the core is loaded, else None."""
        return self.window.app if self.window.core_ready else None

    def _place_admin(self) -> None:
        window, admin = self.window, self.admin
        about = window.commands.about
        window.commands.help_menu.insertAction(about, admin.audit_action)
        window.center_layout.insertWidget(0, admin.notice_bar)  # above boxes and list
        admin.idle_lock.signOutRequested.connect(
            lambda: window.session_controller.do_sign_out(False))
        window.session_controller.settingsChanged.connect(admin.apply_settings)
        window.sync_controller.finished.connect(admin.sync_finished)

    def _place_signing(self) -> None:
        window, signing = self.window, self.signing
        window.commands.document_menu.addSeparator()
        window.commands.document_menu.addActions([signing.sign_action, signing.issue_action])
        window.toolbar.insertAction(window.commands.compose_new, signing.sign_action)
        signing.sign_action.setIcon(icon("sign"))
        window.documents.model.set_badges(signing.badges)
        signing.badges.updated.connect(window.documents.model.badges_arrived)
        window.documents.currentChanged.connect(lambda: signing.update_enabled())
        window.sync_controller.finished.connect(lambda _outcome: signing.after_sync())
        signing.changed.connect(self._documents_changed)

    def _place_documents_features(self) -> None:
        window, commands = self.window, self.window.commands
        window.toolbar.insertAction(commands.sync, self.dashboard.action)
        commands.tools_menu.insertAction(commands.filters, self.dashboard.action)
        commands.file_menu.insertActions(commands.switch_profile, [
            self.import_edxml, self.export_reports])
        commands.file_menu.insertSeparator(commands.switch_profile)
        commands.document_menu.addSeparator()
        commands.document_menu.addActions([self.export_edxml, self.edxml_status])
        self.export_reports.triggered.connect(self._open_export_reports)
        self.import_edxml.triggered.connect(self._open_import_edxml)
        self.export_edxml.triggered.connect(lambda: self._open_edxml("document"))
        self.edxml_status.triggered.connect(lambda: self._open_edxml("status"))

    def apply_role(self, me: Person | None) -> None:
        """Shows what the signed-in user's roles may use (the shell calls it)."""
        clerk = me is not None and any(me.has_role(role) for role in CLERK_ROLES)
        reports = me is not None and any(me.has_role(role) for role in REPORT_ROLES)
        for action in (self.import_edxml, self.export_edxml, self.edxml_status):
            action.setVisible(clerk)
        self.export_reports.setVisible(reports)
        self.signing.sign_action.setVisible(me is not None and me.has_role("leader"))
        self.signing.issue_action.setVisible(clerk)
        self.dashboard.action.setVisible(me is not None)

    def _open_export_reports(self) -> None:
        from eoffice_client.ui.reports import open_export_dialog

        open_export_dialog(self.ready_app(), self.window.runner, self.window)

    def _open_import_edxml(self) -> None:
        from eoffice_client.ui.interop import open_import_dialog

        dialog = open_import_dialog(self.ready_app(), self.window.runner, self.window)
        if dialog is not None:
            dialog.imported.connect(lambda _doc_id: self._documents_changed())

    def _documents_changed(self) -> None:
        self.window.refresh_all()
        self.window.sync_controller.start()  # what was queued goes at once when online

    def _open_edxml(self, mode: str) -> None:
        from eoffice_client.ui.interop import open_export_dialog

        ids = self.window.documents.selected_ids()
        if ids:
            open_export_dialog(self.ready_app(), self.window.runner, ids[0],
                               "status" if mode == "status" else "document", self.window)

    def close(self) -> None:
        """The window closes: the features' timers stop."""
        self.admin.close()

    def retranslate(self) -> None:
        self.export_reports.setText(self.tr("Export register or report…"))
        self.import_edxml.setText(self.tr("Import edXML…"))
        self.export_edxml.setText(self.tr("Export as edXML…"))
        self.edxml_status.setText(self.tr("Status message (edXML)…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install_features(window: MainWindow, settings: Settings) -> WindowFeatures:
    return WindowFeatures(window, settings)
