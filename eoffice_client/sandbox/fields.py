"""The fields a create (and a PATCH) may set, and their checks (contract sections 4 and 6)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any

COMPETENCES = ("TM", "KT", "TL", "TUQ", "Q", "")
DIRECTIONS = ("incoming", "outgoing", "internal")
#: Fields any create may set, and those only an incoming create may set.
COMMON_FIELDS = ("type_code", "subject", "urgency", "secrecy", "due_date", "recipients",
                 "signer", "place", "page_count", "copies", "in_reply_to", "unit_id")
INCOMING_FIELDS = ("issuer", "code_number", "code_notation", "issued_date", "arrival_date")
#: Fields that take an object merged by RFC 7396.
OBJECT_FIELDS = ("signer", "issuer", "in_reply_to")

Check = Callable[[Any, Mapping[str, Any]], str | None]


def _str(max_len: int, min_len: int = 0) -> Check:
    def check(value: Any, ctx: Mapping[str, Any]) -> str | None:
        if not isinstance(value, str):
            return "must be a string"
        if len(value.strip()) < min_len:
            return f"must have at least {min_len} characters"
        if len(value) > max_len:
            return f"must have at most {max_len} characters"
        return None
    return check


def _int(low: int, high: int | None = None, nullable: bool = False) -> Check:
    def check(value: Any, ctx: Mapping[str, Any]) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            return "must be a whole number"
        if value < low or (high is not None and value > high):
            return f"must be from {low} to {high}" if high is not None else f"must be >= {low}"
        return None
    return check


def _date(nullable: bool = True) -> Check:
    def check(value: Any, ctx: Mapping[str, Any]) -> str | None:
        if value is None and nullable:
            return None
        return None if is_date(value) else "must be a date YYYY-MM-DD"
    return check


def is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _object(keys: Mapping[str, Check], nullable: bool = True) -> Check:
    def check(value: Any, ctx: Mapping[str, Any]) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            return "must be an object"
        for key, sub in keys.items():
            problem = sub(value.get(key), ctx)
            if problem:
                return f"{key} {problem}"
        return None
    return check


def _opt(check: Check) -> Check:
    def wrapped(value: Any, ctx: Mapping[str, Any]) -> str | None:
        return None if value is None else check(value, ctx)
    return wrapped


def _competence(value: Any, ctx: Mapping[str, Any]) -> str | None:
    return None if value in COMPETENCES else "must be one of TM, KT, TL, TUQ, Q or empty"


def _recipients(value: Any, ctx: Mapping[str, Any]) -> str | None:
    if not isinstance(value, list):
        return "must be a list"
    org = _object({"org_id": _str(200, 1), "org_name": _str(500, 1)}, nullable=False)
    for item in value:
        problem = org(item, ctx)
        if problem:
            return problem
    return None


def _type_code(value: Any, ctx: Mapping[str, Any]) -> str | None:
    if not isinstance(value, str) or value not in ctx["type_codes"]:
        return "must be a code of catalog.document_types"
    return None


def _unit_id(value: Any, ctx: Mapping[str, Any]) -> str | None:
    if value is None:
        return None
    return None if isinstance(value, str) and value in ctx["units"] else "unknown unit"


CHECKS: dict[str, Check] = {
    "type_code": _type_code,
    "subject": _str(500, 1),
    "urgency": _int(0, 4),
    "secrecy": _int(0, 3),
    "due_date": _date(),
    "recipients": _recipients,
    "signer": _object({"competence": _competence, "position": _str(200),
                       "full_name": _str(200), "user_id": _opt(_str(100))}),
    "place": _str(200),
    "page_count": _int(0, nullable=True),
    "copies": _int(0, nullable=True),
    "in_reply_to": _object({"org_id": _str(200, 1), "code": _str(200, 1),
                            "issued_date": _date()}),
    "unit_id": _unit_id,
    # org_id "" names a sender outside catalog.organizations (a company, a citizen)
    "issuer": _object({"org_id": _str(200), "org_name": _str(500, 1)}, nullable=False),
    "code_number": _int(1, nullable=True),
    "code_notation": _str(100),
    "issued_date": _date(),
    "arrival_date": _date(),
}


def field_errors(values: Mapping[str, Any], names: tuple[str, ...],
                 ctx: Mapping[str, Any]) -> list[dict[str, str]]:
    """The problems of ``values`` for the fields ``names`` (each present one is checked)."""
    errors = []
    for name in names:
        if name in values:
            problem = CHECKS[name](values[name], ctx)
            if problem:
                errors.append({"field": name, "message": problem})
    return errors


def is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True

