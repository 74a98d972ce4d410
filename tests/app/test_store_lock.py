"""One writing window per database: the lock is refused while another process holds it, and is
free again the moment that process ends, however it ends (no stale lock file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.store import DatabaseLock
from app.store.lock import lock_path
from tests.paths import REPO


def _holder(db: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.app.store_lock_holder", str(db)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.communicate()  # reaped, its pipes closed


def test_a_second_holder_in_the_same_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"
    first = DatabaseLock.acquire(db)
    assert first is not None and first.guards
    assert DatabaseLock.acquire(db) is None
    first.release()
    again = DatabaseLock.acquire(db)
    assert again is not None
    again.release()


def test_another_process_is_refused_until_the_holder_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"
    holder, said = _holder(db)
    try:
        assert said == "held"
        assert DatabaseLock.acquire(db) is None
        other, said_other = _holder(db)
        _kill(other)
        assert said_other == "refused"
    finally:
        _kill(holder)  # as a crash or the task manager would end it
    assert lock_path(db).exists()  # the file stays behind, and stops nobody
    lock = DatabaseLock.acquire(db)
    assert lock is not None
    lock.release()


def test_a_folder_where_no_lock_file_can_be_made_still_opens(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("x")  # where the database's folder should be
    lock = DatabaseLock.acquire(tmp_path / "a file" / "nianbao.sqlite3")
    assert lock is not None and not lock.guards


def test_the_first_start_makes_the_folder_and_takes_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "Nianbao" / "nianbao.sqlite3"
    lock = DatabaseLock.acquire(db)
    assert lock is not None and lock.guards
    assert DatabaseLock.acquire(db) is None
    lock.release()
