"""One window writes to a database at a time: a lock the operating system holds for the process.

The lock is on a small file beside the database (nianbao.sqlite3.lock), taken with flock on
Linux and msvcrt.locking on Windows: the system lets go of it when the process ends, however it
ends (closed, killed, crashed), so the file left behind never stops the next start. It is not
on the database itself, because Windows' byte locks would then keep other programs (and SQLite
in a read-only window or the command line) from reading the file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

LOCK_SUFFIX = ".lock"


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + LOCK_SUFFIX)


class DatabaseLock:
    """Held while this process is the one that writes to the database."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def acquire(cls, db: Path) -> DatabaseLock | None:
        """The lock, or None when another process holds it. Where no lock file can be made (a
        read-only folder: nothing can be saved there anyway) a lock that guards nothing."""
        path = lock_path(db)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # a first start: nothing there yet
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError:
            return cls(path, None)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    @property
    def guards(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        # flock belongs to the open file, not the process: a second Store in this same
        # process is refused too (fcntl's record locks would let it through).
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
