"""What only the Windows program has: a windowed nianbao.exe and its console twin, what
Explorer shows in 属性 (version, icon), and paths longer than Windows' old 260 characters."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest

from tests.build.frozen import CLI, ONEFILE, frozen_only, run, user_env
from tests.paths import REPO

pytestmark = [
    frozen_only,
    pytest.mark.skipif(sys.platform != "win32", reason="the Windows program only"),
]

DEMO_EXPORT = ["export", "--demo", "--unit", "高青县行政审批服务局", "--year", "2020", "-o"]
GUI, CONSOLE = 2, 3  # the PE optional header's Subsystem
RT_GROUP_ICON = 14


def pe_subsystem(path: Path) -> int:
    data = path.read_bytes()[:4096]
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe : pe + 4] == b"PE\0\0"
    return int.from_bytes(data[pe + 0x5C : pe + 0x5E], "little")


def test_a_double_click_opens_no_console_window(tmp_path: Path) -> None:
    # A console program double-clicked on Windows 11 leaves a terminal open (Windows Terminal
    # ignores the request to hide it), and closing it ends the program: nianbao.exe is windowed.
    # The command line uses nianbao-cli.exe, which prints in cmd.exe and PowerShell.
    assert pe_subsystem(ONEFILE) == GUI
    assert pe_subsystem(CLI) == CONSOLE
    # Given output pipes, as a script would, the windowed program prints all the same.
    target = tmp_path / "x.docx"
    result = run([ONEFILE, *DEMO_EXPORT, target], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout


def _version_strings(path: Path) -> dict[str, str]:
    pefile = pytest.importorskip("pefile")
    pe = pefile.PE(str(path), fast_load=False)
    strings: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", []):
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                strings.update({k.decode(): v.decode() for k, v in table.entries.items()})
    return strings


def _resource_types(path: Path) -> set[int]:
    pefile = pytest.importorskip("pefile")
    pe = pefile.PE(str(path), fast_load=False)
    return {entry.id for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries}


@pytest.mark.parametrize(
    ("program", "description"), [(ONEFILE, "年报编制器"), (CLI, "年报编制器（命令行）")]
)
def test_explorer_shows_the_name_version_and_icon(program: Path, description: str) -> None:
    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    strings = _version_strings(program)
    assert strings["FileDescription"] == description
    assert strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == program.name
    assert RT_GROUP_ICON in _resource_types(program)


def test_paths_longer_than_260_characters(tmp_path: Path) -> None:
    # The manifest says the program is long-path aware (Windows 10 honours it where long paths
    # are switched on); an office's deep shared folders must not stop an export or a read.
    for program in (ONEFILE, CLI):
        assert b"longPathAware" in program.read_bytes()
    deep = tmp_path
    while len(str(deep)) < 300:
        deep = deep / "政府信息公开工作年度报告各部门报送材料汇总"
    deep.mkdir(parents=True)
    target = deep / "高青县行政审批服务局2020年政府信息公开工作年度报告.docx"
    env = user_env(tmp_path / "home")
    exported = run([CLI, *DEMO_EXPORT, target], env, tmp_path)
    assert exported.returncode == 0, exported.stderr
    dumped = run([CLI, "dump", target], env, tmp_path)
    assert dumped.returncode == 0, dumped.stderr
    assert json.loads(dumped.stdout)["unit"] == "高青县行政审批服务局"


def test_the_command_line_prints_through_cmd(tmp_path: Path) -> None:
    # As a user types it in 命令提示符: cmd.exe hands the Chinese arguments on as Unicode,
    # and what the program prints comes back as UTF-8, whatever the console's code page.
    target = tmp_path / "高青2020.docx"
    env = user_env(tmp_path / "home")
    result = run(["cmd.exe", "/d", "/c", CLI, *DEMO_EXPORT, target], env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"已导出：{target}" in result.stdout
    result = run(["cmd.exe", "/d", "/c", CLI, "--help"], env, tmp_path)
    assert result.stdout.startswith("用法：nianbao")
