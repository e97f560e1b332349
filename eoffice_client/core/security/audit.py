"""The local audit trail: every local action, hash-chained, anchored in the OS keyring.

Layout (``<profile>/audit/``):

- ``trail.jsonl``: one JSON object a line, keys sorted, UTF-8: ``seq`` (1, 2, ...),
  ``time`` (UTC, ms), ``kind`` (:class:`AuditKind`), ``document_id``, ``outbox_id``,
  ``detail`` (a few short values: ids, counts, codes; never a document's subject, text or
  a secret: see :func:`clean_detail`), ``prev`` (the previous entry's hash; the first
  entry's is derived from the profile id, so a trail cannot be moved to another profile)
  and ``hash`` = SHA-256 of the canonical JSON of the other fields.
- ``trail.lock``: the file lock every appender takes (the window and a CLI sync may append
  at the same time); inside it the line is written with one ``write`` and fsynced.
- The anchor, ``{"seq": n, "hash": h}`` of the last entry, is kept in the OS keyring
  (account ``<profile id>|audit-anchor``) and written AFTER the entry, so a process killed
  between the two leaves the trail one entry past its anchor, which verification accepts.

An appender checks the end of the trail against the anchor before it writes. When they
disagree (the file was edited, cut, replaced, or the anchor removed) it does NOT extend
and re-anchor the suspect trail: the file is set aside as ``trail.jsonl.set-aside-<stamp>``
and a new chain begins with a ``trail_restarted`` entry naming the reason and that file.
Verification is :func:`eoffice_client.core.security.audit_check.verify_trail`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from eoffice_client.config import Profile
from eoffice_client.core.durable import fsync_folder
from eoffice_client.core.security import filelock, vault
from eoffice_client.core.security.redaction import redact

log = logging.getLogger("eoffice.security.audit")

TRAIL_NAME = "trail.jsonl"
LOCK_NAME = "trail.lock"
SET_ASIDE_PREFIX = TRAIL_NAME + ".set-aside-"
#: how far back from the end an appender reads to find the last entry
TAIL_BYTES = 64 * 1024
MAX_DETAIL_ITEMS = 16
MAX_DETAIL_CHARS = 200
#: detail names that would carry document content or secrets: refused
FORBIDDEN_DETAIL = frozenset({
    "subject", "text", "body", "content", "comment", "note", "summary", "password", "pin",
    "token", "access_token", "refresh_token", "secret", "key", "authorization", "passphrase",
})
FIELDS = ("seq", "time", "kind", "document_id", "outbox_id", "detail", "prev", "hash")

DetailValue = str | int | float | bool | None


class AuditKind(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CONFLICT = "conflict"
    DROPPED = "dropped"
    CANCELLED = "cancelled"
    RETRIED = "retried"
    SIGNED = "signed"
    SIGN_FAILED = "sign_failed"
    EXPORTED = "exported"
    PRINTED = "printed"
    DOWNLOADED = "downloaded"
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    WIPED = "wiped"
    CACHE_ENCRYPTED = "cache_encrypted"
    CACHE_KEY_LOST = "cache_key_lost"
    CACHE_SET_ASIDE = "cache_set_aside"
    TRAIL_RESTARTED = "trail_restarted"


@dataclass(frozen=True)
class AuditLocation:
    """Where one profile's trail lives, and the profile id its chain and anchor belong to."""

    folder: Path
    profile_id: str

    @classmethod
    def for_profile(cls, profile: Profile) -> AuditLocation:
        return cls(profile.root / "audit", profile.profile_id)

    @property
    def trail(self) -> Path:
        return self.folder / TRAIL_NAME

    @property
    def lock(self) -> Path:
        return self.folder / LOCK_NAME

    def set_aside_files(self) -> list[Path]:
        return sorted(self.folder.glob(SET_ASIDE_PREFIX + "*"))


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    time: str
    kind: str
    document_id: str | None
    outbox_id: str | None
    detail: Mapping[str, DetailValue] = field(default_factory=dict)
    prev: str = ""
    hash: str = ""

    def body(self) -> dict[str, object]:
        """The fields the hash covers."""
        return {"seq": self.seq, "time": self.time, "kind": self.kind,
                "document_id": self.document_id, "outbox_id": self.outbox_id,
                "detail": dict(self.detail), "prev": self.prev}

    def line(self) -> bytes:
        return canonical({**self.body(), "hash": self.hash}) + b"\n"


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str


def canonical(value: Mapping[str, object]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def entry_hash(body: Mapping[str, object]) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()


def genesis(profile_id: str) -> str:
    """The ``prev`` of a chain's first entry."""
    return hashlib.sha256(b"eoffice-audit-v1\x00" + profile_id.encode("utf-8")).hexdigest()


def clean_detail(detail: Mapping[str, DetailValue] | None) -> dict[str, DetailValue]:
    """Short scalar values only, redacted; a name that would carry content is refused.

    Raises ValueError (a programming error, not a person's input).
    """
    if not detail:
        return {}
    if len(detail) > MAX_DETAIL_ITEMS:
        raise ValueError("too many audit detail items")
    cleaned: dict[str, DetailValue] = {}
    for name, value in detail.items():
        if name.lower() in FORBIDDEN_DETAIL:
            raise ValueError(f"audit detail may not carry {name!r}")
        if isinstance(value, str):
            value = redact(value)[:MAX_DETAIL_CHARS]
        elif value is not None and not isinstance(value, int | float | bool):
            raise ValueError(f"audit detail {name!r} must be a scalar")
        cleaned[str(name)] = value
    return cleaned


def entry_from_json(value: object) -> AuditEntry:
    """An entry from one decoded line; ValueError when a field is missing or of a wrong type."""
    if not isinstance(value, dict) or set(value) != set(FIELDS):
        raise ValueError("not an audit entry")
    seq, detail = value["seq"], value["detail"]
    strings = (value["time"], value["kind"], value["prev"], value["hash"])
    optional = (value["document_id"], value["outbox_id"])
    if (not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(detail, dict)
            or not all(isinstance(s, str) for s in strings)
            or not all(o is None or isinstance(o, str) for o in optional)):
        raise ValueError("an audit entry field has a wrong type")
    return AuditEntry(seq, value["time"], value["kind"], value["document_id"],
                      value["outbox_id"], detail, value["prev"], value["hash"])


def parse_line(line: bytes) -> AuditEntry:
    return entry_from_json(json.loads(line.decode("utf-8")))


# --- the anchor ---------------------------------------------------------------------------------
def read_anchor(profile_id: str) -> Anchor | None:
    """The anchor, None when there is none (or it is unreadable, which counts as none)."""
    text = vault.read_secret(profile_id, vault.AUDIT_ANCHOR)
    if text is None:
        return None
    try:
        data = json.loads(text)
        return Anchor(int(data["seq"]), str(data["hash"]))
    except (ValueError, KeyError, TypeError):
        return None


def write_anchor(profile_id: str, anchor: Anchor) -> None:
    vault.write_secret(profile_id, vault.AUDIT_ANCHOR,
                       json.dumps({"seq": anchor.seq, "hash": anchor.hash}))


# --- appending ----------------------------------------------------------------------------------
class AuditTrail:
    """The appender and reader of one profile's trail. Safe across threads and processes."""

    def __init__(self, location: AuditLocation, *, lock_timeout_s: float = 10.0) -> None:
        self.location = location
        self.lock_timeout_s = lock_timeout_s

    def append(self, kind: AuditKind, *, document_id: str | None = None,
               outbox_id: str | None = None,
               detail: Mapping[str, DetailValue] | None = None) -> AuditEntry:
        """Writes one entry (fsynced), then moves the anchor to it; returns the entry.

        A keyring that cannot be used does not stop the action: the entry is written and the
        failure logged (verification then reports the anchor as unavailable or behind).
        """
        body_detail = clean_detail(detail)
        self.location.folder.mkdir(parents=True, exist_ok=True)
        with filelock.exclusive(self.location.lock, self.lock_timeout_s):
            last = self._checked_tail()
            entry = self._write(AuditKind(kind), document_id, outbox_id, body_detail, last)
            self._anchor(entry)
        return entry

    def entries(self, *, after_seq: int = 0, limit: int | None = None) -> list[AuditEntry]:
        """The readable entries after ``after_seq``, oldest first (for the window's viewer)."""
        return read_entries(self.location, after_seq=after_seq, limit=limit)

    # --- inside the lock ---
    def _checked_tail(self) -> AuditEntry | None:
        """The last entry to chain on, after setting aside a trail the anchor disowns."""
        last, problem = tail_entry(self.location.trail)
        try:
            anchor = read_anchor(self.location.profile_id)
            known = True
        except vault.KeyringUnavailable:  # nothing to check against: the file alone counts
            anchor, known = None, False
        reason = problem or (disagreement(last, anchor, self.location.profile_id)
                             if known else None)
        if reason is None:
            return last
        kept = self._set_aside()
        log.warning("audit trail does not match its anchor (%s); set aside as %s", reason,
                    kept.name if kept else "-")
        restart = self._write(AuditKind.TRAIL_RESTARTED, None, None, {
            "reason": reason, "kept_as": kept.name if kept else None,
            "anchor_seq": anchor.seq if anchor else None}, None)
        self._anchor(restart)
        return restart

    def _set_aside(self) -> Path | None:
        trail = self.location.trail
        if not trail.exists():
            return None
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = trail.with_name(SET_ASIDE_PREFIX + stamp)
        os.replace(trail, target)
        return target

    def _write(self, kind: AuditKind, document_id: str | None, outbox_id: str | None,
               detail: dict[str, DetailValue], last: AuditEntry | None) -> AuditEntry:
        seq = last.seq + 1 if last else 1
        prev = last.hash if last else genesis(self.location.profile_id)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        draft = AuditEntry(seq, now, kind.value, _short_id(document_id), _short_id(outbox_id),
                           detail, prev)
        entry = replace(draft, hash=entry_hash(draft.body()))
        _append_line(self.location.trail, entry.line())
        return entry

    def _anchor(self, entry: AuditEntry) -> None:
        try:
            write_anchor(self.location.profile_id, Anchor(entry.seq, entry.hash))
        except vault.KeyringUnavailable:
            log.warning("audit entry %d written but not anchored (keyring unusable)", entry.seq)


def _short_id(value: str | None) -> str | None:
    """Ids come from the server too: bounded so one entry stays a short line."""
    return None if value is None else str(value)[:MAX_DETAIL_CHARS]


def disagreement(last: AuditEntry | None, anchor: Anchor | None, profile_id: str) -> str | None:
    """Why the trail's last entry does not fit the anchor (None: it fits, or is one past it)."""
    if anchor is None:
        if last is None or (last.seq == 1 and last.prev == genesis(profile_id)):
            return None
        return "audit.anchor_missing"
    if last is None:
        return "audit.trail_missing"
    if last.seq == anchor.seq:
        return None if last.hash == anchor.hash else "audit.anchor_mismatch"
    if last.seq == anchor.seq + 1:
        return None if last.prev == anchor.hash else "audit.anchor_mismatch"
    return "audit.truncated" if last.seq < anchor.seq else "audit.beyond_anchor"


def tail_entry(trail: Path) -> tuple[AuditEntry | None, str | None]:
    """(the last complete entry, a problem key) from the end of the file.

    A last line without its newline is a write cut short by a killed process: it is cut off
    the file here (we hold the lock, so no appender is writing it).
    """
    try:
        handle = open(trail, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return None, None
    with handle:
        size = handle.seek(0, os.SEEK_END)
        start = max(0, size - TAIL_BYTES)
        handle.seek(start)
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            handle.truncate(start + end)
            handle.flush()
            os.fsync(handle.fileno())
            log.warning("audit trail: an unfinished last line was cut off")
        lines = data[:end].splitlines()
    if not lines:
        return None, None if size == 0 or start == 0 else "audit.malformed"
    try:
        return parse_line(lines[-1]), None
    except ValueError:
        return None, "audit.malformed"


def _append_line(trail: Path, line: bytes) -> None:
    created = not trail.exists()
    fd = os.open(trail, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                 0o600)
    try:
        written = os.write(fd, line)
        if written != len(line):  # a full disk: no half line is left for the next append
            raise OSError("audit entry written in part")
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_folder(trail.parent)


# --- reading ------------------------------------------------------------------------------------
def iter_lines(trail: Path) -> Iterator[bytes]:
    """The raw lines of the trail (with their newline), nothing when it is missing."""
    try:
        handle = open(trail, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return
    with handle:
        yield from handle


def read_entries(location: AuditLocation, *, after_seq: int = 0,
                 limit: int | None = None) -> list[AuditEntry]:
    """Entries that parse, after ``after_seq``, oldest first, at most ``limit``."""
    found: list[AuditEntry] = []
    for line in iter_lines(location.trail):
        try:
            entry = parse_line(line)
        except ValueError:
            continue
        if entry.seq > after_seq:
            found.append(entry)
            if limit is not None and len(found) >= limit:
                break
    return found


def forget_trail(location: AuditLocation) -> None:
    """Removes the trail, its set-aside copies and the anchor (deleting a whole profile)."""
    for path in (location.trail, location.lock, *location.set_aside_files()):
        path.unlink(missing_ok=True)
    vault.delete_secret(location.profile_id, vault.AUDIT_ANCHOR)
