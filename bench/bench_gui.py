"""The window's speed and memory with a big cache (issue 5, "Speed and memory").

    python -m bench.bench_gui [--documents 100000] [--profile DIR] [--runs 5] [--json FILE]

1. Start to the first painted inbox (``gui --startup-probe``) against a bare PySide6 window
   with an empty table view, both as fresh processes, same interpreter and settings, ratio
   of the medians (target <= 1.5). Bytecode is compiled once first (into a temporary
   pycache prefix) for both, as an installed application has it.
2. Scrolling the whole inbox top to bottom, one viewport at a time: the longest time one
   viewport took to fill (target <= 16 ms).
3. Typing in the search box, a key every 120 ms: the longest the event loop stalled
   (target: under 100 ms, i.e. never a visible freeze).
4. Peak RSS of the window process after all that (target <= 300 MB).

The cache is filled once (bench/fill_cache.py, the sync's bulk path) and kept in
``bench/out/`` (not committed) for later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"startup_ratio": 1.5, "scroll_max_ms": 16.0, "typing_stall_ms": 100.0,
           "peak_rss_mb": 300.0}

BASELINE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from eoffice_client.ui.probe import elapsed_ms

app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView(window)
table.setModel(QStandardItemModel(0, 7, table))
window.setCentralWidget(table)
window.resize(1360, 820)

def painted():
    print(f"first-paint-ms {elapsed_ms()}", flush=True)
    app.quit()

class Watch(QObject):
    # The same end point as the window's probe (ui/main_window.py _PaintWatcher): the
    # table's first Paint event, then the turn of the event loop after it (the paint
    # done and the window flushed), not the moment the Paint event arrives.
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False

watch = Watch()
table.viewport().installEventFilter(watch)
window.show()
app.exec()
"""

DIRECT = r"""
import sys
from eoffice_client.cli.context import CliContext
from eoffice_client.cli.cmd_gui import startup_probe
sys.exit(startup_probe(CliContext(profile_arg=sys.argv[1], lang="vi")))
"""


def fill(profile: Path, documents: int) -> None:
    if (profile / "cache.sqlite3").is_file():
        return
    print(f"filling {profile} with {documents} documents (once)...", flush=True)
    subprocess.run([sys.executable, "-m", "bench.fill_cache", "--profile", str(profile),
                    "--documents", str(documents), "--seed", "1", "--user", "vanthu"],
                   check=True, cwd=ROOT)


def _env(pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    env["EOFFICE_QM_CACHE"] = str(pycache / "qm")
    return env


def _first_paint(command: list[str], env: dict[str, str]) -> int:
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint-ms "):
            return int(line.split()[1])
    raise RuntimeError(f"no first-paint-ms from {command[:3]}: {out.stderr[-500:]}")


def startup(profile: Path, runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="eoffice-bench-pyc-") as folder:
        env = _env(Path(folder))
        commands = {
            "bare": [sys.executable, "-c", BASELINE],
            "cli": [sys.executable, "-m", "eoffice_client", "--profile", str(profile), "gui",
                    "--startup-probe"],
            "window": [sys.executable, "-c", DIRECT, str(profile)],
        }
        for command in commands.values():  # compile bytecode and the translations once
            _first_paint(command, env)
        times: dict[str, list[int]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(_first_paint(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {"runs": times, "median_ms": medians,
            "ratio_cli": medians["cli"] / medians["bare"],
            "ratio_window": medians["window"] / medians["bare"]}


def in_window(profile: Path) -> dict[str, Any]:
    """Scrolling, typing and memory inside one window process (this one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from eoffice_client.config import Profile
    from eoffice_client.ui.app import Controller, create_application

    app = create_application()
    controller = Controller(app, Profile.at(profile), "vi", crash_handler=False)
    window = controller.window
    window.show()
    window.start(interactive=False)
    _spin(app, lambda: window.backend_ready and window.list_loaded and bool(window.counts), 120)
    rows = window.model.rowCount()
    scroll = _scroll(app, window)
    typing = _typing(app, window, QTest, QTimer, Qt)
    controller.close()
    QApplication.processEvents()
    return {"inbox_rows": rows, **scroll, **typing, "peak_rss_mb": _peak_rss_mb()}


def _spin(app: Any, until: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get ready")
        app.processEvents()
        time.sleep(0.005)


def _scroll(app: Any, window: Any) -> dict[str, Any]:
    table = window.table
    window.model.refresh_rows()
    bar = table.verticalScrollBar()
    step = max(1, bar.pageStep())
    fills: list[float] = []
    bar.setValue(0)
    app.processEvents()
    value = 0
    with_load: list[float] = []
    every: list[float] = []  # each fill's wall time, in scrolling order
    cpu: list[float] = []  # this thread's CPU time per fill: a slow fill with little CPU
    # was this process waiting for a core (other jobs on the machine), not painting
    canaries: list[tuple[float, float]] = []  # fixed work timed before and after each fill
    while value <= bar.maximum():
        bar.setValue(value)
        loads = window.model.page_loads
        before = _canary()
        started, started_cpu = time.perf_counter(), time.thread_time()
        table.viewport().repaint()
        took = (time.perf_counter() - started) * 1000
        cpu.append((time.thread_time() - started_cpu) * 1000)
        canaries.append((before, _canary()))
        (with_load if window.model.page_loads != loads else fills).append(took)
        every.append(took)
        value += step
        app.processEvents()  # as between two wheel events: idle work (prefetch) runs here
    fills.sort()
    cpu.sort()
    slowest = sorted(fills + with_load)[-1]
    return {"scroll_viewports": len(fills) + len(with_load), "scroll_max_ms": slowest,
            "scroll_rows_per_viewport": step, "scroll_cpu_max_ms": cpu[-1],
            "scroll_cpu_p99_ms": cpu[int(len(cpu) * 0.99) - 1],
            "scroll_fills_over_16ms": sum(1 for took in fills + with_load if took > 16),
            "scroll_fills_with_page_load": len(with_load),
            "scroll_max_ms_without_page_load": fills[-1] if fills else 0.0,
            "scroll_p99_ms": fills[int(len(fills) * 0.99) - 1] if fills else 0.0,
            "scroll_median_ms": statistics.median(fills) if fills else 0.0,
            "scroll_page_loads": window.model.page_loads, **_machine_speed(every, canaries)}


def _canary() -> float:
    """Milliseconds for a fixed piece of pure-Python work (about 1 ms on a quiet core)."""
    started = time.perf_counter()
    total = 0
    for number in range(15_000):
        total += number * number
    return (time.perf_counter() - started) * 1000


def _machine_speed(fills: list[float], canaries: list[tuple[float, float]]) -> dict[str, Any]:
    """Splits the fills by the speed of the machine around them.

    On a shared virtual machine the host sometimes runs our vCPU several times slower for
    tens of milliseconds; the guest counts that time as this thread's CPU time, so
    ``thread_time`` cannot tell it from our own work. The canary (the same fixed work
    just before and just after each fill) can: a fill is "machine-slow" when either
    canary took more than twice the canaries' median.
    """
    usual = statistics.median(c for pair in canaries for c in pair)
    slow = [max(pair) > 2 * usual for pair in canaries]
    steady = [took for took, flag in zip(fills, slow, strict=True) if not flag]
    return {"scroll_canary_median_ms": usual,
            "scroll_machine_slow_fills": sum(slow),
            "scroll_fills_over_16ms_machine_slow": sum(
                1 for took, flag in zip(fills, slow, strict=True) if flag and took > 16),
            "scroll_max_ms_machine_steady": max(steady) if steady else 0.0,
            "scroll_fills_over_16ms_machine_steady": sum(1 for took in steady if took > 16)}


def _typing(app: Any, window: Any, qtest: Any, qtimer: Any, qt: Any) -> dict[str, Any]:
    """Types key by key (120 ms apart, by a timer) while a 5 ms timer measures stalls."""
    text = "quyet dinh ve viec ubnd"
    window.search.clear()
    window.search.setFocus()
    state: dict[str, Any] = {"last": time.perf_counter(), "stall": 0.0, "typed": 0,
                             "searches": 0}

    def tick() -> None:
        now = time.perf_counter()
        state["stall"] = max(state["stall"], (now - state["last"]) * 1000)
        state["last"] = now

    def type_one() -> None:
        if state["typed"] < len(text):
            qtest.keyClick(window.search, text[state["typed"]])
            state["typed"] += 1

    window.listLoaded.connect(lambda: state.__setitem__("searches", state["searches"] + 1))
    ticker = qtimer()
    ticker.timeout.connect(tick)
    ticker.start(5)
    typer = qtimer()
    typer.timeout.connect(type_one)
    typer.start(120)
    state["last"] = time.perf_counter()
    _spin(app, lambda: state["typed"] >= len(text) and not window.runner.busy()
          and window.query.search == text, 60)
    deadline = time.monotonic() + 1.0
    _spin(app, lambda: time.monotonic() > deadline, 5)
    ticker.stop()
    typer.stop()
    return {"typing_stall_ms": state["stall"], "typing_searches": state["searches"],
            "search_results": window.model.rowCount()}


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def _print_startup(startup_result: dict[str, Any]) -> int:
    medians, runs = startup_result["median_ms"], startup_result["runs"]
    print(f"first paint: bare {medians['bare']:.0f} ms, window {medians['window']:.0f} ms "
          f"(ratio {startup_result['ratio_window']:.2f}), via the CLI {medians['cli']:.0f} ms "
          f"(ratio {startup_result['ratio_cli']:.2f})")
    print("  runs: " + "; ".join(f"{name} {sorted(values)}" for name, values in runs.items()))
    return 0 if startup_result["ratio_cli"] <= TARGETS["startup_ratio"] else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_gui", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--profile", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--only", choices=("startup",), default=None,
                        help="startup: only the first-paint comparison (quick iterations)")
    args = parser.parse_args(argv)
    profile = args.profile or ROOT / "bench" / "out" / f"gui-cache-{args.documents}"
    fill(profile, args.documents)
    result = {"documents": args.documents, "startup": startup(profile, args.runs)}
    if args.only == "startup":
        return _print_startup(result["startup"])
    result.update(in_window(profile))
    checks = {
        "startup_ratio": result["startup"]["ratio_cli"] <= TARGETS["startup_ratio"],
        "scroll_max_ms": result["scroll_max_ms"] <= TARGETS["scroll_max_ms"],
        # the same target over the fills with a steady machine (canaries under 2x): reported
        # beside the raw one, never instead of it
        "scroll_max_ms_machine_steady":
            result["scroll_max_ms_machine_steady"] <= TARGETS["scroll_max_ms"],
        "typing_stall_ms": result["typing_stall_ms"] <= TARGETS["typing_stall_ms"],
        "peak_rss_mb": result["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
    }
    result["passed"] = checks
    _print_startup(result["startup"])
    print(f"scrolling {result['inbox_rows']} rows in {result['scroll_viewports']} viewports: "
          f"max {result['scroll_max_ms']:.1f} ms, p99 {result['scroll_p99_ms']:.1f} ms, "
          f"median {result['scroll_median_ms']:.2f} ms, {result['scroll_page_loads']} pages")
    print(f"  {result['scroll_fills_over_16ms']} fills over 16 ms; CPU time per fill: max "
          f"{result['scroll_cpu_max_ms']:.1f} ms, p99 {result['scroll_cpu_p99_ms']:.1f} ms "
          f"({result['scroll_rows_per_viewport']} rows a viewport)")
    print(f"  machine speed (a fixed {result['scroll_canary_median_ms']:.1f} ms canary before and "
          f"after each fill): {result['scroll_fills_over_16ms_machine_slow']} of the fills over "
          f"16 ms had a canary over 2x ({result['scroll_machine_slow_fills']} fills in all had "
          f"one); with steady canaries: max {result['scroll_max_ms_machine_steady']:.1f} ms, "
          f"{result['scroll_fills_over_16ms_machine_steady']} over 16 ms")
    print(f"  {result['scroll_fills_with_page_load']} fills loaded a page on the spot; "
          f"the slowest fill without one took {result['scroll_max_ms_without_page_load']:.1f} ms")
    print(f"typing: longest stall {result['typing_stall_ms']:.0f} ms over "
          f"{result['typing_searches']} searches ({result['search_results']} results)")
    print(f"peak RSS {result['peak_rss_mb']:.0f} MB")
    print("targets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in checks.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
