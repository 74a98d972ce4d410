"""The one-file program against a bare PySide6 window frozen the same way: size and start-up.

Builds, in this run, both one-file executables with the same PyInstaller options (the helpers
of build/build.py: same excludes, the same cut of Qt plugins, translations and libraries,
symbols stripped, no UPX):
- the program, by `python build/build.py` (into dist/);
- a bare window: a QMainWindow of the program's size that exits at its first paint.
Then it starts each one several times, interleaved (machines here are noisy), offscreen, and
prints the size and the median time from starting the process to the end of the first paint
of the window (each prints a line then; closing and exiting are not counted), with the ratios.
Each start of a one-file program unpacks it to a fresh temporary folder, so every start pays
the unpacking; the files themselves are in the page cache after the first run (dropping it
needs root and is not done here). Where the system tells it (Linux, macOS), it also prints the
peak memory (resident set) of each run, which opens the window and closes it again.

The program is started as a user starts it, with no arguments but `--smoke`: its database in
the user data folder is a copy of the demo's, so the window reopens the report last open there,
on its front page. A second copy left with table 3 open shows the cost of the grid as well.

The Windows program is built under Wine by build/windows.sh, which with --benchmark also builds
the bare window there (`python benchmarks/startup.py --size-only` in the Windows Python): when
both are in dist/windows and .pyinstaller/windows, their sizes are printed too. Start-up times
under Wine say nothing about Windows, so only the sizes are compared.

Run from the repository root:  python benchmarks/startup.py [--starts N] [--no-build] [--size-only]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from timing import BARE_WINDOW

from app.store import DB_FILE_NAME

ROOT = Path(__file__).resolve().parents[1]
# As build/build.py keeps the Windows build apart from the Linux one in the same checkout.
BARE_WORK = ROOT / ".pyinstaller" / ("windows" if sys.platform == "win32" else "") / "bare"
WINDOWS_ONEFILES = (
    ROOT / "dist" / "windows" / "nianbao.exe",
    ROOT / ".pyinstaller" / "windows" / "bare" / "dist" / "bare.exe",
)
SIZE_TARGET, START_TARGET = 1.2, 1.3


# The same steps as build/nianbao.spec, for the bare window.
BARE_SPEC = """import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("nianbao_build", {build_py!r})
helpers = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = helpers
spec.loader.exec_module(helpers)
a = Analysis([{script!r}], excludes=helpers.EXCLUDES, optimize=helpers.OPTIMIZE)
a.binaries, a.datas = helpers.slim(a.binaries, a.datas)
pyz = PYZ(a.pure)
strip = sys.platform.startswith("linux")
# Windowed on Windows, as nianbao.exe is.
EXE(pyz, a.scripts, a.binaries, a.datas, [], name="bare", strip=strip, upx=False,
    console=sys.platform != "win32", runtime_tmpdir=None)
folder_exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare-folder", strip=strip,
                 upx=False, console=True)
COLLECT(folder_exe, a.binaries, a.datas, strip=strip, upx=False, name="bare-folder")
"""


def build_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nianbao_build", ROOT / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build_bare(helpers: ModuleType) -> Path:
    BARE_WORK.mkdir(parents=True, exist_ok=True)
    script = BARE_WORK / "bare_window.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    spec = BARE_WORK / "bare.spec"
    spec.write_text(
        BARE_SPEC.format(build_py=str(ROOT / "build" / "build.py"), script=str(script)),
        encoding="utf-8",
    )
    helpers.run_pyinstaller(spec, BARE_WORK / "work", BARE_WORK / "dist")
    program: Path = BARE_WORK / "dist" / helpers.executable_name("bare")
    return program


@dataclass(frozen=True)
class Start:
    seconds: float  # from starting the process to the end of the first paint
    peak_mb: float | None  # the most memory the run held (None: the system does not say)


def timed_start(command: list[str], env: dict[str, str]) -> Start:
    """One run to the first paint: both programs print a line then (`nianbao --smoke` says
    窗口已显示), so closing the window and exiting are not counted in the time."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        process.stdout.read()
        peak_mb = None
        if hasattr(os, "wait4"):
            # The one-file program is a small launcher waiting for the program itself: the
            # peak of a process covers the children it waited for.
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            peak_mb = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
        else:
            process.wait()
        if process.returncode != 0 or not line:
            errors.seek(0)
            raise SystemExit(
                f"{command[0]} failed ({process.returncode}):\n"
                + errors.read().decode(errors="replace")
            )
    return Start(elapsed, peak_mb)


def measure(
    programs: dict[str, list[str]], starts: int, env: dict[str, str]
) -> dict[str, list[Start]]:
    """The starts of each program, in turn so that noise hits all alike."""
    for command in programs.values():
        timed_start(command, env)  # file cache warm, the window's position remembered
    runs: dict[str, list[Start]] = {name: [] for name in programs}
    for _ in range(starts):
        for name, command in programs.items():
            runs[name].append(timed_start(command, env))
    return runs


def report(
    kind: str, ours_size: int, bare_size: int, ours: list[Start], bare: list[Start], targets: bool
) -> None:
    ours_times, bare_times = [r.seconds for r in ours], [r.seconds for r in bare]
    ours_start, bare_start = statistics.median(ours_times), statistics.median(bare_times)
    size_ratio, start_ratio = ours_size / bare_size, ours_start / bare_start
    print(f"{kind}: size, start to first paint ({len(ours)} starts each, median)")
    print(
        f"  bare PySide6 window  {bare_size / 1e6:7.1f} MB  {bare_start:6.3f} s"
        f"  (min {min(bare_times):.3f}, max {max(bare_times):.3f})"
    )
    print(
        f"  nianbao              {ours_size / 1e6:7.1f} MB  {ours_start:6.3f} s"
        f"  (min {min(ours_times):.3f}, max {max(ours_times):.3f})"
    )
    verdict = ""
    if targets:
        verdict = (
            f"   targets ≤ {SIZE_TARGET}× and ≤ {START_TARGET}×: "
            f"size {'met' if size_ratio <= SIZE_TARGET else 'NOT met'}, "
            f"start-up {'met' if start_ratio <= START_TARGET else 'NOT met'}"
        )
    print(f"  ratio                {size_ratio:7.2f}×     {start_ratio:6.2f}×{verdict}")
    ours_peaks = [r.peak_mb for r in ours if r.peak_mb is not None]
    bare_peaks = [r.peak_mb for r in bare if r.peak_mb is not None]
    if ours_peaks and bare_peaks:
        ours_peak, bare_peak = statistics.median(ours_peaks), statistics.median(bare_peaks)
        print(
            f"  peak memory (median): bare {bare_peak:.0f} MB, nianbao {ours_peak:.0f} MB,"
            f" ratio {ours_peak / bare_peak:.2f}×"
        )


def leave_on_table_3(db: Path) -> None:
    """Store table 3 as the part last open. In a process of its own: a child starts with its
    parent's memory counted in its peak, so this one keeps Qt and sqlite-utils out of itself."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys\n"
                "from app.store import Store\n"
                "from ui.window_position import LAST_PART\n"
                "with Store.open(sys.argv[1]) as store:\n"
                "    store.set_setting(LAST_PART, '3')\n"
            ),
            str(db),
        ],
        check=True,
        cwd=ROOT,
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def size_line(kind: str, ours: int, bare: int) -> str:
    ratio = ours / bare
    verdict = "met" if ratio <= SIZE_TARGET else "NOT met"
    return (
        f"{kind}: nianbao {ours / 1e6:.1f} MB, bare PySide6 window {bare / 1e6:.1f} MB,"
        f" ratio {ratio:.2f}× (target ≤ {SIZE_TARGET}×: {verdict})"
    )


def carried_beyond(ours: Path, bare: Path, shown: int = 8) -> str:
    """The largest parts of the one file that the bare window does not carry, as packed in it:
    where the size over the bare window goes. Needs PyInstaller (the build's Python)."""
    from PyInstaller.archive.readers import CArchiveReader

    def packed(program: Path) -> dict[str, int]:
        # A table entry: (offset, packed size, unpacked size, compressed, kind).
        return {
            name.replace("\\", "/"): entry[1]
            for name, entry in CArchiveReader(str(program)).toc.items()
        }

    theirs = packed(bare)
    extra = sorted(
        ((size - theirs.get(name, 0), name) for name, size in packed(ours).items()), reverse=True
    )
    parts = [
        f"{'Python modules' if name == 'PYZ.pyz' else name} {size / 1e6:.2f}"
        for size, name in extra[:shown]
        if size > 0
    ]
    return f"  beyond the bare window (MB, as packed): {', '.join(parts)}"


def windows_size_line() -> str | None:
    """The Windows one-file program against the bare window built the same way under Wine."""
    ours, bare = WINDOWS_ONEFILES
    if not (ours.exists() and bare.exists()):
        return None
    return size_line(
        "Windows one file (built under Wine)", ours.stat().st_size, bare.stat().st_size
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--starts", type=int, default=9, help="starts of each program (default 9)")
    parser.add_argument(
        "--no-build", action="store_true", help="measure the executables the last run built"
    )
    parser.add_argument(
        "--size-only",
        action="store_true",
        help="build the bare window (and the program, unless --no-build) and "
        "compare their sizes only (for the Windows build under Wine)",
    )
    args = parser.parse_args()
    # "≤" and "×" through a Windows pipe, whose code page may not have them (cp1252 under Wine).
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")

    if args.size_only:
        helpers = build_helpers()
        if not args.no_build:
            helpers.main([])
        bare = build_bare(helpers)
        ours = helpers.DIST / helpers.executable_name()
        print(size_line("one file", ours.stat().st_size, bare.stat().st_size))
        print(carried_beyond(ours, bare))
        return 0

    helpers = build_helpers()
    if not args.no_build:
        started = time.perf_counter()
        helpers.main([])  # as `python build/build.py`: dist/ stays whole (zip included)
        program_build = time.perf_counter() - started
        started = time.perf_counter()
        build_bare(helpers)
        bare_build = time.perf_counter() - started
        print(f"built the program in {program_build:.0f} s, the bare window in {bare_build:.0f} s")
    ours = helpers.DIST / helpers.executable_name()
    ours_folder = helpers.DIST / helpers.FOLDER_NAME / helpers.executable_name()
    bare = BARE_WORK / "dist" / helpers.executable_name("bare")
    bare_folder = BARE_WORK / "dist" / "bare-folder" / helpers.executable_name("bare-folder")

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = dict(
            os.environ,
            XDG_DATA_HOME=str(work / "data"),
            XDG_CONFIG_HOME=str(work / "config"),
            TMPDIR=str(work),
        )
        env.pop("NIANBAO_DB", None)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        # `--demo` builds the demo database in the user data folder; it becomes the user's own.
        timed_start([str(ours), "--demo", "--smoke"], env)
        data = work / "data" / "Nianbao"
        shutil.copy(data / "demo.sqlite3", data / DB_FILE_NAME)
        # The same database left with table 3 open: its grid is made and drawn before the paint.
        on_table = work / "on_table.sqlite3"
        shutil.copy(data / "demo.sqlite3", on_table)
        leave_on_table_3(on_table)
        runs = measure(
            {
                "ours": [str(ours), "--smoke"],
                "ours on table 3": [str(ours), "--smoke", "--db", str(on_table)],
                "bare": [str(bare)],
                "ours folder": [str(ours_folder), "--smoke"],
                "bare folder": [str(bare_folder)],
            },
            args.starts,
            env,
        )

    report(
        "one file",
        ours.stat().st_size,
        bare.stat().st_size,
        runs["ours"],
        runs["bare"],
        targets=True,
    )
    on_table_start = statistics.median(r.seconds for r in runs["ours on table 3"])
    bare_start = statistics.median(r.seconds for r in runs["bare"])
    print(
        f"  nianbao reopening on table 3 (its grid drawn too): {on_table_start:.3f} s,"
        f" ratio {on_table_start / bare_start:.2f}×"
    )
    report(
        "one folder (nothing to unpack at start)",
        folder_size(ours_folder.parent),
        folder_size(bare_folder.parent),
        runs["ours folder"],
        runs["bare folder"],
        targets=False,
    )
    windows = windows_size_line()
    if windows:
        print(windows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
