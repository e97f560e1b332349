"""What the signing dialogs share: the chosen key with its PIN held for one batch, the
row of a profile image (signature or seal), the document list with each row's state,
and the wording of errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.file_dialogs import open_file

if TYPE_CHECKING:  # the types only: the window imports this before the core is loaded
    from eoffice_client.core.app.chain_types import KeySource
    from eoffice_client.core.app.signatures import CertificateInfo

AppGetter = Callable[[], App | None]
ERROR_COLOR = "#b3261e"
DONE_COLOR = QColor("#1e7b34")
FAILED_COLOR = QColor("#b3261e")


class KeyChoice:
    """A key the person chose and its PIN or password, held in memory for ONE batch:
    :meth:`forget` drops it when the batch ends (never written, never logged)."""

    def __init__(self, key: KeySource, secret: str, certificate: CertificateInfo) -> None:
        self.key = key
        self.certificate = certificate
        self._secret: str | None = secret
        self.asked = 0  # how often the core asked for the secret

    def secret(self) -> str:
        if self._secret is None:
            raise RuntimeError("the secret of this key was dropped after its batch")
        self.asked += 1
        return self._secret

    def forget(self) -> None:
        self._secret = None

    @property
    def forgotten(self) -> bool:
        return self._secret is None

    def __repr__(self) -> str:
        return f"KeyChoice({type(self.key).__name__}, {self.certificate.holder_name!r})"


def error_message(exc: BaseException) -> str:
    """A core error's own message; anything else in plain words (the log has details)."""
    if isinstance(exc, ClientError):
        return exc.message()
    return QCoreApplication.translate(
        "Signing", "This did not work; nothing was signed or sent. Try again; if it "
        "happens again, export a diagnostics bundle (Help menu) for IT staff.")


def error_label(parent: QWidget) -> QLabel:
    """The red message line of a dialog (hidden while empty)."""
    label = QLabel(parent)
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class ImageRow(QWidget):
    """The profile's signature or seal image: a thumbnail, its state, and a button that
    copies a chosen PNG into the profile (``keep`` does the copy and returns where)."""

    changed = Signal(object)  # Path | None

    def __init__(self, title: str, current: Path | None, keep: Callable[[Path], Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = current
        self._keep = keep
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(96, 40)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(title, self)
        self.button.clicked.connect(self._browse)
        self.problem = error_label(self)
        layout.addWidget(self.thumb)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        column.addLayout(layout)
        column.addWidget(self.problem)
        self._show()

    def _browse(self) -> None:
        chosen = open_file(self, self.button.text(), self.tr("PNG images (*.png)"),
                           purpose="signing-image")
        if chosen is not None:
            self.use(chosen)

    def use(self, source: Path) -> None:
        """Keep ``source`` in the profile as this image (a bad file: a message here)."""
        try:
            self.path = self._keep(source)
        except (ClientError, OSError) as exc:
            show_error(self.problem, error_message(exc))
            return
        show_error(self.problem, "")
        self._show()
        self.changed.emit(self.path)

    def _show(self) -> None:
        if self.path is None:
            self.thumb.clear()
            self.text.setText(self.tr("Not chosen yet: a PNG with a transparent background."))
            return
        pixmap = QPixmap(str(self.path))
        self.thumb.setPixmap(pixmap.scaled(self.thumb.size(),
                                           Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        self.text.setText(self.path.name)


class DocumentRows(QListWidget):
    """The documents of a batch, one row each, with what became of each."""

    def __init__(self, parent: QWidget | None = None, checkable: bool = False) -> None:
        super().__init__(parent)
        self.checkable = checkable  # each row ticked: untick to leave it out of the batch
        self.setWordWrap(True)
        self._rows: dict[str, QListWidgetItem] = {}
        self._titles: dict[str, str] = {}

    def set_documents(self, titles: dict[str, str]) -> None:
        self.clear()
        self._rows.clear()
        self._titles = dict(titles)
        for doc_id, title in titles.items():
            item = QListWidgetItem(title, self)
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            if self.checkable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self._rows[doc_id] = item
        if self.count():
            self.setCurrentRow(0)

    def ids(self) -> list[str]:
        return list(self._rows)

    def ticked(self) -> list[str]:
        """The rows left in the batch (all of them when the rows have no tick boxes)."""
        return [d for d, item in self._rows.items()
                if not self.checkable or item.checkState() == Qt.CheckState.Checked]

    def current_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def mark(self, doc_id: str, note: str, ok: bool | None) -> None:
        """The row's title with ``note`` under it, green when done, red when it failed."""
        item = self._rows.get(doc_id)
        if item is None:
            return
        title = self._titles.get(doc_id, doc_id)
        item.setText(f"{title}\n    {note}" if note else title)
        item.setToolTip(note)
        if ok is True:
            item.setForeground(DONE_COLOR)
        elif ok is False:
            item.setForeground(FAILED_COLOR)
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def note_of(self, doc_id: str) -> str:
        item = self._rows.get(doc_id)
        return item.toolTip() if item is not None else ""


def load_signing_modules(app: App) -> None:
    """pyHanko's modules, imported here on the GUI thread before a worker signs or
    verifies (``app.signatures.load_modules``); the first time takes a moment, so the
    cursor says so."""
    if app.signatures.modules_loaded:
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        app.signatures.load_modules()
    finally:
        QApplication.restoreOverrideCursor()
