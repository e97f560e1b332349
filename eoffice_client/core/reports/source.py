"""Read-only queries of the local cache for the registers and the report (SQLAlchemy Core).

Documents are read as whole contract objects (the ``data`` column), one row at a time and
only those a register can hold: the document date (``doc_date``, core/store/documents.py)
of a registered incoming document is its ngày đến and of a numbered outgoing or internal
one its ngày ban hành, so the period is a ``sort_no`` range of the direction index.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select

from eoffice_client.core.domain.enums import Direction
from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.reports.model import Period, RegisterKind, ReportNames
from eoffice_client.core.reports.registers import Replies
from eoffice_client.core.store.directory import get_catalog, get_units, get_users
from eoffice_client.core.store.documents import get_me, sort_base
from eoffice_client.core.store.meta import get_meta
from eoffice_client.core.store.models import Assignment, Document, HistoryEntry

_DOCS = cast(Table, Document.__table__)
ORGANIZATION_KEY = "organization"  # the server's organisation, kept by the sign-in


def load_directory(conn: Connection) -> ReportNames:
    """Users, units, catalogue, the organisation and the cache's user, from the store."""
    organisation = get_meta(conn, ORGANIZATION_KEY)
    me = get_me(conn) or {}
    return ReportNames.from_objects(
        users=get_users(conn), units=get_units(conn), catalog=get_catalog(conn),
        organisation_name=str((organisation or {}).get("org_name") or "")
        if isinstance(organisation, dict) else "",
        viewer_name=str(me.get("full_name") or me.get("username") or ""))


def check_register(directory: ReportNames, kind: RegisterKind, register_id: str | None) -> None:
    """A register given for ``kind`` must exist and be of its direction (exit 9 otherwise)."""
    if register_id is None:
        return
    register = directory.registers.get(register_id)
    if register is None:
        raise InvalidInputError("reports.unknown_register", id=register_id)
    wanted = Direction.OUTGOING if kind == RegisterKind.OUTGOING else Direction.INCOMING
    if register.direction != wanted:
        raise InvalidInputError("reports.register_direction", name=register.name,
                                direction=register.direction, kind=kind.value)


def _directions(kind: RegisterKind) -> tuple[str, ...]:
    if kind == RegisterKind.OUTGOING:
        return (Direction.OUTGOING.value, Direction.INTERNAL.value)
    return (Direction.INCOMING.value,)


def register_documents(conn: Connection, kind: RegisterKind, period: Period,
                       register_id: str | None = None) -> Iterator[dict[str, Any]]:
    """The cached documents a register of ``kind`` may hold for ``period``, oldest first.

    A superset filtered by typed columns (:func:`registers.belongs` has the last word),
    each as a document with only the fields a register shows: typed columns, a few JSON
    fields, the assignments rows, and the history entries ``issue`` and ``complete``.
    """
    numbered = _DOCS.c.code_number if kind == RegisterKind.OUTGOING else _DOCS.c.arrival_number
    query = (select(*_REGISTER_FIELDS)
             .where(_DOCS.c.direction.in_(_directions(kind)), numbered.is_not(None),
                    *_in_period(period))
             .order_by(_DOCS.c.sort_no))
    if register_id is not None:
        query = query.where(_DOCS.c.register_id == register_id)
    for row in conn.execute(query).mappings():
        yield _register_document(row)


#: the JSON fields a register shows, read by ONE json_extract (one parse of the text)
_JSON_FIELDS = ("copies", "pending_with", "recipients", "in_reply_to")


def _last_history(action: str) -> Any:
    return (select(_HISTORY.c.at)
            .where(_HISTORY.c.document_id == _DOCS.c.id, _HISTORY.c.action == action)
            .order_by(_HISTORY.c.position.desc()).limit(1)
            .scalar_subquery().label(f"history_{action}"))


_HISTORY = cast(Table, HistoryEntry.__table__)
_ASSIGNMENTS = cast(Table, Assignment.__table__)
_ASSIGNMENT_FIELDS = ("assignee_type", "assignee_id", "role", "status", "due_date")
_TYPED = ("id", "direction", "register_id", "code_number", "code_notation", "issued_date",
          "arrival_number", "arrival_date", "type_code", "subject", "unit_id", "status",
          "due_date", "urgency", "secrecy")
_REGISTER_FIELDS = (
    *(_DOCS.c[name] for name in _TYPED), _DOCS.c.issuer_id, _DOCS.c.issuer_name,
    _DOCS.c.signer_name,
    func.json_extract(_DOCS.c.data, *(f"$.{name}" for name in _JSON_FIELDS)).label("json"),
    (select(func.json_group_array(func.json_array(*(_ASSIGNMENTS.c[f]
                                                    for f in _ASSIGNMENT_FIELDS))))
     .where(_ASSIGNMENTS.c.document_id == _DOCS.c.id).scalar_subquery()
     .label("assignments")),
    _last_history("issue"), _last_history("complete"),
)


def _register_document(row: Any) -> dict[str, Any]:
    doc = {name: row[name] for name in _TYPED}
    doc.update(zip(_JSON_FIELDS, json.loads(row["json"]), strict=True))
    doc["issuer"] = {"org_id": row["issuer_id"], "org_name": row["issuer_name"]}
    doc["signer"] = {"full_name": row["signer_name"]} if row["signer_name"] else None
    doc["assignments"] = [dict(zip(_ASSIGNMENT_FIELDS, item, strict=True))
                          for item in json.loads(row["assignments"] or "[]")]
    doc["history"] = [{"action": action, "at": row[f"history_{action}"]}
                      for action in ("issue", "complete") if row[f"history_{action}"]]
    return doc


def _in_period(period: Period) -> tuple[Any, Any]:
    return (_DOCS.c.sort_no >= sort_base(period.start),
            _DOCS.c.sort_no < sort_base(period.end + dt.timedelta(days=1)))


def replies_for(conn: Connection, period: Period, register_id: str | None = None) -> Replies:
    """Numbered outgoing and internal replies that may answer the incoming documents of
    ``period``: a reply is issued on or after the document it answers was issued."""
    earliest = conn.execute(
        select(func.min(_DOCS.c.issued_date))
        .where(_DOCS.c.direction == Direction.INCOMING.value, *_in_period(period),
               *([_DOCS.c.register_id == register_id] if register_id else []))).scalar()
    replies = Replies()
    if earliest is None:
        return replies
    start = dt.date.fromisoformat(str(earliest)[:10])
    in_reply_to = func.json_extract(_DOCS.c.data, "$.in_reply_to")
    query = select(_DOCS.c.code_number, _DOCS.c.code_notation, _DOCS.c.issued_date,
                   _DOCS.c.status, in_reply_to).where(
        _DOCS.c.direction.in_(_directions(RegisterKind.OUTGOING)),
        _DOCS.c.code_number.is_not(None), _DOCS.c.sort_no >= sort_base(start),
        in_reply_to.is_not(None))
    for number, notation, issued, status, target in conn.execute(query):
        replies.add({"code_number": number, "code_notation": notation, "issued_date": issued,
                     "status": status, "in_reply_to": json.loads(target)})
    return replies


def incoming_documents(conn: Connection, period: Period) -> Iterator[dict[str, Any]]:
    """Incoming documents whose document date (ngày đến, else the day the cache got them
    from the server's creation date) is in ``period``, whole, oldest first."""
    query = (select(_DOCS.c.data)
             .where(_DOCS.c.direction == Direction.INCOMING.value, *_in_period(period))
             .order_by(_DOCS.c.sort_no))
    for (data,) in conn.execute(query):
        yield json.loads(data)
