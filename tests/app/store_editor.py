"""A process that edits one cell of a report again and again, as a window would: it loads the
report, changes its cell, saves with the revision it loaded, and when told the report moved on
(StaleReport) loads it again and makes its edit again.

Run as `python -m tests.app.store_editor DB UNIT YEAR REF ROUNDS`; it prints "saved N" each time
a save returned (N: the value the cell was saved with), "stale" each time one was refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.store import StaleReport, Store


def main(db_path: str, unit: str, year: str, ref: str, rounds: str) -> None:
    store = Store.open(Path(db_path), busy_timeout=30)
    print("ready", flush=True)
    sys.stdin.readline()  # the test starts both editors together
    for value in range(1, int(rounds) + 1):
        while True:
            stored = store.load_stored(unit, int(year))
            assert stored is not None
            stored.report.set(ref, value)
            try:
                store.save(stored.report, base_revision=stored.revision)
            except StaleReport:
                print("stale", flush=True)
                continue
            print(f"saved {value}", flush=True)
            break
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
