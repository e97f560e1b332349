"""Contract section 2: sign-in, rotating refresh tokens, access tokens, lock-out.

Tokens are kept only as SHA-256 digests. A rotated refresh token presented again within
60 seconds gets the same answer (kept in memory only, never in the database).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from typing import Any

from eoffice_client.sandbox.problems import Problem, invalid
from eoffice_client.sandbox.state import SandboxState, password_hash

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
REUSE_WINDOW_S = 60.0


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def login(state: SandboxState, body: Any) -> dict[str, Any]:
    """``POST /auth/login``: 401 invalid_credentials, 423 account_locked after 5 bad tries."""
    if not isinstance(body, dict):
        raise invalid("body", "must be a JSON object")
    username, password = body.get("username"), body.get("password")
    for name, value in (("username", username), ("password", password)):
        if not isinstance(value, str) or not value:
            raise invalid(name, "required")
    user = state.by_username.get(str(username))
    if user is None:
        raise Problem(401, "invalid_credentials", "wrong username or password")
    now = state.time()
    with state.db.write() as conn:
        salt, stored, failures, locked_until = conn.execute(
            "SELECT salt, hash, failures, locked_until FROM users WHERE id = ?",
            (user["id"],)).fetchone()
        if locked_until > now:
            raise Problem(423, "account_locked", "too many wrong passwords; try again later")
        right = hmac.compare_digest(
            password_hash(str(password), salt, state.password_iterations), stored)
        if right:
            failures, locked = 0, 0.0
        else:
            failures += 1
            locked = now + LOCK_SECONDS if failures >= MAX_FAILURES else 0.0
        conn.execute("UPDATE users SET failures = ?, locked_until = ? WHERE id = ?",
                     (0 if locked else failures, locked, user["id"]))
        active = bool(user.get("active", True))
        answer = _issue(state, conn, user, uuid.uuid4().hex) if right and active else None
    if answer is None:
        raise Problem(401, "invalid_credentials", "wrong username or password")
    return answer


def refresh(state: SandboxState, body: Any) -> dict[str, Any]:
    """``POST /auth/refresh``: rotates; a token rotated < 60 s ago gets the same answer."""
    token = _refresh_token(body)
    key = digest(token)
    now = state.time()
    with state.db.write() as conn:
        row = conn.execute("SELECT user_id, family, state, rotated_at FROM refresh_tokens "
                           "WHERE digest = ?", (key,)).fetchone()
        if row is None:
            raise Problem(401, "invalid_grant", "unknown refresh token: sign in again")
        user_id, family, token_state, rotated_at = row
        revoked = conn.execute("SELECT 1 FROM refresh_tokens WHERE family = ? AND state = "
                               "'revoked' LIMIT 1", (family,)).fetchone()
        if token_state == "rotated" and not revoked:
            kept = state.refresh_answers.get(key)
            if kept is not None and now - float(rotated_at or 0) < REUSE_WINDOW_S:
                return kept[1]
            raise Problem(401, "invalid_grant", "refresh token already used: sign in again")
        user = state.users.get(user_id)
        if token_state != "active" or user is None or not user.get("active", True):
            raise Problem(401, "invalid_grant", "refresh token revoked: sign in again")
        conn.execute("UPDATE refresh_tokens SET state = 'rotated', rotated_at = ? "
                     "WHERE digest = ?", (now, key))
        answer = _issue(state, conn, user, family)
    _forget_old_answers(state, now)
    state.refresh_answers[key] = (now, answer)
    return answer


def logout(state: SandboxState, body: Any) -> None:
    """``POST /auth/logout``: revokes the token's whole session (refresh and access tokens)."""
    token = _refresh_token(body)
    with state.db.write() as conn:
        row = conn.execute("SELECT family FROM refresh_tokens WHERE digest = ?",
                           (digest(token),)).fetchone()
        if row is None:
            return
        conn.execute("UPDATE refresh_tokens SET state = 'revoked' WHERE family = ?", (row[0],))
        conn.execute("UPDATE access_tokens SET revoked = 1 WHERE family = ?", (row[0],))
    state.refresh_answers.pop(digest(token), None)


def authenticate(state: SandboxState, header: str | None) -> dict[str, Any]:
    """The user of ``Authorization: Bearer ...``; 401 token_expired or invalid_token."""
    scheme, _, token = (header or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Problem(401, "invalid_token", "missing or malformed access token")
    with state.db.connection() as conn:
        row = conn.execute("SELECT user_id, expires, revoked FROM access_tokens WHERE digest = ?",
                           (digest(token),)).fetchone()
    if row is None or row[2]:
        raise Problem(401, "invalid_token", "unknown or revoked access token")
    user = state.users.get(row[0])
    if user is None or not user.get("active", True):
        raise Problem(401, "invalid_token", "this account is not active")
    if row[1] <= state.time():
        raise Problem(401, "token_expired", "access token expired: refresh it")
    return user


def _issue(state: SandboxState, conn: Any, user: dict[str, Any], family: str) -> dict[str, Any]:
    access, refresh_token = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    conn.execute("INSERT INTO access_tokens (digest, user_id, family, expires) "
                 "VALUES (?, ?, ?, ?)",
                 (digest(access), user["id"], family, state.time() + state.token_ttl))
    conn.execute("INSERT INTO refresh_tokens (digest, user_id, family, state) "
                 "VALUES (?, ?, ?, 'active')", (digest(refresh_token), user["id"], family))
    return {"access_token": access, "refresh_token": refresh_token, "token_type": "Bearer",
            "expires_in": state.token_ttl, "user": user}


def _refresh_token(body: Any) -> str:
    token = body.get("refresh_token") if isinstance(body, dict) else None
    if not isinstance(token, str) or not token:
        raise invalid("refresh_token", "required")
    return token


def _forget_old_answers(state: SandboxState, now: float) -> None:
    for key, (at, _) in list(state.refresh_answers.items()):
        if now - at >= REUSE_WINDOW_S:
            state.refresh_answers.pop(key, None)
