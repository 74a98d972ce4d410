#!/usr/bin/env bash
# Set up a virtual environment and open Nianbao; while this user has no data yet, open a fresh
# copy of the demo database (the user's own database is not created or touched by that).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q -e .
if [ $# -eq 0 ] && [ ! -e "$(.venv/bin/python -c 'from app.store import default_db_path; print(default_db_path())')" ]; then
    exec .venv/bin/nianbao --demo
fi
exec .venv/bin/nianbao "$@"
