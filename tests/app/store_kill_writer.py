"""A process that saves sample reports in a loop until it is killed.

Run as `python -m tests.app.store_kill_writer DB`; after each save returns it prints the report's
number, so the test knows which reports the store has promised to keep.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.store import Store
from tests.app.store_samples import sample_report


def main(db_path: str) -> None:
    store = Store.open(Path(db_path))
    number = len(store.units()) * 100
    print("ready", flush=True)
    while True:
        store.save(sample_report(number))
        print(number, flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1])
