"""What the workflow engine needs from outside the table: users, the catalogue, the server.

The server passes a :class:`ServerEffects` that hands out numbers; the client's optimistic
copy passes none and leaves those fields for the server's answer. A refused action is a
:class:`Refusal`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.workflow_rules import User


@dataclass
class UserIndex:
    """The users the rules need to know about (lead units' members, known recipients)."""

    users: dict[str, User] = field(default_factory=dict)

    def members(self, unit_id: str) -> list[User]:
        return [u for u in self.users.values() if u.get("unit_id") == unit_id and u.get("active")]


@dataclass
class Catalog:
    """What the checks need of ``catalog``: its registers (None: not known yet, not checked)."""

    registers: list[dict[str, Any]] | None = None


class ServerEffects(Protocol):
    """What only the server gives: numbers, its organisation, a look at a file's bytes."""

    def next_arrival_number(self, register_id: str, year: int) -> int: ...

    def next_code_number(self, register_id: str, year: int) -> int: ...

    def organization(self) -> dict[str, str]: ...  # {"org_id","org_name","code"}

    def unit_code(self, unit_id: str | None) -> str: ...

    def is_pdf(self, attachment_id: str) -> bool: ...


@dataclass(frozen=True)
class Refusal:
    """Why an action may not be taken: HTTP status, problem code and field errors."""

    status: int
    code: str
    detail: str
    errors: tuple[dict[str, str], ...] = ()


@dataclass
class CheckContext:
    directory: UserIndex = field(default_factory=UserIndex)
    catalog: Catalog = field(default_factory=Catalog)
    today: dt.date = field(default_factory=today_vietnam)  # "the current year" is Vietnam's
    pdf_probe: Callable[[dict[str, Any]], bool] | None = None  # the server looks at the bytes

    def is_pdf(self, attachment: dict[str, Any]) -> bool:
        if self.pdf_probe is not None:
            return self.pdf_probe(attachment)
        name = str(attachment.get("file_name") or "").lower()
        return attachment.get("content_type") == "application/pdf" or name.endswith(".pdf")
