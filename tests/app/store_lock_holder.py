"""A process that takes a database's lock and holds it until it is killed or told to stop.

Run as `python -m tests.app.store_lock_holder DB`: it prints "held" (or "refused" when another
process has the lock), then waits for a line on stdin.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.store import DatabaseLock


def main(db: str) -> None:
    lock = DatabaseLock.acquire(Path(db))
    print("held" if lock is not None else "refused", flush=True)
    sys.stdin.readline()
    if lock is not None:
        lock.release()


if __name__ == "__main__":
    main(sys.argv[1])
