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

The models are in wire_models.py, their field types in wire_fields.py; this module parses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import ValidationError

from eoffice_client.core.api.errors import BadResponse
from eoffice_client.core.api.wire_fields import NESTED_TOO_DEEPLY, Wire
from eoffice_client.core.api.wire_models import (
    MODELS_BY_KIND,
    Attachment,
    Catalog,
    Change,
    ChangesPage,
    Document,
    Info,
    LoginBody,
    LoginResponse,
    Problem,
    RawChange,
    RawChangesPage,
    User,
)

__all__ = [
    "MODELS_BY_KIND", "NESTED_TOO_DEEPLY", "Change", "ChangesPage", "Info", "LoginResponse",
    "decode_body", "parse_attachment", "parse_change", "parse_changes", "parse_document",
    "parse_info", "parse_list", "parse_login", "parse_problem", "parse_user",
]

M = TypeVar("M", bound=Wire)
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")


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
