"""The window and its database: a report saved elsewhere meanwhile is reopened, not written
over; 恢复备份… puts a backup back; a damaged database offers its latest sound backup; a
read-only window changes nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtWidgets import QListWidget, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.edits import SetCells
from app.store import Store, backups
from tests.ui.answers import answers
from tests.ui.window_helpers import UNIT, WindowFactory, db_path, make_window, store, with_seed
from ui.backup_dialog import BackupDialog

__all__ = ["db_path", "make_window", "store"]  # fixtures

REF = "table3:np_repeat.natural"


def _cell(store: Store) -> object:
    report = store.load(UNIT, 2020)
    assert report is not None
    return report.get(REF)


def test_a_report_replaced_from_the_command_line_is_reopened_not_written_over(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.session is not None
    with Store.open(db_path) as command_line:
        replaced = command_line.load(UNIT, 2020)
        assert replaced is not None
        replaced.set(REF, 77)
        command_line.save(replaced)
    told: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    answers().next_dialog(read)
    window.session.push(SetCells(((REF, 5),)))
    with qtbot.waitSignal(window.report_opened, timeout=5000):
        window.save_now()
    assert told and "已在别处" in told[0]
    assert window.session.report.get(REF) == 77  # the stored report, shown again
    assert _cell(store) == 77
    window.session.push(SetCells(((REF, 6),)))  # and editing it goes on from there
    assert window.save_pending()
    assert _cell(store) == 6


def _backed_up(store: Store, db_path: Path) -> None:
    with_seed(store)
    assert store.make_daily_backup(dt.datetime(2022, 1, 9, 8, 0)) is not None
    report = store.load(UNIT, 2020)
    assert report is not None
    report.set(REF, 999)  # today's change, after the backup
    store.save(report)


def test_restore_backup_lists_the_backups_and_puts_the_chosen_one_back(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    _backed_up(store, db_path)
    window = make_window()
    seen: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupDialog)
        items = dialog.findChild(QListWidget)
        assert items is not None
        seen.extend(items.item(k).text() for k in range(items.count()))
        dialog.accept()

    answers().next_dialog(choose)
    answers().next_button("是")
    assert window.actions_by_id["restore_backup"].isEnabled()
    window.actions_by_id["restore_backup"].trigger()
    assert seen and seen[0].startswith("2022-01-09 08:00") and "1 个单位，1 份报告" in seen[0]
    assert window.store is not store  # reopened on the restored file
    assert window.session is not None and window.session.report.get(REF) != 999
    kept = [b for b in backups.backups(db_path) if b.reason == "restore"]
    assert kept and backups.contents(kept[0].path).sound  # today's database, kept
    assert "已恢复" in window.statusBar().currentMessage()


def test_a_database_damaged_in_use_offers_the_latest_sound_backup(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    _backed_up(store, db_path)
    window = make_window(restore=False)
    data = bytearray(db_path.read_bytes())
    # A figure changed by damage SQLite cannot see: every copy of it in the file, as the row
    # saved after the backup may sit after a freed copy (where depends on the SQLite build).
    key = b'"new.total": '
    at = data.find(key)
    assert at >= 0
    while at >= 0:
        data[at + len(key)] ^= 1
        at = data.find(key, at + 1)
    counter = int.from_bytes(data[24:28], "big") + 1  # as any write does: caches are stale
    data[24:28] = counter.to_bytes(4, "big")
    db_path.write_bytes(bytes(data))
    offered: list[str] = []

    def accept(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        offered.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    answers().next_dialog(accept)
    assert not window.open_report(UNIT, 2020)
    assert offered and "已损坏" in offered[0] and "2022-01-09 08:00" in offered[0]
    assert window.open_report(UNIT, 2020)
    assert window.session is not None and window.session.report.get(REF) != 999


def test_a_read_only_window_shows_the_reports_and_changes_nothing(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    read_only = Store.open(db_path, read_only=True)
    window = make_window(on=read_only)
    assert window.session is not None and "（只读）" in window.windowTitle()
    before = window.session.report.get(REF)
    window.session.push(SetCells(((REF, 5),)))
    assert window.session.report.get(REF) == before
    assert "只读" in window.statusBar().currentMessage()
    assert window.view is not None
    assert window.view.text_page("1").editor.isReadOnly()
    assert not window.actions_by_id["restore_backup"].isEnabled()
    window.close()
    read_only.close()


def test_a_file_name_too_long_for_any_disk_is_a_chinese_message(
    qtbot: QtBot, store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    # 252 bytes, 257 with the suffix; NTFS counts UTF-16 units instead, and takes 255 of them.
    long_name = "报" * (247 if os.name == "nt" else 84) + "abcd"
    told: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    answers().next_dialog(read)
    assert not window.export_to(str(tmp_path / f"{long_name}.docx"))
    answers().next_dialog(read)
    assert not window.import_path(tmp_path / f"{long_name}.json")
    assert "太长" in told[0]
    # Linux refuses the name itself; on NTFS no file can have it, so "not there" is as true.
    assert "太长" in told[1] or (os.name == "nt" and "不存在" in told[1])
    assert list(tmp_path.glob("报*")) == []
