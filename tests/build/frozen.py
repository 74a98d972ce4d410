"""Running the built program (dist/nianbao; on Windows dist/windows/nianbao.exe and its console
twin nianbao-cli.exe, which build/windows.sh tests under Wine) in tests.

These tests run when NIANBAO_FROZEN_TESTS=1 (and then fail if there is no build), are skipped
when it is 0, and otherwise run only if dist/nianbao exists and is newer than the sources: a
build left over from older sources would fail them for reasons that are not the change under
test. `python build/build.py` makes the build; CI runs them with NIANBAO_FROZEN_TESTS=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.paths import REPO
from tests.user_folders import user_folder_env

WINDOWS = sys.platform == "win32"
DIST = REPO / "dist" / ("windows" if WINDOWS else "")  # as build/build.py puts it
EXE_SUFFIX = ".exe" if WINDOWS else ""
ONEFILE = DIST / f"nianbao{EXE_SUFFIX}"  # the one users double-click (windowed on Windows)
# What the command-line tests run: on Windows the console twin, elsewhere the same program.
CLI = DIST / f"nianbao-cli{EXE_SUFFIX}" if WINDOWS else ONEFILE
FOLDER = DIST / "nianbao-folder"
FOLDER_EXE = FOLDER / f"nianbao{EXE_SUFFIX}"
SOURCES = ("app", "ui", "resources", "build")
TIMEOUT_S = 180


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        for path in (REPO / name).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def _skip_reason() -> str:
    wanted = os.environ.get("NIANBAO_FROZEN_TESTS", "")
    if wanted == "1":
        return ""
    if wanted == "0":
        return "NIANBAO_FROZEN_TESTS=0"
    if not ONEFILE.exists():
        return "no build in dist/ (python build/build.py, or NIANBAO_FROZEN_TESTS=1)"
    if ONEFILE.stat().st_mtime < _newest_source():
        return "dist/ is older than the sources (rebuild, or NIANBAO_FROZEN_TESTS=1)"
    return ""


SKIP_REASON = _skip_reason()
frozen_only = pytest.mark.skipif(bool(SKIP_REASON), reason=SKIP_REASON or "built")


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose home (and so user data folder) is `home`."""
    env = dict(os.environ)
    # Under Wine the X display is how Windows programs get a screen at all: it stays.
    for name in ("NIANBAO_DB", *(() if WINDOWS else ("DISPLAY", "WAYLAND_DISPLAY"))):
        env.pop(name, None)
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **user_folder_env(home))
    env.pop("PYTHONIOENCODING", None)  # the program must print UTF-8 without being told
    env.update(extra)
    return env


def native_window_env(home: Path) -> dict[str, str]:
    """The environment for a real window: Qt's own platform of the system (Windows' under
    Wine, on the virtual screen build/windows.sh provides); offscreen elsewhere, where CI
    starts the program on a virtual X screen by itself (.ci/run)."""
    env = user_env(home)
    if WINDOWS:
        del env["QT_QPA_PLATFORM"]
    return env


def run(
    command: Sequence[str | Path],
    env: dict[str, str],
    cwd: Path,
    user: tuple[int, int] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command, its output decoded as UTF-8 (the program writes UTF-8 whatever the locale).

    `user` (uid, gid) runs it as another user, for a folder that must really be read-only:
    the superuser may write anywhere.
    """
    args = [str(part) for part in command]
    if user is not None:
        uid, gid = user
        args = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", *args]
    return subprocess.run(
        args,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        check=False,
    )


def source_command() -> list[str | Path]:
    """The program from the sources, as the console script `nianbao` starts it."""
    return [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())"]
