"""The 报送情况 board: statuses checked off the window's thread, filters, years side by side,
double-click to open, export to Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.store import Receipt, Store
from tests.app.county.county_data import COUNTY, DEPARTMENTS, break_sum, next_year_of, unit_report
from tests.ui.window_helpers import db_path, store
from ui.board import BoardWindow

__all__ = ["db_path", "store"]  # fixtures

UNITS = DEPARTMENTS[:6]


@pytest.fixture
def county_store(store: Store) -> Store:
    store.add_unit(COUNTY, "county")
    for i, unit in enumerate(UNITS):
        store.add_unit(unit, parent=COUNTY)
        old = unit_report(unit, 2021, 0)
        store.save(old)
        if i == 5:
            continue  # not reported for 2022
        new = next_year_of(old, 1)
        if i == 1:
            break_sum(new)
        store.save(new)
    store.set_receipt(Receipt(UNITS[0], 2022, "2023-01-12", "教育局.docx"))
    store.add_unit("别的单位")  # no subordinates: no board of its own
    return store


def open_board(qtbot: QtBot, store: Store) -> BoardWindow:
    board = BoardWindow(store)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_ready, timeout=60_000):
        board.open_on(COUNTY, 2022)
    return board


def shown(board: BoardWindow, column: int) -> list[str]:
    model = board.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_each_subordinate_unit_shows_its_status_counts_and_date(
    qtbot: QtBot, county_store: Store
) -> None:
    board = open_board(qtbot, county_store)
    assert [board.county.itemText(i) for i in range(board.county.count())] == [COUNTY]
    assert shown(board, 0) == list(UNITS)
    assert shown(board, 2) == ["通过", "有错误", "通过", "通过", "通过", "未报送"]
    assert shown(board, 3)[1] == "2"
    assert shown(board, 6)[0] == "2023-01-12"
    assert board.summary.text() == (
        "2022年度：下级单位 6 个，未报送 1 个，有错误 1 个，有警告 0 个，通过 4 个"
    )
    board.table.selectRow(1)
    assert board.details.item(0).text().startswith("【错误】R2")


def test_the_filter_keeps_the_units_asked_for(qtbot: QtBot, county_store: Store) -> None:
    board = open_board(qtbot, county_store)
    board.status.setCurrentText("未报送")
    assert shown(board, 0) == [UNITS[5]]
    board.status.setCurrentText("全部")
    board.words.setText("财政")
    assert shown(board, 0) == [u for u in UNITS if "财政" in u]


def test_years_side_by_side(qtbot: QtBot, county_store: Store) -> None:
    board = open_board(qtbot, county_store)
    board.by_year.setChecked(True)
    model = board.table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "单位",
        "2021年度",
        "2022年度",
    ]
    assert shown(board, 1) == ["通过"] * 6
    assert shown(board, 2)[5] == "未报送"


def test_double_click_asks_to_open_the_report(qtbot: QtBot, county_store: Store) -> None:
    board = open_board(qtbot, county_store)
    index = board.table.model().index(1, 0)
    with qtbot.waitSignal(board.open_requested) as opened:
        board.table.doubleClicked.emit(index)
    assert opened.args == [UNITS[1], 2022]
    board.by_year.setChecked(True)
    with qtbot.waitSignal(board.open_requested) as opened:
        board.table.doubleClicked.emit(board.table.model().index(0, 1))
    assert opened.args == [UNITS[0], 2021]


def test_reports_that_come_in_change_the_board(qtbot: QtBot, county_store: Store) -> None:
    board = open_board(qtbot, county_store)
    county_store.save(next_year_of(unit_report(UNITS[5], 2021, 0), 1))
    with qtbot.waitSignal(board.board_ready, timeout=60_000):
        board.reload()
    assert shown(board, 2)[5] == "通过"


def test_the_board_exports_to_excel(qtbot: QtBot, county_store: Store, tmp_path: Path) -> None:
    board = open_board(qtbot, county_store)
    target = tmp_path / "报送情况"
    board.choose_target = lambda suggested: target if suggested.endswith(".xlsx") else None
    written: list[Path] = []
    board.export_done = written.append
    assert board.export() == target.with_name("报送情况.xlsx")
    book = openpyxl.load_workbook(written[0])
    assert book.sheetnames == ["2022年度", "历年"]
    statuses = [row[2] for row in book["2022年度"].iter_rows(min_row=2, values_only=True)]
    assert statuses == ["通过", "有错误", "通过", "通过", "通过", "未报送"]
