"""The Decree-30 registers (Phụ lục IV) built from contract Documents.

* Sổ đăng ký văn bản đến: incoming documents with a số đến whose ngày đến is in the
  period, by ngày đến then số đến.
* Sổ đăng ký văn bản đi: outgoing and internal documents (internal ones use the
  outgoing registers, contract section 6) with a số whose ngày ban hành is in the period,
  by date then số.
* Sổ theo dõi giải quyết văn bản đến: the incoming documents of the first register, with
  their handling: who handles them, the deadline, progress and the replies sent
  (outgoing documents whose ``in_reply_to`` names them).

Documents are turned into small row tuples as they come, so a register of many thousand
documents never holds the whole documents in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from eoffice_client.core.domain.enums import (
    ASSIGNMENT_ROLE_LABELS,
    SECRECY_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    Direction,
    Status,
    label,
)
from eoffice_client.core.domain.folding import fold
from eoffice_client.core.domain.numbering import code_text
from eoffice_client.core.messages import tr
from eoffice_client.core.reports.layout import (
    Column,
    Layout,
    Row,
    Section,
    Table,
    parse_day,
    vn_date,
)
from eoffice_client.core.reports.model import Period, RegisterKind, ReportNames

Doc = Mapping[str, Any]
_ROLE_ORDER = {"lead": 0, "support": 1, "info": 2}

#: Column keys and widths per register (headers come from the message catalogue).
COLUMNS: dict[RegisterKind, tuple[tuple[str, float, bool], ...]] = {
    RegisterKind.INCOMING: (
        ("arrival_date", 12, True), ("arrival_number", 8, True), ("author", 22, False),
        ("code", 14, True), ("issued_date", 12, True), ("type_subject", 42, False),
        ("receiver", 20, False), ("signature", 9, False), ("note", 13, False),
    ),
    RegisterKind.OUTGOING: (
        ("code", 14, True), ("issued_date", 13, True), ("type_subject", 35, False),
        ("signer", 16, False), ("recipients", 24, False), ("kept_by", 16, False),
        ("copies", 8, True), ("sent_date", 13, True), ("signature", 9, False),
        ("note", 13, False),
    ),
    RegisterKind.TRACKING: (
        ("arrival_number", 9, True), ("document", 46, False), ("handler", 24, False),
        ("due_date", 12, True), ("progress", 22, False), ("replies", 20, False),
        ("note", 14, False),
    ),
}
TITLES = {
    RegisterKind.INCOMING: "reports.title.incoming",
    RegisterKind.OUTGOING: "reports.title.outgoing",
    RegisterKind.TRACKING: "reports.title.tracking",
}


@dataclass(frozen=True)
class ReplyRef:
    """An outgoing document that answers another (its ``in_reply_to``)."""

    code: str
    issued_date: str | None


@dataclass
class Replies:
    """Outgoing replies by the (org_id, code, issued_date) their ``in_reply_to`` names."""

    by_key: dict[tuple[str, str, str], list[ReplyRef]] = field(default_factory=dict)

    def add(self, doc: Doc) -> None:
        """Keeps ``doc`` when it is a numbered, standing reply."""
        target = doc.get("in_reply_to") or {}
        if (not target.get("code") or doc.get("code_number") is None
                or doc.get("status") in (Status.RECALLED, Status.DISCARDED)):
            return
        key = reply_key(target.get("org_id"), target.get("code"), target.get("issued_date"))
        self.by_key.setdefault(key, []).append(
            ReplyRef(_code(doc), doc.get("issued_date")))

    def of(self, doc: Doc) -> list[ReplyRef]:
        issuer = doc.get("issuer") or {}
        key = reply_key(issuer.get("org_id"), _code(doc), doc.get("issued_date"))
        return self.by_key.get(key, [])

    @classmethod
    def from_documents(cls, docs: Iterable[Doc]) -> Replies:
        replies = cls()
        for doc in docs:
            if doc.get("direction") != Direction.INCOMING:
                replies.add(doc)
        return replies


def reply_key(org_id: Any, code: Any, issued_date: Any) -> tuple[str, str, str]:
    """How a reply names the document it answers: org, code without spaces, date."""
    return (str(org_id or ""), "".join(str(code or "").split()).casefold(),
            str(issued_date or "")[:10])


def belongs(kind: RegisterKind, doc: Doc, period: Period, register_id: str | None) -> bool:
    """Whether ``doc`` is a row of the register ``kind`` for ``period``."""
    if register_id is not None and doc.get("register_id") != register_id:
        return False
    if kind == RegisterKind.OUTGOING:
        return (doc.get("direction") in (Direction.OUTGOING, Direction.INTERNAL)
                and doc.get("code_number") is not None
                and period.holds(parse_day(doc.get("issued_date"))))
    return (doc.get("direction") == Direction.INCOMING
            and doc.get("arrival_number") is not None
            and period.holds(parse_day(doc.get("arrival_date"))))


def build_register(kind: RegisterKind, docs: Iterable[Doc], directory: ReportNames,
                   period: Period, *, register_id: str | None = None,
                   replies: Replies | None = None, today: dt.date | None = None,
                   lang: str = "vi") -> Layout:
    """The register ``kind`` of the documents of ``docs`` that belong to it (:func:`belongs`).

    ``replies`` (tracking only) finds the answers sent; ``today`` judges overdue progress.
    """
    rows = RegisterRows(directory, replies or Replies(), today or dt.date.today(), lang)
    keyed: list[tuple[tuple[int, str, int, str], Row]] = []
    for doc in docs:
        if belongs(kind, doc, period, register_id):
            keyed.append((sort_key(kind, doc, directory), rows.row(kind, doc)))
    keyed.sort(key=lambda item: item[0])
    columns = tuple(Column(tr(f"reports.col.{key}", lang), width, centred)
                    for key, width, centred in COLUMNS[kind])
    register = directory.registers.get(register_id or "")
    lines = [tr("reports.period", lang, start=vn_date(period.start), end=vn_date(period.end))]
    if register is not None:
        lines.insert(0, tr("reports.register_name", lang, name=register.name))
    title = tr(TITLES[kind], lang)
    section = Section(
        sheet_name=tr(f"reports.sheet.{kind.value}", lang), title=title,
        table=Table(columns, [row for _, row in keyed], numbered=True),
        organisation=directory.organisation_name, lines=tuple(lines),
        notes=(tr("reports.row_count", lang, count=len(keyed)),))
    return Layout((section,), document_title=title)


def sort_key(kind: RegisterKind, doc: Doc, directory: ReportNames
             ) -> tuple[int, str, int, str]:
    """Registers run by number: the register's year and name, then number, then date."""
    register = directory.registers.get(str(doc.get("register_id") or ""))
    year = register.year if register and register.year else 0
    name = fold(register.name) if register else str(doc.get("register_id") or "")
    if kind == RegisterKind.OUTGOING:
        return year, name, int(doc.get("code_number") or 0), str(doc.get("issued_date") or "")
    return year, name, int(doc.get("arrival_number") or 0), str(doc.get("arrival_date") or "")


class RegisterRows:
    """One row of a register per document (columns of :data:`COLUMNS`)."""

    def __init__(self, directory: ReportNames, replies: Replies, today: dt.date,
                 lang: str) -> None:
        self.d, self.replies, self.today, self.lang = directory, replies, today, lang

    def row(self, kind: RegisterKind, doc: Doc) -> Row:
        if kind == RegisterKind.INCOMING:
            return self.incoming(doc)
        if kind == RegisterKind.OUTGOING:
            return self.outgoing(doc)
        return self.tracking(doc)

    def incoming(self, doc: Doc) -> Row:
        return (
            vn_date(doc.get("arrival_date")), doc.get("arrival_number"), issuer_name(doc),
            _code(doc), vn_date(doc.get("issued_date")), self.type_subject(doc),
            self.receivers(doc), "", self.note(doc),
        )

    def outgoing(self, doc: Doc) -> Row:
        signer = doc.get("signer") or {}
        recipients = "; ".join(str(r.get("org_name") or r.get("org_id") or "")
                               for r in doc.get("recipients") or [])
        return (
            _code(doc), vn_date(doc.get("issued_date")), self.type_subject(doc),
            str(signer.get("full_name") or ""), recipients, self.d.unit_name(doc.get("unit_id")),
            doc.get("copies"), vn_date(history_at(doc, "issue")), "", self.note(doc),
        )

    def tracking(self, doc: Doc) -> Row:
        document = tr("reports.tracking_document", self.lang, code=_code(doc),
                      date=vn_date(doc.get("issued_date")), issuer=issuer_name(doc),
                      subject=str(doc.get("subject") or ""))
        replies = "; ".join(tr("reports.reply_ref", self.lang, code=r.code,
                               date=vn_date(r.issued_date)) for r in self.replies.of(doc))
        return (
            doc.get("arrival_number"), document, self.handlers(doc),
            vn_date(doc.get("due_date")), self.progress(doc), replies, self.note(doc),
        )

    # --- cells --------------------------------------------------------------------------
    def type_subject(self, doc: Doc) -> str:
        return tr("reports.type_subject", self.lang, type=self.d.type_name(doc.get("type_code")),
                  subject=str(doc.get("subject") or ""))

    def receivers(self, doc: Doc) -> str:
        """Who got the document: its assignees (lead first), else whom it waits on."""
        names = [self.d.assignee_name(a.get("assignee_type"), a.get("assignee_id"))
                 for a in ordered_assignments(doc)]
        if not names:
            names = [self.d.user_name(u) for u in doc.get("pending_with") or []]
        return "; ".join(dict.fromkeys(n for n in names if n))

    def handlers(self, doc: Doc) -> str:
        parts = []
        for item in ordered_assignments(doc):
            name = self.d.assignee_name(item.get("assignee_type"), item.get("assignee_id"))
            role = label(ASSIGNMENT_ROLE_LABELS, item.get("role"), self.lang).lower()
            parts.append(f"{name} ({role})")
        return "; ".join(parts)

    def progress(self, doc: Doc) -> str:
        """Done on / late by, overdue by, or the status (for the tracking register)."""
        status = str(doc.get("status") or "")
        due = parse_day(doc.get("due_date"))
        if status == Status.COMPLETED:
            done = parse_day(history_at(doc, "complete"))
            text = tr("reports.progress.done", self.lang, date=vn_date(done))
            if due is not None and done is not None:
                late = (done - due).days
                text += " " + (tr("reports.progress.late", self.lang, days=late) if late > 0
                               else tr("reports.progress.on_time", self.lang))
            return text
        text = label(STATUS_LABELS, status, self.lang)
        if due is not None and status != Status.DISCARDED and self.today > due:
            return text + " " + tr("reports.progress.overdue", self.lang,
                                   days=(self.today - due).days)
        return text

    def note(self, doc: Doc) -> str:
        notes = []
        if doc.get("urgency"):
            notes.append(label(URGENCY_LABELS, doc.get("urgency"), self.lang))
        if doc.get("secrecy"):
            notes.append(label(SECRECY_LABELS, doc.get("secrecy"), self.lang))
        if doc.get("status") in (Status.RECALLED, Status.DISCARDED, Status.RETURNED):
            notes.append(label(STATUS_LABELS, doc.get("status"), self.lang))
        target = doc.get("in_reply_to") or {}
        if doc.get("direction") != Direction.INCOMING and target.get("code"):
            notes.append(tr("reports.replies_to", self.lang, code=target.get("code"),
                            date=vn_date(target.get("issued_date"))))
        return "; ".join(notes)


def ordered_assignments(doc: Doc) -> list[Mapping[str, Any]]:
    items = list(doc.get("assignments") or [])
    return sorted(items, key=lambda a: _ROLE_ORDER.get(str(a.get("role")), 3))


def issuer_name(doc: Doc) -> str:
    issuer = doc.get("issuer") or {}
    return str(issuer.get("org_name") or issuer.get("org_id") or "")


def history_at(doc: Doc, action: str) -> str | None:
    """When ``action`` was last taken on ``doc`` (its history entry's instant)."""
    found = None
    for entry in doc.get("history") or []:
        if entry.get("action") == action:
            found = entry.get("at")
    return found


def _code(doc: Mapping[str, Any]) -> str:
    return code_text(doc.get("code_number"), str(doc.get("code_notation") or ""))
