#!/usr/bin/env bash
# Sets up everything, then opens the app. With no server configured it opens the
# training mode (a local sandbox server with sample data). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/eoffice-client "$@"
