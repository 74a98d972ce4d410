"""Everything the program exports as Word reads back identical: every cell, every chapter's
text, the title, the preamble and the signature, as printed."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.report import Report
from app.readers.files import read_report_file
from tests.app.readers.generated import DEMO, reports

docx_writer = pytest.importorskip("app.docx_writer")
placeholders = pytest.importorskip("app.document.placeholders")

_SPACES = " \t\u3000\u00a0"


def printed_text(text: str, report: Report, heading: str = "") -> str:
    """A text as the document shows it: figures for placeholders, one line per paragraph."""
    lines = [line.strip(_SPACES) for line in placeholders.expand(text, report).splitlines()]
    lines = [line for line in lines if line]
    if heading and lines and lines[0] == heading:
        lines = lines[1:]
    return "\n".join(lines)


def exported_and_read(report: Report) -> Report:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "报告.docx"
        docx_writer.export_docx(report, path, now=dt.datetime(2022, 1, 20, tzinfo=dt.UTC))
        return read_report_file(path)


def assert_reads_back(report: Report) -> None:
    back = exported_and_read(report)
    assert (back.unit, back.year, back.layout_id) == (report.unit, report.year, report.layout_id)
    assert back.title == re.sub(r"\s+", "", report.title)
    assert back.preamble == printed_text(report.preamble, report)
    assert back.table_layouts == report.table_layouts
    for table in ("table2", "table3", "table4"):
        assert back.table_cells(table) == report.table_cells(table), table
    assert back.money_units == report.money_units
    for number, heading in zip("123456", CHAPTER_HEADINGS, strict=True):
        assert back.chapter(number) == printed_text(report.chapter(number), report, heading), number
    assert back.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert back.headings == report.headings  # the rules read the file as they read the text
    assert back.signature_unit == (report.signature_unit or report.unit)
    assert back.signature_date == report.signature_date
    empty = [
        name
        for table, name in (("table2", "表二"), ("table3", "表三"), ("table4", "表四"))
        if not report.table_cells(table)
    ]
    assert back.reader_notes == [f"没有读到{name}的数字" for name in empty]


@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_reports_read_back_identical(name: str) -> None:
    assert_reads_back(DEMO[name])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_reports_read_back_identical(report: Report) -> None:
    assert_reads_back(report)
