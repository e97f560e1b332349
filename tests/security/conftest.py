"""The hostile-input suite counts what it tried; the totals go to test-output/ at the end.

``tried(category)`` counts one input; at the end of the session the counts are written to
``test-output/hostile-counts.json`` (for docs/security.md) and printed in the summary.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

COUNTS: Counter[str] = Counter()
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "hostile-counts.json"


def tried(category: str, count: int = 1) -> None:
    COUNTS[category] += count


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS:
        return
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(dict(sorted(COUNTS.items())), indent=2), encoding="utf-8")
    total = sum(COUNTS.values())
    terminalreporter.write_line(f"hostile inputs tried: {total} ({OUTPUT.name}: "
                                + ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items()))
                                + ")")
