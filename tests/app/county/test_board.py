"""The 报送情况 board: each subordinate unit's status for each year, and its workbook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from app.county.board import Stopped, check_board, export_board, summary_line
from app.county.status import Status
from app.store import Receipt, Store
from tests.app.county.county_data import (
    COUNTY,
    DEPARTMENTS,
    break_sum,
    copy_chapter,
    next_year_of,
    unit_report,
)

UNITS = list(DEPARTMENTS[:6])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "县.sqlite3") as store:
        store.add_unit(COUNTY, "county")
        for unit in UNITS:
            store.add_unit(unit, parent=COUNTY)
        for unit in UNITS[:5]:  # the last has sent nothing
            old = unit_report(unit, 2021, 0)
            store.save(old)
            new = next_year_of(old, 1)
            if unit == UNITS[1]:
                break_sum(new)
            if unit == UNITS[2]:
                new.chapters["6"] = "无。"  # R12 and R14: warnings
            store.save(new)
        store.set_receipt(Receipt(UNITS[0], 2022, "2023-01-18", "教育局.docx"))
        yield store


def test_each_unit_gets_its_status_counts_and_date(store: Store) -> None:
    board = check_board(UNITS, [2022], store.load, store.receipts())
    statuses = [board[(u, 2022)].status for u in UNITS]
    assert statuses == [
        Status.PASSED,
        Status.ERRORS,
        Status.WARNINGS,
        Status.PASSED,
        Status.PASSED,
        Status.MISSING,
    ]
    assert board[(UNITS[1], 2022)].errors == 2
    assert board[(UNITS[2], 2022)].warnings >= 1
    assert (board[(UNITS[0], 2022)].received, board[(UNITS[0], 2022)].source) == (
        "2023-01-18",
        "教育局.docx",
    )
    assert summary_line(board, UNITS, 2022) == (
        "2022年度：下级单位 6 个，未报送 1 个，有错误 1 个，有警告 1 个，通过 3 个"
    )


def test_copied_text_between_units_shows_on_the_board(store: Store) -> None:
    unit = UNITS[4]
    report = store.load(unit, 2022)
    assert report is not None
    copy_chapter(report, store.load(UNITS[3], 2022))  # type: ignore[arg-type]
    store.save(report)
    board = check_board(UNITS, [2022], store.load)
    for copied in (unit, UNITS[3]):
        assert "R21" in {f.rule for f in board[(copied, 2022)].findings}
        assert board[(copied, 2022)].status is Status.WARNINGS


def test_years_side_by_side_and_last_year_feeds_the_cross_year_rules(store: Store) -> None:
    report = store.load(UNITS[3], 2022)
    assert report is not None
    report.set("table3:carried_in.total", 4444)
    store.save(report)
    board = check_board(UNITS, [2021, 2022], store.load)
    assert board[(UNITS[5], 2021)].status is Status.MISSING
    assert board[(UNITS[1], 2021)].status is Status.PASSED
    assert "R8" in {f.rule for f in board[(UNITS[3], 2022)].findings}


def test_progress_is_told_and_stopping_stops(store: Store) -> None:
    seen: list[tuple[int, int]] = []
    check_board(UNITS, [2021, 2022], store.load, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (12, 12) and len(seen) == 12
    with pytest.raises(Stopped):
        check_board(UNITS, [2022], store.load, stopped=lambda: True)


def test_the_board_as_a_workbook(store: Store, tmp_path: Path) -> None:
    board = check_board(UNITS, [2021, 2022], store.load, store.receipts())
    target = tmp_path / "报送情况.xlsx"
    levels = {u.name: "部门" for u in store.subordinates(COUNTY)}
    export_board(board, UNITS, levels, 2022, [2021, 2022], target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["2022年度", "历年"]
    sheet = book["2022年度"]
    assert [c.value for c in sheet[1]] == [
        "单位",
        "层级",
        "状态",
        "错误",
        "警告",
        "提示",
        "报送日期",
        "来源文件",
    ]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[UNITS[5]][2].value == "未报送"
    assert rows[UNITS[5]][0].font.color.rgb.endswith("C62828")
    assert rows[UNITS[0]][6].value == "2023-01-18"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H7"
    years = [[c.value for c in row] for row in book["历年"].iter_rows()]
    assert years[0] == ["单位", "2021年度", "2022年度"]
    assert years[-1] == [UNITS[5], "未报送", "未报送"]
