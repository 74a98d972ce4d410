"""The build's own rules, checked without building: the version resource and what is cut."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.paths import REPO


def _helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nianbao_build", REPO / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _helpers()


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2rc1", (1, 2, 0, 0)),
    ("2025.1.2.3.4", (2025, 1, 2, 3)),
    ("3", (3, 0, 0, 0)),
])
def test_windows_file_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert build.version_numbers(version) == numbers


def test_the_version_resource_names_the_program_in_chinese(tmp_path: Path) -> None:
    # What Explorer shows under 属性 > 详细信息 for nianbao.exe.
    text = build.write_version_info(tmp_path / "version_info.txt", "1.4.2").read_text("utf-8")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    strings = {node.args[0].value: node.args[1].value for node in ast.walk(call)
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
               and node.func.id == "StringStruct"
               and all(isinstance(a, ast.Constant) for a in node.args)}
    assert strings["FileDescription"] == "年报编制器"
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "nianbao.exe"
    assert "filevers=(1, 4, 2, 0)" in text


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller reads version resources on Windows")
def test_pyinstaller_reads_the_version_resource(tmp_path: Path) -> None:
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    path = build.write_version_info(tmp_path / "version_info.txt", "0.1.0")
    assert versioninfo.load_version_info_from_text_file(str(path)).toRaw()


@pytest.mark.parametrize(("name", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6\\translations\\qtbase_zh_CN.qm", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("docx/templates/default.docx", True),
])
def test_qt_files_kept(name: str, kept: bool) -> None:
    assert build.keep_qt_file(name) is kept


@pytest.mark.parametrize(("name", "dropped"), [
    ("resources/screenshots/main_window.png", True),
    ("resources/icons/nianbao.ico", True),
    ("resources/icons/nianbao.png", False),
    ("resources/demo/gaoqing_2020.json", False),
    ("docx/templates/default-docx-template/word/styles.xml", True),
    ("docx/templates/default.docx", False),
    ("dateutil/zoneinfo/dateutil-zoneinfo.tar.gz", True),
])
def test_data_never_opened_is_left_out(name: str, dropped: bool) -> None:
    assert bool(build.DROP_DATA.match(name)) is dropped


def test_pyinstallers_qt_hook_is_replaced_by_the_programs_own() -> None:
    # PyInstaller's hook would import Qt at every start, also for the command line.
    scripts = [("pyi_rth_inspect", "a.py", "PYSOURCE"), ("pyi_rth_pyside6", "b.py", "PYSOURCE"),
               ("rth_qt_paths", "c.py", "PYSOURCE"), ("entry", "d.py", "PYSOURCE")]
    names = [name for name, _, _ in build.without_qt_runtime_hook(scripts)]
    assert names == ["pyi_rth_inspect", "rth_qt_paths", "entry"]
