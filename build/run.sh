#!/usr/bin/env bash
# Set up a virtual environment and open Nianbao; with no data yet, open the demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q -e .
exec .venv/bin/nianbao "$@"
