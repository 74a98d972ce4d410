"""Units under units: the hierarchy kept in the store, renamed and moved, and the file of the
previous version brought up to it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import SCHEMA_VERSION, Receipt, Store, StoreError, UnitInfo
from tests.app.store_samples import sample_report

# The schema as the first version of the program wrote it (migration 1), verbatim.
VERSION_1 = """
CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT);
CREATE TABLE "units" ("name" TEXT PRIMARY KEY, "level" TEXT NOT NULL, "profile" TEXT);
CREATE TABLE "reports" (
   "unit" TEXT REFERENCES "units"("name"), "year" INTEGER, "data" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL, PRIMARY KEY ("unit", "year"));
CREATE TABLE "settings" ("key" TEXT PRIMARY KEY, "value" TEXT);
PRAGMA application_id = 1313030735;
INSERT INTO meta VALUES ('schema_version', '1');
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "nianbao.sqlite3") as store:
        yield store


def county(store: Store) -> None:
    store.add_unit("某县人民政府", "county")
    store.add_unit("某县教育局", parent="某县人民政府")
    store.add_unit("某县财政局", parent="某县人民政府")
    store.add_unit("某某镇", "township", parent="某县人民政府")


def test_units_are_kept_under_their_parent(store: Store) -> None:
    county(store)
    assert store.units()[:2] == [
        UnitInfo("某县人民政府", "county"),
        UnitInfo("某县教育局", "department", "某县人民政府"),
    ]
    assert [u.name for u in store.subordinates("某县人民政府")] == [
        "某县教育局",
        "某县财政局",
        "某某镇",
    ]
    assert store.subordinates("某县教育局") == []
    assert store.unit("某某镇") == UnitInfo("某某镇", "township", "某县人民政府")
    assert store.unit("没有的单位") is None


def test_the_units_below_are_listed_at_every_depth(store: Store) -> None:
    county(store)
    store.add_unit("某县一中", parent="某县教育局")
    assert store.units_below("某县人民政府") == ["某县教育局", "某县财政局", "某某镇", "某县一中"]
    assert store.units_below("某县一中") == []


def test_a_unit_under_a_missing_parent_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="没有名为“某市”的单位"):
        store.add_unit("某局", parent="某市")
    assert store.units() == []


def test_renaming_a_unit_renames_it_in_its_reports_and_below(store: Store) -> None:
    county(store)
    report = sample_report(21)
    report.unit = report.signature_unit = "某县教育局"
    report.title = "某县教育局2021年政府信息公开工作年度报告"
    store.save(report)
    store.set_receipt(Receipt("某县教育局", 2021, "2022-01-20", "教育局.docx"))
    store.rename_unit("某县人民政府", "某某县人民政府")
    store.rename_unit("某县教育局", " 某某县教育局 ")
    assert next(u.name for u in store.subordinates("某某县人民政府")) == "某某县教育局"
    assert store.years("某县教育局") == []
    loaded = store.load("某某县教育局", 2021)
    assert loaded is not None
    assert (loaded.unit, loaded.signature_unit) == ("某某县教育局", "某某县教育局")
    assert loaded.title == "某某县教育局2021年政府信息公开工作年度报告"
    assert loaded.get("table3:new.total") == report.get("table3:new.total")
    assert store.receipts(2021)[0].unit == "某某县教育局"
    assert [u.name for u in store.units()][:2] == ["某某县人民政府", "某某县教育局"]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("某县财政局", "已有名为“某县财政局”的单位"),
        ("  ", "单位名称不能为空"),
        ("某" * 101, "单位名称太长（101 个字"),
        ("某县\n财政局", "控制字符"),
        ("某县\x1b[31m局", "控制字符"),
    ],
)
def test_a_rename_onto_a_taken_or_empty_name_changes_nothing(
    store: Store, new: str, message: str
) -> None:
    county(store)
    before = store.units()
    with pytest.raises(StoreError, match=message):
        store.rename_unit("某县教育局", new)
    assert store.units() == before


def test_a_report_naming_no_real_unit_is_not_stored(store: Store) -> None:
    """A title read as a unit name can be a paragraph or carry a NUL or a terminal's escape
    (a JSON file says what it likes): such a report is refused, and no unit is added."""
    for name in ("某" * 1_000_000, "某\x00局", "某局\x1b[31m", "某\t局"):
        report = sample_report(0)
        report.unit = name
        with pytest.raises(StoreError, match="单位名称"):
            store.save(report)
    assert store.units() == []
    longest = sample_report(1)
    longest.unit = "国家税务总局" + "某" * 94
    store.save(longest)
    assert [u.name for u in store.units()] == [longest.unit]


def test_moving_a_unit_under_another(store: Store) -> None:
    county(store)
    store.add_unit("某市人民政府", "prefecture")
    store.move_unit("某县人民政府", "某市人民政府")
    store.move_unit("某县财政局", None)
    assert store.unit("某县人民政府") == UnitInfo("某县人民政府", "county", "某市人民政府")
    assert store.unit("某县财政局") == UnitInfo("某县财政局", "department", None)


def test_a_unit_cannot_move_under_itself_or_below_itself(store: Store) -> None:
    county(store)
    for parent in ("某县人民政府", "某县教育局"):
        with pytest.raises(StoreError, match="不能把“某县人民政府”移到"):
            store.move_unit("某县人民政府", parent)
    assert store.unit("某县人民政府") == UnitInfo("某县人民政府", "county")


def test_the_level_can_be_changed(store: Store) -> None:
    county(store)
    store.set_unit_level("某某镇", "department")
    assert store.unit("某某镇") == UnitInfo("某某镇", "department", "某县人民政府")
    with pytest.raises(StoreError, match="不认识的单位层级"):
        store.set_unit_level("某某镇", "village")


def test_a_database_of_the_previous_version_migrates_in_place(tmp_path: Path) -> None:
    path = tmp_path / "旧版.sqlite3"
    report = sample_report(21)
    conn = sqlite3.connect(path)
    conn.executescript(VERSION_1)
    with Store.in_memory() as scratch:  # the report's stored form, as version 1 wrote it
        scratch.save(report)
        data = scratch._conn.execute("SELECT data FROM reports").fetchone()[0]
    conn.execute("INSERT INTO units VALUES (?, 'township', '{\"pitch\": 28.9}')", (report.unit,))
    conn.execute(
        "INSERT INTO reports VALUES (?, 2021, ?, '2022-01-20T00:00:00+00:00')", (report.unit, data)
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.units() == [UnitInfo(report.unit, "township")]
        assert store.unit_profile(report.unit) == {"pitch": 28.9}
        loaded = store.load(report.unit, 2021)
        assert loaded is not None and loaded.cells == report.cells
        store.add_unit("某县人民政府", "county")
        store.move_unit(report.unit, "某县人民政府")
        store.discard_report(report.unit, 2021)
        assert store.years(report.unit) == []
    conn = sqlite3.connect(path)
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    conn.close()
    assert int(version) == SCHEMA_VERSION
    with Store.open(path) as store:
        store.restore(store.recycle_bin()[0].id)
        assert store.years(report.unit) == [2021]
        assert store.unit(report.unit) == UnitInfo(report.unit, "township", "某县人民政府")


def test_the_stored_report_names_the_renamed_unit(store: Store) -> None:
    report = sample_report(21)
    store.save(report)
    store.rename_unit(report.unit, "新名称")
    row = store._conn.execute("SELECT data FROM reports").fetchone()[0]
    assert json.loads(row)["unit"] == "新名称"
