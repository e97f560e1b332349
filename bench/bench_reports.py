"""Reports benchmark: registers of 10,000 documents, and the dashboard at 100,000.

    python -m bench.bench_reports [--documents 22000] [--dashboard-documents 100000]
                                  [--dashboard-profile DIR] [--dir DIR] [--check]

1. Registers. A cache is filled with ``--documents`` generated documents (22,000 give
   about 10,000 registered incoming ones); the incoming register (.xlsx, .docx) and the
   tracking register (.xlsx) of the whole period are each exported by ``export_register``
   in a child process, which reports its wall time and peak RSS. Baseline, in its own
   child on the same cache: the same documents read by raw ``sqlite3`` + ``json.loads``
   and written as plain values (no styles, no row heights) by openpyxl's write-only mode.
   Targets: each export <= 5 s and <= 150 MB RSS.
2. Dashboard. ``read_dashboard()`` on a cache of ``--dashboard-documents`` (or the cache of
   ``--dashboard-profile``, e.g. one made by ``python -m bench.fill_cache``), best of 5
   after a warm-up, each part timed too. Baseline: the store's own ``count_box`` of the
   four boxes the cards count. Target: the whole dashboard <= 100 ms.

Prints the figures and ratios measured in this run; ``--check`` exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TARGET_EXPORT_S, TARGET_EXPORT_MB, TARGET_DASHBOARD_MS = 5.0, 150.0, 100.0
PERIOD = ("2000-01-01", "2100-12-31")


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` is this program's own (getrusage's
    ``ru_maxrss`` keeps the parent's peak across fork and exec on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# --- children ------------------------------------------------------------------------------
def child_export(db: str, kind: str, fmt: str, out: str) -> dict[str, Any]:
    from eoffice_client.core.reports.exports import export_register
    from eoffice_client.core.reports.model import OutputFormat, Period, RegisterKind
    from eoffice_client.core.store.engine import open_store

    started, cpu = time.perf_counter(), time.process_time()
    with open_store(Path(db)) as store, store.read() as conn:
        result = export_register(
            conn, kind=RegisterKind(kind), period=Period(*map(dt.date.fromisoformat, PERIOD)),
            out=Path(out), fmt=OutputFormat(fmt))
    return {"seconds": time.perf_counter() - started, "rows": result.rows,
            "cpu_seconds": time.process_time() - cpu, "rss_mb": peak_rss_mb()}


def child_baseline(db: str, out: str) -> dict[str, Any]:
    import sqlite3

    from openpyxl import Workbook

    started, cpu = time.perf_counter(), time.process_time()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("raw")
    connection = sqlite3.connect(db)
    rows = 0
    for (data,) in connection.execute(
            "SELECT data FROM documents WHERE direction = 'incoming' "
            "AND arrival_number IS NOT NULL ORDER BY sort_no"):
        doc = json.loads(data)
        issuer = doc.get("issuer") or {}
        sheet.append([doc.get("arrival_date"), doc.get("arrival_number"),
                      issuer.get("org_name"), doc.get("code_notation"), doc.get("issued_date"),
                      doc.get("subject"), doc.get("status"), "", ""])
        rows += 1
    connection.close()
    workbook.save(out)
    return {"seconds": time.perf_counter() - started, "rows": rows,
            "cpu_seconds": time.process_time() - cpu, "rss_mb": peak_rss_mb()}


def run_child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.bench_reports", "--child", *args],
                          check=True, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- 1. registers --------------------------------------------------------------------------
def bench_registers(folder: Path, documents: int, seed: int) -> tuple[list[str], list[str]]:
    from eoffice_client.core.store.engine import open_store
    from eoffice_client.sandbox.sample_cache import fill_store

    db = folder / "registers.sqlite3"
    with open_store(db) as store:
        fill_store(store, documents, seed, user="vanthu")
    baseline = run_child("baseline", str(db), str(folder / "raw.xlsx"))
    lines = [f"registers: cache of {documents} documents; baseline (raw read + plain "
             f"write-only xlsx) {baseline['rows']} rows {baseline['seconds']:.2f} s "
             f"(cpu {baseline['cpu_seconds']:.2f} s) {baseline['rss_mb']:.0f} MB"]
    missed = []
    for kind, fmt in (("incoming", "xlsx"), ("incoming", "docx"), ("tracking", "xlsx")):
        result = run_child("export", str(db), kind, fmt, str(folder / f"{kind}.{fmt}"))
        lines.append(
            f"  {kind:8} {fmt}: rows {result['rows']:6}  {result['seconds']:.2f} s "
            f"(cpu {result['cpu_seconds']:.2f} s, x{result['seconds'] / baseline['seconds']:.2f}"
            " baseline)  peak RSS "
            f"{result['rss_mb']:.0f} MB  (targets <= {TARGET_EXPORT_S} s, "
            f"<= {TARGET_EXPORT_MB} MB)")
        if result["seconds"] > TARGET_EXPORT_S or result["rss_mb"] > TARGET_EXPORT_MB:
            missed.append(f"register {kind} {fmt}")
    return lines, missed


# --- 2. dashboard --------------------------------------------------------------------------
def best_ms(function: Callable[[], Any], repeat: int = 5) -> float:
    function()  # warm: pages in the OS cache and SQLite's
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def bench_dashboard(db: Path) -> tuple[list[str], list[str]]:
    from eoffice_client.core.reports import dashboard as board  # the module
    from eoffice_client.core.store.documents import count_documents
    from eoffice_client.core.store.engine import open_store
    from eoffice_client.core.store.queries import count_box

    with open_store(db) as store, store.read() as conn:
        today = board.today_for(conn)
        total = best_ms(lambda: board.read_dashboard(conn, today=today))
        cards = best_ms(lambda: board.read_dashboard(conn, today=today, charts=False))
        baseline = best_ms(lambda: [count_box(conn, box, today=today) for box in (
            "incoming", "to-sign", "to-process", "overdue")])
        parts = {
            "unread incoming": lambda: board.unread_incoming(conn, today),
            "to-sign + to-process": lambda: (board.box_count(conn, "to-sign", today),
                                             board.box_count(conn, "to-process", today)),
            "due soon": lambda: board.due_soon(conn, today, board.due_soon_until(conn, today, 3)),
            "overdue by unit": lambda: board.overdue_by_unit(conn, today),
            "waiting on leaders": lambda: board.waiting_on_leaders(conn, today),
            "weekly intake": lambda: board.weekly_intake(conn, today, 8),
        }
        timed = {name: best_ms(function) for name, function in parts.items()}
        documents = count_documents(conn)
    lines = [f"dashboard: {documents} documents; whole {total:.1f} ms (target <= "
             f"{TARGET_DASHBOARD_MS} ms); cards only {cards:.1f} ms; baseline count_box x4 "
             f"{baseline:.1f} ms, ratio {total / baseline:.2f} (cards {cards / baseline:.2f})"]
    lines += [f"  {name:22} {ms:7.1f} ms" for name, ms in timed.items()]
    return lines, (["dashboard"] if total > TARGET_DASHBOARD_MS else [])


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        result = child_export(*argv[2:6]) if argv[1] == "export" else child_baseline(*argv[2:4])
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.bench_reports", description=__doc__)
    parser.add_argument("--documents", type=int, default=22_000)
    parser.add_argument("--dashboard-documents", type=int, default=100_000)
    parser.add_argument("--dashboard-profile", help="use this profile's cache for the dashboard")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", help="keep the caches and files here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench-reports-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        lines, missed = bench_registers(folder, args.documents, args.seed)
        if args.dashboard_profile:
            db = Path(args.dashboard_profile) / "cache.sqlite3"
        else:
            from eoffice_client.core.store.engine import open_store
            from eoffice_client.sandbox.sample_cache import fill_store

            db = folder / "dashboard.sqlite3"
            with open_store(db) as store:
                fill_store(store, args.dashboard_documents, args.seed, user="lanhdao")
        more, missed_more = bench_dashboard(db)
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    print("\n".join(lines + more))
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    missed += missed_more
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
