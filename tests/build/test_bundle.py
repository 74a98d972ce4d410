"""What the build ships: small, only the Qt parts the program loads, stripped, and a zip fallback.

A bloated one-file program starts slowly (it is unpacked at every start) and alarms antivirus
programs on government PCs. The folder build holds the same files as the one file, so its
contents are checked here.
"""

from __future__ import annotations

import stat
import struct
import sys
import zipfile
from pathlib import Path

import pytest

from tests.build.frozen import DIST, FOLDER, FOLDER_EXE, ONEFILE, frozen_only
from tests.build.scripts import build

pytestmark = frozen_only

LINUX = sys.platform.startswith("linux")
INTERNAL = FOLDER / "_internal"
QT = INTERNAL / "PySide6" / ("Qt" if sys.platform != "win32" else "")
# The 44 MB of a bare PySide6 window built the same way (measured on the Linux build machines),
# times the 1.2 the program may add.
ONEFILE_BUDGET_MB = 53
# QtNetwork for the local socket by which a second start brings the first window forward.
QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtNetwork"}


def test_the_one_file_stays_within_its_size_budget() -> None:
    if not LINUX:
        pytest.skip("the budget was measured on Linux")
    assert ONEFILE.stat().st_size <= ONEFILE_BUDGET_MB * 1_000_000


def test_only_the_qt_modules_the_program_uses() -> None:
    modules = {
        path.name.split(".")[0]
        for path in (INTERNAL / "PySide6").glob("Qt*.*")
        if path.suffix in (".so", ".pyd")
    }
    assert modules == QT_MODULES


def test_only_the_qt_plugins_the_program_loads() -> None:
    plugins = {
        f"{path.parent.name}/{path.name}" for path in (QT / "plugins").rglob("*") if path.is_file()
    }
    if LINUX:
        assert plugins == {
            "platforms/libqxcb.so",
            "platforms/libqoffscreen.so",
            "platforms/libqminimal.so",
            "platforminputcontexts/libibusplatforminputcontextplugin.so",
            "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
            "printsupport/libcupsprintersupport.so",
        }
    else:
        assert {p.split("/")[0] for p in plugins} <= {"platforms", "printsupport"}
        assert any(p.startswith("platforms/qwindows") for p in plugins)


def test_only_the_chinese_qt_translation() -> None:
    translations = sorted(path.name for path in (QT / "translations").iterdir())
    assert translations == ["qtbase_zh_CN.qm"]


def test_no_heavy_packages_that_the_program_does_not_use() -> None:
    for name in ("numpy", "pandas", "tkinter", "PIL", "pytest", "setuptools"):
        assert not (INTERNAL / name).exists(), name
    assert not list(INTERNAL.rglob("*opengl32sw*"))
    if LINUX:  # taken from the user's system (build.py: SYSTEM_LIBRARIES), or not needed
        assert not [
            p.name
            for p in INTERNAL.rglob("*")
            if p.name.startswith(("libcups.", "libgssapi_krb5.", "libkrb5.", "libcrypto."))
        ]


def test_pdfium_and_lxml_are_packed_in_the_one_file_and_plain_in_the_folder() -> None:
    from PyInstaller.archive.readers import CArchiveReader

    names = {name.replace("\\", "/") for name in CArchiveReader(str(ONEFILE)).toc}
    packed = sorted(
        name.split("/")[-1].split(".")[0]
        for name in names
        if name.endswith(".xz") and not name.endswith(".modules.xz")
    )
    assert packed == ["_elementpath", "etree", "libpdfium" if LINUX else "pdfium"]
    assert not [
        name for name in names if name.startswith("lxml/etree.") and not name.endswith(".xz")
    ]
    assert sorted(
        p.name.split(".")[0] for p in (INTERNAL / "lxml").iterdir() if p.suffix in (".so", ".pyd")
    ) == ["_elementpath", "etree"]


def test_the_packages_loaded_for_some_work_are_packed_in_the_one_file_only() -> None:
    from PyInstaller.archive.readers import CArchiveReader

    onefile = CArchiveReader(str(ONEFILE))
    archives = sorted(name for name in onefile.toc if name.endswith(".modules.xz"))
    # Windows' embeddable Python carries its standard library compiled, in a zip, and PyInstaller
    # takes those modules as they are: they stay in its archive there.
    compiled = {"email", "http", "xml"} if sys.platform == "win32" else set()
    packed = build.PACKED_PACKAGES - compiled
    assert archives == sorted(f"{name}.modules.xz" for name in packed)
    in_pyz = set(onefile.open_embedded_archive("PYZ.pyz").toc)
    assert not in_pyz & packed
    assert {"app", "app.domain", "ui", "ui.main_window", "json", "multiprocessing"} <= in_pyz
    folder = CArchiveReader(str(FOLDER_EXE))
    assert not [name for name in folder.toc if name.endswith(".modules.xz")]
    assert set(folder.open_embedded_archive("PYZ.pyz").toc) >= build.PACKED_PACKAGES


def test_the_resources_are_bundled() -> None:
    assert (INTERNAL / "resources" / "demo" / "gaoqing_2020.json").is_file()
    assert (INTERNAL / "resources" / "icons" / "nianbao.png").is_file()
    assert (INTERNAL / "docx" / "templates" / "default.docx").is_file()


def _elf_section_names(path: Path) -> set[str]:
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2:  # 64-bit ELF only
        return set()
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)

    def header(i: int) -> tuple[int, int, int]:
        base = shoff + i * shentsize
        (name,) = struct.unpack_from("<I", data, base)
        offset, size = struct.unpack_from("<QQ", data, base + 0x18)
        return name, offset, size

    _, strtab, _ = header(shstrndx)
    names = set()
    for i in range(shnum):
        name, _, _ = header(i)
        end = data.index(b"\0", strtab + name)
        names.add(data[strtab + name : end].decode("ascii", "replace"))
    return names


@pytest.mark.skipif(not LINUX, reason="symbols are stripped on Linux")
def test_the_libraries_are_stripped() -> None:
    libraries = [p for p in INTERNAL.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(libraries) > 20
    with_symbols = [p.name for p in libraries if ".symtab" in _elf_section_names(p)]
    assert with_symbols == []


def test_no_upx() -> None:
    # UPX-packed Qt plugins fail to load, and packed programs alarm antivirus programs.
    for path in [ONEFILE, *(QT / "plugins" / "platforms").iterdir()]:
        assert b"UPX!" not in path.read_bytes()[:4096], path.name


def test_the_folder_build_is_zipped_beside_the_one_file() -> None:
    (archive,) = DIST.glob("nianbao-*-folder.zip")
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        program = z.getinfo(f"nianbao/{FOLDER_EXE.name}")
    expected = {
        f"nianbao/{p.relative_to(FOLDER).as_posix()}"
        for p in FOLDER.rglob("*")
        if p.is_file() or p.is_symlink()
    }
    assert names == expected
    if LINUX:
        assert (program.external_attr >> 16) & stat.S_IXUSR  # unzips as an executable
