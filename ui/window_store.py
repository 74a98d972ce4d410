"""The window's commands for its database: 恢复备份…, the offer of the latest sound backup when
the database is found damaged, the day's backup, and reopening a report that was saved
elsewhere (another window, the command line) since this window loaded it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from app.store import DamagedStore, Store, StoreError
from ui.dialogs import ask_yes_no, run_once, tell
from ui.session import ReportSession

if TYPE_CHECKING:
    from app.store.backups import Backup

TITLE = "恢复备份"


class StoreHost(Protocol):
    """What the commands use of the window."""

    @property
    def store(self) -> Store: ...
    @property
    def demo(self) -> bool: ...
    @property
    def session(self) -> ReportSession | None: ...
    def as_widget(self) -> QWidget: ...
    def save_pending(self) -> bool: ...
    def forget_session(self) -> None: ...
    def refresh_units(self) -> None: ...
    def open_report(self, unit: str, year: int) -> bool: ...
    def use_store(self, store: Store, *, demo: bool) -> None: ...
    def show_status(self, message: str, timeout_ms: int) -> None: ...


def can_restore(store: Store, demo: bool) -> bool:
    return store.path is not None and not demo and not store.read_only


class StoreCommands:
    def __init__(self, window: StoreHost, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.window = window
        self.now = now

    def restore_backup(self) -> bool:
        """文件 → 恢复备份…: choose a backup and put it in the database's place."""
        from app.store import backups
        from ui.backup_dialog import BackupDialog

        window = self.window
        path = window.store.path
        if path is None or not can_restore(window.store, window.demo):
            tell(window.as_widget(), TITLE, "示例数据库和只读方式打开的数据库不能恢复备份")
            return False
        made = backups.backups(path)
        if not made:
            tell(window.as_widget(), TITLE, "这个数据库还没有备份（每天第一次启动时自动备份）")
            return False
        window.save_pending()
        dialog = BackupDialog(
            [(b, backups.contents(b.path)) for b in made],
            str(backups.folder_for(path)),
            window.as_widget(),
        )
        if run_once(dialog) != BackupDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
        if chosen is None or not ask_yes_no(
            window.as_widget(),
            TITLE,
            f"用 {chosen.label} 的备份替换现在的数据库吗？\n"
            "现在的数据库会先存入备份文件夹，之后仍可恢复。",
        ):
            return False
        return self._restore(path, chosen)

    def damaged(self, exc: DamagedStore) -> bool:
        """The database was found damaged while in use: offer its latest sound backup."""
        window = self.window
        path = window.store.path
        if path is None or window.demo:
            tell(window.as_widget(), "数据库", str(exc), error=True)
            return False
        from app.store import backups

        found = backups.latest_sound(path)
        if found is None:
            tell(window.as_widget(), "数据库", f"{exc}。没有找到可用的备份。", error=True)
            return False
        backup, held = found
        if not ask_yes_no(
            window.as_widget(), "数据库已损坏", offer_text(exc, backup.label, held.describe())
        ):
            return False
        return self._restore(path, backup)

    def _restore(self, path: Path, backup: Backup) -> bool:
        from app.store import backups

        window = self.window
        window.forget_session()  # what it held is saved; nothing may write to the old file now
        window.store.close()
        try:
            kept = backups.restore(path, backup, self.now())
        except StoreError as exc:
            tell(window.as_widget(), TITLE, str(exc), error=True)
            kept = None
        try:
            store = Store.open(path, create=False)
        except StoreError as exc:
            tell(window.as_widget(), TITLE, f"恢复后无法打开数据库：{exc}", error=True)
            return False
        window.use_store(store, demo=False)
        if kept is None:
            return False
        window.show_status(
            f"已恢复 {backup.label} 的备份；原来的数据库已存为备份“{kept.path.name}”", 15000
        )
        return True

    def make_daily_backup(self) -> None:
        """The day's backup, once the window is up (a failure is said, never in the way)."""
        try:
            self.window.store.make_daily_backup(self.now())
        except StoreError as exc:
            self.window.show_status(f"未能备份数据库：{exc}", 15000)

    def report_moved_on(self, message: str) -> None:
        """The open report was saved elsewhere since it was loaded: show the stored one."""
        window = self.window
        session = window.session
        if session is None:
            return
        unit, year = session.report.unit, session.report.year
        window.forget_session()
        window.refresh_units()
        window.open_report(unit, year)
        tell(window.as_widget(), "报告已在别处修改", message)


def offer_text(exc: StoreError, label: str, holds: str) -> str:
    return (
        f"{exc}。\n\n最近一份完好的备份：{label}（{holds}）。\n"
        "要用它恢复吗？损坏的数据库会存入备份文件夹，不会删除。"
    )
