"""Starting next year's report from this year's."""

from __future__ import annotations

from app.domain.carry import DRAFT_MARK, start_next_year
from app.readers.files import read_report_file
from app.rules import check
from tests.paths import FIXTURES, SEED


def test_2020_to_2021_changes_layout_and_carries_the_balance() -> None:
    previous = read_report_file(FIXTURES / "report_2021_pingtan.txt")
    report, notes = start_next_year(previous)
    assert report.year == 2022 and report.layout_id == "2021"
    assert report.table_cells("table3") == {
        f"carried_in.{c}": previous.number(f"table3:carried_out.{c}")
        for c in report.layout.table3.column_keys
    }
    assert notes == []
    assert not [f for f in check(report, previous) if f.rule == "R8"]


def test_seed_to_2021_says_what_could_not_be_carried() -> None:
    previous = read_report_file(SEED)
    report, notes = start_next_year(previous)
    assert report.layout_id == "2021"
    assert report.title == "高青县行政审批服务局2021年政府信息公开工作年度报告"
    assert report.chapter("5").startswith(DRAFT_MARK)
    assert len(notes) == 1 and "国办公开办函〔2021〕30号" in notes[0]
    assert "2021年1月1日" in report.preamble
