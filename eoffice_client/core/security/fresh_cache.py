"""A fresh cache without dropping queued work: the old cache is set aside, its outbox exported.

For a lost key (:class:`~eoffice_client.core.security.keys.CacheKeyLost`), a cache that
does not open, or a person's "start again". :func:`set_aside_cache` MOVES (never deletes)
the cache database (with its ``-wal``/``-shm``), the files cache and the sync's pass file
into ``<profile>/set-aside/<UTC stamp>-<reason>/``, then:

- when the old database can still be read (plain, or encrypted and the key is given), its
  outbox rows (every column, JSON columns decoded) go to ``outbox.json`` beside it, or, for
  an encrypted cache, to ``outbox.json.sealed`` (AES-GCM with the files key): queued work
  is never written in clear from an encrypted cache;
- either way, ``set-aside.json`` records the reason, what was moved, how many outbox rows
  were exported (or why none could be), and the outbox ids the audit trail shows as queued
  and never accepted or dropped, so a person knows what to redo even when the key is lost.

No cache is open during this (the caller closed the Store and holds the sync lock).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile
from eoffice_client.core.security import permissions
from eoffice_client.core.security.audit import AuditKind, AuditLocation, read_entries
from eoffice_client.core.security.keys import CacheKey
from eoffice_client.core.security.sealed import SealedWriter

log = logging.getLogger("eoffice.security")

SET_ASIDE_DIR = "set-aside"
PASS_FILE = "sync-pass.ids"
_JSON_COLUMNS = ("params", "local_state", "server_state")
_FINISHED = (AuditKind.ACCEPTED.value, AuditKind.DROPPED.value, AuditKind.CANCELLED.value)


@dataclass(frozen=True)
class SetAside:
    folder: Path
    moved: tuple[str, ...]  # names moved into ``folder``
    outbox_rows: int | None  # rows exported; None when the old cache could not be read
    outbox_file: Path | None  # outbox.json or outbox.json.sealed; None when not read
    unreadable: str | None  # why the outbox could not be read ("key_lost", "damaged")
    pending_from_trail: tuple[str, ...]  # outbox ids queued and never accepted or dropped

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        if self.outbox_rows is not None:
            return tr("security.set_aside_kept", lang, path=self.folder, rows=self.outbox_rows)
        return tr("security.set_aside_unreadable", lang, path=self.folder,
                  pending=len(self.pending_from_trail),
                  ids=", ".join(self.pending_from_trail[:10]) or "-")


def set_aside_cache(profile: Profile, *, key: CacheKey | None, reason: str) -> SetAside:
    """Moves the cache aside (see the module docstring) and returns what was done."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    folder = _new_folder(profile.root / SET_ASIDE_DIR, f"{stamp}-{reason}")
    moved = _move_cache(profile, folder)
    database = folder / profile.db_path.name
    rows, unreadable = _read_outbox(database, key)
    outbox_file = _write_outbox(folder, rows, key, encrypted=_is_encrypted(database)) \
        if rows is not None else None
    pending = pending_from_trail(AuditLocation.for_profile(profile))
    summary = SetAside(folder, tuple(moved), len(rows) if rows is not None else None,
                       outbox_file, unreadable, tuple(pending))
    _write_manifest(folder, reason, summary)
    if os.name == "posix":  # on Windows the folder inherits the profile's ACL
        permissions.restrict_profile(folder)
    log.warning("cache set aside in %s (%s): %s outbox rows exported, %d pending in the trail",
                folder, reason, summary.outbox_rows, len(pending))
    return summary


def _new_folder(parent: Path, name: str) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    folder, counter = parent / name, 1
    while folder.exists():
        counter += 1
        folder = parent / f"{name}-{counter}"
    folder.mkdir(mode=0o700)
    return folder


def _move_cache(profile: Profile, folder: Path) -> list[str]:
    db = profile.db_path
    candidates = [db, *(db.with_name(db.name + s)
                        for s in ("-wal", "-shm", ".suspect", ".encrypted")),
                  profile.files_dir, profile.root / PASS_FILE]
    moved = []
    for path in candidates:
        if path.exists():
            os.replace(path, folder / path.name)  # same folder names: SQLite finds its WAL
            moved.append(path.name)
    return moved


def _is_encrypted(database: Path) -> bool:
    from eoffice_client.core.store.cipher import cache_state

    return cache_state(database) == "encrypted"


def _read_outbox(database: Path, key: CacheKey | None
                 ) -> tuple[list[dict[str, Any]] | None, str | None]:
    """The outbox rows, or None and why they could not be read."""
    if not database.exists():
        return [], None
    try:
        if _is_encrypted(database):
            if key is None:
                return None, "key_lost"
            from eoffice_client.core.store.cipher import connect, opens_with

            if not opens_with(database, key.database_key()):
                return None, "key_lost"
            conn: Any = connect(database, key.database_key())
        else:
            conn = sqlite3.connect(database)
        with closing(conn):
            return _outbox_dicts(conn), None
    except Exception as exc:  # any damage of the old file: its rows are not readable
        log.warning("outbox of the set-aside cache not readable: %s", type(exc).__name__)
        return None, "damaged"


def _outbox_dicts(conn: Any) -> list[dict[str, Any]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").fetchone()
    if not exists:
        return []
    cursor = conn.execute("SELECT * FROM outbox ORDER BY position")
    names = [c[0] for c in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for column in _JSON_COLUMNS:
            if isinstance(row.get(column), str):
                with suppress(ValueError):
                    row[column] = json.loads(row[column])
        rows.append(row)
    return rows


def _write_outbox(folder: Path, rows: list[dict[str, Any]], key: CacheKey | None, *,
                  encrypted: bool) -> Path:
    data = json.dumps({"outbox": rows}, ensure_ascii=False, indent=2, default=str).encode()
    if encrypted and key is not None:
        target = folder / "outbox.json.sealed"
        with SealedWriter(target, key.files_key()) as writer:
            writer.write(data)
        return target
    target = folder / "outbox.json"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return target


def _write_manifest(folder: Path, reason: str, summary: SetAside) -> None:
    manifest = {"reason": reason, "moved": list(summary.moved),
                "outbox_rows": summary.outbox_rows,
                "outbox_file": summary.outbox_file.name if summary.outbox_file else None,
                "unreadable": summary.unreadable,
                "pending_from_trail": list(summary.pending_from_trail)}
    (folder / "set-aside.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def pending_from_trail(location: AuditLocation) -> list[str]:
    """Outbox ids the trail shows queued and never accepted, dropped or cancelled, in queue
    order."""
    queued: dict[str, None] = {}
    for entry in read_entries(location):
        if not entry.outbox_id:
            continue
        if entry.kind == AuditKind.QUEUED.value:
            queued.setdefault(entry.outbox_id, None)
        elif entry.kind in _FINISHED:
            queued.pop(entry.outbox_id, None)
    return list(queued)
