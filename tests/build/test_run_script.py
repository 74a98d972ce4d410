"""build/run.sh as a developer meets it: the program is installed once, not at every start, and
a start without arguments opens the window as a user's double-click does (welcome screen first).

The script runs for real in a copy of the repository whose .venv holds stand-ins for Python and
for the installed program, which note how they were called.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO

# run.sh starts the program from a checkout on Linux; Windows users get nianbao.exe.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="build/run.sh is a bash script")

STAND_IN = """#!/bin/sh
echo "$(basename "$0") $*" >> "{log}"
if [ "$1 $2 $3" = "-m pip install" ]; then
    printf '#!/bin/sh\\necho "nianbao $*" >> "{log}"\\n' > "$(dirname "$0")/nianbao"
    chmod +x "$(dirname "$0")/nianbao"
fi
if [ "$1" = build/native.py ]; then
    touch app/readers/libnianbao_pdfwalk.so
fi
"""


def _start(repo: Path, *args: str) -> None:
    subprocess.run(
        ["bash", str(repo / "build" / "run.sh"), *args],
        check=True,
        timeout=60,
        env={**os.environ, "PYTHON": "false"},
    )  # a venv is never made here


def test_run_sh_installs_once_and_opens_the_welcome_screen(tmp_path: Path) -> None:
    repo = tmp_path / "nianbao"
    (repo / "build").mkdir(parents=True)
    (repo / "app" / "readers").mkdir(parents=True)
    for name in ("build/run.sh", "pyproject.toml", "setup.py", "app/readers/pdf_walk.c"):
        shutil.copy(REPO / name, repo / name)
    venv_bin = repo / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    log = tmp_path / "calls.txt"
    python = venv_bin / "python"
    python.write_text(STAND_IN.format(log=log), encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IEXEC)

    _start(repo)
    _start(repo)
    _start(repo, "--demo")
    assert log.read_text(encoding="utf-8").splitlines() == [
        "python -m pip install -q -e .",
        "python build/native.py --if-possible",  # the PDF reader's C walk, built once
        "nianbao ",
        "nianbao ",
        "nianbao --demo",
    ]

    with (repo / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write("\n# a new dependency\n")
    log.unlink()
    _start(repo)
    assert log.read_text(encoding="utf-8").splitlines() == [
        "python -m pip install -q -e .",
        "nianbao ",
    ]
