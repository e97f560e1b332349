"""Contract section 3: the change feed, with HMAC-signed cursors.

A cursor names the user, the last ``seq`` scanned, the ``seq`` below which no delete is
needed (a full pass never sends deletes for what the user never had), when it was issued
and the data's epoch (a ``--reset`` makes older cursors 410, not 400). Pages are built
from precomputed JSON text by string joins.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from eoffice_client.sandbox.faults import Faults
from eoffice_client.sandbox.problems import Problem, invalid
from eoffice_client.sandbox.state import SandboxState, dumps
from eoffice_client.sandbox.visibility import user_tokens

DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
SCAN_CHUNK = 4000


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_cursor(state: SandboxState, user_id: str, pos: int, floor: int) -> str:
    payload = _b64(dumps({"u": user_id, "p": pos, "d": floor, "t": int(state.time()),
                          "e": state.epoch}).encode("utf-8"))
    sig = hmac.new(state.cursor_key, payload.encode("ascii"), hashlib.sha256).digest()[:18]
    return f"{payload}.{_b64(sig)}"


def read_cursor(state: SandboxState, text: str, user_id: str, faults: Faults) -> tuple[int, int]:
    """(position, delete floor) of a cursor; 400 invalid_cursor, 410 cursor_expired."""
    try:
        payload, sig = text.split(".")
        wanted = hmac.new(state.cursor_key, payload.encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(_unb64(sig), wanted[:18]):
            raise ValueError("signature")
        data = json.loads(_unb64(payload))
        pos, floor, issued = int(data["p"]), int(data["d"]), int(data["t"])
        if data["u"] != user_id:
            raise ValueError("another user's cursor")
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise Problem(400, "invalid_cursor", "this server never issued this cursor") from None
    if data.get("e") != state.epoch:
        raise Problem(410, "cursor_expired", "the data was reset: start a full pass")
    if faults.cursor_ttl_s and state.time() - issued > faults.cursor_ttl_s:
        raise Problem(410, "cursor_expired", "the cursor is too old: start a full pass")
    return pos, floor


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        raise invalid("limit", "must be a whole number from 1 to 1000") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise invalid("limit", "must be a whole number from 1 to 1000")
    return limit


def changes(state: SandboxState, user: dict[str, Any], cursor: str | None, limit: int,
            faults: Faults) -> bytes:
    """One page of the feed as JSON (UTF-8 bytes)."""
    with state.db.connection() as conn:
        conn.execute("BEGIN")  # one snapshot for the scan and the data
        if cursor is None:
            pos = 0
            floor = int(state.db.get_meta(conn, "seq") or 0)
        else:
            pos, floor = read_cursor(state, cursor, user["id"], faults)
        picked, last = _scan(conn, pos, floor, limit, user_tokens(user))
        data = _fetch(conn, [p for p in picked if p[2] == "upsert"])
        more = conn.execute("SELECT 1 FROM feed WHERE seq > ? LIMIT 1", (last,)).fetchone()
        conn.execute("COMMIT")
    items: list[bytes] = []
    for seq, kind, op, object_id, read in picked:
        item = _change(seq, kind, op, object_id, data.get((kind, object_id)), read)
        items.append(item)
        if faults.chance(faults.duplicate_rate):
            items.append(item)
    if len(picked) > 1 and faults.chance(faults.duplicate_rate):
        last = picked[len(picked) // 2][0]  # the next page overlaps this one
        more = more or (1,)
    tail = (f'],"cursor":{json.dumps(make_cursor(state, user["id"], last, floor))},'
            f'"has_more":{"true" if more else "false"}}}')
    return b'{"changes":[' + b",".join(items) + tail.encode("ascii")


def _scan(conn: Any, pos: int, floor: int, limit: int, mine: frozenset[str]
          ) -> tuple[list[tuple[int, str, str, str, bool]], int]:
    """The changes after ``pos`` this user gets, up to ``limit``; and the last seq looked at."""
    picked: list[tuple[int, str, str, str, bool]] = []
    last = pos
    while len(picked) < limit:
        rows = conn.execute("SELECT seq, kind, id, vis, past, readers FROM feed WHERE seq > ? "
                            "ORDER BY seq LIMIT ?", (last, SCAN_CHUNK)).fetchall()
        for seq, kind, object_id, vis, past, readers in rows:
            last = seq
            if any(t in mine for t in vis.split()):
                picked.append((seq, kind, "upsert", object_id, _reads(readers, mine)))
            elif seq > floor and any(t in mine for t in past.split()):
                picked.append((seq, kind, "delete", object_id, False))
            if len(picked) >= limit:
                break
        if len(rows) < SCAN_CHUNK:
            break
    return picked, last


def _reads(readers: str, mine: frozenset[str]) -> bool:
    return any(f"u:{r}" in mine for r in readers.split())


def _fetch(conn: Any, picked: list[tuple[int, str, str, str, bool]]
           ) -> dict[tuple[str, str], bytes]:
    found: dict[tuple[str, str], bytes] = {}
    by_kind: dict[str, list[str]] = {}
    for _, kind, _, object_id, _ in picked:
        by_kind.setdefault(kind, []).append(object_id)
    for kind, ids in by_kind.items():
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT id, data FROM objects WHERE kind = ? AND id IN ({marks})",
                                (kind, *chunk))
            for object_id, data in rows:  # TEXT in data folders of older versions
                found[(kind, object_id)] = data.encode("utf-8") if isinstance(data, str) else data
    return found


def _change(seq: int, kind: str, op: str, object_id: str, data: bytes | None,
            read: bool) -> bytes:
    head = (f'{{"seq":{seq},"kind":"{kind}","op":"{op}","id":{json.dumps(object_id)},'
            f'"data":').encode()
    if op == "delete" or data is None:
        return head + b"null}"
    if kind == "document":
        # the document's own closing brace, then the change's
        return b"".join((head, data[:-1], b',"read":true}}' if read else b',"read":false}}'))
    return b"".join((head, data, b"}"))
