"""The clerk's number-and-issue of signed documents, one or many.

Step 1, ``number``: the register chosen here, the action queued (``app.changes``, params
``{"register_id"}`` as eoffice-api-v1 section 6 has it); the server gives the số and the
date, which come back with the next sync ("Sync now" here, or the window's own). Step 2,
once the number is here: ``app.documents.issue_numbered`` fills the number and date into
the leader's signed PDF, applies the organisation's signature with the seal image, and
queues the ``final`` upload with ``issue``; one key and PIN for all, off the GUI thread,
with progress per document and Cancel.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import ChainItem, ChainOutcome, ChainProgress
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
from eoffice_client.ui.tasks import Task, TaskRunner


def _day(iso: str) -> str:
    """``2026-12-03`` as people write it: 03/12/2026."""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


class Stage(enum.Enum):
    """Where one document stands in the clerk's two steps."""

    TO_NUMBER = "to_number"  # signed: the number can be asked for
    WAITING = "waiting"  # number asked; the server's answer has not come back yet
    READY = "ready"  # the number is here: fill, seal and issue
    DONE = "done"  # issued (or queued to be)
    OTHER = "other"  # not a step of this dialog (not signed yet, recalled...)


class IssueDialog(QDialog):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Number and issue"))
        self.resize(760, 560)
        self.rows = DocumentRows(self)
        self.register = QComboBox(self)
        self.number = QPushButton(self.tr("Request the numbers"), self)
        self.sync = QPushButton(self.tr("Sync now"), self)
        self.seal = ImageRow(self.tr("Choose seal image…"), app.signatures.seal_image(),
                             app.signatures.keep_seal_image, self)
        self.issue = QPushButton(self.tr("Seal and issue…"), self)
        self.issue.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = error_label(self)
        self.seal_hint = error_label(self)
        self.seal_hint.setText(self.tr("Choose the seal image of the organisation (a red "
                                       "seal on a transparent PNG) first; it is kept in your "
                                       "profile for the next time."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows, 1)
        form = QFormLayout()
        number_row = QHBoxLayout()
        number_row.addWidget(self.register, 1)
        number_row.addWidget(self.number)
        number_row.addWidget(self.sync)
        form.addRow(self.tr("1. Register:"), number_row)
        form.addRow(self.tr("2. Seal:"), self.seal)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.seal_hint)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.issue)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)


class IssueFlow(QObject):
    """:meth:`start` with the documents' ids; :attr:`changed` after anything was queued
    (the window refreshes its list), :attr:`finished` with the issue batch's outcome."""

    changed = Signal()
    finished = Signal(object)  # ChainOutcome

    def __init__(self, app: App, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.runner = runner
        self.dialog = IssueDialog(app, parent)
        self.ids: list[str] = []
        self.stages: dict[str, Stage] = {}
        self.key_dialog: KeyDialog | None = None
        self.choice: KeyChoice | None = None
        self.task: Task | None = None
        self.cancel_token: CancelToken | None = None
        self.outcome: ChainOutcome | None = None
        self._results: dict[str, ChainItem] = {}
        self._lock = threading.Lock()
        dialog = self.dialog
        dialog.number.clicked.connect(self.request_numbers)
        dialog.sync.clicked.connect(self.sync_now)
        dialog.issue.clicked.connect(self.ask_key)
        dialog.close_button.clicked.connect(self.close_or_stop)
        dialog.seal.changed.connect(lambda _path: self._update_buttons())
        dialog.rejected.connect(self._closed)

    def start(self, doc_ids: Sequence[str]) -> None:
        self.ids = list(dict.fromkeys(doc_ids))
        titles = {}
        for doc_id in self.ids:
            doc = self.app.reads.document(doc_id)
            titles[doc_id] = doc.subject if doc is not None and doc.subject else doc_id
        self.dialog.rows.set_documents(titles)
        self._fill_registers()
        self.refresh()
        self.dialog.show()

    def _fill_registers(self) -> None:
        year = self.app.reads.today().year
        registers = [r for r in self.app.reads.directory().registers.values()
                     if r.direction == "outgoing" and not r.secret and r.year in (None, year)]
        self.dialog.register.clear()
        for register in sorted(registers, key=lambda r: r.name):
            self.dialog.register.addItem(register.name or register.id, register.id)

    # --- where each document stands ------------------------------------------------------
    def refresh(self) -> None:
        asked = {e.document_id for e in self.app.reads.outbox() if e.action == "number"}
        for doc_id in self.ids:
            stage, note = self._stage(doc_id, doc_id in asked)
            self.stages[doc_id] = stage
            if doc_id not in self._results:
                self.dialog.rows.mark(doc_id, note, True if stage is Stage.DONE else None)
        self._update_buttons()

    def _stage(self, doc_id: str, asked: bool) -> tuple[Stage, str]:
        doc = self.app.reads.document(doc_id)
        if doc is None:
            return Stage.OTHER, self.tr("Not on this computer.")
        if doc.status == "issued":
            return Stage.DONE, self.tr("Issued.")
        if isinstance(doc.code_number, int) and doc.code_number > 0 and doc.issued_date:
            code = f"{doc.code_number:02d}/{doc.code_notation}" if doc.code_notation \
                else f"{doc.code_number:02d}"
            return Stage.READY, self.tr("Number %1 of %2: ready to seal and issue.").replace(
                "%1", code).replace("%2", _day(doc.issued_date))
        if asked or doc.status == "numbered":
            return Stage.WAITING, self.tr("Number requested; it arrives with the next sync.")
        if doc.status == "signed":
            return Stage.TO_NUMBER, self.tr("Signed by the leader: request its number.")
        return Stage.OTHER, self.tr("Not signed yet (status: %1).").replace("%1", doc.status)

    def in_stage(self, stage: Stage) -> list[str]:
        return [d for d in self.ids if self.stages.get(d) is stage]

    def _update_buttons(self) -> None:
        dialog, idle = self.dialog, self.task is None
        ready = self.in_stage(Stage.READY)
        dialog.number.setEnabled(idle and bool(self.in_stage(Stage.TO_NUMBER))
                                 and dialog.register.count() > 0)
        dialog.sync.setEnabled(idle)
        dialog.issue.setText(self.tr("Seal and issue %n document(s)…", "", len(ready)) if ready
                             else self.tr("Seal and issue…"))
        dialog.issue.setEnabled(idle and bool(ready) and dialog.seal.path is not None)
        seal_missing = bool(ready) and dialog.seal.path is None
        dialog.seal_hint.setVisible(seal_missing)

    # --- step 1: the numbers -------------------------------------------------------------
    def request_numbers(self) -> None:
        register = self.dialog.register.currentData()
        ids = self.in_stage(Stage.TO_NUMBER)
        if not register or not ids:
            return
        params = {"register_id": str(register)}
        self._busy(self.tr("Requesting the numbers…"))
        self.task = self.runner.run(
            lambda _task: self.app.changes.act_on_many(ids, "number", params),
            lambda _rows: self._queued(self.tr("Numbers requested for %n document(s); they "
                                               "arrive with the next sync.", "", len(ids))),
            self._failed, label="number")

    def sync_now(self) -> None:
        self._busy(self.tr("Syncing…"))
        self.task = self.runner.run(lambda _task: self.app.sync.run(files=True),
                                    lambda _outcome: self._queued(self.tr("Synced.")),
                                    self._failed, label="sync")

    def _queued(self, text: str) -> None:
        self.task = None
        self.dialog.status.setText(text)
        self.refresh()
        self.changed.emit()

    # --- step 2: fill, seal and issue ----------------------------------------------------
    def ask_key(self) -> None:
        self.key_dialog = KeyDialog(self.app, self.runner,
                                    self.tr("Key of the organisation's signature"), self.dialog)
        self.key_dialog.chosen.connect(self.issue_all)
        self.key_dialog.open()

    def issue_all(self, choice: KeyChoice) -> None:
        seal = self.dialog.seal.path
        ids = self.in_stage(Stage.READY)
        if seal is None or not ids:
            choice.forget()
            return
        self.choice = choice
        self.cancel_token = CancelToken()
        self._results.clear()
        self.dialog.progress.setRange(0, len(ids))
        self.dialog.progress.setValue(0)
        self.dialog.progress.setVisible(True)
        self._busy(self.tr("Sealing with the certificate of %1…").replace(
            "%1", choice.certificate.holder_name))
        self.dialog.close_button.setText(self.tr("Stop after this document"))
        token = self.cancel_token

        def work(task: Task) -> ChainOutcome:
            def heard(event: ChainProgress) -> None:
                with self._lock:
                    self._results[event.item.document_id] = event.item
                task.report(len(self._results), event.total, event.item.document_id)

            return self.app.documents.issue_numbered(ids, choice.key, choice.secret, seal,
                                                     progress=heard, cancel=token)

        self.task = self.runner.run(work, self._issued, self._failed, label="issue")
        self.task.signals.progress.connect(self._progress)

    def _progress(self, done: int, total: int, doc_id: str) -> None:
        self.dialog.progress.setMaximum(max(total, 1))
        self.dialog.progress.setValue(done)
        with self._lock:
            item = self._results.get(doc_id)
        if item is not None:
            self._mark(item)

    def _mark(self, item: ChainItem) -> None:
        note = self.tr("Sealed; the final PDF and the issue are queued to send.") if item.ok \
            else item.message()
        self.dialog.rows.mark(item.document_id, note, item.ok)

    def _issued(self, outcome: ChainOutcome) -> None:
        self._end()
        self.outcome = outcome
        for item in outcome.items:
            self._mark(item)
        text = self.tr("%1 of %2 issued. They are sent at the next sync.").replace(
            "%1", str(len(outcome.done))).replace("%2", str(len(outcome.items)))
        if outcome.stopped_by is not None:
            text += " " + outcome.stopped_by.message()
        elif outcome.cancelled:
            text += " " + self.tr("Stopped: the others were not issued.")
        self.dialog.status.setText(text)
        self.stages.update({i.document_id: Stage.DONE for i in outcome.done})
        self._update_buttons()
        self.changed.emit()
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.dialog.status.setText("")
        show_error(self.dialog.error, error_message(exc))
        self._update_buttons()

    def _busy(self, text: str) -> None:
        show_error(self.dialog.error, "")
        self.dialog.status.setText(text)
        for button in (self.dialog.number, self.dialog.sync, self.dialog.issue):
            button.setEnabled(False)

    def _end(self) -> None:
        self.task = None
        self.dialog.progress.setVisible(False)
        self.dialog.close_button.setText(self.tr("Close"))
        self.dialog.close_button.setEnabled(True)
        if self.choice is not None:
            self.choice.forget()

    def close_or_stop(self) -> None:
        if self.task is not None and self.cancel_token is not None:
            self.cancel_token.cancel()
            self.task.cancel()
            self.dialog.close_button.setEnabled(False)
            return
        self.dialog.reject()

    def _closed(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
        if self.choice is not None:
            self.choice.forget()
