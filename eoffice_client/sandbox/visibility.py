"""Who may see a document: the sandbox's "can see" rule, as visibility tokens.

A document carries a set of tokens; a user holds a set of tokens; the user sees the
document when the two sets meet. The rule (the contract leaves it to the server):

- the people involved: the creator, the clerk who registered it, everyone who was ever
  in ``pending_with``, everyone who acted on it or commented, the user assignees;
- the active members of every assigned unit (any assignment role);
- the leaders of the document's own unit (``unit_id``);
- clerks: every incoming document, and outgoing/internal documents from ``signed`` on
  (they number, issue and keep them);
- everyone in the organisation: an ``issued`` internal document that is not secret (the
  organisation's own staff are its recipients);
- ``discarded`` documents: nobody (every feed gets ``delete``);
- ``recalled`` documents: only the creator and the leaders and clerks of the document's
  unit keep the record; every other feed gets ``delete``.

Users, units and the catalog are seen by everyone (token ``all``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

ALL = "all"
CLERK = "clerk"
OUTGOING_CLERK_STATUSES = frozenset({"signed", "numbered", "issued"})


def involved_users(doc: dict[str, Any]) -> set[str]:
    """The users a document names as involved now (the server accumulates them)."""
    found: set[str] = set()
    for key in ("created_by", "registered_by"):
        if doc.get(key):
            found.add(str(doc[key]))
    found.update(str(u) for u in doc.get("pending_with") or [] if u)
    for entry in doc.get("history") or []:
        if entry.get("actor_id"):
            found.add(str(entry["actor_id"]))
    for comment in doc.get("comments") or []:
        if comment.get("author_id"):
            found.add(str(comment["author_id"]))
    for assignment in doc.get("assignments") or []:
        if assignment.get("assignee_type") == "user" and assignment.get("assignee_id"):
            found.add(str(assignment["assignee_id"]))
    return found


def document_tokens(doc: dict[str, Any], involved: Iterable[str]) -> set[str]:
    """The tokens of a document given everyone ever involved with it."""
    status = doc.get("status")
    unit_id = doc.get("unit_id")
    if status == "discarded":
        return set()
    if status == "recalled":
        tokens = {f"u:{doc['created_by']}"} if doc.get("created_by") else set()
        if unit_id:
            tokens |= {f"unitlead:{unit_id}", f"unitclerk:{unit_id}"}
        return tokens
    tokens = {f"u:{u}" for u in involved}
    for assignment in doc.get("assignments") or []:
        if assignment.get("assignee_type") == "unit" and assignment.get("assignee_id"):
            tokens.add(f"unit:{assignment['assignee_id']}")
    if unit_id:
        tokens.add(f"unitlead:{unit_id}")
    direction = doc.get("direction")
    if direction == "incoming" or status in OUTGOING_CLERK_STATUSES:
        tokens.add(CLERK)
    if direction == "internal" and status == "issued" and int(doc.get("secrecy") or 0) == 0:
        tokens.add(ALL)
    return tokens


def user_tokens(user: dict[str, Any]) -> frozenset[str]:
    """The tokens a user holds."""
    tokens = {ALL, f"u:{user['id']}"}
    roles = user.get("roles") or []
    unit_id = user.get("unit_id")
    if unit_id and user.get("active", True):
        tokens.add(f"unit:{unit_id}")
        if "leader" in roles:
            tokens.add(f"unitlead:{unit_id}")
        if "clerk" in roles:
            tokens.add(f"unitclerk:{unit_id}")
    if "clerk" in roles:
        tokens.add(CLERK)
    return frozenset(tokens)


def sees(tokens_text: str, mine: frozenset[str]) -> bool:
    """Whether a space-separated token list meets the user's tokens."""
    return any(t in mine for t in tokens_text.split())
