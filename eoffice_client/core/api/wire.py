"""Wire models of eoffice-api-v1 (pydantic v2): every body the server sends is checked here.

What callers get: the ``parse_*`` functions validate a decoded JSON value and hand on plain
dicts made by ``model_dump(mode="json")`` of the validated model (or small typed objects for
the envelopes: :class:`Info`, :class:`LoginResponse`, :class:`ChangesPage`). So a stored
object always has every field of the contract (missing optional ones filled with their
default), and fields the contract does not name are KEPT (``extra="allow"``) so a newer
server's additions survive a round trip through the store. A body that does not fit raises
:class:`~eoffice_client.core.api.errors.BadResponse` whose ``.field`` names the dotted path
of the first bad field (e.g. ``changes.3.data.attachments.0.sha256``); the input value is
never put in the message (it may be a token).

Choices where the contract is silent or a server may be sloppy (tolerant reading):

- A nullable field (``T | null``) may also be missing: it becomes null. Lists missing become
  ``[]``. Strings the contract types as ``str`` (``code_notation``, ``place``, ``title``,
  ``note``...) accept null and become ``""``.
- Required (a body without them is malformed): Document ``id``, ``direction``,
  ``type_code``, ``subject``, ``status``, ``version``, ``secrecy``; User ``id``,
  ``username``; Unit ``id``; Attachment ``id``, ``sha256``; Change ``seq``, ``kind``,
  ``op``, ``id``; the login tokens; ChangesPage ``changes``, ``cursor``, ``has_more``.
  ``secrecy`` has no default on purpose: guessing 0 could fetch a secret file.
- Closed vocabularies the client's logic depends on are checked strictly (an unknown value
  fails the page, as contract §3 asks for an item that does not fit): ``direction``,
  ``status``, ``urgency`` 0..4, ``secrecy`` 0..3, assignment ``assignee_type``/``role``/
  ``status``, change ``op``. Vocabularies only shown to people are open (any string kept):
  user ``roles``, attachment ``role``, comment ``kind``, history ``action``, register
  ``direction``.
- ``sha256`` must be 64 hex digits (it names files in the cache); upper case is accepted
  and lowered. Lengths (subject 1..500, comment text 1..2000) bind what the CLIENT sends,
  and are not re-checked on what the server sends.
- Dates must be ``YYYY-MM-DD``; instants must parse as ISO 8601/RFC 3339 (an offset is
  expected but a missing one is tolerated). Both are kept as the server's strings.
- A Change's ``data`` for ``delete`` is ignored (null). Its ``data.id`` must equal the
  change's ``id`` for documents, users and units. A ``kind`` the client does not know is
  kept as it came (``Change.known`` is False) for the sync to skip.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from eoffice_client.core.api.errors import BadResponse
from eoffice_client.core.domain.enums import ChangeKind, Direction, Status

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
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

M = TypeVar("M", bound=Wire)


# --- parsing ------------------------------------------------------------------------------
def _validate(model: type[M], value: Any, where: str = "") -> M:
    """``model`` validated from ``value``; a failure is BadResponse naming the field."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        path = _join(where, *first["loc"])
        raise BadResponse(field=path or "(body)", reason=first["msg"]) from None
    except RecursionError:
        raise BadResponse(field=where or "(body)", reason=NESTED_TOO_DEEPLY) from None


def _join(*parts: Any) -> str:
    return ".".join(str(p) for p in parts if p != "")


def _dump(model: Wire, where: str = "") -> dict[str, Any]:
    try:
        return model.model_dump(mode="json")
    except (ValueError, RecursionError):  # pydantic's serialization depth limit
        raise BadResponse(field=where or "(body)", reason=NESTED_TOO_DEEPLY) from None


def decode_body(content: bytes) -> Any:
    """A response body decoded as JSON; :class:`BadResponse` when it is not usable JSON.

    Besides syntax errors this refuses nesting deeper than the decoder can follow and text
    that is not valid Unicode (a lone surrogate escape such as ``"\\ud800"``, which would
    fail later when the store writes it as UTF-8). The Unicode check runs only when the
    body holds a surrogate escape at all, so ordinary pages cost nothing more.
    """
    try:
        value = json.loads(content)
    except RecursionError:
        raise BadResponse(field="(body)", reason=NESTED_TOO_DEEPLY) from None
    except ValueError:
        raise BadResponse(field="(body)", reason="not JSON") from None
    if _SURROGATE_ESCAPE.search(content):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise BadResponse(field="(body)", reason="text that is not valid Unicode") from None
    return value


def parse_document(value: Any, where: str = "") -> dict[str, Any]:
    return _dump(_validate(Document, value, where), where)


def parse_user(value: Any, where: str = "") -> dict[str, Any]:
    return _dump(_validate(User, value, where), where)


def parse_attachment(value: Any, where: str = "") -> dict[str, Any]:
    return _dump(_validate(Attachment, value, where), where)


def parse_info(value: Any) -> Info:
    return _validate(Info, value)


def parse_login(value: Any) -> LoginResponse:
    body = _validate(LoginBody, value)
    return LoginResponse(
        access_token=body.access_token,
        refresh_token=body.refresh_token,
        expires_in=body.expires_in,
        user=_dump(body.user, "user"),
    )


def parse_problem(value: Any) -> dict[str, Any] | None:
    """A problem+json body as a dict with its usual fields, or None when it is not one."""
    if not isinstance(value, dict):
        return None
    try:
        return _dump(Problem.model_validate(value))
    except (ValidationError, BadResponse, RecursionError):
        return {k: v for k, v in value.items() if isinstance(k, str)}


def parse_change(value: Any, where: str = "") -> Change:
    raw = _validate(RawChange, value, where)
    model = MODELS_BY_KIND.get(raw.kind)
    if model is None:  # a kind this client does not know: kept for the sync to skip
        return Change(raw.seq, raw.kind, raw.op, raw.id, raw.data)
    if raw.op not in ("upsert", "delete"):
        raise BadResponse(field=_join(where, "op"), reason="expected 'upsert' or 'delete'")
    if raw.op == "delete":
        return Change(raw.seq, raw.kind, raw.op, raw.id, None)
    if raw.data is None:
        raise BadResponse(field=_join(where, "data"), reason="an upsert needs the object")
    data = _dump(_validate(model, raw.data, _join(where, "data")), _join(where, "data"))
    if model is not Catalog and data.get("id") != raw.id:
        raise BadResponse(field=_join(where, "data", "id"), reason="differs from the change's id")
    return Change(raw.seq, raw.kind, raw.op, raw.id, data)


def parse_changes(value: Any) -> ChangesPage:
    page = _validate(RawChangesPage, value)
    changes = [parse_change(item, f"changes.{i}") for i, item in enumerate(page.changes)]
    return ChangesPage(changes=changes, cursor=page.cursor, has_more=page.has_more)


def parse_list(values: Iterable[Any], parse: Any, where: str) -> list[dict[str, Any]]:
    return [parse(v, f"{where}.{i}") for i, v in enumerate(values)]
