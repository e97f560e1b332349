"""``list``: cached documents, newest first, by box, filters and folded search (cli-v1.md).

Exit codes: an unknown ``--box`` is wrong usage of the command line itself (its names are
fixed by cli-v1.md): 64. A bad VALUE the user gives about documents (a date that is not
YYYY-MM-DD, ``--from`` after ``--to``, urgency/secrecy out of range, an unknown status, a
``--limit`` below 1): 9 (invalid value, nothing changed). ``--limit`` has no upper bound;
when more documents match than were printed, one line on stderr says how many.
"""

from __future__ import annotations

import argparse
import sys

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.cli.options import parse_date, parse_int
from eoffice_client.core.app.types import BOXES, DocumentQuery, JsonObject
from eoffice_client.core.domain.dates import document_date
from eoffice_client.core.domain.enums import STATUS_LABELS, URGENCY_LABELS, Status, label
from eoffice_client.core.domain.numbering import code_text
from eoffice_client.core.errors import ClientError, ExitCode, InvalidInputError
from eoffice_client.core.messages import current_language, tr

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
    with ctx.app() as app:
        page = app.reads.page(query)
    if args.json:
        print_json(page.documents)
    else:
        print_table(page.documents)
    if page.more:
        print(f"eoffice-client: {tr('list.more_matched', count=page.more)}", file=sys.stderr)
    return int(ExitCode.OK)


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
        limit=parse_int("--limit", args.limit, 1, None) or DEFAULT_LIMIT,
    )


def print_table(docs: list[JsonObject]) -> None:
    """One line per document: date, number, status, subject, id (for ``show``)."""
    if not docs:
        print(tr("list.empty"))
        return
    lang = current_language()
    print(tr("list.header"))
    for doc in docs:
        status = label(STATUS_LABELS, doc.get("status"), lang)
        urgency = doc.get("urgency")
        subject = str(doc.get("subject") or "")
        if isinstance(urgency, int) and urgency:
            subject = f"[{label(URGENCY_LABELS, urgency, lang)}] {subject}"
        if len(subject) > SUBJECT_WIDTH:
            subject = subject[:SUBJECT_WIDTH - 1] + "…"
        notation = doc.get("code_notation")
        code = code_text(doc.get("code_number"), notation if isinstance(notation, str) else "")
        print(f"{document_date(doc)}  | {code or '—':<16} | {status:<20} | {subject} | "
              f"{doc['id']}")
