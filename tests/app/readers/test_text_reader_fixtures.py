"""The published fixture reports read figure by figure, and the errors they really contain."""

from __future__ import annotations

import pytest

from app.domain.findings import Severity
from app.readers.files import read_report_file
from app.rules import check
from tests.app.readers.expected_fixtures import EXPECTED
from tests.paths import FIXTURES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_is_read(name: str) -> None:
    expected = EXPECTED[name]
    report = read_report_file(FIXTURES / name)
    assert report.unit == expected["unit"]
    assert report.year == expected["year"]
    assert report.layout_id == expected["layout"]
    assert report.table_layouts == {}
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.money_units == expected["units"]
    unit, date = expected["signature"]
    assert report.signature_unit == unit
    assert (report.signature_date.isoformat() if report.signature_date else "") == date
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert report.reader_notes == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_chapters_hold_their_text_and_nothing_else(name: str) -> None:
    report = read_report_file(FIXTURES / name)
    assert report.title.endswith("政府信息公开工作年度报告")
    assert "发布时间" not in report.preamble
    assert report.preamble.startswith(("本报告", "根据"))
    assert len(report.chapter("1")) > 300
    assert "二、主动公开" not in report.chapter("1")
    assert report.chapter("5")
    assert report.chapter("6")
    assert "2021年1月21日" not in report.chapter("6")


def _errors(name: str) -> set[tuple[str, str]]:
    report = read_report_file(FIXTURES / name)
    return {(f.rule, f.cells[0]) for f in check(report) if f.severity is Severity.ERROR}


def test_seed_breaks_r2_and_r3_and_nothing_else() -> None:
    assert _errors("seed_2020_gaoqing_xzsp.txt") == {
        ("R2", "table3:na_not_held.total"),
        ("R3", "table3:results_total.total"),
    }


def test_seed_r2_message_names_the_row_and_figures() -> None:
    report = read_report_file(FIXTURES / "seed_2020_gaoqing_xzsp.txt")
    r2 = next(f for f in check(report) if f.rule == "R2")
    assert r2.message == "（四）1.本机关不掌握相关政府信息：总计 0 ≠ 各类申请人之和 3"


def test_pingtan_2020_breaks_r3() -> None:
    assert _errors("report_2020_pingtan.txt") == {
        ("R3", "table3:results_total.natural"),
        ("R3", "table3:results_total.total"),
    }


@pytest.mark.parametrize("name", ["report_2021_pingtan.txt", "report_2022_pingtan.txt"])
def test_pingtan_2021_and_2022_have_no_error(name: str) -> None:
    assert _errors(name) == set()


def test_pingtan_2022_carries_2021_over() -> None:
    previous = read_report_file(FIXTURES / "report_2021_pingtan.txt")
    report = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    rules = {f.rule for f in check(report, previous)}
    assert "R8" not in rules
    assert "R9" not in rules  # 665 + 88 − 55 = 698


def test_a_wrong_carry_over_is_flagged_r8() -> None:
    previous = read_report_file(FIXTURES / "report_2021_pingtan.txt")
    report = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    report.set("table3:carried_in.total", 5)
    r8 = [f for f in check(report, previous) if f.rule == "R8"]
    assert [f.cells for f in r8] == [("table3:carried_in.total",)]
