"""Collecting a folder into the database: a summary row for every file, a reason for each left
out, nothing stored until confirmed, and then all of it or nothing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.county.batch import read_files, report_files
from app.county.collect import ImportRow, plan_import, problems_before_storing, store_import
from app.county.names import guess_level
from app.store import Store, StoreError, UnitInfo
from tests.app.county.county_data import (
    COUNTY,
    DEPARTMENTS,
    TOWNSHIPS,
    printed_file,
    printed_reports,
    unit_report,
    write_report,
)

TODAY = dt.date(2023, 1, 25)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "县.sqlite3") as store:
        store.add_unit(COUNTY, "county")
        for unit in DEPARTMENTS[:4]:
            store.add_unit(unit, parent=COUNTY)
        store.save(unit_report(DEPARTMENTS[3], 2022, 9))  # already has its 2022 report
        yield store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    write_report(unit_report(DEPARTMENTS[0], 2022, 1), folder / "教育.docx")
    shortened = unit_report(DEPARTMENTS[1], 2022, 1)
    shortened.unit = shortened.signature_unit = DEPARTMENTS[1].replace("青山县", "县")
    write_report(shortened, folder / "发改.txt")
    write_report(unit_report(TOWNSHIPS[0], 2022, 1), folder / "镇.json")
    write_report(unit_report(DEPARTMENTS[2], 2021, 1), folder / "去年的.json")
    older = write_report(unit_report(DEPARTMENTS[3], 2022, 1), folder / "初稿.json")
    write_report(unit_report(DEPARTMENTS[3], 2022, 2), folder / "定稿.xlsx")
    os.utime(older, (1_600_000_000, 1_600_000_000))
    shutil.copyfile(printed_file(TOWNSHIPS[1]), folder / "打印件.pdf")
    write_report(unit_report(DEPARTMENTS[5], 2022, 1), folder / "网页.html")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 damaged")
    (folder / "说明.txt").write_text("各单位报告汇总说明", encoding="utf-8")
    return folder


def plan(store: Store, folder: Path, year: int | None = 2022) -> dict[str, ImportRow]:
    outcomes = read_files(report_files([folder])[0], keep=True)
    existing = {(u.name, y) for u in store.units() for y in store.years(u.name)}
    rows = plan_import(outcomes, [u.name for u in store.units()], existing, year)
    return {row.name: row for row in rows}


def test_every_file_gets_a_row_and_a_reason_when_left_out(store: Store, folder: Path) -> None:
    rows = plan(store, folder)
    assert set(rows) == {
        "教育.docx",
        "发改.txt",
        "镇.json",
        "去年的.json",
        "初稿.json",
        "定稿.xlsx",
        "坏.docx",
        "说明.txt",
        "打印件.pdf",
        "网页.html",
    }
    assert (rows["教育.docx"].target, rows["教育.docx"].exact) == (DEPARTMENTS[0], True)
    close = rows["发改.txt"]
    assert (close.target, close.exact, close.given_name) == (
        DEPARTMENTS[1],
        False,
        "县发展和改革局",
    )
    assert "请核对" in close.notes[0]
    new = rows["镇.json"]
    assert (new.target, new.new_unit) == (TOWNSHIPS[0], True)
    assert (rows["打印件.pdf"].target, rows["打印件.pdf"].new_unit) == (TOWNSHIPS[1], True)
    assert (rows["网页.html"].target, rows["网页.html"].new_unit) == (DEPARTMENTS[5], True)
    assert rows["去年的.json"].target is None
    assert rows["去年的.json"].problem == "这是2021年度的报告，不是2022年度的"
    assert rows["定稿.xlsx"].target == DEPARTMENTS[3] and rows["定稿.xlsx"].replaces
    assert rows["初稿.json"].target is None
    assert "只导入较新的一份" in rows["初稿.json"].problem
    for name in ("坏.docx", "说明.txt"):
        assert rows[name].target is None and name in rows[name].problem
    assert store.years(DEPARTMENTS[0]) == []  # nothing stored while the user looks


def test_confirmed_rows_are_stored_with_new_units_under_the_parent(
    store: Store, folder: Path
) -> None:
    rows = plan(store, folder)
    stored = store_import(store, list(rows.values()), COUNTY, TODAY)
    assert sorted(stored) == sorted(
        [
            (DEPARTMENTS[0], 2022),
            (DEPARTMENTS[1], 2022),
            (TOWNSHIPS[0], 2022),
            (DEPARTMENTS[3], 2022),
            (TOWNSHIPS[1], 2022),
            (DEPARTMENTS[5], 2022),
        ]
    )
    assert store.unit(TOWNSHIPS[0]) == UnitInfo(TOWNSHIPS[0], "township", COUNTY)
    printed = store.load(TOWNSHIPS[1], 2022)
    assert printed is not None and printed.cells == printed_reports()[TOWNSHIPS[1]].cells
    loaded = store.load(DEPARTMENTS[1], 2022)
    assert loaded is not None and loaded.unit == DEPARTMENTS[1]
    receipts = {(r.unit, r.year): r for r in store.receipts(2022)}
    assert receipts[(DEPARTMENTS[0], 2022)].received_at == "2023-01-25"
    assert receipts[(DEPARTMENTS[0], 2022)].source == "教育.docx"
    replaced = store.load(DEPARTMENTS[3], 2022)
    assert replaced is not None
    assert replaced.get("table3:new.total") == unit_report(DEPARTMENTS[3], 2022, 2).get(
        "table3:new.total"
    )
    [binned] = store.recycle_bin()  # the report replaced can be restored
    assert binned.label == f"{DEPARTMENTS[3]} 2022年度报告"
    assert store.years(DEPARTMENTS[2]) == []


def test_a_row_the_user_changes_is_stored_where_the_user_says(store: Store, folder: Path) -> None:
    rows = plan(store, folder)
    rows["去年的.json"].target = DEPARTMENTS[2]  # the user takes it after all
    rows["发改.txt"].target, rows["发改.txt"].new_unit = "县发展和改革局", True
    rows["镇.json"].target = None
    store_import(store, list(rows.values()), COUNTY, TODAY)
    assert store.years(DEPARTMENTS[2]) == [2021]
    assert store.years("县发展和改革局") == [2022]
    assert store.unit(TOWNSHIPS[0]) is None


def test_two_rows_for_one_unit_and_year_are_refused_and_nothing_is_stored(
    store: Store, folder: Path
) -> None:
    rows = plan(store, folder)
    rows["初稿.json"].target = DEPARTMENTS[3]
    assert "请只保留一份" in problems_before_storing(list(rows.values()))
    with pytest.raises(StoreError, match="请只保留一份"):
        store_import(store, list(rows.values()), COUNTY, TODAY)
    assert store.years(DEPARTMENTS[0]) == []


def test_a_failure_midway_leaves_the_database_as_it_was(store: Store, folder: Path) -> None:
    rows = list(plan(store, folder).values())
    bad = next(r for r in rows if r.name == "镇.json")
    assert bad.report is not None
    bad.report.year = 12022  # cannot be stored: the store refuses it
    before = (store.units(), [store.years(u.name) for u in store.units()], store.receipts())
    with pytest.raises(StoreError):
        store_import(store, rows, COUNTY, TODAY)
    assert (store.units(), [store.years(u.name) for u in store.units()], store.receipts()) == before


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("河东镇人民政府", "township"),
        ("城关街道办事处", "township"),
        ("柳林乡", "township"),
        ("青山县人民政府", "county"),
        ("某某市人民政府", "prefecture"),
        ("某某自治区人民政府", "province"),
        ("青山县人民政府办公室", "department"),
        ("青山县教育局", "department"),
    ],
)
def test_a_new_units_level_is_guessed_from_its_name(name: str, level: str) -> None:
    assert guess_level(name) == level
