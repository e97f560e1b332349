"""What the compose window does beyond saving: the PDF for approval made in the background
(progress, cancel; with no converter, a PDF made elsewhere attached instead), appendices,
the preview of the main PDF, and the workflow steps the core's rules allow on the draft
now (submit / re-submit, approve, return with a reason, discard), each asked for with the
window's own action dialogs and queued (works offline)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from eoffice_client.core.app.chain_types import PreparedDraft
from eoffice_client.core.app.records import AttachmentInfo
from eoffice_client.core.app.types import CancelToken, SyncCancelled
from eoffice_client.core.domain.enums import Status
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.actions.offered import action_label
from eoffice_client.ui.actions.params_dialog import ParamsDialog
from eoffice_client.ui.actions.person_picker import PersonPicker
from eoffice_client.ui.file_dialogs import open_file
from eoffice_client.ui.tasks import Cancelled, Task
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.ui.compose.window import ComposeWindow

LOG = logging.getLogger("eoffice.ui.compose")
#: The steps the window offers, each on its own button.
STEPS = ("submit", "approve", "return", "discard")
NO_CONVERTER = "documents.no_converter"


class TaskCancel(CancelToken):
    """The core's cancel token, set when the window's task is cancelled."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def raise_if_cancelled(self) -> None:
        if self._task.cancelled():
            self.cancel()
        super().raise_if_cancelled()


class ComposeFlow(QObject):
    def __init__(self, window: ComposeWindow) -> None:
        super().__init__(window)
        self.window = window
        self.app, self.runner = window.app, window.runner
        self.task: Task | None = None
        files = window.files
        files.makePdf.connect(self.make_pdf)
        files.attachPdf.connect(self.attach_pdf)
        files.addAppendix.connect(self.add_appendix)
        window.cancel_button.clicked.connect(self.cancel)
        buttons = {"submit": window.submit_button, "approve": window.approve_button,
                   "return": window.return_button, "discard": window.discard_button}
        for step, button in buttons.items():
            button.clicked.connect(lambda _=False, s=step: self.step(s))
        self.buttons = buttons

    # --- state -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """The buttons the core's rules allow now, the files, the status line."""
        window = self.window
        doc_id = window.doc_id
        detail = self.app.reads.document(doc_id) if doc_id else None
        window.show_state(detail)
        allowed = self.app.reads.allowed_actions([doc_id]) if doc_id else set()
        for step, button in self.buttons.items():
            button.setVisible(step in allowed)
        returned = detail is not None and detail.status == Status.RETURNED
        window.submit_button.setText(self.tr("Re-submit…") if returned
                                     else self.tr("Submit for approval…"))
        if detail is None:
            window.files.show_files([], 0)
            window.files.preview(None)
            return
        window.files.set_secret(detail.secret)
        window.files.show_files(detail.attachments, self.app.drafts.pending_files(detail.id))
        self._show_main(detail.attachments)

    def _show_main(self, attachments: tuple[AttachmentInfo, ...]) -> None:
        mains = [a for a in attachments if a.role == "main"]
        if not mains:
            self.window.files.preview(None)
            return
        main = mains[-1]
        path = self.app.files.viewable(main)
        if path is not None:
            self.window.files.preview(path)
            return
        self.runner.run(lambda _t: self.app.sync.fetch_file(main.id),
                        lambda _p: self.window.files.preview(self.app.files.viewable(main)),
                        lambda _exc: self.window.files.show_missing(), label="file",
                        show_progress=False)

    def busy(self, busy: bool, what: str = "", cancellable: bool = False) -> None:
        """While a step runs: a progress bar (and Cancel), the buttons off."""
        window = self.window
        window.progress.setVisible(busy)
        window.cancel_button.setVisible(busy and cancellable)
        window.save_button.setEnabled(not busy)
        window.files.set_busy(busy)
        for button in self.buttons.values():
            button.setEnabled(not busy)
        if busy:
            window.state.setText(what)

    def say(self, text: str) -> None:
        self.window.message.setText("")
        self.window.state.setText(text)

    def cancel(self) -> None:
        if self.task is not None and not self.task.finished:
            self.task.cancel()

    # --- the PDF ---------------------------------------------------------------------------
    def make_pdf(self) -> None:
        """Saves what changed, then renders and converts in the background."""
        window = self.window
        if window.read_only or not window.check(for_pdf=True):
            return
        if window.dirty() or window.doc_id is None:
            window.save(then=self.make_pdf)
            return
        doc_id, body = window.doc_id, window.body.text()
        what = self.tr("Making the PDF")

        def work(task: Task) -> PreparedDraft:
            task.report(0, 0, what)
            return self.app.documents.prepare_for_approval(doc_id, body,
                                                           cancel=TaskCancel(task))

        self.busy(True, self.tr("Making the PDF for approval…"), cancellable=True)
        self.task = self.runner.run(work, self._pdf_made, self._pdf_failed,
                                    label=self.tr("Making the PDF for approval"))

    def _pdf_made(self, prepared: PreparedDraft) -> None:
        self.busy(False)
        self.task = None
        self.refresh()
        self.window.files.preview(prepared.pdf)
        self.window.tabs.setCurrentWidget(self.window.files)
        self.say(self.tr("The PDF for approval is ready; it is sent at the next sync."))
        self.window.changed.emit()

    def _pdf_failed(self, exc: BaseException) -> None:
        self.busy(False)
        self.task = None
        if isinstance(exc, SyncCancelled | Cancelled):
            self.say(self.tr("Making the PDF was cancelled; nothing was attached."))
            return
        if isinstance(exc, ClientError) and exc.key == NO_CONVERTER:
            self.window.files.set_converter(None)
        self.window.message.setText(error_text(exc))

    def attach_pdf(self) -> None:
        path = self._choose(self.tr("PDF made elsewhere"), "PDF (*.pdf)")
        if path is not None:
            self._with_saved(lambda doc_id: self.app.drafts.attach_main(doc_id, path),
                             self.tr("The PDF is attached as the main file."))

    def add_appendix(self) -> None:
        path = self._choose(self.tr("Appendix"), self.tr("All files (*)"))
        if path is not None:
            self._with_saved(lambda doc_id: self.app.drafts.attach_appendix(doc_id, path),
                             self.tr("The appendix is attached."))

    def _choose(self, title: str, filters: str) -> Path | None:
        return open_file(self.window, title, filters, purpose="attach")

    def _with_saved(self, queue: Callable[[str], Any], done: str) -> None:
        """Runs ``queue(doc_id)`` on a worker once the draft is saved."""
        window = self.window
        if window.read_only:
            return
        if window.doc_id is None or window.dirty():
            window.save(then=lambda: self._with_saved(queue, done))
            return
        doc_id = window.doc_id
        self.busy(True, done)
        self.runner.run(lambda _t: queue(doc_id), lambda _r: self._queued(done),
                        window.step_failed, label=done)

    def _queued(self, text: str) -> None:
        self.busy(False)
        self.refresh()
        self.say(text)
        self.window.changed.emit()

    # --- workflow steps --------------------------------------------------------------------
    def step(self, action: str) -> None:
        """Asks for the step's params (the window's action dialog, checked by the domain's
        rules), saves first what the drafter changed, then queues it."""
        window = self.window
        if window.doc_id is None:
            return
        if action == "submit" and not self._ready_to_submit():
            return
        if window.dirty():
            window.save(then=lambda: self.step(action))
            return
        params = self._ask(action)
        if params is None:
            return
        doc_id = window.doc_id
        run = (lambda _t: self.app.drafts.discard(doc_id)) if action == "discard" else (
            lambda _t: self.app.changes.act(doc_id, action, params))
        self.busy(True, action_label(action))
        self.runner.run(run, lambda _r: self._stepped(action), window.step_failed,
                        label=action_label(action))

    def _ready_to_submit(self) -> bool:
        window = self.window
        if not window.check(for_pdf=True):
            return False
        detail = window.detail
        has_main = detail is not None and any(a.role == "main" for a in detail.attachments)
        if detail is not None and not detail.secret and not has_main:
            window.message.setText(self.tr(
                "Make the PDF for approval (or attach one) before submitting."))
            window.tabs.setCurrentWidget(window.files)
            return False
        return True

    def _ask(self, action: str) -> dict[str, Any] | None:
        me = self.app.session.me()
        if me is None:
            return None
        doc = self.app.reads.document_json(str(self.window.doc_id)) or {}
        dialog = ParamsDialog(action, [doc], me, self.app.reads.directory(), self.window)
        signer = self.window.signer.user_id()
        chooser = dialog.fields.get("to_user_id")
        if action == "submit" and signer and isinstance(chooser, PersonPicker):
            chooser.choose(signer)  # the leader who signs, as the drafter chose
        return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _stepped(self, action: str) -> None:
        self.busy(False)
        window = self.window
        self.say(self.tr("%1: queued; sent at the next sync.").replace(
            "%1", action_label(action)))
        if window.doc_id is not None:
            window.set_read_only(not self.app.drafts.editable(window.doc_id))
        self.refresh()
        window.changed.emit()
        window.syncWanted.emit()
