"""Checks on the change feed's items: a change that does not fit its kind fails its page.

An unknown ``kind`` is skipped; an item that does not fit its kind raises
:class:`ItemDoesNotFit`, and the puller refuses the whole page (the transaction rolls back,
the cursor stays, the sync log says which item).
"""

from __future__ import annotations

import logging
from typing import Any

from eoffice_client.core.api.wire import Change
from eoffice_client.core.sync.files import valid_sha256

log = logging.getLogger("eoffice.sync")

KNOWN_KINDS = ("document", "user", "unit", "catalog")


class ItemDoesNotFit(Exception):
    """A change whose data does not fit its kind: the page is refused."""


def latest_per_object(changes: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """The page's changes as checked dicts, the highest seq per object (unknown kinds skipped)."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for index, raw in enumerate(changes):
        change = _as_dict(raw)
        kind = change.get("kind")
        if kind not in KNOWN_KINDS:
            log.info("skipped a change of unknown kind %r", str(kind)[:40])
            continue
        if isinstance(raw, Change):  # the API client's wire models checked the rest
            _check_validated(index, change)
        else:
            _check_change(index, change)
        key = (str(kind), change["id"])
        if key not in latest or change["seq"] > latest[key]["seq"]:
            latest[key] = change
    return latest


def _as_dict(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return dict(raw)
    if hasattr(raw, "model_dump"):
        return dict(raw.model_dump(mode="json"))
    return {name: getattr(raw, name, None) for name in ("seq", "kind", "op", "id", "data")}


def _check_validated(index: int, change: dict[str, Any]) -> None:
    """What :mod:`~eoffice_client.core.api.wire` lets through and the sync refuses: an
    attachment without a size (the wire model allows null)."""
    if change["kind"] != "document" or change["op"] != "upsert":
        return
    for n, attachment in enumerate(change["data"]["attachments"]):
        size = attachment.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ItemDoesNotFit(f"item {index} (id {str(change.get('id'))[:60]!r}): "
                                 f"document.attachments[{n}].size is not a size")


def _check_change(index: int, change: dict[str, Any]) -> None:
    where = f"item {index} (id {str(change.get('id'))[:60]!r})"
    seq, op, object_id, data = change.get("seq"), change.get("op"), change.get("id"), change.get(
        "data")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ItemDoesNotFit(f"{where}: seq is not an integer")
    if not isinstance(object_id, str) or not object_id:
        raise ItemDoesNotFit(f"{where}: id is not a string")
    if op == "delete":
        return
    if op != "upsert":
        raise ItemDoesNotFit(f"{where}: op must be upsert or delete")
    if not isinstance(data, dict):
        raise ItemDoesNotFit(f"{where}: data is not an object")
    if change["kind"] != "catalog" and data.get("id") != object_id:
        raise ItemDoesNotFit(f"{where}: data.id differs from the change's id")
    if change["kind"] == "document":
        _check_document(where, data)
    elif change["kind"] == "user" and not isinstance(data.get("roles"), list):
        raise ItemDoesNotFit(f"{where}: user.roles is not a list")


_DOC_FIELDS: dict[str, type | tuple[type, ...]] = {
    "direction": str, "type_code": str, "subject": str, "status": str, "version": int,
    "attachments": list, "assignments": list, "comments": list, "history": list,
    "pending_with": list,
}


def _check_document(where: str, data: dict[str, Any]) -> None:
    for name, kind in _DOC_FIELDS.items():
        value = data.get(name)
        if name not in data or not isinstance(value, kind) or isinstance(value, bool):
            raise ItemDoesNotFit(f"{where}: document.{name} is missing or not a {_name(kind)}")
    secrecy = data.get("secrecy", 0)
    if not isinstance(secrecy, int) or isinstance(secrecy, bool):
        raise ItemDoesNotFit(f"{where}: document.secrecy is not an integer")
    for n, attachment in enumerate(data["attachments"]):
        if not isinstance(attachment, dict) or not isinstance(attachment.get("id"), str):
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}] has no id")
        if not valid_sha256(attachment.get("sha256")):
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}].sha256 is not 64 "
                                 "lowercase hex digits")
        size = attachment.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ItemDoesNotFit(f"{where}: document.attachments[{n}].size is not a size")


def _name(kind: type | tuple[type, ...]) -> str:
    return kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
