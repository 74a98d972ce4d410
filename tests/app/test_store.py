"""The store keeps units, their reports by year, layout profiles and settings across reopening."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.readers.json_form import report_to_json
from app.store import Store, StoreError, UnitInfo, default_db_path
from tests.app.store_samples import sample_report
from tests.user_folders import user_folder_env


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nianbao.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as store:
        yield store


def test_a_saved_report_comes_back_whole_after_reopening(db_path: Path) -> None:
    report = sample_report(21)
    with Store.open(db_path) as store:
        store.save(report)
    with Store.open(db_path) as store:
        loaded = store.load(report.unit, report.year)
    assert loaded is not None
    assert report_to_json(loaded) == report_to_json(report)


def test_saving_again_replaces_the_years_report(store: Store) -> None:
    report = sample_report(21)
    store.save(report)
    report.set("table3:new.total", 999)
    report.chapters["5"] = "改进措施"
    store.save(report)
    loaded = store.load(report.unit, report.year)
    assert loaded is not None
    assert loaded.get("table3:new.total") == 999
    assert loaded.chapter("5") == "改进措施"
    assert store.years(report.unit) == [report.year]


def test_save_adds_the_unit_with_the_reports_level(store: Store) -> None:
    report = sample_report(21)
    report.level = "township"
    store.save(report)
    assert store.units() == [UnitInfo(report.unit, "township")]


def test_years_are_listed_latest_first(store: Store) -> None:
    for number in (20, 22, 21):
        store.save(sample_report(number))
    assert store.years("测试单位0") == [2022, 2021, 2020]
    assert store.years("没有的单位") == []


def test_a_missing_report_loads_as_none(store: Store) -> None:
    store.save(sample_report(21))
    assert store.load("测试单位0", 2019) is None
    assert store.load("没有的单位", 2021) is None


def test_deleting_a_report_keeps_the_others(store: Store) -> None:
    store.save(sample_report(20))
    store.save(sample_report(21))
    store.delete_report("测试单位0", 2020)
    assert store.years("测试单位0") == [2021]
    assert store.load("测试单位0", 2020) is None


def test_units_are_listed_in_the_order_they_were_added(store: Store) -> None:
    store.add_unit("乙局")
    store.add_unit("甲镇", level="township")
    store.add_unit("丙县", level="county")
    assert store.units() == [
        UnitInfo("乙局", "department"),
        UnitInfo("甲镇", "township"),
        UnitInfo("丙县", "county"),
    ]


@pytest.mark.parametrize(
    ("name", "level", "message"),
    [
        ("", "department", "单位名称不能为空"),
        ("   ", "department", "单位名称不能为空"),
        ("某局", "ministry", "不认识的单位层级"),
    ],
)
def test_a_bad_unit_is_refused(store: Store, name: str, level: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.add_unit(name, level)
    assert store.units() == []


def test_a_unit_cannot_be_added_twice(store: Store) -> None:
    store.add_unit("某局")
    with pytest.raises(StoreError, match="已经存在"):
        store.add_unit(" 某局 ", level="county")
    assert store.units() == [UnitInfo("某局", "department")]


def test_the_layout_profile_is_kept_with_the_unit(db_path: Path) -> None:
    profile = {"fonts": {"body": "仿宋_GB2312"}, "margins_mm": [37, 35, 28, 26], "pitch": 28.9}
    with Store.open(db_path) as store:
        store.add_unit("某局")
        assert store.unit_profile("某局") == {}
        store.set_unit_profile("某局", profile)
    with Store.open(db_path) as store:
        assert store.unit_profile("某局") == profile
        assert store.unit_profile("没有的单位") == {}


def test_a_profile_for_a_missing_unit_or_not_json_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="没有名为“某局”的单位"):
        store.set_unit_profile("某局", {"a": 1})
    store.add_unit("某局")
    with pytest.raises(StoreError, match="无法保存"):
        store.set_unit_profile("某局", {"a": object()})
    assert store.unit_profile("某局") == {}


def test_settings_survive_reopening(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.get_setting("last_unit") == ""
        assert store.get_setting("geometry", "1280x800") == "1280x800"
        store.set_setting("last_unit", "高青县行政审批服务局")
        store.set_setting("last_year", "2021")
        store.set_setting("last_year", "2020")
    with Store.open(db_path) as store:
        assert store.get_setting("last_unit") == "高青县行政审批服务局"
        assert store.get_setting("last_year") == "2020"


def test_a_failed_write_changes_nothing(store: Store) -> None:
    report = sample_report(21)
    report.unit = "  "
    with pytest.raises(StoreError, match="单位名称不能为空"):
        store.save(report)
    assert store.units() == []


def test_a_closed_store_says_so(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    with pytest.raises(StoreError, match="数据库已关闭"):
        store.units()


def test_an_in_memory_store_works_like_a_file(tmp_path: Path) -> None:
    with Store.in_memory() as store:
        store.save(sample_report(21))
        assert store.path is None
        assert store.years("测试单位0") == [2021]
    assert list(tmp_path.iterdir()) == []


def test_the_parent_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "用户" / "Nianbao" / "nianbao.sqlite3"
    with Store.open(path) as store:
        assert store.path == path
    assert path.is_file()


def test_the_default_database_follows_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NIANBAO_DB", str(tmp_path / "其他.sqlite3"))
    assert default_db_path() == tmp_path / "其他.sqlite3"


def test_the_default_database_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NIANBAO_DB", raising=False)
    for name, value in user_folder_env(tmp_path).items():
        monkeypatch.setenv(name, value)  # %APPDATA% on Windows, XDG_DATA_HOME on Linux
    path = default_db_path()
    assert path.name == "nianbao.sqlite3"
    assert path.parent.name == "Nianbao"
    if sys.platform != "darwin":  # macOS has a folder of its own under the home folder
        assert path == tmp_path / "data" / "Nianbao" / "nianbao.sqlite3"
        with Store.open(path):
            pass
        assert path.is_file()


def test_a_report_that_could_not_be_loaded_back_is_not_saved(store: Store) -> None:
    report = sample_report(21)
    report.year = 12021
    with pytest.raises(StoreError, match="报告无法保存"):
        store.save(report)
    assert store.units() == []
