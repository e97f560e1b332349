"""The leader's batch sign-off: the documents chosen (from "Chờ ký"), the last page of
each with the place of the signature (the box may be dragged), then ONE key and PIN for
all, signed off the GUI thread with progress per document and Cancel.

``app.documents.sign_for_leader`` does the work of each document: the signed PDF into
the files cache, its upload (role ``signed``) and ``sign`` queued together, offline too;
the next sync sends them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import ChainItem, ChainOutcome, ChainProgress
from eoffice_client.core.app.signatures import PdfBox, SignaturePlace
from eoffice_client.core.app.types import CancelToken
from eoffice_client.ui.signing.common import (
    DocumentRows,
    ImageRow,
    KeyChoice,
    error_label,
    error_message,
    show_error,
)
from eoffice_client.ui.signing.key_dialog import KeyDialog
from eoffice_client.ui.signing.preview import PlacePreview
from eoffice_client.ui.tasks import Task, TaskRunner


class SignBatchDialog(QDialog):
    """The list, the preview, the signature image, progress; the controller drives it."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign documents"))
        self.resize(980, 700)
        self.rows = DocumentRows(self, checkable=True)
        self.preview = PlacePreview(self)
        self.hint = QLabel(self.tr("Drag the blue box to move the signature on the page."),
                           self)
        self.image = ImageRow(self.tr("Choose signature image…"),
                              app.signatures.signature_image(),
                              app.signatures.keep_signature_image, self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = error_label(self)
        self.sign = QPushButton(self.tr("Sign…"), self)
        self.sign.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self._layout()

    def _layout(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.rows)
        right = QWidget(split)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview, 1)
        column.addWidget(self.hint)
        split.addWidget(right)
        split.setSizes([340, 640])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.sign)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.image)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)


class SignBatch(QObject):
    """One batch: :meth:`start` with the documents' ids; :attr:`finished` hears the
    outcome (the window then refreshes its list and may start a sync)."""

    finished = Signal(object)  # ChainOutcome

    def __init__(self, app: App, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.runner = runner
        self.dialog = SignBatchDialog(app, parent)
        self.places: dict[str, SignaturePlace] = {}
        self.boxes: dict[str, PdfBox] = {}
        self.problems: dict[str, str] = {}
        self.key_dialog: KeyDialog | None = None
        self.choice: KeyChoice | None = None
        self.task: Task | None = None
        self.cancel_token: CancelToken | None = None
        self.outcome: ChainOutcome | None = None
        self._results: dict[str, ChainItem] = {}
        self._lock = threading.Lock()
        dialog = self.dialog
        dialog.rows.currentRowChanged.connect(lambda _row: self._show_current())
        dialog.rows.itemChanged.connect(lambda _item: self._update_buttons())
        dialog.preview.moved.connect(self._moved)
        dialog.image.changed.connect(lambda _path: self._image_changed())
        dialog.sign.clicked.connect(self.ask_key)
        dialog.cancel.clicked.connect(self.cancel)
        dialog.rejected.connect(self._closed)

    # --- loading the previews ------------------------------------------------------------
    def start(self, doc_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(doc_ids))
        titles = {doc_id: self._title(doc_id) for doc_id in ids}
        self.dialog.rows.set_documents(titles)
        self._set_sign_text()
        self.dialog.sign.setEnabled(False)
        self.dialog.status.setText(self.tr("Preparing the previews…"))
        self.dialog.show()
        image = self.dialog.image.path
        self.runner.run(lambda task: self._load(task, ids, image), self._loaded,
                        self._failed, label="signing previews")

    def _title(self, doc_id: str) -> str:
        doc = self.app.reads.document(doc_id)
        return doc.subject if doc is not None and doc.subject else doc_id

    def _load(self, task: Task, ids: list[str], image: Path | None
              ) -> tuple[dict[str, SignaturePlace], dict[str, str]]:
        places, problems = {}, {}
        for index, doc_id in enumerate(ids):
            if task.cancelled():
                break
            try:
                places[doc_id] = self.app.signatures.leader_place(doc_id, image)
            except Exception as exc:  # shown on the document's row; the others go on
                problems[doc_id] = error_message(exc)
            task.report(index + 1, len(ids), doc_id)
        return places, problems

    def _loaded(self, found: tuple[dict[str, SignaturePlace], dict[str, str]]) -> None:
        self.places, self.problems = found
        for doc_id, problem in self.problems.items():
            self.dialog.rows.mark(doc_id, problem, False)
        self.dialog.status.setText(self.tr("Check the place of the signature on each "
                                           "document, then sign them all with one PIN."))
        self._show_current()
        self._update_buttons()

    def _show_current(self) -> None:
        doc_id = self.dialog.rows.current_id()
        place = self.places.get(doc_id or "")
        box = self.boxes.get(doc_id or "")
        message = self.problems.get(doc_id or "", "")
        self.dialog.preview.show_place(place, box, self.dialog.image.path, message)

    def _moved(self, box: PdfBox) -> None:
        doc_id = self.dialog.rows.current_id()
        if doc_id is not None:
            self.boxes[doc_id] = box

    def _image_changed(self) -> None:
        self._show_current()
        self._update_buttons()

    def signable(self) -> list[str]:
        """The ticked documents whose preview could be made."""
        return [d for d in self.dialog.rows.ticked() if d in self.places]

    def _set_sign_text(self) -> None:
        count = len(self.signable()) if self.places else len(self.dialog.rows.ticked())
        self.dialog.sign.setText(self.tr("Sign %n document(s)…", "", count))

    def _update_buttons(self) -> None:
        self._set_sign_text()
        has_image = self.dialog.image.path is not None
        self.dialog.sign.setEnabled(bool(self.signable()) and has_image and self.task is None
                                    and self.outcome is None)
        if not has_image:
            show_error(self.dialog.error, self.tr(
                "Choose your signature image first (a blue signature on a transparent PNG); "
                "it is kept in your profile for the next time."))
        else:
            show_error(self.dialog.error, "")

    # --- the key, then the batch ---------------------------------------------------------
    def ask_key(self) -> None:
        """The key dialog, once for the whole batch."""
        self.key_dialog = KeyDialog(self.app, self.runner, self.tr("Key for signing"),
                                    self.dialog)
        self.key_dialog.chosen.connect(self.sign_all)
        self.key_dialog.open()

    def sign_all(self, choice: KeyChoice) -> None:
        image = self.dialog.image.path
        if image is None:
            choice.forget()
            return
        self.choice = choice
        ids = self.signable()
        boxes = {d: b for d, b in self.boxes.items() if d in ids}
        self.cancel_token = CancelToken()
        self._results.clear()
        progress = self.dialog.progress
        progress.setRange(0, len(ids))
        progress.setValue(0)
        progress.setVisible(True)
        self.dialog.sign.setEnabled(False)
        self.dialog.cancel.setText(self.tr("Stop after this document"))
        self.dialog.status.setText(self.tr("Signing with the certificate of %1…").replace(
            "%1", choice.certificate.holder_name))
        self.task = self.runner.run(
            lambda task: self._sign(task, ids, choice, image, boxes), self._signed,
            self._failed, label="signing")
        self.task.signals.progress.connect(self._progress)

    def _sign(self, task: Task, ids: list[str], choice: KeyChoice, image: Path,
              boxes: dict[str, PdfBox]) -> ChainOutcome:
        def heard(event: ChainProgress) -> None:
            with self._lock:
                self._results[event.item.document_id] = event.item
            task.report(len(self._results), event.total, event.item.document_id)

        assert self.cancel_token is not None
        return self.app.documents.sign_for_leader(
            ids, choice.key, choice.secret, image, progress=heard, cancel=self.cancel_token,
            places=boxes)

    def _progress(self, done: int, total: int, doc_id: str) -> None:
        self.dialog.progress.setMaximum(max(total, 1))
        self.dialog.progress.setValue(done)
        with self._lock:
            item = self._results.get(doc_id)
        if item is not None:
            self._mark(item)

    def _mark(self, item: ChainItem) -> None:
        note = self.tr("Signed; queued to send.") if item.ok else item.message()
        self.dialog.rows.mark(item.document_id, note, item.ok)

    def _signed(self, outcome: ChainOutcome) -> None:
        self._end_batch()
        self.outcome = outcome
        for item in outcome.items:
            if item.document_id in self.places or item.ok:
                self._mark(item)
        done, total = len(outcome.done), len(outcome.items)
        text = self.tr("%1 of %2 signed. They are sent at the next sync (offline, they "
                       "wait here).").replace("%1", str(done)).replace("%2", str(total))
        if outcome.stopped_by is not None:
            text += " " + outcome.stopped_by.message()
        elif outcome.cancelled:
            text += " " + self.tr("Stopped: the others were not signed.")
        self.dialog.status.setText(text)
        self.dialog.cancel.setText(self.tr("Close"))
        self._update_buttons()
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        """A failure of the whole batch (the key refused at the start): nothing signed."""
        self._end_batch()
        self.dialog.progress.setVisible(False)
        self.dialog.status.setText("")
        self.dialog.cancel.setText(self.tr("Cancel"))
        self._update_buttons()
        show_error(self.dialog.error, error_message(exc))

    def _end_batch(self) -> None:
        self.task = None
        self.dialog.cancel.setEnabled(True)
        if self.choice is not None:
            self.choice.forget()  # the PIN lives for this batch only

    def cancel(self) -> None:
        """During the batch: stop after the current document; else close."""
        if self.task is not None and self.cancel_token is not None:
            self.cancel_token.cancel()
            self.task.cancel()
            self.dialog.cancel.setEnabled(False)
            self.dialog.status.setText(self.tr("Stopping after the current document…"))
            return
        self.dialog.reject()

    def _closed(self) -> None:
        if self.task is not None and self.cancel_token is not None:
            self.cancel_token.cancel()
        if self.choice is not None:
            self.choice.forget()
