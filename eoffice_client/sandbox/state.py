"""The sandbox server's state: its database, seeded from the sample data, and its clock.

Everything here is safe to call from the server's request threads; changes go through
``db.write()`` (one writer at a time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from eoffice_client import __version__
from eoffice_client.core.domain.workflow_context import Catalog, CheckContext, UserIndex
from eoffice_client.sandbox.db import Database
from eoffice_client.sandbox.visibility import ALL, document_tokens, involved_users

VN = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")
PASSWORD_ITERATIONS = 2_000  # a training server: quick to seed, still salted and slow-ish
DEMO_PASSWORD = "demo"
DB_NAME = "sandbox.sqlite3"
KEY_NAME = "cursor.key"
SEED_BATCH = 2000


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def blob(value: Any) -> bytes:
    """An object's JSON as UTF-8 bytes: kept as a BLOB, the feed joins it without re-encoding."""
    return dumps(value).encode("utf-8")


def password_hash(password: str, salt: bytes, iterations: int = PASSWORD_ITERATIONS) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)


class SandboxState:
    """The data of one sandbox: opened from ``data_dir``, seeded when new (or on ``reset``)."""

    def __init__(
        self,
        data_dir: Path,
        *,
        documents: int = 200,
        seed: int = 1,
        token_ttl: int = 3600,
        reset: bool = False,
        today: dt.date | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.token_ttl = token_ttl
        self.clock_offset = 0.0  # tests move the server's clock forward
        self.files_dir = self.data_dir / "files"
        if reset:
            wipe(self.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.files_dir.mkdir(exist_ok=True)
        self.cursor_key = _cursor_key(self.data_dir / KEY_NAME)
        self.db = Database(self.data_dir / DB_NAME)
        self._sample: Any = None
        self.refresh_answers: dict[str, tuple[float, dict[str, Any]]] = {}
        with self.db.connection() as conn:
            seeded = self.db.get_meta(conn, "epoch") is not None
        if not seeded:
            self._seed(documents, seed, today or dt.datetime.now(VN).date(), progress)
        self._load()

    # --- clock ----------------------------------------------------------------------------
    def time(self) -> float:
        return time.time() + self.clock_offset

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.time(), VN).replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()

    def stamp(self) -> str:
        return self.now().isoformat()

    # --- seeding --------------------------------------------------------------------------
    def _seed(self, documents: int, seed: int, today: dt.date,
              progress: Callable[[str], None] | None) -> None:
        from eoffice_client.sandbox.sample_data import generate

        sample = generate(documents, seed, today)
        with self.db.write() as conn:
            for key, value in (("documents", str(documents)), ("seed", str(seed)),
                               ("today", today.isoformat()), ("epoch", uuid.uuid4().hex),
                               ("password_iterations", str(PASSWORD_ITERATIONS)),
                               ("organization", dumps(sample.organization))):
                self.db.set_meta(conn, key, value)
            for user in sample.users:
                self._seed_user(conn, user)
            for unit in sample.units:
                self.put_plain(conn, "unit", unit["id"], unit)
            self.put_plain(conn, "catalog", "catalog", sample.catalog)
        batch: list[dict[str, Any]] = []
        done = 0
        for doc in sample.iter_documents():
            batch.append(doc)
            if len(batch) >= SEED_BATCH:
                done += self._seed_documents(batch)
                batch = []
                if progress:
                    progress(f"seeded {done} documents")
        if batch:
            done += self._seed_documents(batch)
            if progress:
                progress(f"seeded {done} documents")
        self._sample = sample

    def _seed_user(self, conn: sqlite3.Connection, user: dict[str, Any]) -> None:
        salt = os.urandom(16)
        conn.execute("INSERT INTO users (id, username, salt, hash) VALUES (?, ?, ?, ?)",
                     (user["id"], user["username"], salt, password_hash(DEMO_PASSWORD, salt)))
        public = {k: v for k, v in user.items() if k != "password"}
        self.put_plain(conn, "user", user["id"], public)

    def _seed_documents(self, docs: list[dict[str, Any]]) -> int:
        if not docs:
            return 0
        feed_rows, object_rows, attachment_rows = [], [], []
        numbers: dict[tuple[str, int, str], int] = {}
        with self.db.write() as conn:
            first = int(self.db.get_meta(conn, "seq") or 0) + 1
            for offset, doc in enumerate(docs):
                data = {k: v for k, v in doc.items() if k != "read"}
                involved = involved_users(data)
                tokens = " ".join(sorted(document_tokens(data, involved)))
                feed_rows.append((first + offset, "document", data["id"], tokens, tokens,
                                  " ".join(data.get("readers") or [])))
                object_rows.append(("document", data["id"], blob(data),
                                    " ".join(sorted(involved))))
                for att in data.get("attachments") or []:
                    attachment_rows.append((att["id"], data["id"], att["sha256"], dumps(att)))
                _note_numbers(data, numbers)
            conn.executemany("INSERT INTO feed (seq, kind, id, vis, past, readers) "
                             "VALUES (?, ?, ?, ?, ?, ?)", feed_rows)
            conn.executemany("INSERT INTO objects (kind, id, data, involved) VALUES (?, ?, ?, ?)",
                             object_rows)
            conn.executemany("INSERT OR IGNORE INTO attachments (id, document_id, sha256, data, "
                             "stored) VALUES (?, ?, ?, ?, 0)", attachment_rows)
            for (register_id, year, kind), value in numbers.items():
                conn.execute(
                    "INSERT INTO counters (register_id, year, kind, value) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT DO UPDATE SET value = max(value, excluded.value)",
                    (register_id, year, kind, value))
            self.db.set_meta(conn, "seq", str(first + len(docs) - 1))
        return len(docs)

    def _load(self) -> None:
        """Keeps the rarely changing objects in memory: users, units, catalog, organisation."""
        with self.db.connection() as conn:
            self.organization: dict[str, str] = json.loads(
                self.db.get_meta(conn, "organization") or "{}")
            self.epoch = self.db.get_meta(conn, "epoch") or ""
            # the hashes were made with the count of the version that seeded the data
            self.password_iterations = int(self.db.get_meta(conn, "password_iterations")
                                           or 20_000)
            self.sample_params = (int(self.db.get_meta(conn, "documents") or 0),
                                  int(self.db.get_meta(conn, "seed") or 0),
                                  dt.date.fromisoformat(self.db.get_meta(conn, "today") or
                                                        dt.date.today().isoformat()))
            rows = conn.execute("SELECT kind, data FROM objects WHERE kind != 'document'")
            self.users: dict[str, dict[str, Any]] = {}
            self.units: dict[str, dict[str, Any]] = {}
            self.catalog: dict[str, Any] = {}
            for kind, data in rows:
                value = json.loads(data)
                if kind == "user":
                    self.users[value["id"]] = value
                elif kind == "unit":
                    self.units[value["id"]] = value
                elif kind == "catalog":
                    self.catalog = value
            conn.execute("DELETE FROM idempotency WHERE state = 'running'")
        self.by_username = {u["username"]: u for u in self.users.values()}
        self.directory = UserIndex(users=self.users)

    def check_context(self) -> CheckContext:
        return CheckContext(
            directory=self.directory,
            catalog=Catalog(registers=list(self.catalog.get("registers") or [])),
            today=self.today(),
            pdf_probe=lambda att: self.is_pdf_bytes(att.get("id", "")),
        )

    def info(self) -> dict[str, Any]:
        return {
            "api_version": "1.0",
            "server_name": "eOffice sandbox (môi trường tập huấn)",
            "min_client_version": __version__,
            "organization": self.organization,
        }

    # --- objects --------------------------------------------------------------------------
    def put_plain(self, conn: sqlite3.Connection, kind: str, object_id: str,
                  value: dict[str, Any]) -> int:
        """Writes a user, unit or catalog (seen by everyone) at a new seq."""
        seq = self.db.next_seq(conn)
        conn.execute("DELETE FROM feed WHERE kind = ? AND id = ?", (kind, object_id))
        conn.execute("INSERT INTO feed (seq, kind, id, vis, past, readers) VALUES "
                     "(?, ?, ?, ?, ?, '')", (seq, kind, object_id, ALL, ALL))
        conn.execute("INSERT INTO objects (kind, id, data) VALUES (?, ?, ?) ON CONFLICT "
                     "DO UPDATE SET data = excluded.data", (kind, object_id, blob(value)))
        return seq

    def load_document(self, conn: sqlite3.Connection, doc_id: str
                      ) -> tuple[dict[str, Any], set[str], str] | None:
        """(document without `read`, users ever involved, visibility tokens) or None."""
        row = conn.execute(
            "SELECT o.data, o.involved, f.vis FROM objects o JOIN feed f "
            "ON f.kind = o.kind AND f.id = o.id WHERE o.kind = 'document' AND o.id = ?",
            (doc_id,)).fetchone()
        if row is None:
            return None
        return json.loads(row[0]), set(row[1].split()), row[2]

    def put_document(self, conn: sqlite3.Connection, doc: dict[str, Any],
                     involved: Iterable[str] = (), create_fp: str | None = None) -> int:
        """Stores a document's new state at a new seq; visibility follows it."""
        data = {k: v for k, v in doc.items() if k != "read"}
        everyone = set(involved) | involved_users(data)
        tokens = document_tokens(data, everyone)
        old = conn.execute("SELECT past FROM feed WHERE kind = 'document' AND id = ?",
                           (data["id"],)).fetchone()
        past = tokens | set(old[0].split() if old else ())
        seq = self.db.next_seq(conn)
        conn.execute("DELETE FROM feed WHERE kind = 'document' AND id = ?", (data["id"],))
        conn.execute("INSERT INTO feed (seq, kind, id, vis, past, readers) VALUES "
                     "(?, 'document', ?, ?, ?, ?)",
                     (seq, data["id"], " ".join(sorted(tokens)), " ".join(sorted(past)),
                      " ".join(data.get("readers") or [])))
        conn.execute(
            "INSERT INTO objects (kind, id, data, involved, create_fp) VALUES "
            "('document', ?, ?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data, "
            "involved = excluded.involved",
            (data["id"], blob(data), " ".join(sorted(everyone)), create_fp))
        return seq

    # --- files ----------------------------------------------------------------------------
    def attachment_row(self, conn: sqlite3.Connection, attachment_id: str
                       ) -> tuple[str, str, dict[str, Any], bool] | None:
        """(document id, sha256, attachment, bytes stored by upload) or None."""
        row = conn.execute("SELECT document_id, sha256, data, stored FROM attachments "
                           "WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            return None
        return row[0], row[1], json.loads(row[2]), bool(row[3])

    def file_path(self, sha256: str) -> Path:
        return self.files_dir / sha256[:2] / sha256

    def attachment_bytes(self, attachment: dict[str, Any], stored: bool) -> bytes:
        if stored:
            return self.file_path(attachment["sha256"]).read_bytes()
        return bytes(self.sample().attachment_bytes(attachment))

    def sample(self) -> Any:
        """The sample data, regenerated lazily (seeded attachments' bytes come from it)."""
        if self._sample is None:
            from eoffice_client.sandbox.sample_data import generate

            documents, seed, today = self.sample_params
            self._sample = generate(documents, seed, today)
        return self._sample

    def is_pdf_bytes(self, attachment_id: str) -> bool:
        """The server looks at the bytes: a PDF starts with ``%PDF-``."""
        with self.db.connection() as conn:
            found = self.attachment_row(conn, attachment_id)
        if found is None:
            return False
        try:
            return self.attachment_bytes(found[2], found[3])[:1024].lstrip().startswith(b"%PDF-")
        except OSError:
            return False

    def close(self) -> None:
        self.db.close()


class Effects:
    """:class:`workflow.ServerEffects` inside one write transaction."""

    def __init__(self, state: SandboxState, conn: sqlite3.Connection) -> None:
        self.state = state
        self.conn = conn

    def _next(self, register_id: str, year: int, kind: str) -> int:
        row = self.conn.execute(
            "INSERT INTO counters (register_id, year, kind, value) VALUES (?, ?, ?, 1) "
            "ON CONFLICT DO UPDATE SET value = value + 1 RETURNING value",
            (register_id, year, kind)).fetchone()
        return int(row[0])

    def next_arrival_number(self, register_id: str, year: int) -> int:
        return self._next(register_id, year, "arrival")

    def next_code_number(self, register_id: str, year: int) -> int:
        return self._next(register_id, year, "code")

    def organization(self) -> dict[str, str]:
        return dict(self.state.organization)

    def unit_code(self, unit_id: str | None) -> str:
        unit = self.state.units.get(unit_id or "")
        return str(unit.get("code") or "") if unit else ""

    def is_pdf(self, attachment_id: str) -> bool:
        return self.state.is_pdf_bytes(attachment_id)


def _note_numbers(doc: dict[str, Any], numbers: dict[tuple[str, int, str], int]) -> None:
    """Remembers the highest seeded numbers per register and year, so new ones follow on."""
    register_id = doc.get("register_id")
    if not register_id:
        return
    incoming = doc.get("direction") == "incoming"
    field, date_field, kind = (("arrival_number", "arrival_date", "arrival") if incoming
                               else ("code_number", "issued_date", "code"))
    number, date = doc.get(field), doc.get(date_field)
    if isinstance(number, int) and isinstance(date, str) and len(date) >= 4:
        key = (register_id, int(date[:4]), kind)
        numbers[key] = max(numbers.get(key, 0), number)


def _cursor_key(path: Path) -> bytes:
    """The HMAC key of cursors; kept across ``--reset`` so old cursors answer 410, not 400."""
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    path.write_bytes(key)
    return key


def wipe(data_dir: Path) -> None:
    """Starts a data folder afresh (the cursor key stays)."""
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        (data_dir / name).unlink(missing_ok=True)
    shutil.rmtree(data_dir / "files", ignore_errors=True)
