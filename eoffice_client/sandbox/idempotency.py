"""Contract section 6: Idempotency-Key per user, final answers replayed for 7 days."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from eoffice_client.sandbox.problems import Problem
from eoffice_client.sandbox.state import SandboxState

KEEP_SECONDS = 7 * 24 * 3600
#: A "running" entry older than this was left by a crash: the request may run again.
STALE_RUNNING_S = 120.0


@dataclass
class Replay:
    status: int
    headers: dict[str, str]
    body: bytes


def fingerprint(method: str, path: str, query: dict[str, list[str]], if_match: str | None,
                body: Any) -> str:
    """The request as compared for a repeat: JSON bodies as parsed values."""
    text = json.dumps([method, path, sorted((k, sorted(v)) for k, v in query.items()),
                       if_match, body], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_final(status: int, code: str | None) -> bool:
    """The answers kept: 2xx, 400, 403, 404, 409 invalid_transition, 412, 422."""
    if 200 <= status < 300 or status in (400, 403, 404, 412):
        return True
    if status == 409:
        return code == "invalid_transition"
    return status == 422 and code != "idempotency_key_reused"


def begin(state: SandboxState, user_id: str, key: str, print_: str) -> Replay | None:
    """A replay of the kept answer, or None after marking the key as running."""
    now = state.time()
    with state.db.write() as conn:
        row = conn.execute("SELECT fingerprint, state, status, headers, body, created FROM "
                           "idempotency WHERE user_id = ? AND key = ?", (user_id, key)).fetchone()
        if row is not None and now - row[5] >= KEEP_SECONDS:
            conn.execute("DELETE FROM idempotency WHERE user_id = ? AND key = ?", (user_id, key))
            row = None
        if row is not None and row[1] == "running" and now - row[5] >= STALE_RUNNING_S:
            conn.execute("DELETE FROM idempotency WHERE user_id = ? AND key = ?", (user_id, key))
            row = None
        if row is None:
            conn.execute("INSERT INTO idempotency (user_id, key, fingerprint, state, created) "
                         "VALUES (?, ?, ?, 'running', ?)", (user_id, key, print_, now))
            return None
    if row[0] != print_:
        raise Problem(422, "idempotency_key_reused",
                      "this Idempotency-Key was used for another request")
    if row[1] == "running":
        raise Problem(409, "request_in_progress", "the first request with this key is running",
                      headers={"Retry-After": "1"})
    return Replay(int(row[2]), json.loads(row[3]), bytes(row[4]))


def finish(state: SandboxState, user_id: str, key: str, status: int, code: str | None,
           headers: dict[str, str], body: bytes) -> None:
    """Keeps a final answer, or forgets the key so a retry runs again."""
    with state.db.write() as conn:
        if is_final(status, code):
            conn.execute("UPDATE idempotency SET state = 'done', status = ?, headers = ?, "
                         "body = ? WHERE user_id = ? AND key = ?",
                         (status, json.dumps(headers), body, user_id, key))
        else:
            conn.execute("DELETE FROM idempotency WHERE user_id = ? AND key = ?", (user_id, key))


def purge(state: SandboxState) -> None:
    """Drops answers older than 7 days."""
    with state.db.write() as conn:
        conn.execute("DELETE FROM idempotency WHERE created < ?", (state.time() - KEEP_SECONDS,))
