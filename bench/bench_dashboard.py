"""The window's dashboard at 100,000 documents: counted off the GUI thread, under 100 ms.

    python -m bench.bench_dashboard [--documents 100000] [--profile DIR] [--runs 7]
                                    [--user lanhdao] [--target-ms 100]

What runs is what the window runs: a ``DashboardView`` (offscreen) whose ``refresh()``
hands ``app.reports.dashboard(charts=False)`` (the cards' counts), then the charts, to a
TaskRunner worker; a run is timed from ``refresh()`` to the ``countsShown`` signal in the
GUI thread, with the counts on screen (the thread hop included), and to ``loaded`` (the
charts too). Meanwhile a 5 ms timer in the GUI thread
records the longest the event loop went without turning: the counting must not block it.
Baseline: ``app.reports.dashboard(charts=False)`` and ``dashboard()`` called directly in
this thread (no worker, no signal). The cards are also checked against the boxes'
counts (``app.reads.box_counts()``).

Target: the median run under ``--target-ms`` (100 ms), and no GUI stall over it. Exits 1
on a miss or a count that differs from its box. The cache is filled once (the sync's bulk
path, bench/fill_cache.py) and kept in ``bench/out/`` for later runs.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def filled_profile(folder: Path, documents: int, user: str) -> Path:
    from eoffice_client.config import Profile
    from eoffice_client.core.store.engine import open_store
    from eoffice_client.sandbox.sample_cache import fill_store

    profile = Profile.at(folder)
    if not profile.db_path.is_file():
        started = time.perf_counter()
        with open_store(profile.db_path) as store:
            fill_store(store, documents, 1, user=user)
        print(f"filled {profile.db_path} in {time.perf_counter() - started:.0f} s")
    return folder


def best_and_median(function: Callable[[], Any], runs: int) -> tuple[float, float]:
    function()  # warm: the OS cache and SQLite's
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def timed_refreshes(view: Any, qt_app: Any, runs: int
                    ) -> tuple[list[float], list[float], float]:
    """Each refresh from the call to its counts shown and to its charts shown, and the
    longest the GUI thread went without turning meanwhile."""
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    counted: list[float] = []
    shown: list[float] = []
    view.countsShown.connect(lambda _figures: counted.append(time.perf_counter()))
    view.loaded.connect(lambda _figures: shown.append(time.perf_counter()))
    cards, whole = [], []
    timer.start()
    for run in range(runs + 1):  # the first warms up
        started = time.perf_counter()
        view.refresh()
        while len(shown) <= run:
            qt_app.processEvents()
            time.sleep(0.001)
        if run:
            cards.append((counted[run] - started) * 1000)
            whole.append((shown[run] - started) * 1000)
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return cards, whole, max(gaps, default=0.0)


def counts_match(app: Any, figures: Any) -> list[str]:
    boxes = app.reads.box_counts()
    pairs = {"unread incoming": (figures.unread_incoming, boxes["incoming"].unread),
             "to sign": (figures.to_sign, boxes["to-sign"].total),
             "to process": (figures.to_process, boxes["to-process"].total),
             "overdue": (figures.overdue, boxes["overdue"].total)}
    return [f"{name}: card {card} != box {box}" for name, (card, box) in pairs.items()
            if card != box]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_dashboard",
                                     description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--profile", help="a profile whose cache to use (filled if empty)")
    parser.add_argument("--user", default="lanhdao", help="sample account whose boxes to use")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--target-ms", type=float, default=100.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(args.profile) if args.profile else (
        ROOT / "bench" / "out" / f"dashboard-{args.documents}-{args.user}")
    filled_profile(folder, args.documents, args.user)

    from PySide6.QtWidgets import QApplication

    import eoffice_client.ui  # noqa: F401  (first: see ui/__init__.py)
    from eoffice_client.config import Profile
    from eoffice_client.core.app.application import App
    from eoffice_client.ui.dashboard import DashboardView
    from eoffice_client.ui.tasks import TaskRunner

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    with App(Profile.at(folder)) as app:
        direct = best_and_median(lambda: app.reports.dashboard(), args.runs)
        cards = best_and_median(lambda: app.reports.dashboard(charts=False), args.runs)
        runner = TaskRunner()
        view = DashboardView(lambda: app, runner)
        view.resize(1280, 760)
        view.show()
        times, whole, stall = timed_refreshes(view, qt_app, args.runs)
        wrong = counts_match(app, view.figures)
        documents = app.reads.box_counts()["all"].total
        runner.wait()
    median = statistics.median(times)
    print(f"dashboard: {documents} documents (user {args.user}), {args.runs} runs")
    print(f"  counts (cards) off the GUI thread, refresh() to shown: median {median:.1f} ms, "
          f"best {min(times):.1f} ms, worst {max(times):.1f} ms (target: median < "
          f"{args.target_ms:.0f} ms)")
    print(f"  the charts after them, refresh() to shown: median "
          f"{statistics.median(whole):.1f} ms (no target)")
    print(f"  longest GUI-thread stall meanwhile: {stall:.1f} ms (target < "
          f"{args.target_ms:.0f} ms)")
    print(f"  baseline, in this thread: cards dashboard(charts=False) median {cards[1]:.1f} "
          f"ms (best {cards[0]:.1f}), ratio {median / cards[1]:.2f}; whole dashboard() "
          f"median {direct[1]:.1f} ms (best {direct[0]:.1f})")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    missed = wrong + ([f"median {median:.1f} ms"] if median >= args.target_ms else []) + (
        [f"GUI stall {stall:.1f} ms"] if stall >= args.target_ms else [])
    if missed:
        print("missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
