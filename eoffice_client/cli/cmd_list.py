"""``list``: cached documents, newest first, by box, filters and folded search (cli-v1.md).

Exit codes: an unknown ``--box`` is wrong usage of the command line itself (its names are
fixed by cli-v1.md): 64. A bad VALUE the user gives about documents (a date that is not
YYYY-MM-DD, ``--from`` after ``--to``, urgency/secrecy out of range, an unknown status, a
``--limit`` below 1): 9 (invalid value, nothing changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.core.domain.enums import STATUS_LABELS, URGENCY_LABELS, Status, label
from eoffice_client.core.errors import ClientError, ExitCode, InvalidInputError
from eoffice_client.core.messages import current_language, tr
from eoffice_client.core.store import (
    BOXES,
    DocumentQuery,
    Store,
    list_documents,
    local_fields,
    open_store,
)
from eoffice_client.core.store.documents import document_date, notation_text

DEFAULT_LIMIT = 100
SUBJECT_WIDTH = 90


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("list", help="cached documents, newest first")
    parser.add_argument("--box", default="all", help="one of: " + ", ".join(BOXES))
    parser.add_argument("--search", metavar="TEXT")
    parser.add_argument("--type", dest="type_code", metavar="CODE")
    parser.add_argument("--urgency", metavar="N")
    parser.add_argument("--secrecy", metavar="N")
    parser.add_argument("--status", metavar="S")
    parser.add_argument("--from", dest="date_from", metavar="DATE")
    parser.add_argument("--to", dest="date_to", metavar="DATE")
    parser.add_argument("--limit", default=str(DEFAULT_LIMIT), metavar="N")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    query = query_from_args(args)
    store = open_profile_store(ctx)
    try:
        with store.guard(), store.read() as conn:
            page = list_documents(conn, query)
            extra = local_fields(conn, page.items)
    finally:
        store.close()
    if args.json:
        print_json([{**doc, **extra[doc["id"]]} for doc in page.items])
    else:
        print_table(page.items, more=page.next_after is not None)
    return int(ExitCode.OK)



def open_profile_store(ctx: CliContext) -> Store:
    """Opens the profile's cache; says on stderr when a damaged file was set aside."""
    store = open_store(ctx.profile.db_path)
    if store.recovery is not None:
        print(f"eoffice-client: {store.recovery.message()}", file=sys.stderr)
    return store


def query_from_args(args: argparse.Namespace) -> DocumentQuery:
    """Checks every option's value (module docstring for the exit codes)."""
    if args.box not in BOXES:
        raise ClientError("cli.invalid_box", ExitCode.USAGE, value=args.box,
                          choices=", ".join(BOXES))
    if args.status is not None and args.status not in {s.value for s in Status}:
        raise InvalidInputError("list.invalid_status", value=args.status,
                                choices=", ".join(s.value for s in Status))
    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    if date_from and date_to and date_from > date_to:
        raise InvalidInputError("list.dates_reversed", start=date_from, end=date_to)
    return DocumentQuery(
        box=args.box, search=args.search, type_code=args.type_code,
        urgency=parse_int("--urgency", args.urgency, 0, 4),
        secrecy=parse_int("--secrecy", args.secrecy, 0, 3),
        status=args.status, date_from=date_from, date_to=date_to,
        limit=parse_int("--limit", args.limit, 1, 100_000) or DEFAULT_LIMIT, whole=True,
    )


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError("cli.invalid_date", value=value) from None


def parse_int(option: str, value: str | None, low: int, high: int) -> int | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise InvalidInputError("list.invalid_number", option=option, value=value, low=low,
                                high=high)
    return number


def print_table(docs: list[dict[str, Any]], *, more: bool) -> None:
    """One line per document: date, number, status, subject, id (for ``show``)."""
    if not docs:
        print(tr("list.empty"))
        return
    lang = current_language()
    print(tr("list.header"))
    for doc in docs:
        status = label(STATUS_LABELS, doc.get("status"), lang)
        urgency = doc.get("urgency") or 0
        subject = doc.get("subject") or ""
        if urgency:
            subject = f"[{label(URGENCY_LABELS, urgency, lang)}] {subject}"
        if len(subject) > SUBJECT_WIDTH:
            subject = subject[:SUBJECT_WIDTH - 1] + "…"
        code = notation_text(doc) or "—"
        print(f"{document_date(doc)}  | {code:<16} | {status:<20} | {subject} | {doc['id']}")
    if more:
        print(tr("list.more"), file=sys.stderr)
