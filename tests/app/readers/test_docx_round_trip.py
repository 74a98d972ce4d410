"""Everything the program exports as Word reads back identical: every cell, every chapter's
text, the title, the preamble and the signature, as printed."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.demo import demo_seed_report
from app.domain.carry import start_next_year
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import ValueKind
from app.domain.layouts import get_layout, layout_for_year
from app.domain.report import Report
from app.readers.files import read_report_file
from tests.paths import FIXTURES

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
    assert back.signature_unit == (report.signature_unit or report.unit)
    assert back.signature_date == report.signature_date
    empty = [name for table, name in (("table2", "表二"), ("table3", "表三"), ("table4", "表四"))
             if not report.table_cells(table)]
    assert back.reader_notes == [f"没有读到{name}的数字" for name in empty]


def demo_reports() -> dict[str, Report]:
    seed = demo_seed_report()
    reports = {"demo seed 2020": seed, "demo draft 2021": start_next_year(seed)[0]}
    for path in sorted(FIXTURES.glob("*.txt")):
        reports[path.stem] = read_report_file(path)
    return reports


DEMO = demo_reports()


@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_reports_read_back_identical(name: str) -> None:
    assert_reads_back(DEMO[name])


# ---- generated reports -----------------------------------------------------------------------

WORDS = ("本机关", "认真贯彻", "政务公开", "工作要求", "进一步完善", "制度建设", "加强培训",
         "平台建设", "主动公开信息", "依申请公开", "解读回应", "监督保障", "稳步推进", "群众满意")
UNIT_CHARS = "青山河东西南北城乡区县市场监督管理教育卫生交通财政审批服务"
SUFFIXES = ("局", "委员会", "办公室", "人民政府", "街道办事处")


@st.composite
def sentences(draw: st.DrawFn, placeholders_too: bool = True) -> str:
    parts = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
    number = draw(st.integers(0, 99999))
    text = "".join(parts[:2]) + f"共{number}条，" + "".join(parts[2:]) + "。"
    if placeholders_too and draw(st.booleans()):
        text = text.replace(f"共{number}条", "共{{本年新收申请总数}}件")
    return text


@st.composite
def chapter_texts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(sentences(), min_size=0, max_size=4))
    if lines and draw(st.booleans()):
        lines.insert(0, "（一）" + draw(st.sampled_from(WORDS)))
    if lines and draw(st.booleans()):
        lines.insert(1, "")  # a blank line between paragraphs is not printed
    return "\n".join(lines)


def _value(draw: st.DrawFn, kind: ValueKind) -> int | Decimal:
    if kind is ValueKind.COUNT:
        return draw(st.integers(0, 10**7))
    if kind is ValueKind.SIGNED_COUNT:
        return draw(st.integers(-10**5, 10**5))
    places = draw(st.integers(0, 6))
    return Decimal(draw(st.integers(0, 10**11))).scaleb(-places)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    year = draw(st.integers(2019, 2026))
    unit = draw(st.text(UNIT_CHARS, min_size=2, max_size=14)) + draw(st.sampled_from(SUFFIXES))
    report = Report(unit=unit, year=year)
    report.preamble = draw(st.sampled_from([
        "",
        f"本报告根据《中华人民共和国政府信息公开条例》编制。数据统计期限自{year}年1月1日起至"
        f"{year}年12月31日止。",
    ])) + draw(sentences(placeholders_too=False))
    for number in "123456":
        if number in "156" or draw(st.integers(0, 4)) == 0:
            report.chapters[number] = draw(chapter_texts())
    if draw(st.booleans()):
        report.chapters["1"] = CHAPTER_HEADINGS[0] + "\n" + report.chapter("1")
    if draw(st.integers(0, 5)) == 0:
        report.table_layouts = {"table3": "2019" if layout_for_year(year).id == "2021" else "2021"}
    for table in ("table2", "table3", "table4"):
        for spec in get_layout(report.table_layout_id(table)).table(table).cells:
            if draw(st.integers(0, 9)) == 0:
                continue  # a blank cell
            report.set(spec.ref, _value(draw, spec.kind))
            if spec.kind is ValueKind.MONEY_WITH_UNIT:
                report.money_units[spec.ref] = draw(st.sampled_from(["元", "万元"]))
    report.signature_unit = draw(st.sampled_from(["", unit, unit + "办公室"]))
    if draw(st.booleans()):
        report.signature_date = dt.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28)))
    return report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_reports_read_back_identical(report: Report) -> None:
    assert_reads_back(report)
