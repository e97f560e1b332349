"""The audit trail as a person reads it: one row per entry, in Vietnam's clock, with names
of actions and documents instead of codes and ids.

:func:`load_trail` runs on a worker thread: it reads the trail, checks the chain, looks the
documents up in the cache, and makes the rows (:func:`rows_for`; Qt's ``translate`` is
thread-safe), so tens of thousands of entries never hold the window up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from eoffice_client.core.domain.dates import parse_instant
from eoffice_client.core.domain.deadlines import VIETNAM
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.messages import tr as core_tr
from eoffice_client.ui.actions.offered import action_label

if TYPE_CHECKING:  # the trail's modules bring the keyring: loaded when the viewer reads
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.audit import AuditCheck, AuditEntry

translate = QCoreApplication.translate


@dataclass(frozen=True)
class AuditRow:
    seq: int
    time: str
    action: str
    document: str
    user: str
    result: str
    utc_time: str = ""
    document_id: str | None = None
    bad: bool = False  # at or after the first bad entry of the chain
    folded: str = ""  # the row's texts folded once, for the filter (tens of thousands)


@dataclass(frozen=True)
class TrailSnapshot:
    """What the worker read: the entries, the chain's check, the documents' labels."""

    entries: list[AuditEntry]
    check: AuditCheck
    documents: Mapping[str, str] = field(default_factory=dict)  # id -> "code — subject"
    username: str | None = None  # who is signed in on the profile now
    rows: list[AuditRow] = field(default_factory=list)  # made by load_trail


def preload_trail_modules(app: App) -> None:
    """The trail's module (and with it the keyring's), imported on the GUI thread, never
    first on a worker's: asking where the trail is imports it."""
    _ = app.audit.location


def load_trail(app: App) -> TrailSnapshot:
    """The whole trail, its verification and the documents it names (worker thread)."""
    entries = app.audit.entries()
    check = app.audit.verify()
    ids = sorted({e.document_id for e in entries if e.document_id})
    labels: dict[str, str] = {}
    if ids:
        for doc_id, row in app.reads.rows(ids).items():
            labels[doc_id] = " — ".join(part for part in (row.code, row.subject) if part)
    try:
        username = app.session.status().username
    except Exception:  # an unreadable cache: the trail is still shown
        username = None
    snapshot = TrailSnapshot(entries, check, labels, username)
    return replace(snapshot, rows=rows_for(snapshot))


#: the detail values :func:`result_text` reads
RESULT_DETAIL = ("code", "attempt", "revoked", "reason", "anchor_seq")


def vietnam_time(value: str) -> str:
    """``HH:MM:SS dd/mm/yyyy`` in Vietnam's clock (seconds: the trail orders actions)."""
    moment = parse_instant(value)
    return moment.astimezone(VIETNAM).strftime("%H:%M:%S %d/%m/%Y") if moment else value


def rows_for(snapshot: TrailSnapshot) -> list[AuditRow]:
    """Oldest first. The user of an entry is the last person signed in before it on this
    profile (the trail names them at each sign-in), else the one signed in now."""
    first_bad = None if snapshot.check.ok else snapshot.check.first_bad
    user = None
    rows = []
    actions: dict[tuple[object, ...], str] = {}  # entries repeat: each text made once
    results: dict[tuple[object, ...], str] = {}
    folds: dict[str, str] = {}

    def folded(text: str) -> str:
        if text not in folds:
            folds[text] = fold(text)
        return folds[text]

    for entry in snapshot.entries:
        detail = entry.detail
        if entry.kind == "signed_in" and isinstance(detail.get("username"), str):
            user = str(detail["username"])
        action_key = (entry.kind, detail.get("action"), detail.get("what"))
        if action_key not in actions:
            actions[action_key] = action_text(entry)
        result_key = (entry.kind, *(detail.get(name) for name in RESULT_DETAIL))
        if result_key not in results:
            results[result_key] = result_text(entry)
        texts = (vietnam_time(entry.time), actions[action_key],
                 _document_text(entry.document_id, snapshot.documents),
                 user or snapshot.username or "", results[result_key])
        rows.append(AuditRow(
            entry.seq, *texts, utc_time=entry.time, document_id=entry.document_id,
            bad=first_bad is not None and entry.seq >= first_bad,
            folded=" ".join((texts[0], *(folded(t) for t in texts[1:])))))
    return rows


def _document_text(doc_id: str | None, labels: Mapping[str, str]) -> str:
    if not doc_id:
        return ""
    return labels.get(doc_id) or translate("AuditViewer", "(no longer in this computer's cache)")


def kind_text(kind: str) -> str:
    texts = {
        "queued": translate("AuditViewer", "Queued"),
        "sent": translate("AuditViewer", "Sent to the server"),
        "accepted": translate("AuditViewer", "Accepted by the server"),
        "rejected": translate("AuditViewer", "Refused by the server"),
        "conflict": translate("AuditViewer", "Conflict with the server"),
        "dropped": translate("AuditViewer", "Dropped"),
        "cancelled": translate("AuditViewer", "Cancelled"),
        "retried": translate("AuditViewer", "Tried again"),
        "signed": translate("AuditViewer", "Signed"),
        "sign_failed": translate("AuditViewer", "Signing failed"),
        "exported": translate("AuditViewer", "Exported"),
        "printed": translate("AuditViewer", "Printed"),
        "downloaded": translate("AuditViewer", "Downloaded"),
        "signed_in": translate("AuditViewer", "Signed in"),
        "signed_out": translate("AuditViewer", "Signed out"),
        "wiped": translate("AuditViewer", "Cached data deleted"),
        "cache_encrypted": translate("AuditViewer", "Cache encrypted"),
        "cache_key_lost": translate("AuditViewer", "Cache key lost"),
        "cache_set_aside": translate("AuditViewer", "Cache set aside"),
        "trail_restarted": translate("AuditViewer", "Trail started again"),
    }
    return texts.get(kind, kind)


def _what_text(what: str) -> str:
    texts = {
        "diagnostics": translate("AuditViewer", "diagnostics bundle"),
        "docx": translate("AuditViewer", "Word file"),
        "edxml": translate("AuditViewer", "edXML package"),
        "edxml_status": translate("AuditViewer", "edXML status message"),
        "file": translate("AuditViewer", "file"),
        "open_with": translate("AuditViewer", "file opened in another program"),
        "register": translate("AuditViewer", "register"),
        "report": translate("AuditViewer", "report"),
    }
    return texts.get(what, what)


def action_text(entry: AuditEntry) -> str:
    kind = kind_text(entry.kind)
    action, what = entry.detail.get("action"), entry.detail.get("what")
    if isinstance(action, str) and action:
        return f"{kind}: {action_label(action)}"
    if isinstance(what, str) and what:
        return f"{kind}: {_what_text(what)}"
    return kind


def result_text(entry: AuditEntry) -> str:
    detail = entry.detail
    code = detail.get("code")
    if entry.kind in ("rejected", "conflict", "sign_failed"):
        failed = translate("AuditViewer", "Not done")
        return f"{failed} ({code})" if code else failed
    if entry.kind == "queued":
        return translate("AuditViewer", "Waiting to be sent")
    if entry.kind == "sent":
        return translate("AuditViewer", "Attempt %1").replace("%1", str(detail.get("attempt", 1)))
    if entry.kind == "signed_out" and detail.get("revoked") is False:
        return translate("AuditViewer", "Done here; the server could not be told")
    if entry.kind == "trail_restarted" and isinstance(detail.get("reason"), str):
        return core_tr(str(detail["reason"]), seq=detail.get("anchor_seq") or "-",
                       entries="-", anchored=detail.get("anchor_seq") or 0)
    return translate("AuditViewer", "Done")


def check_text(check: AuditCheck) -> str:
    """The chain's state in the core's words: intact, or what is wrong and at which entry;
    with the earlier trails an appender set aside, when there are some."""
    text = check.message()
    if check.set_aside:
        text += " " + core_tr("audit.earlier_set_aside", files=", ".join(check.set_aside))
    return text


def filtered(rows: Sequence[AuditRow], text: str) -> list[AuditRow]:
    """The rows whose texts hold ``text`` (folded: without diacritics, any case)."""
    needle = fold(text.strip())
    if not needle:
        return list(rows)
    return [row for row in rows if needle in row.folded]
