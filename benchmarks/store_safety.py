"""What keeping the database safe costs: opening it with its checks, saving on a revision, the
day's backup, against SQLite alone doing the same work, in the same run.

For databases of 50 and 500 reports (a department's years; a county's fifty units over ten
years) it prints the median time of:
- opening: Store.open (integrity check, links, units, every report's checksum) against sqlite3
  connecting and reading every report's data;
- saving a report: Store.save on its revision (the report's JSON form made and read back, one
  IMMEDIATE transaction, the revision read and checked, the checksum) against sqlite3 writing
  the row in one transaction;
- the day's backup: make_daily_backup (written beside, flushed, renamed, pruned) against SQLite's
  backup API alone into a file;
and the ratios.

Run from the repository root:
    python benchmarks/store_safety.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402

from app.domain.report_form import report_to_json  # noqa: E402
from app.store import Store  # noqa: E402
from app.store import backups as store_backups  # noqa: E402
from tests.app.store_samples import sample_report  # noqa: E402


def build(path: Path, reports: int) -> None:
    with Store.open(path) as store, store.all_or_nothing():
        for number in range(reports):
            store.save(sample_report(number))


def sqlite_open(path: Path) -> None:
    conn = sqlite3.connect(path)
    for (data,) in conn.execute("SELECT data FROM reports"):
        json.loads(data)
    conn.close()


def sqlite_save(path: Path, data: str, count: list[int]) -> None:
    # A new time on every save, as the Store writes: SQLite writes nothing for a row that
    # stays as it was, and the baseline would then skip the disk.
    count[0] += 1
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE reports SET data = ?, updated_at = ? WHERE unit = ? AND year = ?",
            (data, str(count[0]), "测试单位0", 2000),
        )
    conn.close()


def sqlite_backup(path: Path, target: Path) -> None:
    conn = sqlite3.connect(path)
    copy = sqlite3.connect(target)
    conn.backup(copy)
    copy.close()
    conn.close()
    target.unlink()


def measure(folder: Path, reports: int, repeat: int) -> None:
    path = folder / f"{reports}.sqlite3"
    build(path, reports)
    report = sample_report(0)
    data = json.dumps(report_to_json(report), ensure_ascii=False)

    opened = timing.median_seconds(lambda: Store.open(path).close(), repeat)
    bare_open = timing.median_seconds(lambda: sqlite_open(path), repeat)

    store = Store.open(path)

    def save() -> None:
        stored = store.load_stored(report.unit, report.year)
        assert stored is not None
        store.save(stored.report, base_revision=stored.revision)

    saved = timing.median_seconds(save, repeat)
    count = [0]
    bare_save = timing.median_seconds(lambda: sqlite_save(path, data, count), repeat)
    day = [dt.datetime(2022, 1, 1)]

    def backup() -> None:
        day[0] += dt.timedelta(days=1)
        store.make_daily_backup(day[0])

    backed_up = timing.median_seconds(backup, repeat)
    bare_backup = timing.median_seconds(lambda: sqlite_backup(path, folder / "copy"), repeat)
    store.close()
    size = path.stat().st_size / 1e6
    print(f"{reports} reports ({size:.1f} MB; {len(store_backups.backups(path))} backups kept)")
    for what, ours, bare in (
        ("open", opened, bare_open),
        ("save", saved, bare_save),
        ("backup", backed_up, bare_backup),
    ):
        print(
            f"  {what:<7}{ours * 1000:8.1f} ms   SQLite alone {bare * 1000:8.1f} ms"
            f"   ratio {ours / bare:5.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for reports in (50, 500):
            measure(Path(folder), reports, args.repeat)


if __name__ == "__main__":
    main()
