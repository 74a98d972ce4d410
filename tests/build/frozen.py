"""Running the built program (dist/nianbao) in tests.

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

DIST = REPO / "dist"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
ONEFILE = DIST / f"nianbao{EXE_SUFFIX}"
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
    for name in ("NIANBAO_DB", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env.update(
        HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
        APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"),
        # platformdirs asks Windows itself for these folders unless told otherwise.
        WIN_PD_OVERRIDE_APPDATA=str(home / "AppData" / "Roaming"),
        WIN_PD_OVERRIDE_LOCAL_APPDATA=str(home / "AppData" / "Local"),
        QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


def run(command: Sequence[str | Path], env: dict[str, str], cwd: Path,
        user: tuple[int, int] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command, its output decoded as UTF-8 (the program writes UTF-8 whatever the locale).

    `user` (uid, gid) runs it as another user, for a folder that must really be read-only:
    the superuser may write anywhere.
    """
    args = [str(part) for part in command]
    if user is not None:
        uid, gid = user
        args = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", *args]
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=TIMEOUT_S, check=False)


def source_command() -> list[str | Path]:
    """The program from the sources, as the console script `nianbao` starts it."""
    return [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())"]
