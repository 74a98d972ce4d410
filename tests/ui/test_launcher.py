"""The `nianbao` launcher: window options parsed in one place, handed to the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO
from ui.launcher import GuiOptions, main, parse_gui_options


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], GuiOptions()),
        (["gui"], GuiOptions()),
        (["--demo"], GuiOptions(demo=True)),
        (["gui", "--db", "x.sqlite3"], GuiOptions(db=Path("x.sqlite3"))),
        (["--screenshot", "s.png", "--demo"], GuiOptions(demo=True, screenshot=Path("s.png"))),
        (["--smoke"], GuiOptions(smoke=True)),
    ],
)
def test_window_options(argv: list[str], expected: GuiOptions) -> None:
    assert parse_gui_options(argv) == expected


def test_demo_and_db_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_gui_options(["--demo", "--db", "x.sqlite3"])
    assert exited.value.code == 2
    assert "不能与" in capsys.readouterr().err


def test_an_unknown_subcommand_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report.docx"]) == 2
    err = capsys.readouterr().err
    assert "不认识的子命令“report.docx”" in err
    assert "export" in err


def test_without_a_display_the_window_says_so_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("only X11/Wayland systems need a DISPLAY")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    assert "无法打开编制窗口（没有可用的图形显示" in capsys.readouterr().err


def test_the_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：nianbao")
    for word in ("--demo", "--screenshot", "--smoke", "dump", "check", "import", "export"):
        assert word in out


def test_the_window_opens_on_the_database_given(tmp_path: Path) -> None:
    db = tmp_path / "新" / "nianbao.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--smoke", "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert db.is_file()
