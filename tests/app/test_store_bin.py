"""The recycle bin: deleted units and reports wait there, whole, until restored or purged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.report import Report
from app.readers.json_form import report_to_json
from app.store import Receipt, Store, StoreError, UnitInfo
from tests.app.store_samples import sample_report


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nianbao.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as store:
        yield store


def report_of(unit: str, number: int) -> Report:
    report = sample_report(number)
    report.unit = unit
    return report


def fill(store: Store) -> None:
    store.add_unit("某县人民政府", "county")
    store.add_unit("某县教育局", parent="某县人民政府")
    store.add_unit("某县第一中学", parent="某县教育局")
    store.add_unit("某县财政局", parent="某县人民政府")
    for unit, number in (
        ("某县教育局", 20),
        ("某县教育局", 21),
        ("某县第一中学", 21),
        ("某县财政局", 21),
    ):
        store.save(report_of(unit, number))
    store.set_unit_profile("某县教育局", {"pitch": 28.9})
    store.set_receipt(Receipt("某县教育局", 2021, "2022-01-18", "教育局.docx"))


def test_a_deleted_report_comes_back_whole(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store)
        before = report_to_json(store.load("某县教育局", 2021))  # type: ignore[arg-type]
        store.discard_report("某县教育局", 2021)
        assert store.years("某县教育局") == [2020]
        assert store.receipts(2021) == []
        [entry] = store.recycle_bin()
        assert entry.label == "某县教育局 2021年度报告"
    with Store.open(db_path) as store:  # the bin is on disk, not in memory
        store.restore(entry.id)
        assert store.years("某县教育局") == [2021, 2020]
        assert report_to_json(store.load("某县教育局", 2021)) == before  # type: ignore[arg-type]
        assert store.receipts(2021)[0].source == "教育局.docx"
        assert store.recycle_bin() == []


def test_a_deleted_unit_takes_its_subordinates_and_reports_and_comes_back(store: Store) -> None:
    fill(store)
    units_before = store.units()
    store.discard_unit("某县教育局")
    assert [u.name for u in store.units()] == ["某县人民政府", "某县财政局"]
    assert store.years("某县第一中学") == []
    [entry] = store.recycle_bin()
    assert (entry.kind, entry.units, entry.reports) == ("unit", 2, 3)
    assert entry.label == "单位“某县教育局”（报告 3 份，含下级单位 1 个）"
    store.restore(entry.id)
    assert sorted(store.units(), key=lambda u: u.name) == sorted(units_before, key=lambda u: u.name)
    assert store.years("某县第一中学") == [2021]
    assert store.unit_profile("某县教育局") == {"pitch": 28.9}


def test_a_unit_restored_after_its_parent_went_returns_at_the_top(store: Store) -> None:
    fill(store)
    first = store.discard_unit("某县财政局")
    store.discard_unit("某县人民政府")
    store.restore(first)
    assert store.unit("某县财政局") == UnitInfo("某县财政局", "department", None)


def test_restoring_over_a_taken_name_or_year_changes_nothing(store: Store) -> None:
    fill(store)
    unit_entry = store.discard_unit("某县财政局")
    store.add_unit("某县财政局")  # a new unit of the same name meanwhile
    with pytest.raises(StoreError, match="已有名为“某县财政局”的单位"):
        store.restore(unit_entry)
    report_entry = store.discard_report("某县教育局", 2020)
    store.save(report_of("某县教育局", 20))
    with pytest.raises(StoreError, match="已有2020年度的报告"):
        store.restore(report_entry)
    assert len(store.recycle_bin()) == 2


def test_a_report_of_a_deleted_unit_waits_for_its_unit(store: Store) -> None:
    fill(store)
    report_entry = store.discard_report("某县财政局", 2021)
    unit_entry = store.discard_unit("某县财政局")
    with pytest.raises(StoreError, match="请先恢复该单位"):
        store.restore(report_entry)
    store.restore(unit_entry)
    store.restore(report_entry)
    assert store.years("某县财政局") == [2021]


def test_purging_removes_for_good(store: Store) -> None:
    fill(store)
    one = store.discard_report("某县教育局", 2020)
    store.discard_report("某县教育局", 2021)
    store.purge(one)
    assert len(store.recycle_bin()) == 1
    store.purge()
    assert store.recycle_bin() == []
    with pytest.raises(StoreError, match="回收站中没有这一项"):
        store.restore(one)


def test_deleting_what_is_not_there_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="没有名为“某局”的单位"):
        store.discard_unit("某局")
    with pytest.raises(StoreError, match="没有“某局”2021年度的报告"):
        store.discard_report("某局", 2021)
    assert store.recycle_bin() == []
