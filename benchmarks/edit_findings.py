"""What the window costs: an edit until its findings are shown, and start-up to the first paint.

1. In process, per edit: a figure typed into table 3 of the open demo report (the model's
   setData, as the cell editor calls it) until the findings panel lists the new findings and the
   window has repainted — against the same loop applying the edit to a bare report, no checks,
   no Qt.
2. Whole process: `nianbao --smoke` (open the window, exit at its first paint) against a bare
   PySide6 program that shows an empty QMainWindow and exits at its first paint.

Machines are noisy, so both sides run in the same run, interleaved, and the ratios are printed.
Run from the repository root:  python benchmarks/edit_findings.py [--edits N] [--starts N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import BARE_WINDOW

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SMOKE = "import sys\nfrom ui.launcher import main\nsys.exit(main(sys.argv[1:]))\n"

CELL = "table3:np_repeat.natural"  # R2 and R3 appear and go as it changes


def per_edit(edits: int, workdir: Path) -> tuple[float, float, float]:
    """Median seconds: edit→findings shown in the window; edit→findings computed; bare apply."""
    from PySide6.QtWidgets import QApplication

    from app.demo import build_demo, demo_seed_report
    from app.domain.edits import SetCells
    from app.rules import check
    from app.store import Store
    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    store = Store.open(workdir / "bench.sqlite3")
    build_demo(store)
    window = MainWindow(store, demo=True)
    window.open_first()
    window.show()
    assert window.view is not None
    window.view.show_part("3")
    QApplication.processEvents()
    grid = window.view.grid("3")
    model = grid.grid_model
    index = model.index_of(CELL)

    shown, computed, bare = [], [], []
    report = demo_seed_report()
    for i in range(edits):
        value = i % 7
        start = time.perf_counter()
        model.setData(index, str(value))
        QApplication.processEvents()  # the repaint of the red cells and the panel
        shown.append(time.perf_counter() - start)
        listed = window.findings.model.rowCount()
        assert listed == len(window.session.findings) if window.session else True

        start = time.perf_counter()
        SetCells(((CELL, value),)).apply(report)
        check(report)
        computed.append(time.perf_counter() - start)

        start = time.perf_counter()
        SetCells(((CELL, value + 1),)).apply(report)
        bare.append(time.perf_counter() - start)
    window.autosave.flush()
    window.close()
    store.close()
    del app
    return statistics.median(shown), statistics.median(computed), statistics.median(bare)


def start_up(starts: int, workdir: Path) -> tuple[float, float]:
    """Median seconds of a whole process: `nianbao --smoke`, and the bare PySide6 window."""
    env = dict(os.environ, XDG_DATA_HOME=str(workdir / "data"))
    db = workdir / "smoke.sqlite3"
    program = [sys.executable, "-c", SMOKE, "--smoke", "--db", str(db)]
    bare_program = [sys.executable, "-c", BARE_WINDOW]
    subprocess.run(program, cwd=ROOT, env=env, check=True, capture_output=True)  # warm caches
    subprocess.run(bare_program, cwd=ROOT, env=env, check=True, capture_output=True)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(starts):
        for command, times in ((program, ours), (bare_program, bare)):
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        ours_start, bare_start = start_up(args.starts, workdir)
        shown, computed, bare = per_edit(args.edits, workdir)
    print(f"per edit ({args.edits} edits of {CELL} in the demo report, medians)")
    print(f"  bare: apply the edit, no checks     {bare * 1e6:10.1f} µs")
    print(
        f"  apply + all rules (no Qt)           {computed * 1e6:10.1f} µs"
        f"   ratio {computed / bare:8.1f}"
    )
    print(
        f"  window: setData → findings shown    {shown * 1e6:10.1f} µs   ratio {shown / bare:8.1f}"
    )
    print(f"start-up to first paint ({args.starts} runs each, whole process, medians)")
    print(f"  bare PySide6 window                 {bare_start:10.3f} s")
    print(
        f"  nianbao --smoke                     {ours_start:10.3f} s"
        f"   ratio {ours_start / bare_start:8.2f}"
    )


if __name__ == "__main__":
    main()
