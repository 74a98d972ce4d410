#!/usr/bin/env bash
# Set up a virtual environment and run every check: lint, types, layering, the core without Qt,
# then all tests. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/python build/native.py  # the PDF reader's C walk (gcc: build/setup-debian.sh)
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check app ui tests benchmarks build
echo "== ruff format"; .venv/bin/ruff format --check app ui tests benchmarks build
echo "== mypy"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== core tests without Qt"
NIANBAO_NO_QT=1 .venv/bin/python -m pytest -p no:pytest-qt tests/app -q -m "not soak"  # the soak runs once, below
echo "== all tests"
.venv/bin/python -m pytest -q "$@"
