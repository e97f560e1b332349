"""Command-line start-up, as whole processes, against the bare imports they stand on.

    python -m bench.bench_cli [--runs 15] [--documents 2000]

1. ``eoffice-client --version`` against ``python -c "import argparse"``. Target <= 1.5x.
2. ``eoffice-client list --limit 50 --json`` on a profile of ``--documents`` cached
   documents against ``python -c`` importing what reading the cache needs (SQLAlchemy's
   engine and ORM, its SQLite dialect, json). Target <= 2x.

Each side runs ``--runs`` times, alternating with the other (so both see the same load),
with the same interpreter and environment; the medians are compared. Exits 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TARGET_VERSION, TARGET_LIST = 1.5, 2.0
LIST_BASELINE = "import json, sqlite3, sqlalchemy.orm, sqlalchemy.dialects.sqlite"


def run_once(argv: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return time.perf_counter() - started


def compare(ours: Sequence[str], baseline: Sequence[str], runs: int) -> tuple[float, float]:
    """Medians of ``runs`` alternating runs of each command (seconds)."""
    run_once(ours), run_once(baseline)  # warm the file cache
    mine, base = [], []
    for _ in range(runs):
        mine.append(run_once(ours))
        base.append(run_once(baseline))
    return statistics.median(mine), statistics.median(base)


def filled_profile(folder: Path, documents: int) -> Path:
    profile = folder / "profile"
    subprocess.run([sys.executable, "-m", "bench.fill_cache", "--profile", str(profile),
                    "--documents", str(documents), "--seed", "1", "--user", "chuyenvien"],
                   check=True, stdout=subprocess.DEVNULL)
    return profile


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_cli", description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--documents", type=int, default=2000)
    args = parser.parse_args(argv)
    python = sys.executable
    missed = []
    version, bare = compare([python, "-m", "eoffice_client", "--version"],
                            [python, "-c", "import argparse"], args.runs)
    print(f"--version: {version * 1000:.0f} ms vs import argparse {bare * 1000:.0f} ms: "
          f"{version / bare:.2f}x (target <= {TARGET_VERSION}x)")
    if version / bare > TARGET_VERSION:
        missed.append("--version")
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        profile = filled_profile(Path(folder), args.documents)
        listed, bare = compare(
            [python, "-m", "eoffice_client", "--profile", str(profile), "list", "--limit", "50",
             "--json"], [python, "-c", LIST_BASELINE], args.runs)
    print(f"list --limit 50 of {args.documents} cached: {listed * 1000:.0f} ms vs the bare "
          f"imports {bare * 1000:.0f} ms: {listed / bare:.2f}x (target <= {TARGET_LIST}x)")
    if listed / bare > TARGET_LIST:
        missed.append("list")
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
