"""Opening the user's database for the window: its lock, a second start on it, a damaged file.

The window that opens a database takes its lock (app.store.lock). A start that finds it taken
is told so and chooses (ui.single_window): bring the first window forward, or open read-only.
A database found damaged on opening is offered its latest sound backup before the window
shows; nothing is opened in its place without the user saying so.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.store import DamagedStore, DatabaseLock, Store, StoreError
from ui.dialogs import ask_yes_no, tell

EXIT_OK, EXIT_BAD_INPUT = 0, 2
TITLE = "年报编制器"


@dataclass
class Opened:
    store: Store
    lock: DatabaseLock | None  # held while this window is the one that writes

    def close(self) -> None:
        self.store.close()
        if self.lock is not None:
            self.lock.release()


def open_for_window(
    path: Path, *, quiet: bool = False, now: Callable[[], dt.datetime] = dt.datetime.now
) -> Opened | int:
    """The database at `path` as the window will use it, or the exit status when it will not
    be opened (another window was brought forward, the user said no, the file is refused:
    said first). `quiet` (a smoke test, a screenshot): nothing is asked, and a database
    another window has open is opened read-only."""
    lock = DatabaseLock.acquire(path)
    if lock is None and not quiet:
        choice = _second_window(path)
        if choice is not None:
            return choice
    try:
        store = _open(path, lock is None, quiet, now)
        if store is not None:
            return Opened(store, lock)
    except StoreError as exc:
        complain(f"无法打开数据库：{exc}", quiet)
    if lock is not None:
        lock.release()
    return EXIT_BAD_INPUT


def _second_window(path: Path) -> int | None:
    """Another window has the database: the exit status, or None to open it read-only."""
    from ui.single_window import READ_ONLY, SWITCH, ask_first_window, ask_second_window

    choice = ask_second_window(path)
    if choice == SWITCH:
        if ask_first_window(path):
            return EXIT_OK
        tell(None, TITLE, "已经打开的那个窗口没有回应（它可能正忙），这里将以只读方式打开。")
        return None
    return None if choice == READ_ONLY else EXIT_OK


def _open(path: Path, read_only: bool, quiet: bool, now: Callable[[], dt.datetime]) -> Store | None:
    """The store; None when the user would not put a damaged file right."""
    try:
        return Store.open(path, read_only=read_only)
    except DamagedStore as exc:
        if quiet or read_only:
            raise
        return _put_backup_back(path, exc, now)


def _put_backup_back(path: Path, exc: DamagedStore, now: Callable[[], dt.datetime]) -> Store | None:
    from app.store import backups
    from ui.window_store import offer_text

    found = backups.latest_sound(path)
    if found is None:
        raise StoreError(f"{exc}。没有找到可用的备份")
    backup, held = found
    if not ask_yes_no(None, "数据库已损坏", offer_text(exc, backup.label, held.describe())):
        return None
    kept = backups.restore(path, backup, now())
    tell(None, TITLE, f"已恢复 {backup.label} 的备份。损坏的数据库已存为“{kept.path}”。")
    return Store.open(path, create=False)


def complain(message: str, quiet: bool) -> None:
    """A message the user must read before going on (on stderr for a smoke test)."""
    if quiet or QApplication.instance() is None:
        print(message, file=sys.stderr)
        return
    tell(None, TITLE, message, error=True)
