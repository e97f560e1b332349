"""Lists of cached documents: boxes, filters, folded search, orders and keyset pages.

The boxes and the row shape are defined in :mod:`.rows` (shared with the first-page
reader); this module composes them into SQLAlchemy Core statements.

Search (cli-v1.md "Search"): the text is folded and split into words exactly as the
indexed fields are (core/domain/folding.py); every word must be the START of a word of
the folded subject, notation (``05/QĐ-UBND`` -> 05, qd, ubnd), issuer name or signer's
full name; words may match in different fields. Each word becomes a quoted FTS5 prefix
phrase (``"qd"*``); words hold only letters and digits, so nothing a user types can be
read as FTS5 syntax. With :attr:`DocumentQuery.content` (the default) the words may also
start a word of the text of the document's cached files (the ``content`` column, see
store/content.py); without it the match is limited to the four metadata columns.

The dashboard's narrowings (unread only, a unit, a due window, waiting on a leader) are
the conditions of :mod:`.narrowing`, the ones the dashboard counts with.

Pages are keyset pages on ``sort_no`` (newest first, see documents.py): pass the
previous page's :attr:`Page.next_after` as :attr:`DocumentQuery.after`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    column,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
)

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.folding import words
from eoffice_client.core.store.documents import sort_base
from eoffice_client.core.store.meta import get_meta
from eoffice_client.core.store.models import FTS_TABLE
from eoffice_client.core.store.narrowing import DOCS, narrowing, unread
from eoffice_client.core.store.rows import (
    BOX_CONDITIONS,
    ROWS_CHUNK,
    DocumentQuery,
    Row,
    row_from_record,
    rows_sql,
)

#: Meta key where the sync may keep the server clock's offset (seconds) for "today".
SERVER_OFFSET_KEY = "server_time_offset_s"
#: Fields of a whole document a list leaves out (cli-v1.md ``list --json``).
LIST_DROP = ("history", "comments")
#: Boxes with their own small index; a search in them may walk the box (see _statement).
FLAG_BOXES = ("to-sign", "to-process", "overdue")
SMALL_BOX = 1500

_F = table(FTS_TABLE, column("rowid", Integer), column("subject", String),
           column("notation", String), column("issuer", String),
           column("signer", String), column("content", String)).alias("f")
#: the space-joined folded words of a document, for the "starts a word" test by instr()
_META_WORDS: ColumnElement[str] = (literal_column("' '", String) + _F.c.subject + " "
                                   + _F.c.notation + " " + _F.c.issuer + " " + _F.c.signer)
_ALL_WORDS: ColumnElement[str] = _META_WORDS + " " + func.coalesce(_F.c.content, "")
#: the FTS5 columns of the metadata (a search without the files' words)
META_COLUMNS = "{subject notation issuer signer}"
_SORT_COLUMNS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "urgency": (DOCS.c.urgency,),
    "code": (DOCS.c.code_notation.collate("NOCASE"), DOCS.c.code_number),
    "subject": (DOCS.c.subject.collate("NOCASE"),),
    "issuer": (DOCS.c.issuer_name.collate("NOCASE"),),
    "date": (),
    "due": (DOCS.c.due_date.is_not(None), DOCS.c.due_date),
    "status": (DOCS.c.status,),
}


@dataclass
class Page:
    """One page of whole documents (the contract's shape without history and comments)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    next_after: str | None = None  # None: this was the last page


def match_expression(search: str | None, content: bool = True) -> str | None:
    """The FTS5 query for ``search``, or None when it has no words (nothing is filtered);
    without ``content`` it is limited to the metadata columns."""
    found = words(search or "")
    if not found:
        return None
    phrases = " ".join(f'"{word}"*' for word in dict.fromkeys(found))
    return phrases if content else f"{META_COLUMNS} : ({phrases})"


def today_for(conn: Connection) -> dt.date:
    """Today in Vietnam, by the server's clock when the sync recorded its offset."""
    offset = get_meta(conn, SERVER_OFFSET_KEY)
    now = dt.datetime.now(dt.UTC)
    if isinstance(offset, int | float):
        now += dt.timedelta(seconds=offset)
    return today_vietnam(now)


def box_condition(box: str, today: dt.date) -> ColumnElement[bool] | None:
    """The condition of a box on the documents alias ``d`` (None: every document)."""
    condition = BOX_CONDITIONS[box]
    if not condition:
        return None
    clause = text(condition)
    if ":today" in condition:
        clause = clause.bindparams(today=today.isoformat())
    return and_(clause)


def statement(query: DocumentQuery, columns: Sequence[str], *, box_driven: bool = False,
              ordered: bool = True) -> Select[Any]:
    """The SELECT of these columns of ``documents`` for one list (``sort_no`` is always
    the last column).

    A search normally walks the FTS5 matches in list order (their rowid is ``sort_no``)
    and stops after one page. ``box_driven`` walks the box's own index instead and tests
    each member's indexed words: the fast way when the box is small and the words common.
    """
    today = query.today or today_vietnam()
    match = match_expression(query.search, query.content)
    by_fts = match is not None and not box_driven
    key = _F.c.rowid if by_fts else DOCS.c.sort_no
    if match is None:
        source: Any = DOCS
    elif by_fts:
        source = _F.join(DOCS, DOCS.c.sort_no == _F.c.rowid)
    else:
        source = DOCS.join(_F, _F.c.rowid == DOCS.c.sort_no)
    stmt = select(*(DOCS.c[name] for name in columns), DOCS.c.sort_no).select_from(source)
    if by_fts:
        stmt = stmt.where(text(f"{FTS_TABLE} MATCH :match").bindparams(match=match))
    condition = box_condition(query.box, today)
    if condition is not None:
        stmt = stmt.where(condition)
    for name in ("type_code", "urgency", "secrecy", "status"):
        value = getattr(query, name)
        if value is not None:
            stmt = stmt.where(DOCS.c[name] == value)
    for narrowed in narrowing(DOCS, query, today):
        stmt = stmt.where(narrowed)
    if match is not None and box_driven:
        searched = _ALL_WORDS if query.content else _META_WORDS
        for word in dict.fromkeys(words(query.search or "")):
            stmt = stmt.where(func.instr(searched, " " + word) > 0)
    if query.date_from:
        stmt = stmt.where(key >= sort_base(query.date_from))
    if query.date_to:
        stmt = stmt.where(key < sort_base(query.date_to + dt.timedelta(days=1)))
    if query.after is not None:
        if query.sort != "date" or not query.descending:
            raise ValueError("a keyset page (after) goes with the date order, newest first")
        stmt = stmt.where(key < _parse_after(query.after))
    if ordered:
        order = [*_SORT_COLUMNS[query.sort], key]
        stmt = stmt.order_by(*(c.desc() if query.descending else c.asc() for c in order))
    if query.limit is not None:
        stmt = stmt.limit(max(1, int(query.limit)))
    return stmt


def _prepared(conn: Connection, query: DocumentQuery) -> tuple[DocumentQuery, bool]:
    """The query with today's date settled, and whether a search should walk the box."""
    if query.today is None:
        query = replace(query, today=today_for(conn))
    return query, _box_is_small(conn, query)


def _box_is_small(conn: Connection, query: DocumentQuery) -> bool:
    """Whether a search in this box should walk the box rather than the FTS5 matches."""
    if query.box not in FLAG_BOXES or not match_expression(query.search):
        return False
    condition = box_condition(query.box, query.today or today_vietnam())
    members: Select[Any] = select(literal_column("1")).select_from(DOCS).where(
        condition if condition is not None else literal_column("1")).limit(SMALL_BOX + 1)
    counted = select(func.count()).select_from(members.subquery())
    return int(conn.execute(counted).scalar() or 0) <= SMALL_BOX


def _parse_after(after: str) -> int:
    try:
        return int(after)
    except ValueError as exc:
        raise ValueError(f"invalid page token {after!r}") from exc


def list_documents(conn: Connection, query: DocumentQuery) -> Page:
    """One keyset page of whole cached documents (see the module docstring)."""
    query, box_driven = _prepared(conn, query)
    records = conn.execute(statement(query, ["data"], box_driven=box_driven)).all()
    items = [_whole(record[0]) for record in records]
    full = query.limit is not None and len(records) == query.limit
    return Page(items, str(records[-1][-1]) if full and records else None)


def document_ids(conn: Connection, query: DocumentQuery) -> list[str]:
    """The ids of every document of the list (or of one page, with a limit), in order."""
    query, box_driven = _prepared(conn, query)
    return [str(r[0]) for r in conn.execute(statement(query, ["id"], box_driven=box_driven))]


def count_matching(conn: Connection, query: DocumentQuery) -> int:
    """How many documents the list holds (its limit and page ignored)."""
    query, box_driven = _prepared(conn, replace(query, limit=None, after=None))
    matches = statement(query, ["id"], box_driven=box_driven, ordered=False).subquery()
    return int(conn.execute(select(func.count()).select_from(matches)).scalar() or 0)


def rows(conn: Connection, ids: Sequence[str], search: str | None = None) -> dict[str, Row]:
    """The list rows of these ids, by id (the query of rows.py, also used before the full
    store is loaded). With the list's ``search``, a row found through its files' words
    says so (:attr:`Row.matched_by_content`)."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), ROWS_CHUNK):
        chunk = tuple(ids[start:start + ROWS_CHUNK])
        for record in conn.exec_driver_sql(rows_sql(len(chunk)), chunk):
            row = row_from_record(tuple(record))
            found[row.id] = row
    for doc_id in content_matches(conn, list(found), search):
        found[doc_id] = replace(found[doc_id], matched_by_content=True)
    return found


def content_matches(conn: Connection, ids: Sequence[str], search: str | None) -> set[str]:
    """Which of these documents ``search`` finds only with their files' words: every word
    starts a word of the metadata or of the content, and some word only of the content."""
    found_words = list(dict.fromkeys(words(search or "")))
    if not found_words or not ids:
        return set()
    content = " " + func.coalesce(_F.c.content, "")
    in_meta = [func.instr(_META_WORDS, " " + w) > 0 for w in found_words]
    in_content = [func.instr(content, " " + w) > 0 for w in found_words]
    matched: set[str] = set()
    for start in range(0, len(ids), ROWS_CHUNK):
        stmt = (select(DOCS.c.id).select_from(DOCS.join(_F, _F.c.rowid == DOCS.c.sort_no))
                .where(DOCS.c.id.in_(ids[start:start + ROWS_CHUNK]),
                       func.coalesce(_F.c.content, "") != "",
                       *(or_(m, c) for m, c in zip(in_meta, in_content, strict=True)),
                       not_(and_(*in_meta))))
        matched.update(str(r[0]) for r in conn.execute(stmt))
    return matched


def _whole(data: str) -> dict[str, Any]:
    doc = json.loads(data)
    for name in LIST_DROP:
        doc.pop(name, None)
    return dict(doc)


def count_box(conn: Connection, box: str, *, today: dt.date | None = None
              ) -> tuple[int, int, int]:
    """``(total, unread, overdue)`` of a box, for the window's box list."""
    day = today or today_for(conn)
    overdue = and_(DOCS.c.open_due.is_not(None), DOCS.c.open_due < day.isoformat())
    stmt = select(func.count(), func.count().filter(unread(DOCS)),
                  func.count().filter(overdue)).select_from(DOCS)
    condition = box_condition(box, day)
    if condition is not None:
        stmt = stmt.where(condition)
    total, not_read, late = conn.execute(stmt).one()
    return int(total), int(not_read), int(late)


def reminder_counts(conn: Connection, today: dt.date) -> tuple[int, int, int]:
    """``(urgent unread, due today, overdue)`` among the documents waiting on this user."""
    day = today.isoformat()
    waiting = DOCS.c.to_process == 1
    stmt = select(
        func.count().filter(DOCS.c.is_read == 0, DOCS.c.urgency >= 1),
        func.count().filter(waiting, DOCS.c.open_due == day),
        func.count().filter(waiting, DOCS.c.open_due < day),
    ).select_from(DOCS)
    urgent, due_today, late = conn.execute(stmt).one()
    return int(urgent), int(due_today), int(late)

