"""Opening the window's database: a second start is told and chooses, a damaged file is offered
its latest sound backup before the window shows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.store import DatabaseLock, Store, backups
from tests.app.store_samples import sample_report
from tests.paths import REPO
from tests.ui.answers import answers
from ui.single_window import READ_ONLY_TEXT, FirstWindow
from ui.window_start import EXIT_BAD_INPUT, EXIT_OK, Opened, open_for_window

NOW = dt.datetime(2022, 1, 21, 9, 0)


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        store.save(sample_report(21))
    return db


def _told(words: list[str], button: str) -> None:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        words.append(box.text())
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    answers().next_dialog(answer)


def test_the_first_start_takes_the_lock(qtbot: QtBot, tmp_path: Path) -> None:
    opened = open_for_window(_db(tmp_path))
    assert isinstance(opened, Opened) and opened.lock is not None and opened.lock.guards
    assert not opened.store.read_only
    opened.close()


def test_a_second_start_is_told_and_may_open_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = DatabaseLock.acquire(db)
    told: list[str] = []
    _told(told, READ_ONLY_TEXT)
    opened = open_for_window(db)
    assert told and "已经在另一个年报编制器窗口中打开" in told[0]
    assert isinstance(opened, Opened) and opened.lock is None and opened.store.read_only
    assert opened.store.years("测试单位0") == [2021]
    opened.close()
    _told(told, "取消")
    assert open_for_window(db) == EXIT_OK
    assert first is not None
    first.release()


def test_a_second_start_can_bring_the_first_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    server = FirstWindow(db)
    assert server.listening
    # The later start is another process, as it is for the user.
    later = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from ui.single_window import ask_first_window; "
            "print(ask_first_window(Path(sys.argv[1])))",
            str(db),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    with qtbot.waitSignal(server.show_requested, timeout=20_000):
        pass
    out, _ = later.communicate(timeout=30)
    assert out.strip() == "True"


def test_a_smoke_test_on_a_database_in_use_opens_it_read_only_without_asking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = _db(tmp_path)
    first = DatabaseLock.acquire(db)
    opened = open_for_window(db, quiet=True)
    assert isinstance(opened, Opened) and opened.store.read_only
    opened.close()
    assert first is not None
    first.release()


def test_a_damaged_database_is_offered_its_backup_before_the_window_shows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = _db(tmp_path)
    with Store.open(db) as store:
        store.make_daily_backup(NOW - dt.timedelta(days=1))
    db.write_bytes(b"")
    offered: list[str] = []
    _told(offered, "是")
    answers().next_button("确定")  # 已恢复…
    opened = open_for_window(db, now=lambda: NOW)
    assert offered and "已损坏" in offered[0] and "1 个单位，1 份报告" in offered[0]
    assert isinstance(opened, Opened)
    assert opened.store.years("测试单位0") == [2021]
    opened.close()
    assert [b.reason for b in backups.backups(db)] == ["restore", "daily"]


def test_a_damaged_database_without_a_backup_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"
    db.write_bytes(b"")
    told: list[str] = []
    _told(told, "确定")
    assert open_for_window(db) == EXIT_BAD_INPUT
    assert "没有找到可用的备份" in told[0]
    assert db.read_bytes() == b""  # left as it was
    lock = DatabaseLock.acquire(db)  # and let go of
    assert lock is not None
    lock.release()
