"""The compose window: a new outgoing or internal document, or a saved draft / returned
document opened again, as one form (left: the fields, the signer, nơi nhận; right: the
body and the files with the PDF). The drafter edits it; anyone else (a leader
reviewing it) sees the same form read-only, with the PDF. Saving queues the create or
the patch (works offline); the workflow steps are in ``flow.py``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.app.drafts import DraftInput, SavedDraft, leaders
from eoffice_client.core.app.records import DocumentDetail
from eoffice_client.core.app.types import DocumentQuery, JsonObject
from eoffice_client.core.domain.enums import STATUS_LABELS, label
from eoffice_client.ui.compose.body import BodyEditor
from eoffice_client.ui.compose.fields import GeneralFields, combo_select
from eoffice_client.ui.compose.files import FilesPanel
from eoffice_client.ui.compose.recipients import OUTSIDE_ID, RecipientsFields
from eoffice_client.ui.compose.signer import SignerFields
from eoffice_client.ui.dialogs.messages import confirm
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

LOG = logging.getLogger("eoffice.ui.compose")
#: Incoming documents offered as "in reply to" (the newest).
REPLY_CHOICES = 300
#: The form's share of the window's width (the body and the PDF take the rest).
FORM_SHARE = 0.42
#: The type a new document starts as (công văn, the most common).
DEFAULT_TYPE = "CV"


class ComposeWindow(QWidget):
    """``changed`` says a draft was saved or an action queued (the main window refreshes);
    ``syncWanted`` that a workflow action may go at once when online."""

    changed = Signal()
    syncWanted = Signal()

    def __init__(self, app: App, runner: TaskRunner, doc_id: str | None = None,
                 lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.app, self.runner, self.doc_id, self.lang = app, runner, doc_id, lang
        self.setObjectName("composeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.read_only = False
        self.detail: DocumentDetail | None = None
        self._saved: DraftInput | None = None
        self._closing_confirmed = False
        self.general = GeneralFields(self, lang)
        self.signer = SignerFields(self)
        self.recipients = RecipientsFields(self)
        self.body = BodyEditor(self)
        self.files = FilesPanel(self)
        self.general.typeChanged.connect(self.body.set_type)
        self.general.secrecyChanged.connect(lambda s: self.files.set_secret(s >= 1))
        self._build()
        from eoffice_client.ui.compose.flow import ComposeFlow

        self.flow = ComposeFlow(self)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        self.retranslate()
        self.load()

    # --- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.general_box = self._group(self.general)
        self.signer_box = self._group(self.signer)
        self.recipients_box = self._group(self.recipients)
        form = QWidget(self)
        form_layout = QVBoxLayout(form)
        for box in (self.general_box, self.signer_box, self.recipients_box):
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.body, "")
        self.tabs.addTab(self.files, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.state = QLabel(self)
        self.state.setObjectName("hint")
        self.message = QLabel(self)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.save_button = QPushButton(self)
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(lambda: self.save())
        self.submit_button, self.approve_button = QPushButton(self), QPushButton(self)
        self.return_button, self.discard_button = QPushButton(self), QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.state)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addStretch(1)
        for button in (self.discard_button, self.return_button, self.approve_button,
                       self.submit_button, self.save_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)

    def _group(self, content: QWidget) -> QGroupBox:
        box = QGroupBox(self)
        inner = QVBoxLayout(box)
        inner.addWidget(content)
        return box

    def retranslate(self) -> None:
        self.general_box.setTitle(self.tr("Document"))
        self.signer_box.setTitle(self.tr("Signature block"))
        self.recipients_box.setTitle(self.tr("Recipients (nơi nhận)"))
        self.tabs.setTabText(0, self.tr("Body"))
        self.tabs.setTabText(1, self.tr("Files and PDF"))
        self.save_button.setText(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Save draft (Ctrl+S): works offline"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return…"))
        self.discard_button.setText(self.tr("Discard draft…"))
        self.close_button.setText(self.tr("Close"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_title()

    def _update_title(self) -> None:
        subject = self.general.subject.text().strip()
        if self.doc_id is None:
            title = self.tr("New document")
        elif self.read_only:
            title = self.tr("Review: %1").replace("%1", subject)
        else:
            title = self.tr("Draft: %1").replace("%1", subject)
        self.setWindowTitle(f"{title} — eOffice")

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """The choices from the directory and, for a saved draft, its values (local reads,
        fast enough for this thread)."""
        directory = self.app.reads.directory()
        me = self.app.session.me()
        self.general.set_types(directory.types)
        self.general.set_today(self.app.reads.today())
        ids = self.app.reads.document_ids(DocumentQuery(box="incoming", limit=REPLY_CHOICES))
        rows = self.app.reads.rows(ids)
        incoming = [rows[i] for i in ids if i in rows]
        self.general.set_incoming(incoming)
        self.signer.set_leaders(leaders(list(directory.people.values())))
        entries = [(o.id, o.name) for o in directory.organizations.values() if o.name]
        entries += [(u.id, u.name) for u in directory.units.values() if u.active and u.name]
        self.recipients.set_choices(entries)
        unit = directory.units.get(me.unit_id or "") if me is not None else None
        self.recipients.set_drafting_unit(unit.code if unit is not None else "")
        self.files.set_converter(self.app.drafts.converter())
        if self.doc_id is not None:
            self._load_document(self.doc_id, {r.code: r.id for r in incoming if r.code})
        else:
            combo_select(self.general.type_code, DEFAULT_TYPE)
            self.body.set_type(self.general.current_type())
        self._saved = self.draft_input()
        self.flow.refresh()

    def _load_document(self, doc_id: str, incoming_by_code: dict[str, str]) -> None:
        doc = self.app.reads.document_json(doc_id) or {}
        reply = doc.get("in_reply_to")
        code = reply.get("code") if isinstance(reply, dict) else None
        self.general.load(doc, incoming_by_code.get(str(code)) if code else None)
        self.body.set_type(self.general.current_type())
        self.body.set_text(self.app.drafts.body(doc_id))
        signer = doc.get("signer")
        self.signer.load(signer if isinstance(signer, dict) else None)
        self.recipients.load(doc.get("recipients"))
        self.general.direction.setEnabled(False)  # fixed once saved (contract: PATCH)
        self.set_read_only(not self.app.drafts.editable(doc_id))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for part in (self.general, self.signer, self.recipients, self.body, self.files):
            part.set_read_only(read_only)
        if self.doc_id is not None:
            self.general.direction.setEnabled(False)
        self.save_button.setVisible(not read_only)
        if read_only:
            self.tabs.setCurrentWidget(self.files)
        self._update_title()

    def show_state(self, detail: DocumentDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.state.setText(self.tr("Not saved yet"))
            return
        status = label(STATUS_LABELS, detail.status, self.lang)
        unsent = self.tr(", %n change(s) not sent yet", "", detail.pending_changes) if (
            detail.pending_changes) else ""
        self.state.setText(self.tr("Status: %1").replace("%1", status) + unsent)

    # --- values ----------------------------------------------------------------------------
    def draft_input(self) -> DraftInput:
        fields: JsonObject = {**self.general.values(), "signer": self.signer.value(),
                              "recipients": self.recipients.value(),
                              "in_reply_to": self._reply_value()}
        return DraftInput(str(self.general.direction.currentData() or "outgoing"),
                          self.general.current_type(), self.general.subject.text().strip(),
                          fields, self.body.text())

    def _reply_value(self) -> JsonObject | None:
        choice = self.general.reply_choice()
        if not choice:
            return None
        if choice.startswith("raw:"):
            return self.general.kept_reply(choice)
        answered = self.app.reads.document(choice)
        if answered is None or not answered.code:
            return None
        return {"org_id": answered.issuer_id or OUTSIDE_ID, "code": answered.code,
                "issued_date": answered.issued_date}

    def problems(self, for_pdf: bool = False) -> list[tuple[QWidget, str]]:
        """What the form must hold to be saved, and (``for_pdf``) to be made into the PDF
        for approval or submitted: each with the field to go to."""
        found: list[tuple[QWidget, str]] = []
        if not self.general.current_type():
            found.append((self.general.type_code, self.tr("Choose the document type.")))
        if not self.general.subject.text().strip():
            found.append((self.general.subject, self.tr("Write the subject (trích yếu).")))
        choice = self.general.reply_choice()
        if choice and not choice.startswith("raw:") and self._reply_value() is None:
            found.append((self.general.in_reply_to, self.tr(
                "The document it answers has no number yet: choose another or none.")))
        if not for_pdf:
            return found
        if not self.signer.full_name.text().strip():
            found.append((self.signer.person, self.tr("Choose the signer (or type a name).")))
        elif not self.signer.position.text().strip():
            found.append((self.signer.position, self.tr("Write the signer's position.")))
        found.extend(self._body_problems())
        return found

    def _body_problems(self) -> list[tuple[QWidget, str]]:
        if self.body.is_decision():
            if not self.body.articles.toPlainText().strip():
                return [(self.body.articles, self.tr("A decision needs at least one article."))]
            return []
        if not self.body.text():
            return [(self.body.plain, self.tr("Write the body of the document."))]
        return []

    def check(self, for_pdf: bool = False) -> bool:
        """Shows the problems (all of them, the first field focused); True when none."""
        found = self.problems(for_pdf)
        self.message.setText("\n".join(text for _w, text in found))
        if found:
            widget = found[0][0]
            if widget in (self.body.plain, self.body.articles):
                self.tabs.setCurrentWidget(self.body)
            widget.setFocus()
        return not found

    def dirty(self) -> bool:
        return not self.read_only and self.draft_input() != self._saved

    # --- saving ----------------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Queues the create or the patch (works offline) on a worker; ``then`` runs once
        it is saved."""
        if self.read_only or not self.check():
            return
        draft, doc_id = self.draft_input(), self.doc_id
        self.flow.busy(True, self.tr("Saving…"))
        self.runner.run(lambda _t: self.app.drafts.save(doc_id, draft),
                        lambda saved: self._saved_draft(saved, draft, then), self.step_failed,
                        label=self.tr("Save draft"))

    def _saved_draft(self, saved: SavedDraft, draft: DraftInput,
                     then: Callable[[], None] | None) -> None:
        self.flow.busy(False)
        self.doc_id, self._saved = saved.document_id, draft
        self.general.direction.setEnabled(False)
        self.message.setText("")
        self.flow.say(self.tr("Saved on this computer; sent to the server at the next sync."))
        self._update_title()
        self.flow.refresh()
        self.changed.emit()
        if then is not None:
            then()

    def step_failed(self, exc: BaseException) -> None:
        """A step of the draft (save, queue) failed: the form says why and stays."""
        self.flow.busy(False)
        LOG.info("compose step failed: %r", exc)
        self.message.setText(error_text(exc))

    # --- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty() and not self._closing_confirmed and not confirm(
                self, self.tr("Close without saving?"),
                self.tr("The changes to this draft are not saved. Close it anyway?"),
                yes=self.tr("Close without saving")):
            event.ignore()
            return
        self.flow.cancel()
        super().closeEvent(event)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        width = self.splitter.width()
        self.splitter.setSizes([int(width * FORM_SHARE), width - int(width * FORM_SHARE)])
