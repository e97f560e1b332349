"""The field types of the wire models: tolerant where the contract is silent, strict on ids.

A nullable field may also be missing; strings typed ``str`` accept null as ``""``; lists
missing become ``[]``. ``sha256`` must be 64 hex digits (upper case is lowered); dates must
be ``YYYY-MM-DD``; instants must parse as ISO 8601/RFC 3339. See wire.py for the whole of
the tolerant reading.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from eoffice_client.core.domain.enums import Direction, Status

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
NESTED_TOO_DEEPLY = "nested too deeply"


def _check_date(value: str) -> str:
    if not _DATE.match(value):
        raise ValueError("expected a date YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return value


def _check_instant(value: str) -> str:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("expected an RFC 3339 instant") from None
    return value


def _none_to_empty(value: Any) -> Any:
    return "" if value is None else value


def _none_to_list(value: Any) -> Any:
    return [] if value is None else value


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _as_text(value: Any) -> Any:
    """A history entry's free-form ``detail`` as text: a string as it is, null as "", any
    other JSON value as its JSON text (the cache keeps it in a text column)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (ValueError, RecursionError):
        raise ValueError("not a JSON value") from None


def _check_sha256(value: str) -> str:
    if not _SHA256.match(value):
        raise ValueError("expected 64 lowercase hex digits")
    return value


DateStr = Annotated[str, AfterValidator(_check_date)]
Instant = Annotated[str, AfterValidator(_check_instant)]
Text = Annotated[str, BeforeValidator(_none_to_empty)]
DetailText = Annotated[str, BeforeValidator(_as_text)]
Id = Annotated[str, Field(min_length=1)]
Sha256 = Annotated[str, BeforeValidator(_lower), AfterValidator(_check_sha256)]
#: what an SQLite INTEGER column holds: a larger number fails the item instead of the store
Int64 = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
T = TypeVar("T")
ListOf = Annotated[list[T], BeforeValidator(_none_to_list)]

DirectionName = Literal["incoming", "outgoing", "internal"]
StatusName = Literal[
    "received", "registered", "awaiting_assignment", "assigned", "in_progress", "completed",
    "draft", "in_review", "approved", "signed", "numbered", "issued", "recalled",
    "returned", "discarded",
]
assert set(DirectionName.__args__) == {d.value for d in Direction}  # type: ignore[attr-defined]
assert set(StatusName.__args__) == {s.value for s in Status}  # type: ignore[attr-defined]


class Wire(BaseModel):
    """Base of every wire model: unknown fields tolerated and kept."""

    model_config = ConfigDict(extra="allow")
