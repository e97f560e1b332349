"""Verification of the local audit trail (``eoffice-client audit verify``).

Each line must parse, carry the next ``seq``, chain on the previous entry's hash (the first
on the profile's genesis value) and hash to its own ``hash``; then the last entry must be
the anchor kept in the keyring, or one past it (a process killed between writing the entry
and moving the anchor). A last line cut short without its newline, past the anchor, is the
same killed process and is accepted too. What this catches, and what each ``reason`` key
says:

=====================  ===========================================================  =========
reason                 what was found                                               first_bad
=====================  ===========================================================  =========
audit.malformed        a line that is not an entry (an edited byte in the syntax)   its line
audit.out_of_order     a ``seq`` that is not the next one (lines swapped, removed)  its line
audit.broken_chain     ``prev`` differs from the previous entry's hash              its seq
audit.altered          an entry's fields do not hash to its ``hash``                its seq
audit.truncated        fewer entries than the anchor counts (last lines dropped,    last + 1
                       an old copy restored)
audit.trail_missing    the anchor counts entries, the file is gone                  1
audit.anchor_mismatch  the entry at the anchor's seq is not the anchored one (the   anchor's
                       whole file rewritten, chain recomputed)                      seq
audit.beyond_anchor    entries more than one past the anchor                        anchor+2
audit.anchor_missing   entries, but no anchor in the keyring (removed)              None
audit.anchor_unusable  the keyring cannot be read: the end cannot be checked        None
=====================  ===========================================================  =========
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.security import vault
from eoffice_client.core.security.audit import (
    Anchor,
    AuditEntry,
    AuditLocation,
    canonical,
    disagreement,
    genesis,
    iter_lines,
    parse_line,
    read_anchor,
)


class AuditBroken(InvalidInputError):
    """The trail failed verification (exit 9); the message names the first bad entry."""


@dataclass(frozen=True)
class AuditCheck:
    """The outcome of :func:`verify_trail`."""

    ok: bool
    entries: int  # entries read and found good before the first problem
    first_bad: int | None  # the seq (= line number) of the first bad entry, when one is known
    reason: str  # a message key: "audit.intact" or one of the module docstring's table
    anchored_seq: int | None = None  # the anchor's seq (None: no anchor or unreadable)
    unanchored: int = 0  # 1 when the last entry is past the anchor (a killed process)
    set_aside: tuple[str, ...] = ()  # earlier trails set aside by an appender (file names)

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        return tr(self.reason, lang, seq=self.first_bad if self.first_bad is not None else "-",
                  entries=self.entries, anchored=self.anchored_seq or 0)

    def raise_if_broken(self) -> None:
        if not self.ok:
            raise AuditBroken(self.reason, seq=self.first_bad if self.first_bad is not None
                              else "-", entries=self.entries, anchored=self.anchored_seq or 0)


@dataclass
class _Walk:
    count: int = 0
    last: AuditEntry | None = None
    torn: bool = False  # a last line without its newline
    problem: tuple[str, int] | None = None


def verify_trail(location: AuditLocation) -> AuditCheck:
    """Checks the whole trail and its anchor; never raises for a damaged trail."""
    walk = _walk(location)
    kept = tuple(p.name for p in location.set_aside_files())
    try:
        anchor = read_anchor(location.profile_id)
    except vault.KeyringUnavailable:
        return _result(walk, None, "audit.anchor_unusable", None, kept, ok=False)
    anchored = anchor.seq if anchor else None
    if walk.problem and not (walk.torn and walk.problem[1] == walk.count + 1
                             and _fits(walk, anchor)):
        reason, seq = walk.problem
        return _result(walk, anchored, reason, seq, kept, ok=False)
    mismatch = disagreement(walk.last, anchor, location.profile_id)
    if mismatch is not None:
        return _result(walk, anchored, mismatch, _first_bad(mismatch, walk, anchor), kept,
                       ok=False)
    past = 1 if walk.last is not None and (anchor is None or walk.last.seq > anchor.seq) else 0
    return AuditCheck(True, walk.count, None, "audit.intact", anchored, past, kept)


def _fits(walk: _Walk, anchor: Anchor | None) -> bool:
    """A torn last line is accepted only where a killed writer could have left it."""
    last_seq = walk.last.seq if walk.last else 0
    anchor_seq = anchor.seq if anchor else 0
    return last_seq == anchor_seq and (
        anchor is None or (walk.last is not None and walk.last.hash == anchor.hash))


def _result(walk: _Walk, anchored: int | None, reason: str, seq: int | None,
            kept: tuple[str, ...], *, ok: bool) -> AuditCheck:
    return AuditCheck(ok, walk.count, seq, reason, anchored, 0, kept)


def _first_bad(reason: str, walk: _Walk, anchor: Anchor | None) -> int | None:
    last_seq = walk.last.seq if walk.last else 0
    if reason == "audit.truncated" or reason == "audit.trail_missing":
        return last_seq + 1
    if reason == "audit.beyond_anchor" and anchor is not None:
        return anchor.seq + 2
    if reason == "audit.anchor_mismatch" and anchor is not None:
        return min(anchor.seq, last_seq) or 1
    return None


def _walk(location: AuditLocation) -> _Walk:
    walk = _Walk()
    prev = genesis(location.profile_id)
    for number, line in enumerate(iter_lines(location.trail), start=1):
        if not line.endswith(b"\n"):
            walk.torn = True
        problem = _check_line(line, number, prev)
        if problem is not None:
            walk.problem = (problem, number)
            return walk
        walk.last = parse_line(line)
        walk.count, prev = number, walk.last.hash
    return walk


def _check_line(line: bytes, number: int, prev: str) -> str | None:
    try:
        entry = parse_line(line)
    except ValueError:
        return "audit.malformed"
    if entry.seq != number:
        return "audit.out_of_order"
    if entry.prev != prev:
        return "audit.broken_chain"
    if hashlib.sha256(canonical(entry.body())).hexdigest() != entry.hash:
        return "audit.altered"
    if not line.endswith(b"\n"):
        return "audit.malformed"  # a whole entry whose newline never came: a cut write
    return None


def bundle_files(location: AuditLocation, max_bytes: int = 5 * 1024 * 1024) -> dict[str, bytes]:
    """The diagnostics bundle's part: the trail (its last ``max_bytes``, whole lines) and the
    verification as JSON. The trail holds no secret and no document content."""
    check = verify_trail(location)
    try:
        data = location.trail.read_bytes()
    except FileNotFoundError:
        data = b""
    if len(data) > max_bytes:
        data = data[-max_bytes:]
        data = data[data.find(b"\n") + 1:]
    report = {**asdict(check), "message_en": check.message("en"),
              "message_vi": check.message("vi")}
    return {"audit/trail.jsonl": data,
            "audit/verify.json": json.dumps(report, ensure_ascii=False, indent=2).encode()}
