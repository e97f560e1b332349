"""Sự cố đồng bộ: queued changes, conflicts and rejected actions, each with the user's
action, their state and the server's; apply again, drop, or cancel a change not yet sent."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.types import OutboxEntry
from eoffice_client.core.domain.enums import STATUS_LABELS, label
from eoffice_client.ui import display
from eoffice_client.ui.actions.offered import action_label
from eoffice_client.ui.document_view import document_code
from eoffice_client.ui.table_model import format_date

#: refusals after which the same change, applied again on the server's state, may pass
RETRY_CAN_SUCCEED = frozenset({"version_conflict"})


class SyncIssuesDialog(QDialog):
    """Lists the outbox; the window does the work (through the application API) on its signals."""

    retryRequested = Signal(str)
    dropRequested = Signal(str)
    cancelRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync issues"))
        self.lang = "vi"
        # names for ids, set by the window from its directory
        self.user_name: Callable[[str], str] = lambda user_id: user_id
        self.register_name: Callable[[str], str] = lambda register_id: register_id
        self.entries: list[OutboxEntry] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Action"),
                                              self.tr("State"), self.tr("Queued at")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Queued changes and conflicts"))
        self.table.itemSelectionChanged.connect(self._show_current)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Details"))
        self.empty = QLabel(self.tr("Nothing is waiting: every change has been sent."), self)
        self.empty.setObjectName("hint")
        self.retry_button = QPushButton(self.tr("Apply again"), self)
        self.drop_button = QPushButton(self.tr("Drop my change"), self)
        self.cancel_button = QPushButton(self.tr("Cancel this change"), self)
        close = self.close_button = QPushButton(self.tr("Close"), self)
        self.retry_button.clicked.connect(lambda: self._emit(self.retryRequested))
        self.drop_button.clicked.connect(lambda: self._emit(self.dropRequested))
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancelRequested))
        close.clicked.connect(self.accept)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([220, 260])
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.drop_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(820, 560)
        self.set_entries([])

    def state_name(self, state: str) -> str:
        return {"queued": self.tr("Waiting to sync"), "sending": self.tr("Sending"),
                "blocked": self.tr("Waits for your decision on an earlier change"),
                "conflict": self.tr("Needs your decision")}.get(state, state)

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        selected = self.current()
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = (entry.subject or entry.document_id, action_label(entry.action),
                      self.state_name(entry.state), display.when(entry.created_at))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if entry.state == "conflict":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
            if selected and entry.id == selected.id:
                self.table.selectRow(row)
        self.empty.setVisible(not self.entries)
        if self.entries and not self.table.selectedItems():  # what needs the user first
            states = [e.state for e in self.entries]
            self.table.selectRow(states.index("conflict") if "conflict" in states else 0)
        self._show_current()

    def current(self) -> OutboxEntry | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if not rows:
            return None
        row = min(rows)
        return self.entries[row] if row < len(self.entries) else None

    def select(self, outbox_id: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.id == outbox_id:
                self.table.selectRow(row)

    def _emit(self, signal: Any) -> None:
        entry = self.current()
        if entry is not None:
            signal.emit(entry.id)

    def _show_current(self) -> None:
        entry = self.current()
        conflict = bool(entry and entry.state == "conflict")
        self.retry_button.setEnabled(conflict)
        self.drop_button.setEnabled(conflict)
        self.cancel_button.setEnabled(bool(entry and entry.state in ("queued", "blocked")))
        self._choose_default(self.default_button(entry))
        self.details.setHtml(self._details_html(entry) if entry else "")

    def default_button(self, entry: OutboxEntry | None) -> QPushButton:
        """The button that can succeed: applying again only helps when the document merely
        changed meanwhile (or the network failed); a refusal by the rules stays a refusal,
        so there the default is to drop the change."""
        if entry is None or entry.state != "conflict":
            return self.close_button
        if entry.error_code in RETRY_CAN_SUCCEED:
            return self.retry_button
        return self.drop_button

    def _choose_default(self, chosen: QPushButton) -> None:
        for button in (self.retry_button, self.drop_button, self.cancel_button,
                       self.close_button):
            button.setAutoDefault(False)
            button.setDefault(button is chosen)
            button.setProperty("primary", button is chosen and button is not self.close_button)
            button.style().unpolish(button)
            button.style().polish(button)

    def _details_html(self, entry: OutboxEntry) -> str:
        params = self.params_text(entry.params)
        your_action, answer = self.tr("Your action"), self.tr("Server answer")
        yours, theirs = self.tr("Your copy"), self.tr("On the server")
        parts = [
            f"<h3>{html.escape(action_label(entry.action))} — "
            f"{html.escape(self.state_name(entry.state))}</h3>",
            f"<p><b>{html.escape(your_action)}:</b> "
            f"{html.escape(action_label(entry.action))}"
            f"{'<br>' + html.escape(params) if params else ''}</p>",
        ]
        if entry.error_code:
            parts.append(f"<p><b>{html.escape(answer)}:</b> "
                         f"{html.escape(self.error_text(entry.error_code))}</p>")
        if entry.state == "conflict":
            advice, caption = self.advice_text(entry.error_code), self.tr("What you can do")
            parts.append(f"<p><b>{html.escape(caption)}:</b> {html.escape(advice)}</p>")
        parts.append("<table width='100%'><tr>"
                     f"<th align='left'>{html.escape(yours)}</th>"
                     f"<th align='left'>{html.escape(theirs)}</th></tr>"
                     f"<tr><td valign='top'>{self._doc_summary(entry.local)}</td>"
                     f"<td valign='top'>{self._server_summary(entry)}</td></tr></table>")
        return "".join(parts)

    def params_text(self, params: dict[str, Any]) -> str:
        """An action's params as a person reads them (names, dates), not as JSON."""
        names = {"due_date": self.tr("Deadline"), "reason": self.tr("Reason"),
                 "note": self.tr("Note"), "text": self.tr("Text"),
                 "to_user_id": self.tr("Send to"), "register_id": self.tr("Register"),
                 "directive": self.tr("Directive"), "file_name": self.tr("File")}
        parts = []
        for key, value in params.items():
            if key not in names or value in (None, ""):
                continue
            if key == "due_date":
                value = format_date(str(value))
            elif key == "to_user_id":
                value = self.user_name(str(value))
            elif key == "register_id":
                value = self.register_name(str(value))
            parts.append(f"{names[key]}: {value}")
        if "assignments" in params:
            parts.append(self.tr("%n assignment(s)", "", len(params["assignments"] or [])))
        return "; ".join(parts)

    def advice_text(self, code: str | None) -> str:
        if code in RETRY_CAN_SUCCEED:
            return self.tr("Apply again: your change is made on the document as it is on "
                           "the server now. Or drop it if it is no longer needed.")
        return self.tr("Your change cannot be made as things stand: drop it (the "
                       "document stays as it is on the server), then act again if needed.")

    def error_text(self, code: str) -> str:
        return {
            "version_conflict": self.tr("Someone changed the document on the server after "
                                        "you made your change here."),
            "invalid_transition": self.tr("The document's status no longer allows this."),
            "forbidden": self.tr("You may no longer do this."),
            "not_found": self.tr("The document is gone or no longer visible to you."),
            "validation_failed": self.tr("The server found a value it does not accept."),
            "deleted": self.tr("The document was removed on the server."),
        }.get(code, code)

    def _server_summary(self, entry: OutboxEntry) -> str:
        """The server's copy, or (for a change not sent yet) why there is none to show."""
        if entry.server or entry.state not in ("queued", "sending", "blocked"):
            return self._doc_summary(entry.server)
        not_sent = self.tr("Not sent yet: the server's copy is known after the next sync.")
        return f"<i>{html.escape(not_sent)}</i>"

    def _doc_summary(self, doc: dict[str, Any] | None) -> str:
        if not doc:
            missing = self.tr("(not available)")
            return f"<i>{html.escape(missing)}</i>"
        rows = [
            (self.tr("Number/notation"), document_code(doc)),
            (self.tr("Status"), label(STATUS_LABELS, doc.get("status"), self.lang)),
            (self.tr("Waiting on"), ", ".join(self.user_name(str(u))
                                              for u in doc.get("pending_with") or [])),
            (self.tr("Due"), format_date(doc.get("due_date"))),
            (self.tr("Last changed"), display.when(doc.get("updated_at"))),
        ]
        return "<br>".join(f"{html.escape(k)}: <b>{html.escape(v)}</b>" for k, v in rows if v)
