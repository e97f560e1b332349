"""The wire models of eoffice-api-v1 (pydantic v2): the feed's objects and the envelopes.

Fields the contract does not name are KEPT (``extra="allow"``, see :class:`Wire`). The
envelopes the callers get are small typed objects: :class:`Info`, :class:`LoginResponse`,
:class:`ChangesPage` of :class:`Change`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field

from eoffice_client.core.api.wire_fields import (
    DateStr,
    DetailText,
    DirectionName,
    Id,
    Instant,
    Int64,
    ListOf,
    Sha256,
    StatusName,
    Text,
    Wire,
)
from eoffice_client.core.domain.enums import ChangeKind


# --- small parts --------------------------------------------------------------------------
class OrgRef(Wire):
    org_id: Text = ""
    org_name: Text = ""


class Organization(Wire):
    org_id: Text = ""
    org_name: Text = ""
    code: Text = ""


class Signer(Wire):
    competence: Text = ""
    position: Text = ""
    full_name: Text = ""
    user_id: str | None = None


class InReplyTo(Wire):
    org_id: Text = ""
    code: Text = ""
    issued_date: DateStr | None = None


class Attachment(Wire):
    id: Id
    file_name: Text = ""
    content_type: Text = ""
    size: Int64 | None = Field(default=None, ge=0)
    sha256: Sha256
    role: Text = ""
    uploaded_by: str | None = None
    uploaded_at: Instant | None = None


class Assignment(Wire):
    id: Id
    assignee_type: Literal["user", "unit"]
    assignee_id: Id
    role: Literal["lead", "support", "info"]
    status: Literal["pending", "in_progress", "done"] = "pending"
    due_date: DateStr | None = None
    assigned_by: str | None = None
    note: Text = ""


class Comment(Wire):
    id: Id
    author_id: str | None = None
    kind: Text = "note"
    text: Text = ""
    created_at: Instant | None = None


class HistoryEntry(Wire):
    at: Instant | None = None
    actor_id: str | None = None
    action: Text = ""
    detail: DetailText = ""


# --- objects of the feed ------------------------------------------------------------------
class Document(Wire):
    id: Id
    direction: DirectionName
    type_code: str
    code_number: Int64 | None = None
    code_notation: Text = ""
    issuer: OrgRef | None = None
    issued_date: DateStr | None = None
    place: Text = ""
    subject: str
    urgency: int = Field(default=0, ge=0, le=4)
    secrecy: int = Field(ge=0, le=3)
    signer: Signer | None = None
    arrival_number: Int64 | None = None
    arrival_date: DateStr | None = None
    register_id: str | None = None
    due_date: DateStr | None = None
    unit_id: str | None = None
    page_count: Int64 | None = None
    copies: Int64 | None = None
    in_reply_to: InReplyTo | None = None
    recipients: ListOf[OrgRef] = Field(default_factory=list)
    status: StatusName
    pending_with: ListOf[str] = Field(default_factory=list)
    version: Int64 = Field(ge=0)
    created_by: str | None = None
    registered_by: str | None = None
    created_at: Instant | None = None
    updated_at: Instant | None = None
    read: bool = False
    readers: ListOf[str] = Field(default_factory=list)
    attachments: ListOf[Attachment] = Field(default_factory=list)
    assignments: ListOf[Assignment] = Field(default_factory=list)
    comments: ListOf[Comment] = Field(default_factory=list)
    history: ListOf[HistoryEntry] = Field(default_factory=list)


class User(Wire):
    id: Id
    username: str
    full_name: Text = ""
    title: Text = ""
    unit_id: str | None = None
    active: bool = True
    roles: ListOf[str] = Field(default_factory=list)


class Unit(Wire):
    id: Id
    name: Text = ""
    code: Text = ""
    parent_id: str | None = None
    active: bool = True


class DocumentType(Wire):
    code: str
    name: Text = ""
    abbreviation: Text = ""


class Register(Wire):
    id: Id
    name: Text = ""
    direction: Text = ""
    year: Int64 | None = None
    secret: bool = False


class CatalogOrganization(Wire):
    id: Id
    name: Text = ""
    edxml_code: Text = ""


class Calendar(Wire):
    holidays: ListOf[DateStr] = Field(default_factory=list)
    working_days: ListOf[DateStr] = Field(default_factory=list)


class Catalog(Wire):
    document_types: ListOf[DocumentType] = Field(default_factory=list)
    registers: ListOf[Register] = Field(default_factory=list)
    organizations: ListOf[CatalogOrganization] = Field(default_factory=list)
    calendar: Calendar = Field(default_factory=Calendar)


# --- envelopes ----------------------------------------------------------------------------
class Info(Wire):
    api_version: Text = ""
    server_name: Text = ""
    min_client_version: Text = ""
    organization: Organization = Field(default_factory=Organization)


class LoginBody(Wire):
    access_token: Annotated[str, Field(min_length=1)]
    refresh_token: Annotated[str, Field(min_length=1)]
    expires_in: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    user: User


class RawChange(Wire):
    seq: Int64
    kind: str
    op: str
    id: Id
    data: dict[str, Any] | None = None


class RawChangesPage(Wire):
    changes: list[dict[str, Any]]
    cursor: Annotated[str, Field(min_length=1)]
    has_more: bool


class Problem(Wire):
    type: Text = "about:blank"
    title: Text = ""
    status: int | None = None
    detail: Text = ""
    code: str | None = None
    errors: ListOf[dict[str, Any]] = Field(default_factory=list)


@dataclass(frozen=True)
class LoginResponse:
    """A validated login/refresh answer. ``repr`` hides the tokens."""

    access_token: str
    refresh_token: str
    expires_in: float | None
    user: dict[str, Any]

    def __repr__(self) -> str:
        return f"LoginResponse(user={self.user.get('username')!r}, expires_in={self.expires_in})"


@dataclass(frozen=True)
class Change:
    """One feed item; ``data`` is the validated whole object (None for a delete)."""

    seq: int
    kind: str
    op: str
    id: str
    data: dict[str, Any] | None

    @property
    def known(self) -> bool:
        return self.kind in MODELS_BY_KIND


@dataclass(frozen=True)
class ChangesPage:
    changes: list[Change]
    cursor: str
    has_more: bool


MODELS_BY_KIND: dict[str, type[Wire]] = {
    ChangeKind.DOCUMENT.value: Document,
    ChangeKind.USER.value: User,
    ChangeKind.UNIT.value: Unit,
    ChangeKind.CATALOG.value: Catalog,
}
