"""``show DOC_ID [--json]``: one cached document, whole (cli-v1.md).

An id that is not in the cache (whatever its form: ids are the server's strings) is an
unknown document id: exit 6.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from eoffice_client.cli.cmd_list import open_profile_store
from eoffice_client.cli.context import CliContext, print_json
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
from eoffice_client.core.store import get_document, get_unit, get_user, local_fields
from eoffice_client.core.store.documents import notation_text
from eoffice_client.core.store.models import CachedFile
from eoffice_client.core.store.queries import today_for

Conn = Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="one cached document")
    parser.add_argument("doc_id", metavar="DOC_ID")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    store = open_profile_store(ctx)
    try:
        with store.guard(), store.read() as conn:
            doc = get_document(conn, args.doc_id)
            if doc is None:
                raise UnknownIdError("cli.unknown_document", id=args.doc_id)
            doc.update(local_fields(conn, [doc])[doc["id"]])
            lines = None if args.json else render(conn, doc)
    finally:
        store.close()
    if lines is None:
        print_json(doc)
    else:
        print("\n".join(lines))
    return int(ExitCode.OK)


def render(conn: Conn, doc: dict[str, Any]) -> list[str]:
    """The readable view: labelled fields, then attachments, assignments, comments, history."""
    lang = current_language()
    yes_no = {True: tr("show.yes"), False: tr("show.no")}

    def line(key: str, value: object) -> str:
        return f"{tr(key)}: {value if value not in (None, '') else '—'}"

    doc_type = document_type(doc.get("type_code") or "")
    type_name = (doc_type.name_en if lang == "en" else doc_type.name) if doc_type else None
    due = doc.get("due_date")
    if due and is_overdue(due, doc.get("status") or "", today_for(conn)):
        due = f"{due} ({tr('show.overdue')})"
    signer = doc.get("signer") or {}
    signer_text = " ".join(x for x in (signer.get("competence"), signer.get("position"),
                                        signer.get("full_name")) if x)
    arrival = " ".join(str(x) for x in (doc.get("arrival_number"), doc.get("arrival_date")) if x)
    out = [
        line("show.subject", doc.get("subject")),
        line("show.id", doc["id"]),
        line("show.direction", label(DIRECTION_LABELS, doc.get("direction"), lang)),
        line("show.type", f"{type_name} ({doc.get('type_code')})" if type_name
             else doc.get("type_code")),
        line("show.code", notation_text(doc)),
        line("show.issuer", (doc.get("issuer") or {}).get("org_name")),
        line("show.issued_date", doc.get("issued_date")),
        line("show.place", doc.get("place")),
        line("show.arrival", arrival),
        line("show.urgency", label(URGENCY_LABELS, doc.get("urgency") or 0, lang)),
        line("show.secrecy", label(SECRECY_LABELS, doc.get("secrecy") or 0, lang)),
        line("show.status", label(STATUS_LABELS, doc.get("status"), lang)),
        line("show.due_date", due),
        line("show.signer", signer_text),
        line("show.recipients", "; ".join(r.get("org_name") or r.get("org_id") or ""
                                          for r in doc.get("recipients") or [])),
        line("show.pending_with", ", ".join(_person(conn, u) for u in doc.get("pending_with")
                                            or [])),
        line("show.unit", _unit(conn, doc.get("unit_id"))),
        line("show.created", f"{_person(conn, doc.get('created_by'))}, {doc.get('created_at')}"),
        line("show.version", doc.get("version")),
        line("show.read", yes_no[bool(doc.get("read"))]),
        line("show.pending_changes", doc.get("pending_changes", 0)),
    ]
    out += _attachments(conn, doc)
    out += _section("show.assignments", [
        f"{label(ASSIGNMENT_ROLE_LABELS, a.get('role'), lang)}: "
        f"{_unit(conn, a.get('assignee_id')) if a.get('assignee_type') == 'unit' else _person(conn, a.get('assignee_id'))}"  # noqa: E501
        f" — {a.get('status')}" + (f", {tr('show.due_date')} {a['due_date']}"
                                   if a.get("due_date") else "")
        + (f" — {a['note']}" if a.get("note") else "")
        for a in doc.get("assignments") or []])
    out += _section("show.comments", [
        f"{c.get('created_at')} {_person(conn, c.get('author_id'))} "
        f"({label(COMMENT_KIND_LABELS, c.get('kind'), lang)}): {c.get('text')}"
        for c in doc.get("comments") or []])
    out += _section("show.history", [
        f"{h.get('at')} {_person(conn, h.get('actor_id'))}: {h.get('action')}"
        + (f" — {h['detail']}" if h.get("detail") else "")
        for h in doc.get("history") or []])
    return out


def _attachments(conn: Conn, doc: dict[str, Any]) -> list[str]:
    secret = (doc.get("secrecy") or 0) >= 1
    items = []
    for a in doc.get("attachments") or []:
        cached = conn.execute(select(CachedFile.sha256).where(
            CachedFile.sha256 == (a.get("sha256") or ""))).first() is not None
        note = tr("show.file_secret") if secret else (tr("show.file_cached") if cached else "")
        items.append(f"{a.get('file_name')} ({a.get('role')}, {a.get('size')} B)"
                     + (f" — {note}" if note else ""))
    return _section("show.attachments", items)


def _section(key: str, items: list[str]) -> list[str]:
    return ["", f"{tr(key)}:"] + [f"  - {item}" for item in items or [tr("show.none")]]


def _person(conn: Conn, user_id: str | None) -> str:
    if not user_id:
        return "—"
    user = get_user(conn, user_id)
    return str(user.get("full_name") or user_id) if user else user_id


def _unit(conn: Conn, unit_id: str | None) -> str:
    if not unit_id:
        return "—"
    unit = get_unit(conn, unit_id)
    return str(unit.get("name") or unit_id) if unit else unit_id
