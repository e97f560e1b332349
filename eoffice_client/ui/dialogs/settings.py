"""The settings a user may change; the fields set by policy are shown locked."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from eoffice_client.config import Settings, locked_fields
from eoffice_client.ui.dialogs.messages import dialog_buttons


class SettingsDialog(QDialog):
    """Server, sync interval, prefetch policy, language, extra CA bundle; policy fields locked."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
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
        form.addRow(dialog_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.setMinimumWidth(520)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Extra CA certificates (PEM)"),
                                              "", self.tr("Certificates (*.pem *.crt)"))
        if path:
            self.ca_bundle.setText(path)

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
