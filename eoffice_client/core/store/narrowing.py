"""The dashboard's narrowings as SQLAlchemy Core conditions, one definition for both readers.

``core/reports/dashboard.py`` counts its cards and bars with these expressions and
``queries.statement`` narrows a list with the same ones (the fields of
:class:`~eoffice_client.core.store.rows.DocumentQuery`), so the list a click opens holds
exactly the documents the figure counted. Each function takes the documents table (or
its alias) the statement selects from.

* unread: ``is_read`` false;
* due within days: ``open_due`` (the due date while the status is open) in the range;
* the attributed unit: the unit of the document's first lead assignment not yet done
  (open ones first, then file order; a unit, or a person's unit), else the document's
  own ``unit_id``, else none ("not assigned");
* waiting on a leader: open, a user with the ``leader`` role in ``pending_with``, for
  the days since the last history entry (else updated, else created), counted on
  Vietnam's calendar (an unreadable instant counts as today).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    Table,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy import (
    cast as sql_cast,
)

from eoffice_client.core.domain.enums import CLOSED_STATUSES, AssigneeType
from eoffice_client.core.store.models import (
    Assignment,
    Document,
    HistoryEntry,
    PendingUser,
    User,
)
from eoffice_client.core.store.rows import DocumentQuery, UnitFilter

#: The documents as ``d``, the alias the boxes' conditions (rows.BOX_CONDITIONS) name.
DOCS = cast(Table, Document.__table__).alias("d")

_LEADS = cast(Table, Assignment.__table__).alias("lead")
_LEAD_USER = cast(Table, User.__table__).alias("lead_user")
_LEADERS = cast(Table, User.__table__).alias("leader")
_HISTORY = cast(Table, HistoryEntry.__table__).alias("last_entry")
_PENDING = cast(Table, PendingUser.__table__).alias("waiting")
#: Vietnam's offset from UTC (no daylight saving), as SQLite's date() modifier
VIETNAM_MODIFIER = "+7 hours"


def unread(docs: FromClause) -> ColumnElement[bool]:
    return docs.c.is_read == 0


def due_within(docs: FromClause, first: dt.date | None, last: dt.date | None
               ) -> ColumnElement[bool]:
    """Open documents due from ``first`` through ``last`` (None: no bound)."""
    conditions: list[ColumnElement[bool]] = [docs.c.open_due.is_not(None)]
    if first is not None:
        conditions.append(docs.c.open_due >= first.isoformat())
    if last is not None:
        conditions.append(docs.c.open_due <= last.isoformat())
    return and_(*conditions)


def _leads_of(docs: FromClause) -> list[ColumnElement[bool]]:
    return [_LEADS.c.document_id == docs.c.id, _LEADS.c.role == "lead",
            _LEADS.c.assignee_type.is_not(None)]


def attributed_unit(docs: FromClause) -> ColumnElement[Any]:
    """The unit a document is counted under (module docstring); NULL: not assigned."""
    person_unit = (select(_LEAD_USER.c.unit_id).where(_LEAD_USER.c.id == _LEADS.c.assignee_id)
                   .scalar_subquery())
    lead_unit = case((_LEADS.c.assignee_type == AssigneeType.UNIT.value, _LEADS.c.assignee_id),
                     else_=person_unit)
    done_last = case((_LEADS.c.status == "done", 1), else_=0)
    first_lead = (select(lead_unit).where(*_leads_of(docs))
                  .order_by(done_last, _LEADS.c.position).limit(1).scalar_subquery())
    return case((exists().where(*_leads_of(docs)), first_lead), else_=docs.c.unit_id)


def in_unit(docs: FromClause, unit: UnitFilter) -> ColumnElement[bool]:
    attributed = attributed_unit(docs)
    return attributed.is_(None) if unit.unit_id is None else attributed == unit.unit_id


def leader_users() -> Any:
    """The ids of the users with the ``leader`` role (their roles are a JSON list)."""
    roles = func.json_each(_LEADERS.c.roles).table_valued("value").alias("role")
    return select(_LEADERS.c.id).select_from(_LEADERS).join(roles, literal(True)).where(
        roles.c.value == "leader")


def waiting_on_leader(docs: FromClause) -> ColumnElement[bool]:
    """Open documents a leader is in the ``pending_with`` of."""
    waiting = select(_PENDING.c.document_id).where(_PENDING.c.user_id.in_(leader_users()))
    return and_(docs.c.id.in_(waiting), docs.c.status.not_in(sorted(CLOSED_STATUSES)))


def vietnam_day(instant: ColumnElement[Any]) -> ColumnElement[Any]:
    """``YYYY-MM-DD`` of a date or an RFC 3339 instant on Vietnam's calendar (as
    ``reports.layout.parse_day``: an instant without a zone keeps its own date); NULL when
    SQLite cannot read it."""
    time_part = func.substr(instant, 11)
    zoned = or_(func.instr(time_part, "+") > 0, func.instr(time_part, "-") > 0,
                func.upper(func.substr(instant, -1)) == "Z")
    return case((and_(func.length(instant) > 10, zoned),
                 func.date(instant, VIETNAM_MODIFIER)), else_=func.date(instant))


def waiting_since(docs: FromClause) -> ColumnElement[Any]:
    """When a document reached whom it waits on: its last history entry's instant."""
    last_entry = (select(_HISTORY.c.at).where(_HISTORY.c.document_id == docs.c.id)
                  .order_by(_HISTORY.c.position.desc()).limit(1).scalar_subquery())
    return func.coalesce(last_entry, docs.c.updated_at, docs.c.created_at)


def waiting_days(docs: FromClause, today: dt.date) -> ColumnElement[int]:
    """Whole days from :func:`waiting_since` to ``today`` (never below 0)."""
    day = today.isoformat()
    since = func.coalesce(vietnam_day(waiting_since(docs)), day)
    days = sql_cast(func.julianday(day) - func.julianday(since), Integer)
    return cast(ColumnElement[int], func.max(days, 0))


def days_between(days: ColumnElement[int], first: int, last: int | None
                 ) -> ColumnElement[bool]:
    return days >= first if last is None else and_(days >= first, days <= last)


def narrowing(docs: FromClause, query: DocumentQuery, today: dt.date
              ) -> list[ColumnElement[bool]]:
    """The conditions of the query's dashboard narrowings (none: an empty list)."""
    conditions: list[ColumnElement[bool]] = []
    if query.unread_only:
        conditions.append(unread(docs))
    if query.due_from is not None or query.due_to is not None:
        conditions.append(due_within(docs, query.due_from, query.due_to))
    if query.waiting_on_leader is not None:
        first, last = query.waiting_on_leader
        conditions.append(waiting_on_leader(docs))
        conditions.append(days_between(waiting_days(docs, today), first, last))
    if query.unit is not None:
        conditions.append(in_unit(docs, query.unit))
    return conditions
