"""The reports benchmark runs small (full size: docs/benchmarks.md)."""

from __future__ import annotations

import pytest


def test_bench_reports_runs_small(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import bench_reports

    assert bench_reports.main(["--documents", "200", "--dashboard-documents", "200"]) == 0
    out = capsys.readouterr().out
    for figure in ("registers:", "incoming xlsx", "tracking xlsx", "peak RSS", "dashboard:",
                   "waiting on leaders", "load average"):
        assert figure in out
