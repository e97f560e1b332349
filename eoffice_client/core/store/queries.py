"""Lists of cached documents: boxes, filters, folded search, keyset pages, newest first.

Boxes (cli-v1.md): ``incoming``, ``outgoing``, ``internal`` (direction); ``to-sign``
(approved and waiting on me); ``to-process`` (waiting on me, my open (not done)
assignments directly or via my unit, and for clerks every received, signed or numbered
document); ``overdue`` (contract section 1: today in Vietnam after ``due_date``, status
open); ``unread`` (``read`` false); ``all``. "Me" is the user kept by ``set_me``.

Search (cli-v1.md "Search"): the text is folded and split into words exactly as the
indexed fields are (core/domain/folding.py); every word must be the START of a word of
the folded subject, notation (``05/QĐ-UBND`` -> 05, qd, ubnd), issuer name or signer's
full name; words may match in different fields. Each word becomes a quoted FTS5 prefix
phrase (``"qd"*``); words hold only letters and digits, so nothing a user types can be
read as FTS5 syntax.

Pages are keyset pages on ``sort_no`` (newest first, see documents.py): pass the
previous page's :attr:`Page.next_after` as :attr:`DocumentQuery.after`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, text

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.folding import words
from eoffice_client.core.store.documents import get_me, sort_base
from eoffice_client.core.store.meta import get_meta
from eoffice_client.core.store.models import FTS_TABLE

BOXES: tuple[str, ...] = (
    "all", "incoming", "outgoing", "internal", "to-sign", "to-process", "overdue", "unread",
)
_BOX_SQL = {
    "all": "",
    "incoming": "d.direction = 'incoming'",
    "outgoing": "d.direction = 'outgoing'",
    "internal": "d.direction = 'internal'",
    "to-sign": "d.to_sign = 1",
    "to-process": "d.to_process = 1",
    "overdue": "d.open_due IS NOT NULL AND d.open_due < :today",
    "unread": "d.is_read = 0",
}
#: Meta key where the sync may keep the server clock's offset (seconds) for "today".
SERVER_OFFSET_KEY = "server_time_offset_s"
#: Fields of a whole document a list leaves out (cli-v1.md ``list --json``).
LIST_DROP = ("history", "comments")
#: Typed columns of a list row (what a list view shows), read without parsing ``data``.
ROW_COLUMNS: tuple[str, ...] = (
    "id", "doc_date", "direction", "type_code", "code_number", "code_notation", "subject",
    "issuer_name", "signer_name", "urgency", "secrecy", "status", "due_date", "arrival_number",
    "arrival_date", "issued_date", "unit_id", "version", "is_read", "to_sign", "to_process",
    "open_due",
)
_ROW_SQL = ", ".join(f"d.{c}" for c in ROW_COLUMNS)


class UnknownBox(ValueError):
    """A box name not in :data:`BOXES`."""


@dataclass(frozen=True)
class DocumentQuery:
    """What ``list`` asks for. Dates filter on the document date (documents.py)."""

    box: str = "all"
    search: str | None = None
    type_code: str | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    after: str | None = None  # Page.next_after of the previous page
    limit: int = 50
    today: dt.date | None = None  # for "overdue"; default: today in Vietnam (server clock)
    whole: bool = False  # items: whole documents (without history, comments), else list rows


@dataclass
class Page:
    """One page: list rows (:func:`row_of`), or with ``whole`` documents in the contract's
    shape without ``history`` and ``comments``."""

    items: list[dict[str, Any]] = field(default_factory=list)
    next_after: str | None = None  # None: this was the last page


def match_expression(search: str | None) -> str | None:
    """The FTS5 query for ``search``, or None when it has no words (then nothing is filtered)."""
    found = words(search or "")
    if not found:
        return None
    return " ".join(f'"{word}"*' for word in dict.fromkeys(found))


def build_sql(query: DocumentQuery, columns: str = "d.data", *, box_driven: bool = False
              ) -> tuple[str, dict[str, Any]]:
    """The SQL text and parameters of one page (also used raw by bench/bench_store.py).

    A search normally walks the FTS5 matches in list order (their rowid is ``sort_no``)
    and stops after one page. ``box_driven`` walks the box's own index instead and tests
    each member's indexed words (``instr`` of " word" in the space-joined folded words:
    the same "starts a word" rule): the fast way when the box is small and the words
    common (to-sign: 0.5 ms instead of 100 ms at 100,000 documents).
    """
    if query.box not in _BOX_SQL:
        raise UnknownBox(query.box)
    params: dict[str, Any] = {"limit": max(1, int(query.limit))}
    where = [_BOX_SQL[query.box]] if _BOX_SQL[query.box] else []
    if query.box == "overdue":
        params["today"] = (query.today or today_vietnam()).isoformat()
    for name, column in (("type_code", "type_code"), ("urgency", "urgency"),
                         ("secrecy", "secrecy"), ("status", "status")):
        value = getattr(query, name)
        if value is not None:
            where.append(f"d.{column} = :{name}")
            params[name] = value
    match = match_expression(query.search)
    key = "f.rowid" if match and not box_driven else "d.sort_no"
    if query.date_from:
        where.append(f"{key} >= :lo")
        params["lo"] = sort_base(query.date_from)
    if query.date_to:
        where.append(f"{key} < :hi")
        params["hi"] = sort_base(query.date_to + dt.timedelta(days=1))
    if query.after is not None:
        where.append(f"{key} < :after")
        params["after"] = _parse_after(query.after)
    if match and box_driven:
        for index, word in enumerate(dict.fromkeys(words(query.search or ""))):
            where.append(f"instr({_ALL_WORDS}, :w{index}) > 0")
            params[f"w{index}"] = " " + word
        source = f"documents d CROSS JOIN {FTS_TABLE} f ON f.rowid = d.sort_no"
    elif match:
        where.insert(0, f"{FTS_TABLE} MATCH :match")
        params["match"] = match
        source = f"{FTS_TABLE} f CROSS JOIN documents d ON d.sort_no = f.rowid"
    else:
        source = "documents d"
    clause = " WHERE " + " AND ".join(where) if where else ""
    sql = f"SELECT {columns}, d.sort_no FROM {source}{clause} ORDER BY {key} DESC LIMIT :limit"
    return sql, params


_ALL_WORDS = "(' ' || f.subject || ' ' || f.notation || ' ' || f.issuer || ' ' || f.signer)"
#: Boxes with their own small index; a search in them may walk the box (build_sql).
_FLAG_BOXES = ("to-sign", "to-process", "overdue")
SMALL_BOX = 1500


def _box_is_small(conn: Connection, query: DocumentQuery) -> bool:
    """Whether a search in this box should walk the box rather than the FTS5 matches."""
    if query.box not in _FLAG_BOXES or not match_expression(query.search):
        return False
    sql = f"SELECT count(*) FROM (SELECT 1 FROM documents d WHERE {_BOX_SQL[query.box]} " \
          f"LIMIT {SMALL_BOX + 1})"
    params = {"today": (query.today or today_vietnam()).isoformat()} \
        if query.box == "overdue" else {}
    return int(conn.exec_driver_sql(sql, params).scalar() or 0) <= SMALL_BOX


def _parse_after(after: str) -> int:
    try:
        return int(after)
    except ValueError as exc:
        raise ValueError(f"invalid page token {after!r}") from exc


def today_for(conn: Connection) -> dt.date:
    """Today in Vietnam, by the server's clock when the sync recorded its offset."""
    offset = get_meta(conn, SERVER_OFFSET_KEY)
    now = dt.datetime.now(dt.UTC)
    if isinstance(offset, int | float):
        now += dt.timedelta(seconds=offset)
    return today_vietnam(now)


def list_documents(conn: Connection, query: DocumentQuery) -> Page:
    """One keyset page of cached documents, newest first (see module docstring)."""
    today = query.today or today_for(conn)
    if query.box == "overdue" and query.today is None:
        query = replace(query, today=today)
    sql, params = build_sql(query, "d.data" if query.whole else _ROW_SQL,
                            box_driven=_box_is_small(conn, query))
    # the driver runs the text as is: a list page pays no statement compilation
    rows = conn.exec_driver_sql(sql, params).all()
    if query.whole:
        items = [_whole(row[0]) for row in rows]
    else:
        items = [row_of(row, today.isoformat()) for row in rows]
    full = len(rows) == params["limit"]
    return Page(items, str(rows[-1][-1]) if full and rows else None)


def _whole(data: str) -> dict[str, Any]:
    doc = json.loads(data)
    for name in LIST_DROP:
        doc.pop(name, None)
    return dict(doc)


def row_of(row: Any, today: str) -> dict[str, Any]:
    """A list row: the typed columns of :data:`ROW_COLUMNS` by name, with ``read`` and
    ``overdue`` (contract section 1, against ``today``) as booleans."""
    item = dict(zip(ROW_COLUMNS, row, strict=False))
    item["read"] = bool(item.pop("is_read"))
    item["to_sign"], item["to_process"] = bool(item["to_sign"]), bool(item["to_process"])
    open_due = item.pop("open_due")
    item["overdue"] = open_due is not None and open_due < today
    return item


def list_ids(conn: Connection, query: DocumentQuery) -> tuple[list[str], str | None]:
    """Like :func:`list_documents` but only the ids (for views that build rows lazily)."""
    if query.box == "overdue" and query.today is None:
        query = replace(query, today=today_for(conn))
    sql, params = build_sql(query, columns="d.id", box_driven=_box_is_small(conn, query))
    rows = conn.exec_driver_sql(sql, params).all()
    full = len(rows) == params["limit"]
    return [r[0] for r in rows], (str(rows[-1][1]) if full and rows else None)


def count_box(conn: Connection, box: str, me: dict[str, Any] | None = None,
              *, today: dt.date | None = None) -> tuple[int, int, int]:
    """``(total, unread, overdue)`` of a box, for the box list of the window.

    Box flags follow the user kept by ``set_me``; ``me``, when given, must be that user.
    """
    if box not in _BOX_SQL:
        raise UnknownBox(box)
    if me is not None and (get_me(conn) or {}).get("id") != me.get("id"):
        raise ValueError("count_box: call set_me() with this user first")
    day = (today or today_for(conn)).isoformat()
    where = f" WHERE {_BOX_SQL[box]}" if _BOX_SQL[box] else ""
    sql = ("SELECT count(*), coalesce(sum(d.is_read = 0), 0), "
           "coalesce(sum(d.open_due IS NOT NULL AND d.open_due < :today), 0) "
           f"FROM documents d{where}")
    total, unread, overdue = conn.execute(text(sql), {"today": day}).one()
    return int(total), int(unread), int(overdue)
