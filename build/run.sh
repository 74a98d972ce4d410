#!/usr/bin/env bash
# Set up a virtual environment and open Nianbao. The program is installed into it once, and again
# only when pyproject.toml or setup.py changed, so a start takes about a second; a first run with
# no data yet opens on the welcome screen (新建单位 or 打开示例).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
stamp=.venv/nianbao-installed
wanted=$(cat pyproject.toml setup.py | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/nianbao ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    .venv/bin/python -m pip install -q -e .
    echo "$wanted" > "$stamp"
fi
# The PDF reader's C walk, where a C compiler is (PDFs read at half the speed without it).
if [ ! app/readers/libnianbao_pdfwalk.so -nt app/readers/pdf_walk.c ]; then
    .venv/bin/python build/native.py --if-possible || true
fi
exec .venv/bin/nianbao "$@"
