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


def test_the_heading_marks_of_the_text_go_with_the_draft() -> None:
    previous = read_report_file(SEED)
    previous.headings = {
        "1": {"（一）体制机制建设": 0},
        "5": {"一是对政府信息公开": 2},
        "3": {"说明": 2},
    }
    report, _ = start_next_year(previous)
    assert report.headings == {"1": {"（一）体制机制建设": 0}, "5": {"一是对政府信息公开": 2}}


def test_a_year_started_from_a_draft_is_marked_once_and_keeps_its_first_heading() -> None:
    from app.document.model import TextRole
    from app.document.text_blocks import text_paragraphs

    first, _ = start_next_year(read_report_file(SEED))
    second, _ = start_next_year(first)  # last year's draft was never finished
    for report in (first, second):
        text = report.chapter("1")
        assert text.count(DRAFT_MARK) == 1 and text.startswith(DRAFT_MARK + "（一）体制机制建设")
        heading = text_paragraphs(text)[0]
        assert heading.runs[0].role is TextRole.HEADING2
