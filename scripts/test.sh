#!/usr/bin/env bash
# Sets up like serve.sh and runs the whole test suite; extra arguments go to pytest.
# Set DATABASE_URL=postgres://... to run it on PostgreSQL instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/ensure-browser.sh
exec .venv/bin/python -m pytest "$@"
