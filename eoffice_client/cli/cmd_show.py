"""``show DOC_ID [--json]``: one cached document, whole (cli-v1.md).

An id that is not in the cache (whatever its form: ids are the server's strings) is an
unknown document id: exit 6.
"""

from __future__ import annotations

import argparse
import datetime as dt

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.core.app.records import Directory, DocumentDetail
from eoffice_client.core.domain.deadlines import is_overdue
from eoffice_client.core.domain.doctypes import document_type
from eoffice_client.core.domain.enums import (
    ASSIGNMENT_ROLE_LABELS,
    COMMENT_KIND_LABELS,
    DIRECTION_LABELS,
    SECRECY_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    label,
)
from eoffice_client.core.errors import ExitCode, UnknownIdError
from eoffice_client.core.messages import current_language, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="one cached document")
    parser.add_argument("doc_id", metavar="DOC_ID")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        if args.json:
            found = app.reads.document_json(args.doc_id)
            if found is None:
                raise UnknownIdError("cli.unknown_document", id=args.doc_id)
            print_json(found)
            return int(ExitCode.OK)
        doc = app.reads.require_document(args.doc_id)
        lines = render(doc, app.reads.directory(), app.reads.today())
    print("\n".join(lines))
    return int(ExitCode.OK)


def render(doc: DocumentDetail, names: Directory, today: dt.date) -> list[str]:
    """The readable view: labelled fields, then attachments, assignments, comments, history."""
    lang = current_language()
    yes_no = {True: tr("show.yes"), False: tr("show.no")}

    def line(key: str, value: object) -> str:
        return f"{tr(key)}: {value if value not in (None, '') else '—'}"

    def person(user_id: str | None) -> str:
        return names.user_name(user_id) or "—"

    doc_type = document_type(doc.type_code)
    type_name = (doc_type.name_en if lang == "en" else doc_type.name) if doc_type else None
    due = doc.due_date
    if due and is_overdue(due, doc.status, today):
        due = f"{due} ({tr('show.overdue')})"
    arrival = " ".join(str(x) for x in (doc.arrival_number, doc.arrival_date) if x)
    out = [
        line("show.subject", doc.subject),
        line("show.id", doc.id),
        line("show.direction", label(DIRECTION_LABELS, doc.direction, lang)),
        line("show.type", f"{type_name} ({doc.type_code})" if type_name else doc.type_code),
        line("show.code", doc.code),
        line("show.issuer", doc.issuer_name),
        line("show.issued_date", doc.issued_date),
        line("show.place", doc.place),
        line("show.arrival", arrival),
        line("show.urgency", label(URGENCY_LABELS, doc.urgency, lang)),
        line("show.secrecy", label(SECRECY_LABELS, doc.secrecy, lang)),
        line("show.status", label(STATUS_LABELS, doc.status, lang)),
        line("show.due_date", due),
        line("show.signer", doc.signer.text if doc.signer else ""),
        line("show.recipients", "; ".join(doc.recipients)),
        line("show.pending_with", ", ".join(person(u) for u in doc.pending_with)),
        line("show.unit", names.unit_name(doc.unit_id)),
        line("show.created", f"{person(doc.created_by)}, {doc.created_at}"),
        line("show.version", doc.version),
        line("show.read", yes_no[doc.read]),
        line("show.pending_changes", doc.pending_changes),
    ]
    out += _section("show.attachments", [
        f"{a.file_name} ({a.role}, {a.size} B)" + _file_note(doc, a.cached)
        for a in doc.attachments])
    out += _section("show.assignments", [
        f"{label(ASSIGNMENT_ROLE_LABELS, a.role, lang)}: "
        + (names.unit_name(a.assignee_id) if a.assignee_type == "unit"
           else person(a.assignee_id))
        + f" — {a.status}" + (f", {tr('show.due_date')} {a.due_date}" if a.due_date else "")
        + (f" — {a.note}" if a.note else "")
        for a in doc.assignments])
    out += _section("show.comments", [
        f"{c.created_at} {person(c.author_id)} ({label(COMMENT_KIND_LABELS, c.kind, lang)}): "
        f"{c.text}" for c in doc.comments])
    out += _section("show.history", [
        f"{h.at} {person(h.actor_id)}: {h.action}" + (f" — {h.detail}" if h.detail else "")
        for h in doc.history])
    return out


def _file_note(doc: DocumentDetail, cached: bool) -> str:
    if doc.secret:
        return f" — {tr('show.file_secret')}"
    return f" — {tr('show.file_cached')}" if cached else ""


def _section(key: str, items: list[str]) -> list[str]:
    return ["", f"{tr(key)}:"] + [f"  - {item}" for item in items or [tr("show.none")]]
