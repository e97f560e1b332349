#!/usr/bin/env bash
# Sets up everything, then runs the whole test suite: ruff, mypy and pytest (unit,
# integration against the sandbox server on loopback, GUI offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
