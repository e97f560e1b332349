"""Users, units and the catalogue (contract section 4), as the change feed delivers them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from eoffice_client.core.store import meta as meta_store
from eoffice_client.core.store.models import (
    CalendarDay,
    DocumentType,
    Organization,
    Register,
    Unit,
    User,
)

CATALOG_KEY = "catalog"


def upsert_users(conn: Connection, users: Sequence[dict[str, Any]]) -> None:
    """Stores whole User objects (users are never deleted, they turn ``active: false``)."""
    rows = [{
        "id": u["id"], "username": u.get("username"), "full_name": u.get("full_name"),
        "title": u.get("title"), "unit_id": u.get("unit_id"),
        "active": bool(u.get("active", True)), "roles": list(u.get("roles") or []), "data": u,
    } for u in users]
    _upsert(conn, User, rows)


def upsert_units(conn: Connection, units: Sequence[dict[str, Any]]) -> None:
    """Stores whole Unit objects."""
    rows = [{
        "id": u["id"], "name": u.get("name"), "code": u.get("code"),
        "parent_id": u.get("parent_id"), "active": bool(u.get("active", True)), "data": u,
    } for u in units]
    _upsert(conn, Unit, rows)


def _upsert(conn: Connection, model: type[User] | type[Unit], rows: list[dict]) -> None:
    if not rows:
        return
    statement = insert(model)
    columns = [c.name for c in model.__table__.columns if c.name != "id"]
    conn.execute(statement.on_conflict_do_update(
        index_elements=["id"], set_={c: statement.excluded[c] for c in columns}), rows)


def replace_catalog(conn: Connection, catalog: dict[str, Any]) -> None:
    """Replaces the catalogue (document types, registers, organisations, calendar)."""
    for model in (DocumentType, Register, Organization, CalendarDay):
        conn.execute(delete(model))
    _insert(conn, DocumentType, [
        {"code": t["code"], "name": t.get("name"), "abbreviation": t.get("abbreviation")}
        for t in catalog.get("document_types") or []])
    _insert(conn, Register, [
        {"id": r["id"], "name": r.get("name"), "direction": r.get("direction"),
         "year": r.get("year"), "secret": bool(r.get("secret"))}
        for r in catalog.get("registers") or []])
    _insert(conn, Organization, [
        {"id": o["id"], "name": o.get("name"), "edxml_code": o.get("edxml_code")}
        for o in catalog.get("organizations") or []])
    calendar = catalog.get("calendar") or {}
    days = {str(d): "holiday" for d in calendar.get("holidays") or []}
    days.update({str(d): "working" for d in calendar.get("working_days") or []})
    _insert(conn, CalendarDay, [{"day": d, "kind": k} for d, k in days.items()])
    meta_store.set_meta(conn, CATALOG_KEY, catalog)


def _insert(conn: Connection, model: Any, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(model).prefix_with("OR REPLACE"), rows)


def get_catalog(conn: Connection) -> dict[str, Any] | None:
    """The whole catalog object as last received, or None before the first sync."""
    value = meta_store.get_meta(conn, CATALOG_KEY)
    return value if isinstance(value, dict) else None


def get_user(conn: Connection, user_id: str) -> dict[str, Any] | None:
    data = conn.execute(select(User.data).where(User.id == user_id)).scalar()
    return data if isinstance(data, dict) else None


def get_users(conn: Connection) -> list[dict[str, Any]]:
    return [d for d in conn.execute(select(User.data).order_by(User.id)).scalars()]


def get_unit(conn: Connection, unit_id: str) -> dict[str, Any] | None:
    data = conn.execute(select(Unit.data).where(Unit.id == unit_id)).scalar()
    return data if isinstance(data, dict) else None


def get_units(conn: Connection) -> list[dict[str, Any]]:
    return [d for d in conn.execute(select(Unit.data).order_by(Unit.id)).scalars()]


def users_by_id(conn: Connection) -> dict[str, dict[str, Any]]:
    """Every cached user by id (the workflow's rules look up lead units' members)."""
    return {u["id"]: u for u in get_users(conn)
            if isinstance(u, dict) and isinstance(u.get("id"), str)}


def registers_for_rules(conn: Connection) -> list[dict[str, Any]] | None:
    """The catalogue's registers as the workflow checks them; None before the catalogue
    has arrived (then registers are not checked locally)."""
    found = conn.execute(select(Register.id, Register.direction, Register.year,
                                Register.secret)).all()
    if not found:
        return None
    return [{"id": r[0], "direction": r[1], "year": r[2], "secret": bool(r[3])} for r in found]


def document_type_codes(conn: Connection) -> set[str]:
    return {str(code) for code in conn.execute(select(DocumentType.code)).scalars()}
