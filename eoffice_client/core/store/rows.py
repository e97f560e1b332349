"""What a document list asks for and what one of its rows holds; no SQLAlchemy here.

Both readers of the cache use these definitions: the full store (``queries.py``, through
SQLAlchemy) and the first-page reader (``first_page.py``, plain ``sqlite3``), which paints
the window's first box before SQLAlchemy is loaded. So the boxes' conditions, the rows
query and the way a row is built exist once.

Boxes (cli-v1.md): ``incoming``, ``outgoing``, ``internal`` (direction); ``to-sign``
(approved and waiting on me); ``to-process`` (waiting on me, my open (not done)
assignments directly or via my unit, and for clerks every received, signed or numbered
document); ``overdue`` (contract section 1: today in Vietnam after ``due_date``, status
open); ``unread`` (``read`` false); ``all``. The per-user flags behind ``to-sign`` and
``to-process`` are kept by the store for the user set by ``set_me``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eoffice_client.core.domain.numbering import code_text

#: Boxes in the order of cli-v1.md and of the window's box list.
BOXES: tuple[str, ...] = (
    "incoming", "outgoing", "internal", "to-sign", "to-process", "overdue", "unread", "all",
)
#: Each box's condition on the documents table (aliased ``d``); ``:today`` is bound for
#: ``overdue``. An empty condition takes every document.
BOX_CONDITIONS: dict[str, str] = {
    "incoming": "d.direction = 'incoming'",
    "outgoing": "d.direction = 'outgoing'",
    "internal": "d.direction = 'internal'",
    "to-sign": "d.to_sign = 1",
    "to-process": "d.to_process = 1",
    "overdue": "d.open_due IS NOT NULL AND d.open_due < :today",
    "unread": "d.is_read = 0",
    "all": "",
}
#: Orders a list can take (the window's sortable columns); ``date`` is the document date,
#: newest first by default (store/documents.py explains ``sort_no``).
SORT_KEYS: tuple[str, ...] = ("urgency", "code", "subject", "issuer", "date", "due", "status")


class UnknownBox(ValueError):
    """A box name not in :data:`BOXES`."""


@dataclass(frozen=True)
class UnitFilter:
    """The documents attributed to one unit as the dashboard's "overdue by unit" does
    (``narrowing.attributed_unit``); ``unit_id`` None: those not assigned to any unit."""

    unit_id: str | None = None


@dataclass(frozen=True)
class DocumentQuery:
    """One list: a box, its search text and filters, an order, and a page.

    A search looks in the subject, notation, issuer and signer and, with ``content``, in
    the words of the document's cached files (each word may match anywhere). Dates filter
    on the document date. ``after`` continues a keyset page (the previous
    page's last ``sort_no``) and only goes with the date order, newest first; ``limit``
    None lists everything that matches (the window holds a box's ids, not its rows).

    The dashboard's narrowings (store/narrowing.py, the same conditions its figures
    count): ``unread_only``; ``unit``, the unit a document is attributed to; ``due_from``
    and ``due_to``, open documents due within these days (either may be open-ended);
    ``waiting_on_leader`` (first, last or None), open documents waiting on a leader for
    that many days.
    """

    box: str = "all"
    search: str | None = None
    type_code: str | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "date"
    descending: bool = True
    after: str | None = None
    limit: int | None = 50
    today: dt.date | None = None  # for "overdue"; default: today in Vietnam (server clock)
    content: bool = True  # the search also looks in the words of the cached files
    unread_only: bool = False
    unit: UnitFilter | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    waiting_on_leader: tuple[int, int | None] | None = None

    def __post_init__(self) -> None:
        if self.box not in BOX_CONDITIONS:
            raise UnknownBox(self.box)
        if self.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort!r}")

    @property
    def filtered(self) -> bool:
        """Whether anything beyond the box narrows the list."""
        return bool(self.search or self.type_code or self.status or self.date_from
                    or self.date_to or self.urgency is not None or self.secrecy is not None
                    or self.narrowed)

    @property
    def narrowed(self) -> bool:
        """Whether one of the dashboard's narrowings applies."""
        return bool(self.unread_only or self.unit is not None or self.due_from
                    or self.due_to or self.waiting_on_leader is not None)


@dataclass(frozen=True)
class Row:
    """What one line of a document list shows."""

    id: str
    urgency: int
    secrecy: int
    code: str  # số, ký hiệu, e.g. "05/QĐ-UBND"; a draft's is ""
    subject: str
    issuer: str
    date: str | None  # the document date, YYYY-MM-DD
    due_date: str | None
    status: str
    read: bool
    pending_changes: int = 0
    #: the search found some of its words only in the document's files (queries.rows)
    matched_by_content: bool = False


#: The rows of up to :data:`ROWS_CHUNK` ids: the hottest read of the window (a viewport
#: fill while scrolling). Format with :func:`rows_sql`.
_ROWS_SQL = (
    "SELECT d.id, d.urgency, d.secrecy, d.code_number, d.code_notation, d.subject, "
    "d.issuer_name, d.doc_date, d.due_date, d.status, d.is_read, "
    "(SELECT count(*) FROM outbox o WHERE o.document_id = d.id) "
    "FROM documents d WHERE d.id IN ({marks})")
ROWS_CHUNK = 500


def rows_sql(count: int) -> str:
    """The rows query for ``count`` ids, with DB-API ``?`` marks."""
    return _ROWS_SQL.format(marks=", ".join("?" * count))


def row_from_record(record: Sequence[object]) -> Row:
    """A :class:`Row` from one record of :func:`rows_sql`."""
    (doc_id, urgency, secrecy, number, notation, subject, issuer, day, due, status, read,
     pending) = record
    return Row(id=str(doc_id), urgency=_int(urgency), secrecy=_int(secrecy),
               code=code_text(number, str(notation or "")), subject=str(subject or ""),
               issuer=str(issuer or ""), date=_text(day), due_date=_text(due),
               status=str(status or ""), read=bool(read), pending_changes=_int(pending))


def first_page_sql(box: str) -> str:
    """The ids of a box's first page, newest first (``?`` binds the limit; ``:today``
    style binds are not used, so ``overdue`` is not offered here)."""
    if box == "overdue":
        raise ValueError("the overdue box needs today's date: use the full store")
    condition = BOX_CONDITIONS[box]
    where = f" WHERE {condition}" if condition else ""
    return f"SELECT d.id FROM documents d{where} ORDER BY d.sort_no DESC LIMIT ?"


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _text(value: object) -> str | None:
    return None if value is None else str(value)
