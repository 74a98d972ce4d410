"""The program runs from wherever a user puts it: a read-only folder with a Chinese name.

Offices copy the program to a shared drive or a locked-down folder, and name folders in
Chinese. The program must write nothing beside itself (its data lives in the user data
folder) and must find its own files through a path that is not ASCII.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.build.frozen import CLI, ONEFILE, frozen_only, run, user_env

pytestmark = frozen_only

FOLDER_NAME = "年报 工具"
NOBODY = (65534, 65534)
READ_ONLY = stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH


def _as_other_user() -> tuple[int, int] | None:
    # As the superuser, permissions do not stop a write: run the program as nobody instead.
    if sys.platform == "win32" or os.geteuid() != 0:
        return None
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    return NOBODY


@pytest.fixture
def shared() -> Iterator[Path]:
    """A temporary folder any user can enter (pytest's own is private to the test's user)."""
    folder = Path(tempfile.mkdtemp(prefix="nianbao-frozen-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def installed(shared: Path) -> Path:
    """dist/nianbao (on Windows with nianbao-cli.exe) copied into a read-only folder named
    年报 工具; the program users start."""
    folder = shared / FOLDER_NAME
    folder.mkdir()
    for program in {ONEFILE, CLI}:
        shutil.copy2(program, folder / program.name)
        (folder / program.name).chmod(READ_ONLY)
    folder.chmod(READ_ONLY)
    return folder / ONEFILE.name


def programs_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _user_folders(shared: Path) -> tuple[Path, Path]:
    home, out = shared / "home", shared / "输出"
    for path in (home, out):
        path.mkdir()
        path.chmod(0o777)
    return home, out


def test_exports_from_a_read_only_chinese_folder(shared: Path, installed: Path) -> None:
    home, out = _user_folders(shared)
    user = _as_other_user()
    command: list[str | Path] = [
        installed.with_name(CLI.name),
        "export",
        "--demo",
        "--unit",
        "高青县行政审批服务局",
        "--year",
        "2020",
        "-o",
        out / "高青2020.docx",
    ]
    result = run(command, user_env(home), out, user=user)
    assert result.returncode == 0, result.stderr
    assert (out / "高青2020.docx").stat().st_size > 10_000
    assert programs_in(installed.parent) == sorted({ONEFILE.name, CLI.name})


def test_the_window_opens_from_a_read_only_chinese_folder(shared: Path, installed: Path) -> None:
    home, out = _user_folders(shared)
    result = run([installed, "--demo", "--smoke"], user_env(home), out, user=_as_other_user())
    assert result.returncode == 0, result.stderr
    assert programs_in(installed.parent) == sorted({ONEFILE.name, CLI.name})
    assert any(home.rglob("demo.sqlite3"))  # the data went to the user's own folder


@pytest.mark.skipif(sys.platform == "win32", reason="Windows folders have no write permission bit")
def test_the_folder_really_is_read_only(shared: Path, installed: Path) -> None:
    # Guards the two tests above: a write beside the program would have been refused.
    result = run(["touch", installed.parent / "x"], dict(os.environ), shared, user=_as_other_user())
    assert result.returncode != 0
