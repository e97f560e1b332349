"""Sync benchmarks (issue 4), ratios measured in the same run against plain baselines.

    python -m bench.bench_sync --documents 100000 --file-mb 50

1. First sync of N documents (``--no-files``, ``App.sync.run``) against (plain
   ``requests`` fetching the same pages and decoding the JSON) + (a raw ``sqlite3``
   executemany of the rows the cache holds for them, built outside the clock: see
   :func:`child_plain`); peak RSS of the sync process (``resource.getrusage``, in its own
   subprocess).  Target <= 2x, 200 MB.
2. An incremental sync with nothing new against one plain authenticated GET of the feed,
   the two interleaved in the same process (medians of 7).  Target <= 2x.
3. Downloading a ``--file-mb`` attachment, verified (SHA-256), fsynced and stored, against
   plain ``requests`` streaming the same file to disk plus one SHA-256 of the file.
   Target <= 1.15x. The same download into a sealed files cache (encryption at rest) is
   timed alongside and printed against ours (no target).
4. ``--at-rest``: the first sync of (1) again into a profile with ``encrypt_cache`` on
   (SQLCipher, files sealed), in its own subprocess after the plain one; the ratio of the
   two. Target <= 1.3x (issue 15).

It exits 1 when a target is missed.

The sandbox runs as its own process (``eoffice-client sandbox``) so the client and the
server do not share one interpreter; its data folder (``--data``) is reused between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

PAGE = 1000
USER = "lanhdao"
TARGET_FIRST, TARGET_INCREMENTAL, TARGET_DOWNLOAD, TARGET_RSS_MB = 2.0, 2.0, 1.15, 200.0
TARGET_AT_REST = 1.3


# --- the sandbox process -------------------------------------------------------------------------
@contextmanager
def sandbox(data: Path, documents: int) -> Iterator[str]:
    command = [sys.executable, "-m", "eoffice_client", "sandbox", "--data", str(data),
               "--documents", str(documents), "--seed", "1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        if not line.startswith("listening on "):
            raise RuntimeError(f"sandbox did not start: {line!r}")
        yield line.removeprefix("listening on ")
    finally:
        process.terminate()
        process.wait(timeout=30)


def child(mode: str, *args: str) -> dict[str, Any]:
    """Runs one measurement in a fresh interpreter; returns its JSON result."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run([sys.executable, "-m", "bench.bench_sync", "--child", mode, *args],
                         check=True, capture_output=True, text=True, env=env).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def peak_rss_mb() -> float:
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value / 1024 / (1024 if sys.platform == "darwin" else 1)


# --- children ------------------------------------------------------------------------------------
def _app(profile: Path, server: str, *, encrypt: bool = False) -> Any:
    from eoffice_client.config import Profile, Settings
    from eoffice_client.core.app.application import App

    if encrypt:  # the cache key needs a keyring: this process's own (not the OS's)
        import keyring

        from eoffice_client.core.api.process_keyring import ProcessKeyring

        keyring.set_keyring(ProcessKeyring())
    app = App(Profile.at(profile), Settings(encrypt_cache=encrypt))
    app.session.sign_in(USER, "demo", server)
    return app


def child_first_sync(server: str, profile: str, mode: str = "plain") -> dict[str, Any]:
    """The first sync and the empty rounds as the CLI and the window run them (``mode``
    "encrypt": with encryption at rest)."""
    from eoffice_client.core.store import meta
    from eoffice_client.core.sync import state

    app = _app(Path(profile), server, encrypt=mode == "encrypt")
    started = time.perf_counter()
    outcome = app.sync.run(files=False)
    seconds = time.perf_counter() - started
    assert int(outcome.exit_code) == 0, outcome
    with app.context.store.read() as conn:
        cursor = meta.get_meta(conn, state.CURSOR)
    http, api = _plain_session(server)
    incremental, gets = [], []
    for _ in range(7):  # interleaved: both sides see the same load on the machine
        started = time.perf_counter()
        app.sync.run(files=False)
        incremental.append(time.perf_counter() - started)
        started = time.perf_counter()
        http.get(f"{api}/sync/changes", params={"limit": PAGE, "cursor": cursor},
                 timeout=60).json()
        gets.append(time.perf_counter() - started)
    return {"seconds": seconds, "changes": outcome.applied, "rss_mb": peak_rss_mb(),
            "incremental": statistics.median(incremental), "get": statistics.median(gets)}


def _plain_session(server: str) -> tuple[requests.Session, str]:
    """A plain ``requests`` session signed in as the benchmark's user, and the API's base."""
    http = requests.Session()
    api = server + "/api/v1"
    login = http.post(f"{api}/auth/login", timeout=60, json={
        "username": USER, "password": "demo", "device_name": "bench"}).json()
    http.headers["Authorization"] = f"Bearer {login['access_token']}"
    return http, api


def child_plain(server: str, folder: str) -> dict[str, Any]:
    """The baseline: plain ``requests`` + ``json`` for the pages, raw ``sqlite3`` for the rows.

    The rows are the ones the cache holds for those pages (documents, their children, the
    FTS rows, made by the store's own ``bulk_rows``, plus ``object_seq`` and the cursor),
    built OUTSIDE the clock and written by one ``executemany`` per table and one commit
    per page into a file with the cache's schema and pragmas, the WAL checkpointed once
    at the end as the sync does.
    """
    from eoffice_client.core.store.documents import bulk_rows
    from eoffice_client.core.store.engine import BULK_AUTOCHECKPOINT_PAGES, CACHE_KIB, open_store

    http = requests.Session()
    api = server + "/api/v1"
    login = http.post(f"{api}/auth/login", timeout=60, json={
        "username": USER, "password": "demo", "device_name": "bench"}).json()
    http.headers["Authorization"] = f"Bearer {login['access_token']}"
    path = Path(folder) / "plain.sqlite3"
    open_store(path).close()  # the cache's schema
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   f"cache_size=-{CACHE_KIB}", f"wal_autocheckpoint={BULK_AUTOCHECKPOINT_PAGES}"):
        db.execute(f"PRAGMA {pragma}")
    fetch = store = 0.0
    cursor: str | None = None
    count = counter = 0
    seen: set[str] = set()
    while True:
        started = time.perf_counter()
        params: dict[str, Any] = {"limit": PAGE, **({"cursor": cursor} if cursor else {})}
        page = http.get(f"{api}/sync/changes", params=params, timeout=120).json()
        fetch += time.perf_counter() - started
        docs = {c["id"]: c for c in page["changes"] if c["kind"] == "document"
                and c["op"] == "upsert" and c["id"] not in seen}
        seen.update(docs)
        statements, counter = bulk_rows([c["data"] for c in docs.values()], login["user"],
                                        counter)
        statements.append(("INSERT OR REPLACE INTO object_seq (kind, id, seq) VALUES (?, ?, ?)",
                           [(c["kind"], c["id"], c["seq"]) for c in page["changes"]]))
        statements.append(("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           [("cursor", json.dumps(page["cursor"]))]))
        started = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        for sql, rows in statements:
            db.executemany(sql, rows)
        db.execute("COMMIT")
        store += time.perf_counter() - started
        count += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    started = time.perf_counter()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    store += time.perf_counter() - started
    db.close()
    gets = []
    for _ in range(7):
        started = time.perf_counter()
        http.get(f"{api}/sync/changes", params={"limit": PAGE, "cursor": cursor},
                 timeout=60).json()
        gets.append(time.perf_counter() - started)
    return {"fetch": fetch, "store": store, "changes": count, "documents": len(seen),
            "get": statistics.median(gets)}


def child_upload(server: str, folder: str, megabytes: str) -> dict[str, Any]:
    app = _app(Path(folder) / "uploader", server)
    source = Path(folder) / "big.pdf"
    with open(source, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        block = os.urandom(1 << 20)
        for _ in range(int(megabytes)):
            handle.write(block)
    doc_id = app.changes.new_document("internal", "CV", "Tệp lớn để đo tốc độ tải")
    attachment = app.changes.attach(doc_id, source, "draft")
    outcome = app.sync.run(files=False)
    assert int(outcome.exit_code) == 0, outcome
    return {"attachment": attachment, "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
            "size": source.stat().st_size}


def child_download(server: str, folder: str, attachment_id: str, sha: str, size: str
                   ) -> dict[str, Any]:
    """Ours (the sync engine's download: verified, fsynced, stored) against plain
    ``requests`` streaming to disk, alternated, best of 5 each, and one SHA-256 of the file
    (best of 3) for the baseline's hash."""
    from eoffice_client.core.store.files import AttachmentRecord
    from eoffice_client.core.sync.engine import SyncEngine
    from eoffice_client.core.sync.files import FileCache

    app = _app(Path(folder) / "downloader", server)
    context = app.context
    engine = SyncEngine(context.profile, context.store, context.api(), context.settings)
    record = AttachmentRecord(id=attachment_id, sha256=sha, size=int(size), file_name="big.pdf",
                              document_id="-", secrecy=0)
    files = context.files
    sealed_files = FileCache(Path(folder) / "sealed-files", os.urandom(32))
    sealed_engine = SyncEngine(context.profile, context.store, context.api(), context.settings,
                               files=sealed_files)
    ours, plain, headers, sealed = [], [], [], []
    http = requests.Session()
    api = server + "/api/v1"
    login = http.post(f"{api}/auth/login", timeout=60, json={
        "username": USER, "password": "demo", "device_name": "bench"}).json()
    http.headers["Authorization"] = f"Bearer {login['access_token']}"
    for round_ in range(5):
        files.remove(sha)
        _settle_disk()
        started = time.perf_counter()
        assert engine.download(record) == "ok"
        ours.append(time.perf_counter() - started)
        target = Path(folder) / f"plain-{round_}.bin"
        _settle_disk()
        started = time.perf_counter()
        with http.get(f"{api}/attachments/{attachment_id}/content", stream=True,
                      timeout=120) as answer, open(target, "wb") as handle:
            headers.append(time.perf_counter() - started)
            for chunk in answer.iter_content(1 << 20):
                handle.write(chunk)
        plain.append(time.perf_counter() - started)
        target.unlink()
        sealed_files.remove(sha)
        _settle_disk()
        started = time.perf_counter()
        assert sealed_engine.download(record) == "ok"
        sealed.append(time.perf_counter() - started)
    body = files.path_for(sha).read_bytes()
    hashes = []
    for _ in range(3):
        started = time.perf_counter()
        hashlib.sha256(body).hexdigest()
        hashes.append(time.perf_counter() - started)
    return {"ours": min(ours), "plain": min(plain), "headers": min(headers),
            "sha256": min(hashes), "ours_median": statistics.median(ours),
            "plain_median": statistics.median(plain), "sealed": min(sealed),
            "sealed_median": statistics.median(sealed)}


def _settle_disk() -> None:
    """Outside both clocks: writes back what earlier steps left dirty (the first sync's
    database, the other side's file), so neither side's download shares the disk with it."""
    if hasattr(os, "sync"):
        os.sync()


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "first": child_first_sync, "plain": child_plain, "upload": child_upload,
    "download": child_download,
}


# --- the run -------------------------------------------------------------------------------------
def run(documents: int, file_mb: int, data: Path | None, at_rest: bool = False
        ) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        data_dir = data or folder / "sandbox"
        with sandbox(data_dir, documents) as server:
            plain = child("plain", server, str(folder))
            first = child("first", server, str(folder / "profile"))
            results: dict[str, Any] = {"documents": documents, "plain": plain, "first": first}
            baseline = plain["fetch"] + plain["store"]
            results["first_ratio"] = first["seconds"] / baseline
            results["incremental_ratio"] = first["incremental"] / first["get"]
            if at_rest:
                sealed = child("first", server, str(folder / "profile-sealed"), "encrypt")
                results["first_sealed"] = sealed
                results["at_rest_ratio"] = sealed["seconds"] / first["seconds"]
            if file_mb:
                upload = child("upload", server, str(folder), str(file_mb))
                download = child("download", server, str(folder), upload["attachment"],
                                 upload["sha256"], str(upload["size"]))
                results["download"] = download
                results["download_ratio"] = download["ours"] / (download["plain"]
                                                                + download["sha256"])
    return results


def report(results: dict[str, Any]) -> str:
    plain, first = results["plain"], results["first"]
    lines = [
        f"first sync of {results['documents']} documents (--no-files): "
        f"{first['seconds']:.2f} s for {first['changes']} changes",
        f"  baseline: requests+json {plain['fetch']:.2f} s + sqlite3 executemany of the "
        f"cache's rows ({plain['documents']} documents) {plain['store']:.2f} s = "
        f"{plain['fetch'] + plain['store']:.2f} s",
        f"  ratio {results['first_ratio']:.2f}x (target <= 2x); peak RSS of the sync process "
        f"{first['rss_mb']:.0f} MB (target <= 200 MB)",
        f"incremental sync, nothing new: {first['incremental'] * 1000:.1f} ms vs one plain GET "
        f"{first['get'] * 1000:.1f} ms (interleaved; {plain['get'] * 1000:.1f} ms in the "
        f"baseline's child): ratio {results['incremental_ratio']:.2f}x (target <= 2x)",
    ]
    if "download" in results:
        d = results["download"]
        lines.append(f"download, verified and stored: {d['ours']:.3f} s vs plain requests "
                     f"streaming {d['plain']:.3f} s + one SHA-256 {d['sha256']:.3f} s: ratio "
                     f"{results['download_ratio']:.2f}x (target <= {TARGET_DOWNLOAD}x)")
        lines.append(f"  medians {d['ours_median']:.3f} s vs {d['plain_median']:.3f} s; "
                     f"plain's headers after {d['headers'] * 1000:.0f} ms")
        lines.append(f"  into a sealed files cache (encryption at rest): {d['sealed']:.3f} s "
                     f"(median {d['sealed_median']:.3f} s), x{d['sealed'] / d['ours']:.2f} of "
                     f"ours")
    if "at_rest_ratio" in results:
        sealed = results["first_sealed"]
        lines.append(f"first sync with encryption at rest: {sealed['seconds']:.2f} s vs "
                     f"{first['seconds']:.2f} s plain: ratio {results['at_rest_ratio']:.2f}x "
                     f"(target <= {TARGET_AT_REST}x); peak RSS {sealed['rss_mb']:.0f} MB; "
                     f"incremental {sealed['incremental'] * 1000:.1f} ms")
    return "\n".join(lines)


def missed_targets(results: dict[str, Any]) -> list[str]:
    missed = []
    if results["first_ratio"] > TARGET_FIRST:
        missed.append("first sync")
    if results["first"]["rss_mb"] > TARGET_RSS_MB:
        missed.append("peak RSS")
    if results["incremental_ratio"] > TARGET_INCREMENTAL:
        missed.append("incremental sync")
    if results.get("download_ratio", 0.0) > TARGET_DOWNLOAD:
        missed.append("download")
    if results.get("at_rest_ratio", 0.0) > TARGET_AT_REST:
        missed.append("first sync at rest")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--file-mb", type=int, default=50)
    parser.add_argument("--data", type=Path, help="sandbox data folder to reuse")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--at-rest", action="store_true",
                        help="also the first sync with encryption at rest, and its ratio")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, *rest = args.child
        print(json.dumps(CHILDREN[mode](*rest)))
        return 0
    results = run(args.documents, args.file_mb, args.data, args.at_rest)
    print(json.dumps(results, indent=2) if args.json else report(results))
    missed = missed_targets(results)
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
