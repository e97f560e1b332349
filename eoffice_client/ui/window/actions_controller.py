"""What the user does to documents: workflow actions (asked for, then queued: they work
offline), registering a paper document, printing, and the attachments (fetch, show,
open in another application)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from eoffice_client.core.app.application import App
from eoffice_client.core.app.records import AttachmentInfo, Directory
from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.errors import ClientError
from eoffice_client.ui.actions.offered import action_label, enabled_actions, may_register_paper
from eoffice_client.ui.dialogs.form import FormDialog
from eoffice_client.ui.dialogs.messages import inform
from eoffice_client.ui.document_view import DocumentView
from eoffice_client.ui.tasks import Cancelled, Task, TaskRunner
from eoffice_client.ui.window.box_list import BoxList
from eoffice_client.ui.window.document_list import DocumentList
from eoffice_client.ui.window.errors import error_text, report_background_error

if TYPE_CHECKING:
    from eoffice_client.ui.dialogs.register_paper import RegisterPaperDialog

#: rows of the current list that "Print the list" prints at most
PRINTED_ROWS = 2000
QUEUED_MESSAGE_MS = 6000


class ActionsController(QObject):
    """``queued`` names the action and how many documents it was queued on; ``changed``
    says the documents changed (refresh lists, counts, the document shown)."""

    queued = Signal(str, int)
    changed = Signal()
    readMarked = Signal()  # a document opened was marked read (quietly: rows and counts)
    syncWanted = Signal()  # a workflow action was queued: it may go at once when online
    fileShown = Signal(str, object)  # attachment id, its path or None
    message = Signal(str, int)  # a status-bar text and how long it shows (ms)

    def __init__(self, app: App, runner: TaskRunner, boxes: BoxList,
                 documents: DocumentList, view: DocumentView, window: QWidget) -> None:
        super().__init__(window)
        self.app, self.runner, self.window = app, runner, window
        self.boxes, self.documents, self.view = boxes, documents, view
        self.directory = Directory()
        self.lang = "vi"
        self.form: FormDialog | None = None  # the form open now (tests look at it)
        view.fileRequested.connect(self._file_requested)
        view.openExternally.connect(self._open_externally)

    # --- workflow actions ------------------------------------------------------------------
    def run(self, action: str) -> None:
        """Asks for the action's params, then queues it on every selected document; the
        form stays open, filled, until the action is queued (or the user cancels)."""
        docs = self.documents.selected_documents()
        me = self.app.session.me()
        if not docs or me is None or action not in enabled_actions(docs, me):
            return
        from eoffice_client.ui.actions.ask import confirm_several, params_form

        form = params_form(action, docs, me, self.directory, self.window)
        if form is None:
            if confirm_several(action, len(docs), self.window):
                self.queue(action, docs, {})
            return
        form.submit = lambda f: self.queue(action, docs, f.params(), f)
        self._open_form(form)

    def _open_form(self, form: FormDialog) -> None:
        """Opens the form window-modal (the window goes on painting); the previous form,
        closed by now, is deleted."""
        if self.form is not None:
            self.form.deleteLater()
        self.form = form
        form.open()

    def open_current(self) -> None:
        """Enter: mark the document read, and move to its pane."""
        docs = self.documents.selected_documents()
        if len(docs) != 1:
            return
        doc = docs[0]
        if not doc.get("read") and "mark_read" in enabled_actions([doc], self.app.session.me()):
            self.queue("mark_read", [doc], {})
        self.view.tabs.setFocus()

    def mark_read(self, doc: JsonObject) -> None:
        """The read mark of a document opened: queued as any action, but without a message
        or a sync of its own (it goes with the next one)."""
        self.queue("mark_read", [doc], {}, quiet=True)

    def queue(self, action: str, docs: list[JsonObject], params: JsonObject,
              form: FormDialog | None = None, quiet: bool = False) -> None:
        """Queues the action on every document (works offline), then refreshes. With a
        ``form``: it closes when all are queued, else shows why, and the documents already
        queued are left out of the next try. ``quiet``: no message, no progress, no sync."""
        ids = [str(d["id"]) for d in docs]
        done_ids: list[str] = []

        def work(task: Task) -> int:
            for done, doc_id in enumerate(ids, 1):
                if task.cancelled():
                    raise Cancelled()
                own = dict(params)
                if action == "comment" and len(ids) > 1:
                    own["id"] = str(uuid.uuid4())  # one comment per document
                self.app.changes.act(doc_id, action, own)
                done_ids.append(doc_id)
                task.report(done, len(ids), action_label(action))
            return len(ids)

        def failed(exc: BaseException) -> None:
            for doc in [d for d in docs if d["id"] in done_ids]:
                docs.remove(doc)
            if done_ids:
                self._queued(action, len(done_ids))
            self._failed(exc, form, action)

        done = (lambda _count: self.readMarked.emit()) if quiet else (
            lambda count: self._queued(action, count, form))
        self.runner.run(work, done, failed, label=action_label(action),
                        show_progress=not quiet)

    def _queued(self, action: str, count: int, form: FormDialog | None = None) -> None:
        if form is not None:
            form.succeeded()
        self.message.emit(self.tr("%1: %n document(s) queued; sent at the next sync.", "",
                                  count).replace("%1", action_label(action)), QUEUED_MESSAGE_MS)
        self.queued.emit(action, count)
        self.changed.emit()
        self.syncWanted.emit()

    def _failed(self, exc: BaseException, form: FormDialog | None = None,
                action: str = "") -> None:
        self.changed.emit()
        if isinstance(exc, Cancelled):
            if form is not None:
                form.failed("")
            return
        from eoffice_client.ui.actions.ask import refusal_text

        text = refusal_text(exc, action) if action else error_text(exc)
        if form is not None and form.isVisible():
            form.failed(text)
        else:
            inform(self.window, self.tr("Action not queued"), text, warning=True)

    # --- a paper document ------------------------------------------------------------------
    def register_paper(self) -> None:
        """The one form of a paper document: its create, scans and registration are queued
        as one chain when the form is submitted; it closes only then."""
        if not may_register_paper(self.app.session.me()):
            return  # the rules decide before the form: only clerks register
        from eoffice_client.ui.dialogs.register_paper import RegisterPaperDialog

        form = RegisterPaperDialog(self.directory, self.window,
                                   check_scan=self.app.documents.check_scan, runner=self.runner)
        form.submit = lambda _f: self.submit_paper(form)
        self._open_form(form)

    def submit_paper(self, form: RegisterPaperDialog) -> None:
        """Queues the document, its joined scans (named by its number and notation) and
        its registration as one chain, off the GUI thread."""
        body, files, register_id = form.body(), form.file_paths(), form.register_id()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ClientError):
                text, field = form.explain(exc)
            else:
                text, field = error_text(exc), None
            form.failed(text, field)

        self.runner.run(lambda _t: self.app.changes.register_paper(body, files, register_id),
                        lambda doc_id: self._paper_registered(doc_id, form), failed,
                        label=self.tr("Register paper document"))

    def _paper_registered(self, _doc_id: str, form: FormDialog | None = None) -> None:
        if form is not None:
            form.succeeded()
        self.message.emit(self.tr("The document was registered and queued."),
                          QUEUED_MESSAGE_MS)
        self.queued.emit("create", 1)
        self.changed.emit()
        self.syncWanted.emit()  # online: the new document goes to the server at once

    # --- printing --------------------------------------------------------------------------
    def print_current(self, what: str, pdf_path: Path | None = None) -> bool:
        """``what``: "document", "slip" (phiếu xử lý) or "list" (the rows of the list);
        into ``pdf_path`` instead of the print dialog when given."""
        from eoffice_client.ui import printing  # Qt's print support, loaded when first used

        if what == "list":
            ids = self.documents.model.ids[:PRINTED_ROWS]
            rows = self.app.reads.rows(ids)
            ordered = [rows[i] for i in ids if i in rows]
            title = self.boxes.box_name(self.documents.query.box)
            markup = printing.list_html(title, ordered, self.lang)
        else:
            first = self.documents.selected_ids()[:1]
            doc = self.app.reads.document(first[0]) if first else None
            if doc is None:
                return False
            page = printing.slip_html if what == "slip" else printing.document_html
            markup = page(doc, self.directory, self.lang)
        return printing.print_html(markup, self.window, pdf_path)

    # --- files -----------------------------------------------------------------------------
    def _file_requested(self, request: str) -> None:
        """``request``: an attachment id to show, "fetch:<id>" to download it first."""
        fetch = request.startswith("fetch:")
        attachment_id = request.removeprefix("fetch:")
        attachment = self.view.attachment(attachment_id)
        if attachment is None:
            return
        path = self.app.files.viewable(attachment)
        if path is not None or not fetch or self.view.secret():
            self._show_file(attachment_id, path)
            return
        self.runner.run(lambda _t: self._fetch(attachment),
                        lambda fetched: self._show_file(attachment_id, fetched),
                        lambda exc: report_background_error(exc, self.message.emit), label="file")

    def _fetch(self, attachment: AttachmentInfo) -> Path:
        """Downloads a file (a worker's): a path the viewer can read (a plain copy of a
        file sealed in the cache)."""
        path = self.app.sync.fetch_file(attachment.id)
        return self.app.files.viewable(attachment) or path

    def _show_file(self, attachment_id: str, path: Path | None) -> None:
        self.view.show_file(attachment_id, path)
        self.fileShown.emit(attachment_id, path)

    def _open_externally(self, attachment_id: str) -> None:
        attachment = self.view.attachment(attachment_id)
        path = self.app.files.viewable(attachment) if attachment else None
        if path is not None:
            DocumentView.open_path(path)
