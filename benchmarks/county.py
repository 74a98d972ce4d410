"""The county office's work at scale, each against a bare baseline measured in the same run:

1. `nianbao audit` of 1,000 .docx reports (as a process of its own, as the office runs it)
   against reading the same files with python-docx alone in one process: wall time, the ratio,
   the processor time over the wall time (cores in use), and the peak memory of the largest
   process, also for 250 files (memory must not grow with the count). Target: 1,000 in ≤ 60 s.
2. A roll-up of 150 units made again after one unit's figure changes, against adding up the
   same cells in a bare loop. Target: ≤ 50 ms.
3. The window on a county database (150 units × 6 years) against the demo database: start to
   the first paint (`--smoke`, from source, several starts interleaved) and switching between
   two reports. Target: ≤ 1.1×.

Run from the repository root:  python benchmarks/county.py [--files 1000] [--starts 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402

from app.county.rollup import add_up, apply_sums  # noqa: E402
from app.domain.report import Report  # noqa: E402
from app.exporters import export_report  # noqa: E402
from app.store import Store  # noqa: E402
from tests.app.county.county_data import (  # noqa: E402
    COUNTY,
    fill_county_database,
    many_units,
    unit_report,
)

DISTINCT = 100  # distinct reports written; the rest of the folder are copies under other names
AUDIT_TARGET, ROLLUP_TARGET, WINDOW_TARGET = 60.0, 0.050, 1.1

PYTHON_DOCX_ALONE = """
import sys
from pathlib import Path
import docx
for path in sorted(Path(sys.argv[1]).glob("*.docx")):
    docx.Document(str(path))
"""


def run_measured(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall seconds, processor seconds (its own and its worker processes') and the peak
    memory in MB of the largest of them, for one process run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    assert process.stderr is not None
    errors = process.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{command} failed ({code}):\n{errors}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1e3


def write_folder(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    units = many_units(DISTINCT)
    written = []
    for unit in units[: min(count, DISTINCT)]:
        path = folder / f"{unit}.docx"
        export_report(unit_report(unit, 2022, 1), path)
        written.append(path)
    for i in range(len(written), count):
        shutil.copy(written[i % len(written)], folder / f"副本{i:04d}.docx")


def audit_benchmark(work: Path, counts: list[int]) -> None:
    print("1. audit of .docx reports, against python-docx opening the same files alone")
    source = work / f"docx{max(counts)}"
    write_folder(source, max(counts))
    for count in counts:
        folder = work / f"docx_{count}"
        folder.mkdir()
        for path in sorted(source.glob("*.docx"))[:count]:
            os.link(path, folder / path.name)
        bare_wall, bare_cpu, bare_peak = run_measured(
            [sys.executable, "-c", PYTHON_DOCX_ALONE, str(folder)]
        )
        wall, cpu, peak = run_measured(
            [
                sys.executable,
                "-m",
                "app.cli",
                "audit",
                str(folder),
                "-o",
                str(work / f"audit{count}.xlsx"),
            ]
        )
        verdict = ""
        if count >= 1000:
            verdict = (
                f"   target ≤ {AUDIT_TARGET:.0f} s: {'met' if wall <= AUDIT_TARGET else 'NOT met'}"
            )
        print(
            f"  {count:5d} files  python-docx alone {bare_wall:6.1f} s ({bare_cpu / bare_wall:.1f}"
            f" cores, peak {bare_peak:4.0f} MB)   audit {wall:6.1f} s ({cpu / wall:.1f} cores,"
            f" peak {peak:4.0f} MB)   ratio {wall / bare_wall:.2f}×   "
            f"{wall / count * 1e3:.0f} ms a file{verdict}"
        )


def rollup_benchmark() -> None:
    print("2. roll-up of 150 units made again after one unit's figure changed")
    sources = [(u, unit_report(u, 2022, 2)) for u in many_units(150)]
    county = Report(unit=COUNTY, year=2022, level="county")
    summed = add_up(2022, sources)
    refs = list(summed.cells)
    unit, changed = sources[17]
    counter = iter(range(10**9))

    def edited() -> Report:
        report = changed.copy()  # as the store gives a changed report back: a new object
        report.set("table3:new.natural", next(counter))
        return report

    def live() -> None:  # the window: one report changed in a roll-up already made
        apply_sums(county, summed.with_source(unit, edited()))

    def afresh() -> None:  # every report added up again
        edited()
        apply_sums(county, add_up(2022, sources))

    def bare() -> None:
        edited()
        {ref: sum((r.cells.get(ref, 0) for _, r in sources), start=0) for ref in refs}

    baseline = timing.median_seconds(bare, 30)
    print(f"  bare loop adding up the cells of 150 reports {baseline * 1e3:6.1f} ms")
    for name, work in (("all added up again", afresh), ("one report replaced", live)):
        ours = timing.median_seconds(work, 30)
        verdict = "met" if ours <= ROLLUP_TARGET else "NOT met"
        print(
            f"  roll-up, {name:20s} {ours * 1e3:6.1f} ms   ratio {ours / baseline:.2f}×"
            f"   target ≤ {ROLLUP_TARGET * 1e3:.0f} ms: {verdict}"
        )


SWITCHING = """
import statistics, sys, time
from PySide6.QtWidgets import QApplication
from app.store import Store
from ui.main_window import MainWindow
app = QApplication([])
store = Store.open(sys.argv[1])
window = MainWindow(store)
window.show()
pairs = [(sys.argv[2], int(sys.argv[3])), (sys.argv[4], int(sys.argv[5]))]
times = []
for i in range(24):
    unit, year = pairs[i % 2]
    start = time.perf_counter()
    window.open_report(unit, year)
    app.processEvents()
    times.append(time.perf_counter() - start)
print(statistics.median(times[4:]))
window.autosave.flush()
"""


def window_benchmark(work: Path, starts: int) -> None:
    print("3. the window on a county database (150 units × 6 years) against the demo database")
    county_db, demo_db = work / "county.sqlite3", work / "demo.sqlite3"
    with Store.open(county_db) as store:
        names = fill_county_database(store, 150, range(2019, 2025))
    from app.demo import build_demo, demo_seed_report

    with Store.open(demo_db) as store:
        build_demo(store)
    demo_unit = demo_seed_report().unit
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    commands = {
        db: [sys.executable, "-m", "ui.launcher", "--smoke", "--db", str(db)]
        for db in (county_db, demo_db)
    }
    for command in commands.values():
        run_measured(command, env)  # caches warm, positions remembered
    walls: dict[Path, list[float]] = {db: [] for db in commands}
    for _ in range(starts):
        for db, command in commands.items():
            walls[db].append(run_measured(command, env)[0])
    county_start, demo_start = (statistics.median(walls[db]) for db in (county_db, demo_db))
    switch = {}
    for db, pair in (
        (county_db, [names[40], "2024", names[90], "2023"]),
        (demo_db, [demo_unit, "2021", demo_unit, "2020"]),
    ):
        out = subprocess.run(
            [sys.executable, "-c", SWITCHING, str(db), *pair],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        switch[db] = float(out.stdout.strip().splitlines()[-1])
    for name, ours, demo in (
        ("start to first paint", county_start, demo_start),
        ("switching reports", switch[county_db], switch[demo_db]),
    ):
        ratio = ours / demo
        print(
            f"  {name:22s} demo {demo * 1e3:7.1f} ms   county {ours * 1e3:7.1f} ms   ratio "
            f"{ratio:.2f}×   target ≤ {WINDOW_TARGET}×: "
            f"{'met' if ratio <= WINDOW_TARGET else 'NOT met'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=1000, help="reports audited (default 1000)")
    parser.add_argument("--starts", type=int, default=7, help="window starts on each database")
    parser.add_argument("--only", choices=["audit", "rollup", "window"], help="one part only")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.only in (None, "audit"):
            audit_benchmark(work, sorted({max(args.files // 4, 1), args.files}))
        if args.only in (None, "rollup"):
            rollup_benchmark()
        if args.only in (None, "window"):
            window_benchmark(work, args.starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
