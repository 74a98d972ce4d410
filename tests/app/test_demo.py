"""The demo database: the published 2020 report of 高青县行政审批服务局 and a 2021 draft from it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app import demo
from app.domain.carry import DRAFT_MARK
from app.readers.files import read_report_file
from app.readers.json_form import report_to_json
from app.rules import check
from app.store import Store, UnitInfo
from tests.paths import SEED


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.in_memory() as store:
        demo.build_demo(store)
        yield store


def test_the_demo_holds_one_department_with_2020_and_2021(store: Store) -> None:
    assert store.units() == [UnitInfo("高青县行政审批服务局", "department")]
    assert store.years("高青县行政审批服务局") == [2021, 2020]


def test_the_2020_report_has_the_published_figures(store: Store) -> None:
    report = store.load("高青县行政审批服务局", 2020)
    assert report is not None
    assert report.layout_id == "2019"
    # Figures as printed in the published report.
    assert report.get("table2:licensing.decisions") == 14873
    assert report.get("table2:other_services.decisions") == 486
    assert report.get("table2:procurement.amount") == Decimal("347.08")
    assert report.money_units["table2:procurement.amount"] == "万元"
    assert report.get("table3:new.total") == 3
    assert report.get("table3:na_not_held.natural") == 3
    assert report.get("table3:na_not_held.total") == 0
    assert report.get("table4:review.total") == 0
    assert report.signature_date is not None
    assert report.signature_date.isoformat() == "2021-01-21"
    published = report_to_json(read_report_file(SEED))
    for table in ("table2", "table3", "table4"):
        assert report_to_json(report)[table] == published[table]


def test_the_2020_report_shows_its_published_mistakes(store: Store) -> None:
    report = store.load("高青县行政审批服务局", 2020)
    assert report is not None
    errors = {f.rule for f in check(report) if f.severity.value == "error"}
    assert errors == {"R2", "R3"}


def test_2021_is_started_from_2020(store: Store) -> None:
    last = store.load("高青县行政审批服务局", 2020)
    report = store.load("高青县行政审批服务局", 2021)
    assert last is not None and report is not None
    assert report.layout_id == "2021"
    for column in report.layout.table3.column_keys:
        assert report.get(f"table3:carried_in.{column}") == last.get(f"table3:carried_out.{column}")
    for number in ("1", "5", "6"):
        assert report.chapter(number).startswith(DRAFT_MARK)
    assert report.title == "高青县行政审批服务局2021年政府信息公开工作年度报告"


def test_building_returns_the_notes_of_the_new_layout() -> None:
    with Store.in_memory() as store:
        notes = demo.build_demo(store)
    assert any("2021年使用新的表格格式" in note for note in notes)


def test_the_demo_database_is_fresh_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "user_data_folder", lambda: tmp_path / "Nianbao")
    path = demo.demo_db_path()
    assert path == tmp_path / "Nianbao" / "demo.sqlite3"
    with Store.open(path) as store:
        store.add_unit("用户自己加的单位")
        report = store.load("高青县行政审批服务局", 2021)
        assert report is not None
        report.set("table3:new.total", 77)
        store.save(report)
    # A journal left behind by a crash must not be played into the new file.
    path.with_name("demo.sqlite3-journal").write_bytes(b"stale")

    assert demo.demo_db_path() == path
    with Store.open(path) as store:
        assert [u.name for u in store.units()] == ["高青县行政审批服务局"]
        report = store.load("高青县行政审批服务局", 2021)
        assert report is not None
        assert report.get("table3:new.total") is None
    assert not path.with_name("demo.sqlite3-journal").exists()


def test_the_window_may_build_the_demo_again_on_the_fresh_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "user_data_folder", lambda: tmp_path)
    with Store.open(demo.demo_db_path()) as store:
        demo.build_demo(store)
        assert store.years("高青县行政审批服务局") == [2021, 2020]
