"""An unexpected error: what happened, where the report was saved, the report to copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.dialogs.messages import dialog_buttons


class CrashDialog(QDialog):
    """An unexpected error: what happened, where the report is, and the report to copy."""

    def __init__(self, report: str, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        intro = QLabel(self.tr(
            "An unexpected error happened. Your work is kept and the program goes on. "
            "Please send this report to your IT department."), self)
        intro.setWordWrap(True)
        where = QLabel(self.tr("Report saved at: %1").replace("%1", str(path)) if path
                       else self.tr("The report could not be saved."), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.text = QPlainTextEdit(report, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error report"))
        copy = QPushButton(self.tr("Copy report"), self)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(dialog_buttons(self, self.tr("Close")))
        layout.addLayout(row)
        self.resize(640, 420)
