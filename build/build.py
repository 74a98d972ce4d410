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
import lzma
import marshal
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
# The Windows build (build/windows.sh, under Wine in the same checkout) keeps its own folders,
# so that it never mixes with the Linux build.
_PLATFORM_FOLDER = "windows" if sys.platform == "win32" else ""
WORK = ROOT / ".pyinstaller" / _PLATFORM_FOLDER
DIST = ROOT / "dist" / _PLATFORM_FOLDER
APP_NAME = "nianbao"
# On Windows nianbao.exe is a windowed program (a double-click opens no console window) and
# this one, its twin, a console program for cmd.exe and PowerShell.
CLI_NAME = "nianbao-cli"
FOLDER_NAME = "nianbao-folder"  # the one-folder build inside dist/, before it is zipped

# Modules that are importable here but that the program never needs. numpy and pandas are
# imported by sqlite-utils only if present (it works without them), and numpy alone costs
# 180–300 ms at every start; the rest are tools, test frameworks and GUI kits of the machine.
EXCLUDES = [
    "numpy",
    "pandas",
    "sqlite_dump",
    "pysqlite3",
    "sqlean",
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "pydoc",
    "pydoc_data",
    "doctest",
    "unittest",
    "lib2to3",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "test",
    "PIL",
    "IPython",
    "matplotlib",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "shiboken2",
    "curses",
    "_curses",
    "readline",
    "xmlrpc",
    "ftplib",
    "imaplib",
    "poplib",
    "smtplib",
    "mailbox",
    "telnetlib",
    "nntplib",
    "asyncio",
    # The Qt module PyInstaller adds because a used library links to its library; the library
    # stays, the Python module is never imported. (QtNetwork is kept: ui.single_window's
    # local socket, by which a second start brings the first window forward.)
    "PySide6.QtDBus",
    # Optional speed-ups and fallbacks never reached: uuid works without its C helper, and
    # dateutil's bundled time zones (reached through pkgutil, whose PyInstaller hook would
    # otherwise run at every start) serve only time zone look-ups.
    "_uuid",
    "dateutil.zoneinfo",
    # python-dateutil's time zone database (a quarter of a megabyte on Windows, where the
    # standard library has none of its own): for time zone look-ups too.
    "tzdata",
    # The program never goes on the network; the standard library's URL modules (reached
    # through xml.sax, which openpyxl uses) work without TLS.
    "ssl",
    "_ssl",
    # hashlib's OpenSSL module brings OpenSSL's libcrypto (4.7 MB, 1.9 MB packed); without it
    # hashlib uses Python's own MD5, SHA and BLAKE2, all the program and its libraries ask for.
    "_hashlib",
    # Parts of lxml that neither python-docx (lxml.etree) nor the web page reader
    # (lxml.html) uses.
    "lxml.objectify",
    "lxml.isoschematron",
    "lxml.sax",
    "lxml.cssselect",
    "lxml.ElementInclude",
    "lxml.builder",
    "lxml.html.diff",
    "lxml.html._difflib",
    "lxml.html.clean",
    "lxml.html.html5parser",
    "lxml.html.soupparser",
    "lxml.html.formfill",
    "lxml.html._diffcommand",
    "lxml.html.usedoctest",
    "lxml.usedoctest",
    "lxml.doctestcompare",
    "lxml.html.ElementSoup",
    "lxml.html._html5builder",
    # What only commands and helpers the program never calls import: pypdfium2's command
    # line prints with tabulate; lxml.html.open_in_browser and click's launch() open a browser.
    "tabulate",
    "webbrowser",
    # decimal's pure-Python twin, used only where its C module is missing (never in the build).
    "_pydecimal",
]

# Bytecode without asserts and docstrings: smaller modules, a little less to load at start.
# Nothing in the program reads a docstring (argparse texts are passed explicitly).
OPTIMIZE = 2

# ctypes is bundled on every system: the PDF reader reaches PDFium through it (pypdfium2). The
# bootloader then imports ctypes at every start, to redirect library look-ups into the bundle;
# benchmarks/startup.py measures what that costs.

# Qt plugins the program loads, by folder, by name without "lib" and extension. Everything else
# under plugins/ is left out: the program draws with Fusion and raster, reads and writes PNG
# only (built into QtGui), and uses no network, SQL, SVG, OpenGL or Wayland plugin.
KEEP_PLUGINS = {
    # offscreen and minimal: the smoke tests and screenshots without a display.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    # Chinese input methods on Linux (IBus, and fcitx5 through its IBus front end).
    "platforminputcontexts": {
        "ibusplatforminputcontextplugin",
        "composeplatforminputcontextplugin",
    },
    # Printer lists on Linux (CUPS); on Windows printing is built into QtPrintSupport.
    "printsupport": {"cupsprintersupport"},
}
KEEP_TRANSLATIONS = {"qtbase_zh_CN.qm"}  # ui/app.py loads Qt's own texts in Chinese
# Data files collected but never opened by the program. Each one would be unpacked at every
# start of the one-file program: the README's screenshots, the .ico (the executable carries it;
# the window uses the .png), python-docx's template in unzipped form (it opens default.docx),
# dateutil's time zone archive (sqlite-utils parses dates only), click's metadata and
# type-checker markers.
DROP_DATA = re.compile(
    r"^(resources/screenshots/|resources/icons/.*\.ico$"
    r"|docx/templates/default-docx-template/"
    r"|dateutil/zoneinfo/.*\.tar\.gz$|click-[^/]*\.dist-info/|.*/py\.typed$)"
)
# Roots for the shared-library walk that nothing links to: Python itself, started by the
# bootloader, and the C runtime on Windows.
# PDFium too: pypdfium2 opens it with ctypes, so nothing links to it.
ALWAYS_KEEP = re.compile(
    r"^(lib)?python3|^(vcruntime|msvcp|ucrtbase|api-ms-win)|^(lib)?pdfium"
    r"|^(lib)?nianbao_pdfwalk",  # loaded by ctypes (app.readers.pdf_native): nothing links to it
    re.IGNORECASE,
)
# Software OpenGL and Direct3D shader compilers that Qt collects on Windows; widgets paint
# with the raster engine.
DROP_LIBRARIES = re.compile(r"^(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
# Libraries taken from the user's own system, not bundled: the CUPS client must match the
# machine's printing service, and it would bring 8 MB of TLS and Kerberos libraries along.
# Every Linux desktop has it; where it is missing, printing lists no printers (PDF still works).
# Kerberos (GSSAPI, 0.7 MB with what it links to) comes to QtNetwork for web log-ins; the program
# uses only its local socket. The CUPS client needs it too, so a desktop that prints has it;
# where it is missing, QtNetwork does not load and a second start is told without bringing the
# first window forward (ui/app.py: settle).
SYSTEM_LIBRARIES = re.compile(r"^(libcups|libgssapi_krb5)\.so")

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


def version_info_text(version: str, name: str = APP_NAME) -> str:
    """The Windows version resource in PyInstaller's format: what Explorer shows in 属性 > 详细信息.

    Language 0x0804 (Chinese, PRC) with code page 1200 (Unicode). `name`: nianbao or nianbao-cli.
    """
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Nianbao",
        "FileDescription": "年报编制器（命令行）" if name == CLI_NAME else "年报编制器",
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{name}.exe",
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


def write_version_info(target: Path, version: str | None = None, name: str = APP_NAME) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version_info_text(version or package_version(), name), encoding="utf-8")
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
    kept_binaries = keep_linked(
        [
            entry
            for entry in binaries
            if keep_qt_file(entry[0]) and not DROP_LIBRARIES.match(_parts(entry[0])[-1])
        ]
    )
    kept_datas = [
        entry
        for entry in datas
        if keep_qt_file(entry[0]) and not DROP_DATA.match(_parts_path(entry[0]))
    ]
    names = {entry[0] for entry in kept_binaries + kept_datas if entry[2] != "SYMLINK"}
    kept_datas = [
        entry for entry in kept_datas if entry[2] != "SYMLINK" or _link_target(entry) in names
    ]
    return kept_binaries, kept_datas


# The largest compiled parts only the program carries, PDFium (7 MB stripped) and lxml's
# modules (5 MB), are loaded only when a PDF or a Word file or web page is read. In the one file
# they are packed with xz, a quarter smaller than PyInstaller's zlib, and unpacked into the
# program's temporary folder when their package is first imported (build/rth_packed.py); the
# folder build keeps them as they are.
PACKED_LIBRARY = re.compile(
    r"(^|/)(lib)?pdfium\.(so|dll|dylib)$"
    r"|^lxml/(etree|_elementpath)\.[^/]+\.(so|pyd)$",
    re.IGNORECASE,
)
PACKED_SUFFIX = ".xz"
# x86 machine code compresses 5% smaller (200 KB over PDFium and lxml) with xz's branch filter
# in front, which the .xz file records: unpacking needs nothing more.
_MACHINE_CODE = [
    {"id": lzma.FILTER_X86},
    {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME},
]


def packed_libraries(
    binaries: Iterable[Entry], workpath: Path, strip: bool
) -> tuple[list[Entry], list[Entry]]:
    """The binaries without PACKED_LIBRARY, and data entries carrying them packed with xz
    (stripped first where the build strips, as PyInstaller would strip them)."""
    kept: list[Entry] = []
    packed: list[Entry] = []
    for name, source, kind in binaries:
        if not PACKED_LIBRARY.search(_parts_path(name)):
            kept.append((name, source, kind))
            continue
        workpath.mkdir(parents=True, exist_ok=True)
        plain = workpath / _parts(name)[-1]
        shutil.copyfile(source, plain)
        if strip:
            subprocess.run(["strip", str(plain)], check=True)
        target = plain.with_name(plain.name + PACKED_SUFFIX)
        target.write_bytes(lzma.compress(plain.read_bytes(), filters=_MACHINE_CODE))
        packed.append((name + PACKED_SUFFIX, str(target), "DATA"))
    return kept, packed


# The pure-Python packages loaded only when their work is asked for: python-docx (a Word file
# written or read), openpyxl (a workbook), sqlite-utils and what it imports (the first write to
# the database), pypdfium2 (a PDF read); the standard library's e-mail, HTTP and XML packages
# (reached through openpyxl and sqlite-utils' plugin look-up); and the program's own readers,
# Word writer, county work, manual and grid. In the one file each package's compiled modules
# are one xz archive, a third smaller than PyInstaller's module-by-module zlib, which
# build/rth_packed.py opens on the package's first import and serves from memory; the folder
# build keeps them in PyInstaller's archive. (multiprocessing is not among them: PyInstaller's
# own run-time hook imports it at every start.)
PACKED_PACKAGES = frozenset(
    {
        "docx",
        "openpyxl",
        "et_xmlfile",
        "sqlite_utils",
        "click",
        "dateutil",
        "pluggy",
        "pypdfium2",
        "pypdfium2_raw",
        "email",
        "http",
        "xml",
        "app.readers",
        "app.docx_writer",
        "app.county",
        "app.guide",
        "ui.grid",
    }
)
MODULES_SUFFIX = ".modules.xz"


def packed_modules(
    pure: Iterable[Entry], workpath: Path, optimize: int
) -> tuple[list[Entry], list[Entry]]:
    """Analysis' pure modules without those of PACKED_PACKAGES, and data entries carrying each
    of those packages as `<package>.modules.xz`: an xz-compressed marshal of {module name:
    (whether it is a package, its marshalled code)}, compiled as PyInstaller compiles (at the
    entry's optimisation level, else `optimize`) by the Python that runs the build, which is the
    frozen program's."""
    kept: list[Entry] = []
    packages: dict[str, dict[str, tuple[bool, bytes]]] = {}
    for name, source, kind in pure:
        top = _packed_package(name)
        module_kind, _, level = kind.partition("-")  # "PYMODULE-2": optimised as -OO
        if top is None or module_kind != "PYMODULE" or not source.endswith(".py"):
            kept.append((name, source, kind))
            continue
        is_package = PurePath(source).name == "__init__.py"
        shown = "/".join(name.split(".")) + ("/__init__.py" if is_package else ".py")
        code = compile(
            Path(source).read_bytes(),
            shown,
            "exec",
            optimize=int(level) if level else optimize,
            dont_inherit=True,
        )
        packages.setdefault(top, {})[name] = (is_package, marshal.dumps(code))
    packed: list[Entry] = []
    for top, modules in sorted(packages.items()):
        workpath.mkdir(parents=True, exist_ok=True)
        target = workpath / f"{top}{MODULES_SUFFIX}"
        target.write_bytes(lzma.compress(marshal.dumps(modules), preset=9 | lzma.PRESET_EXTREME))
        packed.append((target.name, str(target), "DATA"))
    return kept, packed


def _packed_package(module: str) -> str | None:
    """The package of PACKED_PACKAGES that `module` is or belongs to."""
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        if ".".join(parts[:length]) in PACKED_PACKAGES:
            return ".".join(parts[:length])
    return None


# PyInstaller's run-time hooks that the program does in its own way, not at every start:
# PySide6's imports Qt (build/rth_qt_paths.py instead), multiprocessing's imports
# multiprocessing, pickle, socket and subprocess (build/entry.py turns a process started as a
# worker into one, and imports multiprocessing only then).
REPLACED_RUNTIME_HOOKS = frozenset({"pyi_rth_pyside6", "pyi_rth_multiprocessing"})


def without_replaced_runtime_hooks(scripts: Iterable[Entry]) -> list[Entry]:
    """The scripts run at start without REPLACED_RUNTIME_HOOKS."""
    return [entry for entry in scripts if entry[0] not in REPLACED_RUNTIME_HOOKS]


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
        out = subprocess.run(
            ["objdump", "-p", path], capture_output=True, text=True, check=True
        ).stdout
        return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    return [PurePath(name.replace("\\", "/")).name for name, _path in get_imports(path)]


def _is_root(entry: Entry) -> bool:
    name, _source, kind = entry
    # Python extension modules, the Qt plugins that survived, and what the bootloader loads.
    return (
        kind == "EXTENSION"
        or "plugins" in _parts(name)
        or bool(ALWAYS_KEEP.match(_parts(name)[-1]))
    )


# --- Building ----------------------------------------------------------------------------


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def executable_name(name: str = APP_NAME) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def run_pyinstaller(spec: Path, workpath: Path, distpath: Path, clean: bool = False) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(spec),
        "--noconfirm",
        "--workpath",
        str(workpath),
        "--distpath",
        str(distpath),
        "--log-level",
        "WARN",
    ]
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


def programs() -> list[str]:
    """The one-file programs the build makes here: the windowed one and, on Windows, its
    console twin."""
    return [APP_NAME, CLI_NAME] if sys.platform == "win32" else [APP_NAME]


def release_files(distpath: Path = DIST) -> list[Path]:
    """Copies named for a download page: nianbao[-cli]-<version>-<platform>[.exe] and the zip."""
    folder = distpath / "release"
    folder.mkdir(exist_ok=True)
    suffix = ".exe" if sys.platform == "win32" else ""
    copies = []
    for name in programs():
        copy = folder / f"{name}-{package_version()}-{platform_tag()}{suffix}"
        shutil.copy2(distpath / executable_name(name), copy)
        copies.append(copy)
    archive = folder_zip_path(distpath)
    shutil.copy2(archive, folder / archive.name)
    return [*copies, folder / archive.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build dist/nianbao and the zipped one-folder build."
    )
    parser.add_argument(
        "--clean", action="store_true", help="ignore PyInstaller's cache in .pyinstaller/"
    )
    parser.add_argument("--no-zip", action="store_true", help="leave the one-folder build unzipped")
    parser.add_argument(
        "--release",
        action="store_true",
        help="also copy both to dist/release/ under names with version and platform",
    )
    parser.add_argument("--version", action="store_true", help="print the package version and stop")
    args = parser.parse_args(argv)
    if args.version:
        print(package_version())
        return 0

    started = time.perf_counter()
    # The PDF reader's C walk, which the spec bundles; for Windows, build/windows.sh has built it
    # with MinGW on the Linux side (there is no compiler in Wine's Windows).
    native = [sys.executable, str(ROOT / "build" / "native.py")]
    subprocess.run(native + (["--windows"] if sys.platform == "win32" else []), check=True)
    run_pyinstaller(SPEC, WORK, DIST, clean=args.clean)
    for name in programs():
        onefile = DIST / executable_name(name)
        print(f"{onefile.relative_to(ROOT)}: {megabytes(onefile.stat().st_size)}")
    folder = DIST / FOLDER_NAME
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
