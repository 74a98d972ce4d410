"""Shared pieces of the window tests: a real database file, a window over it, modal dialogs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.demo import build_demo, demo_seed_report
from app.domain.report import Report
from app.store import Store
from tests.ui.answers import answers
from ui.main_window import MainWindow

TODAY = dt.date(2022, 1, 10)
UNIT = "高青县行政审批服务局"


def seed() -> Report:
    """The published 2020 report of the demo (it breaks R2 and R3 as published)."""
    return demo_seed_report()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nianbao.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[WindowFactory]:
    """Windows over `store`, shown; closed (saving as on a real close) before the store is."""
    windows: list[MainWindow] = []

    def open_demo() -> Store:
        demo = Store.open(tmp_path / f"demo{len(windows)}.sqlite3")
        build_demo(demo)
        return demo

    def make(restore: bool = True, on: Store | None = None) -> MainWindow:
        window = MainWindow(on or store, open_demo=open_demo, today=lambda: TODAY)
        qtbot.addWidget(window)
        windows.append(window)
        if restore and not window.restore_last():
            window.open_first()
        window.show()
        qtbot.waitExposed(window)
        # Focus moves and window shortcuts (Ctrl+Z, Ctrl+S) need the active window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    for window in windows:
        window.close()


def with_seed(store: Store) -> Report:
    report = seed()
    store.save(report)
    return report


def ime_type(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: each phrase arrives as a committed string.

    (QTest's key clicks know only ASCII keys.)
    """
    for phrase in re.findall(r"[^，。、；：]+[，。、；：]?", text):
        event = QInputMethodEvent()
        event.setCommitString(phrase)
        QApplication.sendEvent(widget, event)


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a cell the test expects to be filled."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def on_next_modal(handler: Callable[[QWidget], None]) -> None:
    """Let `handler` answer the next dialog the code under test opens."""
    answers().next_dialog(handler)
