"""The block list of a whole report: what every renderer prints, in order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.document.blocks import UNDATED, build_blocks
from app.document.model import CellKind, Paragraph, Signature, Table, TextRole
from app.document.profile import OFFICIAL
from app.document.title_breaking import text_width
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.report import Report
from app.readers.text_reader import read_text
from tests.app.document.reports import PUBLISHED_HEADINGS, demo_2020, demo_2021
from tests.paths import FIXTURES


def test_title_preamble_chapters_tables_and_signature_come_in_reading_order() -> None:
    blocks = build_blocks(demo_2020()).blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].role is TextRole.TITLE
    assert blocks[0].text == "高青县行政审批服务局\n2020年政府信息公开工作年度报告"
    assert isinstance(blocks[1], Paragraph) and blocks[1].runs == ()  # 标题下空一行
    assert isinstance(blocks[2], Paragraph) and blocks[2].text.startswith("本报告根据")
    outline = [
        b.text if isinstance(b, Paragraph) else b.name
        for b in blocks
        if isinstance(b, Table) or (isinstance(b, Paragraph) and b.role is TextRole.HEADING1)
    ]
    assert outline == [
        CHAPTER_HEADINGS[0],
        CHAPTER_HEADINGS[1],
        "table2",
        CHAPTER_HEADINGS[2],
        "table3",
        CHAPTER_HEADINGS[3],
        "table4",
        CHAPTER_HEADINGS[4],
        CHAPTER_HEADINGS[5],
    ]
    assert isinstance(blocks[-1], Signature)


def test_chapter_headings_know_their_number_and_stay_with_what_follows() -> None:
    headings = [p for p in build_blocks(demo_2020()).paragraphs() if p.chapter]
    assert [p.chapter for p in headings] == ["1", "2", "3", "4", "5", "6"]
    assert all(p.keep_with_next for p in headings)


def test_sub_headings_of_chapter_one_are_found() -> None:
    paragraphs = build_blocks(demo_2020()).paragraphs()
    level2 = [p.text for p in paragraphs if p.role is TextRole.HEADING2]
    assert level2[:3] == ["（一）体制机制建设", "（二）主动公开", "（三）依申请公开"]


def test_the_last_paragraph_signature_and_date_stay_together() -> None:
    blocks = build_blocks(demo_2020()).blocks
    last, signature = blocks[-2], blocks[-1]
    assert isinstance(last, Paragraph) and last.text == "本单位无其他报告事项。"
    assert last.keep_with_next and last.keep_together
    assert isinstance(signature, Signature)
    assert signature.unit == "高青县行政审批服务局"
    assert signature.date == "2021年1月21日"  # no leading zeros


def test_the_unit_is_centred_over_a_date_right_indented_four_characters() -> None:
    signature = build_blocks(demo_2020()).blocks[-1]
    assert isinstance(signature, Signature)
    assert signature.date_right_indent_chars == 4
    date_centre = 4 + text_width(signature.date) / 2
    unit_centre = signature.unit_right_indent_chars + text_width(signature.unit) / 2
    assert unit_centre == date_centre


def test_there_is_room_for_a_42_mm_seal_above_the_date() -> None:
    signature = build_blocks(demo_2020()).blocks[-1]
    assert isinstance(signature, Signature)
    lines = signature.blank_lines_before + 2
    assert lines * OFFICIAL.line_pitch_pt * 25.4 / 72 >= 40  # about the seal's diameter


def test_a_report_without_a_date_leaves_room_to_write_it() -> None:
    report = demo_2020()
    report.signature_date = None
    signature = build_blocks(report).blocks[-1]
    assert isinstance(signature, Signature) and signature.date == UNDATED


def test_the_signature_falls_back_to_the_unit() -> None:
    report = Report(unit="某某局", year=2021, signature_date=dt.date(2022, 1, 5))
    signature = build_blocks(report).blocks[-1]
    assert isinstance(signature, Signature)
    assert (signature.unit, signature.date) == ("某某局", "2022年1月5日")


def test_placeholders_print_as_figures() -> None:
    report = demo_2020()
    report.chapters["1"] = "本年共收到申请{{本年新收申请总数}}件。"
    texts = [p.text for p in build_blocks(report).paragraphs()]
    assert "本年共收到申请3件。" in texts


def test_a_lead_paragraph_of_a_table_chapter_stands_between_heading_and_table() -> None:
    report = demo_2020()
    report.chapters["3"] = "本年度共收到政府信息公开申请{{本年新收申请总数}}件。"
    blocks = build_blocks(report).blocks
    [at] = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Paragraph) and b.text == CHAPTER_HEADINGS[2]
    ]
    lead, table3 = blocks[at + 1], blocks[at + 2]
    assert isinstance(lead, Paragraph) and lead.text == "本年度共收到政府信息公开申请3件。"
    assert lead.keep_with_next
    assert isinstance(table3, Table) and table3.name == "table3"


def test_a_chapter_repeating_its_heading_is_not_printed_twice() -> None:
    report = demo_2020()
    report.chapters["5"] = "五、存在的主要问题及改进情况\n问题一。"
    texts = [p.text for p in build_blocks(report).paragraphs()]
    assert texts.count("五、存在的主要问题及改进情况") == 1


def table(report: Report, name: str) -> Table:
    [t] = [t for t in build_blocks(report).tables() if t.name == name]
    return t


def test_table_3_of_2021_has_the_official_merges() -> None:
    t = table(demo_2021(), "table3")
    spans = {c.text: (c.rowspan, c.colspan) for c in t.cells if c.kind is not CellKind.VALUE}
    assert spans["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
    assert spans["申请人情况"] == (1, 7)
    assert spans["法人或其他组织"] == (1, 5)
    assert spans["自然人"] == (2, 1)
    assert spans["三、本年度办理结果"] == (22, 1)
    assert spans["（三）不予公开"] == (8, 1)
    assert spans["（六）其他处理"] == (3, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3)
    assert t.header_rows == 3
    assert t.n_rows == 28 and t.n_cols == 10


def test_table_3_of_2019_has_one_other_row() -> None:
    t = table(demo_2020(), "table3")
    spans = {c.text: (c.rowspan, c.colspan) for c in t.cells if c.kind is CellKind.LABEL}
    assert spans["三、本年度办理结果"] == (20, 1)
    assert spans["（六）其他处理"] == (1, 2)


def test_value_cells_print_the_report_figures_as_entered() -> None:
    t = table(demo_2020(), "table2")
    values = {c.ref: c.text for c in t.cells if c.kind is CellKind.VALUE}
    assert values["table2:licensing.decisions"] == "14873"
    assert values["table2:procurement.amount"] == "347.08万元"
    t3 = table(demo_2020(), "table3")
    values = {c.ref: c.text for c in t3.cells if c.kind is CellKind.VALUE}
    assert values["table3:na_not_held.natural"] == "3"
    assert values["table3:na_not_held.total"] == "0"  # the published error, printed as it is


def test_a_blank_cell_prints_blank_not_zero() -> None:
    t = table(demo_2021(), "table3")
    values = {c.ref: c.text for c in t.cells if c.kind is CellKind.VALUE}
    assert values["table3:open.total"] == ""


def test_every_grid_position_is_covered_once() -> None:
    for report in (demo_2020(), demo_2021()):
        for t in build_blocks(report).tables():
            covered = [
                (r, c)
                for cell in t.cells
                for r in range(cell.row, cell.row + cell.rowspan)
                for c in range(cell.col, cell.col + cell.colspan)
            ]
            assert sorted(covered) == [(r, c) for r in range(t.n_rows) for c in range(t.n_cols)]


def test_tables_fill_the_156_mm_text_block() -> None:
    for t in build_blocks(demo_2021()).tables():
        assert abs(sum(t.column_widths_mm) - 156) < 0.05
    t4 = table(demo_2021(), "table4")
    assert t4.n_cols == 15


def test_tables_follow_a_narrower_text_block() -> None:
    profile = dataclasses.replace(OFFICIAL, margin_left_mm=30, margin_right_mm=30)
    for t in build_blocks(demo_2020(), profile).tables():
        assert abs(sum(t.column_widths_mm) - 150) < 0.05


def test_table_2_keeps_each_caption_and_header_with_the_rows_below() -> None:
    t = table(demo_2020(), "table2")
    captions = [c.row for c in t.cells if c.kind is CellKind.TITLE]
    assert captions == [0, 4, 8, 12, 15]
    # The first caption too: the chapter heading, caption and column heads stay with 规章.
    assert t.keep_with_next_rows == {r for row in captions for r in (row, row + 1)}


def second_level_headings(report: Report) -> list[str]:
    """The text printed in the （一） heading font, 楷体."""
    return [
        run.text
        for p in build_blocks(report).paragraphs()
        for run in p.runs
        if run.role is TextRole.HEADING2
    ]


@pytest.mark.parametrize(("fixture", "expected"), sorted(PUBLISHED_HEADINGS.items()))
def test_the_published_reports_print_their_second_level_headings_in_the_heading_font(
    fixture: str, expected: list[str]
) -> None:
    report = read_text((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert second_level_headings(report) == expected


def test_a_heading_the_user_marked_prints_as_one_and_an_unmarked_one_as_body() -> None:
    report = Report(
        unit="某某县市场监督管理局",
        year=2024,
        chapters={
            "1": "（一）主动公开\n全年主动公开信息326条。\n主动公开平台建设情况\n依托县政府网站公开。",
            "5": "（一）各项工作按期完成。",
        },
    )
    assert second_level_headings(report) == ["（一）主动公开", "（一）各项工作按期完成。"]
    report.headings = {"1": {"主动公开平台建设情况": 2}, "5": {"（一）各项工作按期完成。": 0}}
    assert second_level_headings(report) == ["（一）主动公开", "主动公开平台建设情况"]
    [marked] = [p for p in build_blocks(report).paragraphs() if p.text == "主动公开平台建设情况"]
    assert marked.role is TextRole.HEADING2 and marked.keep_with_next
