"""The toolbar: sync, register a paper document, print (a menu), sync issues; on the right
the search box and the filters' switch."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from eoffice_client.ui.resources import icon
from eoffice_client.ui.window.commands import WindowCommands

SEARCH_BOX_WIDTH = 300
BADGE_COLOR = QColor("#b3261e")
ICON_PIXELS = 48  # the badge is drawn at this size and scaled with the icon


def badged(base: QIcon, count: int) -> QIcon:
    """``base`` with a red disc and ``count`` in its upper right corner."""
    pixmap = base.pixmap(ICON_PIXELS, ICON_PIXELS)
    if pixmap.isNull():
        pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(ICON_PIXELS * 0.42, 0, ICON_PIXELS * 0.58, ICON_PIXELS * 0.58)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_COLOR)
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(ICON_PIXELS * 0.4))
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
    painter.end()
    return QIcon(pixmap)


class MainToolbar(QToolBar):
    """``search`` is the search box the document list listens to."""

    def __init__(self, commands: WindowCommands, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.commands = commands
        self.conflicts = 0
        self.addActions([commands.sync, commands.compose_new, commands.register_paper])
        # the sync button carries the conflicts' badge; its menu opens the sync issues
        self.sync_button = self.widgetForAction(commands.sync)
        self.sync_menu = QMenu(self)
        self.sync_menu.addAction(commands.sync_issues)
        if isinstance(self.sync_button, QToolButton):
            self.sync_button.setMenu(self.sync_menu)
            self.sync_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.print_button = QToolButton(self)
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.print_menu.addActions([commands.print_document, commands.print_slip,
                                    commands.print_list])
        self.print_button.setMenu(self.print_menu)
        self.addWidget(self.print_button)
        self.addAction(commands.reading_layout)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(SEARCH_BOX_WIDTH)
        self.addWidget(self.search)
        self.filter_button = QToolButton(self)
        self.filter_button.setDefaultAction(commands.filters)
        self.addWidget(self.filter_button)

    def show_conflicts(self, count: int) -> None:
        """A badge on the sync button while changes wait for the user's decision; no
        warning anywhere when nothing is wrong."""
        self.conflicts = count
        self.commands.sync.setIcon(badged(icon("sync"), count) if count else icon("sync"))
        self.commands.sync_issues.setIcon(icon("warning") if count else QIcon())
        self.retranslate()

    def retranslate(self) -> None:
        sync, issues = self.commands.sync, self.commands.sync_issues
        if self.conflicts:
            sync.setToolTip(self.tr(
                "%n of your changes need your decision: open Sync issues from this "
                "button's menu", "", self.conflicts))
            issues.setText(self.tr("Sync issues (%1)").replace("%1", str(self.conflicts)))
        else:
            sync.setToolTip(self.tr("Sync now (F5)"))
            issues.setText(self.tr("Sync issues"))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print"))
        self.search.setPlaceholderText(self.tr("Search number, subject, issuer… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search documents"))
