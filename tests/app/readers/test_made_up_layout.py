"""A report in the made-up layout, pasted as text or written by our own .docx writer, reads back
figure for figure, its tables recognised by their marker labels: the readers know no layout but
by its data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain.layout import Layout
from app.domain.report import Report
from app.readers.files import read_report_file
from app.readers.table3_reader import read_table3
from app.readers.text_reader import read_text
from app.rules import check
from tests.app.readers.pasted import render, table_rows

docx_writer = pytest.importorskip("app.docx_writer")


def assert_same_figures(read: Report, written: Report) -> None:
    for table in ("table2", "table3", "table4"):
        assert read.table_cells(table) == written.table_cells(table), table
    assert read.reader_notes == []


@pytest.mark.parametrize("style", ["tabs", "pipes", "word", "stream"])
def test_pasted_text_reads_back(style: str, made_up_layout: Layout, made_up_report: Report) -> None:
    read = read_text(render(made_up_report, style))
    assert (read.unit, read.year, read.layout_id) == ("青山区数据资源局", 2031, made_up_layout.id)
    assert read.table_layouts == {}
    assert_same_figures(read, made_up_report)


def test_our_docx_reads_back(
    tmp_path: Path, made_up_layout: Layout, made_up_report: Report
) -> None:
    path = tmp_path / "报告.docx"
    docx_writer.export_docx(made_up_report, path, now=dt.datetime(2032, 1, 18, tzinfo=dt.UTC))
    read = read_report_file(path)
    assert (read.year, read.layout_id, read.table_layouts) == (2031, made_up_layout.id, {})
    assert_same_figures(read, made_up_report)
    assert read.chapter("6") == "本年度未收取信息处理费。"


def test_our_docx_of_an_earlier_year_in_it_is_told_by_its_markers(
    tmp_path: Path, made_up_layout: Layout, made_up_report: Report
) -> None:
    report = made_up_report.copy()
    report.year, report.title = 2025, "青山区数据资源局2025年政府信息公开工作年度报告"
    report.preamble = report.preamble.replace("2031年", "2025年")
    path = tmp_path / "报告.docx"
    docx_writer.export_docx(report, path, now=dt.datetime(2026, 1, 18, tzinfo=dt.UTC))
    read = read_report_file(path)
    assert (read.year, read.layout_id) == (2025, "2021")
    assert read.table_layouts == {"table2": made_up_layout.id, "table3": made_up_layout.id}
    assert_same_figures(read, made_up_report)


def test_its_tables_in_an_earlier_year_are_told_by_their_markers(
    made_up_layout: Layout, made_up_report: Report
) -> None:
    """Not the year but the tables' own labels say the layout: 本年宣布失效件数 in table 2, the row
    4.申请人撤回申请 in table 3. A 2025 report in it is a mixed one (rule R13)."""
    text = render(made_up_report, "tabs").replace("2031年", "2025年")
    read = read_text(text)
    assert (read.year, read.layout_id) == (2025, "2021")
    assert read.table_layouts == {"table2": made_up_layout.id, "table3": made_up_layout.id}
    assert_same_figures(read, made_up_report)
    r13 = [f for f in check(read) if f.rule == "R13"]
    assert {f.cells for f in r13} == {("table2:",), ("table3:",)}


def test_the_current_layout_is_still_told_from_it(
    made_up_layout: Layout, made_up_report: Report
) -> None:
    current = Report(unit="青山区数据资源局", year=2030)
    for spec in current.layout.table3.cells:
        current.set(spec.ref, 1)
    rows = table_rows(current, current.layout.table3, "tabs")
    assert read_table3(rows).layout_id == "2021"
    rows = table_rows(made_up_report, made_up_layout.table3, "tabs")
    assert read_table3(rows).layout_id == made_up_layout.id
