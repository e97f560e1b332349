"""The settings a user may change; the fields set by policy are shown locked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from eoffice_client.config import Settings, locked_fields
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.dialogs.messages import dialog_buttons, primary_button
from eoffice_client.ui.file_dialogs import open_file
from eoffice_client.ui.window.errors import error_text

#: checks a new server address: (the address as used, what changing to it means or None);
#: raises the ClientError to show
ServerCheck = Callable[[str], tuple[str, str | None]]


class SettingsDialog(QDialog):
    """Server, sync interval, prefetch policy, language, extra CA bundle; policy fields
    locked. A new server is checked by ``check_server`` before it is saved (refused:
    the message, and the dialog stays open); what it means (a new sign-in) is said
    first, and a second Save confirms it."""

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 check_server: ServerCheck | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.original_server = settings.server
        self.check_server = check_server
        self.confirmed_server: str | None = None
        self.locked = locked_fields()
        self.server = QLineEdit(settings.server, self)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 240)
        self.interval.setValue(settings.sync_interval_min)
        self.interval.setSuffix(" " + self.tr("min"))
        self.prefetch = QComboBox(self)
        self.prefetch.addItem(self.tr("All files of non-secret documents"), "non_secret")
        self.prefetch.addItem(self.tr("Only when I open them"), "none")
        self.prefetch.setCurrentIndex(max(0, self.prefetch.findData(settings.prefetch)))
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.mark_read = QCheckBox(self.tr("Mark a document read when I open it"), self)
        self.mark_read.setChecked(settings.mark_read_on_open)
        self.ca_bundle = QLineEdit(settings.ca_bundle, self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        form = QFormLayout(self)
        rows: list[tuple[str, str, Any]] = [
            ("server", self.tr("Server address"), self.server),
            ("sync_interval_min", self.tr("Sync every"), self.interval),
            ("prefetch", self.tr("Download files"), self.prefetch),
            ("language", self.tr("Language"), self.language),
            ("mark_read_on_open", self.tr("Reading"), self.mark_read),
            ("ca_bundle", self.tr("Extra CA certificates (PEM)"), ca_row),
        ]
        for name, caption, widget in rows:
            form.addRow(caption, widget)
            target = self.ca_bundle if name == "ca_bundle" else widget
            target.setAccessibleName(caption)
            if name in self.locked:
                target.setEnabled(False)
                target.setToolTip(self.tr("Set by your IT department"))
                if name == "ca_bundle":
                    browse.setEnabled(False)
        if self.locked & {r[0] for r in rows}:
            note = QLabel(self.tr("Greyed fields are set by your IT department."), self)
            note.setObjectName("hint")
            form.addRow(note)
        self.notice = QLabel(self)
        self.notice.setObjectName("errorText")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        form.addRow(self.notice)
        self.buttons = dialog_buttons(self, self.tr("Save"), self.tr("Cancel"))
        self.save_button = primary_button(self.buttons)
        form.addRow(self.buttons)
        self.server.textEdited.connect(self._server_edited)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if self._server_ready():
            super().accept()

    def _server_ready(self) -> bool:
        """The server as typed may be saved: unchanged, or checked and its meaning told."""
        server = self.server.text().strip()
        if "server" in self.locked or server == self.original_server or not self.check_server:
            return True
        try:
            address, meaning = self.check_server(server)
        except ClientError as exc:
            self._say(error_text(exc), error=True)
            self.server.setFocus()
            self.server.selectAll()
            return False
        self.server.setText(address)
        if meaning is None or self.confirmed_server == address:
            return True
        self.confirmed_server = address
        self.save_button.setText(self.tr("Save and sign in"))
        self._say(meaning, error=False)
        return False

    def _server_edited(self) -> None:
        self.confirmed_server = None
        self.notice.setVisible(False)
        self.save_button.setText(self.tr("Save"))

    def _say(self, text: str, error: bool) -> None:
        """A refusal (red) or what saving will mean (a hint), in full: the dialog grows."""
        self.notice.setObjectName("errorText" if error else "hint")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.setText(text)
        self.notice.setVisible(True)
        self.save_button.adjustSize()
        layout = self.buttons.layout()
        if layout is not None:  # the new button text's width, before the dialog's size
            layout.activate()
        self.adjustSize()

    def _browse(self) -> None:
        path = open_file(self, self.tr("Extra CA certificates (PEM)"),
                         self.tr("Certificates (*.pem *.crt)"), purpose="certificates")
        if path is not None:
            self.ca_bundle.setText(str(path))

    def result_settings(self) -> Settings:
        """The settings with the user's changes (policy fields untouched)."""
        values = {"server": self.server.text().strip(),
                  "sync_interval_min": self.interval.value(),
                  "prefetch": self.prefetch.currentData(),
                  "language": self.language.currentData(),
                  "mark_read_on_open": self.mark_read.isChecked(),
                  "ca_bundle": self.ca_bundle.text().strip()}
        for name, value in values.items():
            if name not in self.locked:
                setattr(self.settings, name, value)
        return self.settings
