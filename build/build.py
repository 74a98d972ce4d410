"""Build the program for the user: `python build/build.py`.

Produces, from build/nianbao.spec:
- dist/nianbao (dist\\nianbao.exe on Windows): the one file users double-click;
- dist/nianbao-<version>-<platform>-folder.zip: the same program as a folder, for PCs whose
  antivirus blocks one-file programs (they unpack to a temporary folder at every start).

PyInstaller's work files go to .pyinstaller/ and its output to dist/, never into build/ (which
holds the sources of the build). The helpers below are shared by the spec and by
benchmarks/startup.py, so the bare window it compares against is slimmed in the same way.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "nianbao.spec"
WORK = ROOT / ".pyinstaller"
DIST = ROOT / "dist"
APP_NAME = "nianbao"
FOLDER_NAME = "nianbao-folder"  # the one-folder build inside dist/, before it is zipped

# Modules that are importable here but that the program never needs. numpy and pandas are
# imported by sqlite-utils only if present (it works without them), and numpy alone costs
# 180–300 ms at every start; the rest are tools, test frameworks and GUI kits of the machine.
EXCLUDES = [
    "numpy", "pandas", "sqlite_dump", "pysqlite3", "sqlean",
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc", "pydoc_data", "doctest",
    "unittest", "lib2to3", "distutils", "setuptools", "pkg_resources", "pip", "test",
    "PIL", "IPython", "matplotlib", "pytest", "_pytest", "hypothesis", "mypy", "ruff",
    "PyQt5", "PyQt6", "PySide2", "shiboken2",
    "curses", "_curses", "readline", "xmlrpc", "ftplib", "imaplib", "poplib", "smtplib",
    "mailbox", "telnetlib", "nntplib", "multiprocessing", "concurrent", "asyncio",
    # The Qt modules PyInstaller adds because a used library links to theirs; the libraries
    # stay, the Python modules are never imported (PySide6 tries QtNetwork only for OpenSSL
    # in a folder this program does not have).
    "PySide6.QtNetwork", "PySide6.QtDBus",
    # Optional speed-ups and fallbacks never reached: uuid works without its C helper, and
    # dateutil's bundled time zones (reached through pkgutil, whose PyInstaller hook would
    # otherwise run at every start) serve only time zone look-ups.
    "_uuid", "dateutil.zoneinfo",
    # The program never goes on the network; the standard library's URL modules (reached
    # through xml.sax, which openpyxl uses) work without TLS.
    "ssl", "_ssl",
    # Parts of lxml that python-docx does not use (it needs lxml.etree only).
    "lxml.html", "lxml.objectify", "lxml.isoschematron", "lxml.sax", "lxml.cssselect",
    "lxml.ElementInclude", "lxml.builder",
]

# Bytecode without asserts and docstrings: smaller modules, a little less to load at start.
# Nothing in the program reads a docstring (argparse texts are passed explicitly).
OPTIMIZE = 2

if sys.platform != "win32":
    # Only Windows code paths use ctypes here (platformdirs, click's console); elsewhere
    # PyInstaller would import it at every start to redirect library look-ups.
    EXCLUDES.append("ctypes")

# Qt plugins the program loads, by folder, by name without "lib" and extension. Everything else
# under plugins/ is left out: the program draws with Fusion and raster, reads and writes PNG
# only (built into QtGui), and uses no network, SQL, SVG, OpenGL or Wayland plugin.
KEEP_PLUGINS = {
    # offscreen and minimal: the smoke tests and screenshots without a display.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    # Chinese input methods on Linux (IBus, and fcitx5 through its IBus front end).
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    # Printer lists on Linux (CUPS); on Windows printing is built into QtPrintSupport.
    "printsupport": {"cupsprintersupport"},
}
KEEP_TRANSLATIONS = {"qtbase_zh_CN.qm"}  # ui/app.py loads Qt's own texts in Chinese
# Data files collected but never opened by the program. Each one would be unpacked at every
# start of the one-file program: the README's screenshots, the .ico (the executable carries it;
# the window uses the .png), python-docx's template in unzipped form (it opens default.docx),
# dateutil's time zone archive (sqlite-utils parses dates only), click's metadata and
# type-checker markers.
DROP_DATA = re.compile(r"^(resources/screenshots/|resources/icons/.*\.ico$"
                       r"|docx/templates/default-docx-template/"
                       r"|dateutil/zoneinfo/.*\.tar\.gz$|click-[^/]*\.dist-info/|.*/py\.typed$)")
# Roots for the shared-library walk that nothing links to: Python itself, started by the
# bootloader, and the C runtime on Windows.
ALWAYS_KEEP = re.compile(r"^(lib)?python3|^(vcruntime|msvcp|ucrtbase|api-ms-win)", re.IGNORECASE)
# Software OpenGL and Direct3D shader compilers that Qt collects on Windows; widgets paint
# with the raster engine.
DROP_LIBRARIES = re.compile(r"^(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
# Libraries taken from the user's own system, not bundled: the CUPS client must match the
# machine's printing service, and it would bring 8 MB of TLS and Kerberos libraries along.
# Every Linux desktop has it; where it is missing, printing lists no printers (PDF still works).
SYSTEM_LIBRARIES = re.compile(r"^libcups\.so")

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (name in the bundle, source, kind)


def package_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        version: str = tomllib.load(f)["project"]["version"]
    return version


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' file version: "0.1.0" -> (0, 1, 0, 0); "1.2rc1" -> (1, 2, 0, 0)."""
    release = re.match(r"\d+(\.\d+)*", version)
    numbers = [int(part) for part in release.group().split(".")] if release else []
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_info_text(version: str) -> str:
    """The Windows version resource in PyInstaller's format: what Explorer shows in 属性 > 详细信息.

    Language 0x0804 (Chinese, PRC) with code page 1200 (Unicode).
    """
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Nianbao",
        "FileDescription": "年报编制器",
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "年报编制器 Nianbao",
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"            StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# Generated by build/build.py from the version in pyproject.toml.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{string_structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_info(target: Path, version: str | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version_info_text(version or package_version()), encoding="utf-8")
    return target


# --- Slimming the collected files (used by the spec) -------------------------------------


def _parts(name: str) -> tuple[str, ...]:
    return PurePath(name.replace("\\", "/")).parts


def _parts_path(name: str) -> str:
    return "/".join(_parts(name))


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(name: str) -> bool:
    """Whether a file PyInstaller collected under PySide6/ belongs in the program."""
    parts = _parts(name)
    if not parts or parts[0] != "PySide6":
        return True
    if "plugins" in parts:
        at = parts.index("plugins")
        if len(parts) < at + 3:
            return False
        kind, filename = parts[at + 1], parts[-1]
        return _plugin_stem(filename) in KEEP_PLUGINS.get(kind, set())
    if "translations" in parts:
        return parts[-1] in KEEP_TRANSLATIONS
    return True


def slim(binaries: Iterable[Entry], datas: Iterable[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Analysis' binaries and datas without what the program never loads.

    Qt plugins are cut to KEEP_PLUGINS and translations to KEEP_TRANSLATIONS; then only the
    libraries something kept still links to remain: PyInstaller collected the libraries of every
    plugin of the used Qt modules (Wayland, EGL, GTK, SVG, PDF…), dead weight once those plugins
    are gone. PyInstaller's symbolic links (among the datas) go with the files they point to.
    """
    kept_binaries = keep_linked([
        entry for entry in binaries
        if keep_qt_file(entry[0]) and not DROP_LIBRARIES.match(_parts(entry[0])[-1])
    ])
    kept_datas = [entry for entry in datas
                  if keep_qt_file(entry[0]) and not DROP_DATA.match(_parts_path(entry[0]))]
    names = {entry[0] for entry in kept_binaries + kept_datas if entry[2] != "SYMLINK"}
    kept_datas = [entry for entry in kept_datas
                  if entry[2] != "SYMLINK" or _link_target(entry) in names]
    return kept_binaries, kept_datas


def without_qt_runtime_hook(scripts: Iterable[Entry]) -> list[Entry]:
    """The scripts run at start without PyInstaller's PySide6 hook (build/rth_qt_paths.py instead)."""
    return [entry for entry in scripts if entry[0] != "pyi_rth_pyside6"]


def _link_target(entry: Entry) -> str:
    name, target, _kind = entry
    return os.path.normpath(PurePath(name).parent / target)


def keep_linked(binaries: list[Entry]) -> list[Entry]:
    """The binaries reachable through the libraries each one links to, from the roots."""
    by_base: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_base.setdefault(_parts(entry[0])[-1].lower(), []).append(entry)
    reached: set[str] = set()
    pending = [entry for entry in binaries if _is_root(entry)]
    while pending:
        entry = pending.pop()
        if entry[0] in reached:
            continue
        reached.add(entry[0])
        for imported in linked_libraries(entry[1]):
            if SYSTEM_LIBRARIES.match(imported):
                continue
            pending += [t for t in by_base.get(imported.lower(), []) if t[0] not in reached]
    dropped = sorted(_parts(entry[0])[-1] for entry in binaries if entry[0] not in reached)
    if dropped:
        print(f"nianbao build: left out {len(dropped)} libraries: " + ", ".join(dropped))
    return [entry for entry in binaries if entry[0] in reached]


def linked_libraries(path: str) -> list[str]:
    """The names of the libraries a binary links to directly (not what those link to)."""
    if sys.platform.startswith("linux"):
        # ldd (PyInstaller's way on Linux) lists the whole tree, which would keep everything.
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True,
                             check=True).stdout
        return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    return [PurePath(name.replace("\\", "/")).name for name, _path in get_imports(path)]


def _is_root(entry: Entry) -> bool:
    name, _source, kind = entry
    # Python extension modules, the Qt plugins that survived, and what the bootloader loads.
    return kind == "EXTENSION" or "plugins" in _parts(name) or bool(ALWAYS_KEEP.match(_parts(name)[-1]))


# --- Building ----------------------------------------------------------------------------


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def executable_name(name: str = APP_NAME) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def run_pyinstaller(spec: Path, workpath: Path, distpath: Path, clean: bool = False) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm",
               "--workpath", str(workpath), "--distpath", str(distpath), "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def zip_folder(folder: Path, target: Path) -> Path:
    """The one-folder build as a zip whose top folder is `nianbao/`.

    Permissions are kept (the executable stays executable when unzipped on Linux), and
    PyInstaller's symbolic links stay links instead of becoming second copies.
    """
    temp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(folder.rglob("*")):
            arcname = f"{APP_NAME}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                info = zipfile.ZipInfo(arcname, date_time=_zip_time(path))
                info.create_system = 3  # Unix, so that unzip reads the mode as a link
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                z.writestr(info, os.readlink(path))
            elif path.is_file():
                info = zipfile.ZipInfo.from_file(path, arcname)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, path.read_bytes(), compresslevel=6)
    os.replace(temp, target)
    return target


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    t = time.localtime(max(path.lstat().st_mtime, 315532800))  # zip cannot hold dates before 1980
    return t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec


def folder_zip_path(distpath: Path = DIST) -> Path:
    return distpath / f"{APP_NAME}-{package_version()}-{platform_tag()}-folder.zip"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def release_files(distpath: Path = DIST) -> list[Path]:
    """Copies named for a download page: nianbao-<version>-<platform>[.exe] and the zip."""
    folder = distpath / "release"
    folder.mkdir(exist_ok=True)
    suffix = ".exe" if sys.platform == "win32" else ""
    onefile = folder / f"{APP_NAME}-{package_version()}-{platform_tag()}{suffix}"
    shutil.copy2(distpath / executable_name(), onefile)
    archive = folder_zip_path(distpath)
    shutil.copy2(archive, folder / archive.name)
    return [onefile, folder / archive.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/nianbao and the zipped one-folder build.")
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache in .pyinstaller/")
    parser.add_argument("--no-zip", action="store_true", help="leave the one-folder build unzipped")
    parser.add_argument("--release", action="store_true",
                        help="also copy both to dist/release/ under names with version and platform")
    parser.add_argument("--version", action="store_true", help="print the package version and stop")
    args = parser.parse_args(argv)
    if args.version:
        print(package_version())
        return 0

    started = time.perf_counter()
    run_pyinstaller(SPEC, WORK, DIST, clean=args.clean)
    onefile = DIST / executable_name()
    folder = DIST / FOLDER_NAME
    print(f"{onefile.relative_to(ROOT)}: {megabytes(onefile.stat().st_size)}")
    print(f"{folder.relative_to(ROOT)}/: {megabytes(folder_size(folder))}")
    if not args.no_zip:
        target = zip_folder(folder, folder_zip_path())
        print(f"{target.relative_to(ROOT)}: {megabytes(target.stat().st_size)}")
        if args.release:
            for path in release_files():
                print(f"{path.relative_to(ROOT)}")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
