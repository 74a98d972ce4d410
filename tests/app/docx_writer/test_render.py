"""The demo report as a reader sees it: rendered by LibreOffice to PDF and read back (see
tests/app/docx_writer/rendered.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.document.blocks import build_blocks
from app.document.model import CellKind, Table
from app.docx_writer import export_docx
from tests.app.document.reports import demo_2020
from tests.app.docx_writer.rendered import (
    MM_PER_PT,
    TEXT_BOTTOM_MM,
    TEXT_LEFT_MM,
    TEXT_RIGHT_MM,
    Line,
    body_lines,
    page_text,
    render,
)
from tests.app.docx_writer.rendered import pages as read_pages

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("render")
    source = folder / "demo_2020.docx"
    export_docx(demo_2020(), source)
    [out] = render([source], folder)
    return out


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[list[Line]]:
    return read_pages(pdf)


def test_a_full_page_of_running_text_has_22_lines(pages: list[list[Line]]) -> None:
    counts = [len(body_lines(lines)) for lines in pages]
    assert counts[1] == 22, counts  # page 2: chapter 1, running text only
    text_pages = [
        c
        for c, lines in zip(counts, pages, strict=True)
        if "申请人情况" not in page_text(lines) and "信息内容" not in page_text(lines)
    ]
    assert max(text_pages) == 22
    pitch = [
        b.y0 - a.y0 for a, b in zip(body_lines(pages[1]), body_lines(pages[1])[1:], strict=False)
    ]
    assert all(abs(p - 225 / 22) < 0.3 for p in pitch), pitch


def test_a_full_line_holds_28_characters(pages: list[list[Line]]) -> None:
    full = [
        ln.text
        for ln in body_lines(pages[1])
        if ln.x0 < TEXT_LEFT_MM + 1
        and ln.x1 > TEXT_RIGHT_MM - 2
        and not any(ch.isascii() for ch in ln.text)
    ]
    # Line-breaking rules (no 〔 or “ at a line's end) leave some lines a character short.
    lengths = [len(t) for t in full]
    assert max(lengths) == 28 and lengths.count(28) > len(lengths) / 2, full


def test_every_page_is_numbered_with_dashes_odd_right_even_left(pages: list[list[Line]]) -> None:
    for number, lines in enumerate(pages, start=1):
        [mark] = [ln for ln in lines if re.fullmatch(r"—\d+—", ln.text)]
        assert mark.text == f"—{number}—"
        if number % 2:
            assert abs(mark.x1 - (TEXT_RIGHT_MM - 14 * MM_PER_PT)) < 2, mark
        else:
            assert abs(mark.x0 - (TEXT_LEFT_MM + 14 * MM_PER_PT)) < 2, mark
        middle = (mark.y0 + mark.y1) / 2
        assert 5 < middle - TEXT_BOTTOM_MM < 9, mark  # about 7 mm below the text block


def first_line_of(text: str, table: Table, cell_width_mm: float) -> str:
    """What of a cell's text fits its first line at 五号 (10.5 pt a character)."""
    fits = int((cell_width_mm - 2 * table.cell_margin_mm) / (10.5 * MM_PER_PT))
    return text[: max(1, fits - 1)]


def test_the_three_tables_are_complete_with_their_headers(pages: list[list[Line]]) -> None:
    whole = "".join(page_text(lines) for lines in pages)
    for table in build_blocks(demo_2020()).tables():
        for cell in table.cells:
            if cell.kind is CellKind.VALUE or not cell.text:
                continue
            width = sum(table.column_widths_mm[cell.col : cell.col + cell.colspan])
            assert first_line_of(cell.text, table, width) in whole, (table.name, cell.text)
    for figure in ("14873", "486", "347.08万元"):
        assert figure in whole


def test_table_3_repeats_its_header_on_each_page(pages: list[list[Line]]) -> None:
    rows = (
        "一、本年新收政府信息公开申请数量",
        "1.属于国家秘密",
        "（七）总计",
        "四、结转下年度继续办理",
    )
    with_rows = [lines for lines in pages if any(row in page_text(lines) for row in rows)]
    assert len(with_rows) >= 2  # the demo's table 3 runs over a page break
    for lines in with_rows:
        assert "申请人情况" in page_text(lines)


def test_the_signature_and_date_are_on_the_page_of_the_last_paragraph(
    pages: list[list[Line]],
) -> None:
    [last_page] = [lines for lines in pages if "本单位无其他报告事项。" in page_text(lines)]
    texts = [ln.text for ln in last_page]
    assert "高青县行政审批服务局" in texts
    assert "2021年1月21日" in texts
    last = texts.index("本单位无其他报告事项。")
    unit, date = texts.index("高青县行政审批服务局"), texts.index("2021年1月21日")
    assert last < unit < date
    unit_line, date_line = last_page[unit], last_page[date]
    # The unit is centred over the date, the date 4 characters in from the right. LibreOffice
    # adds a little space between Chinese and digits, which Word and WPS do not (the file
    # says autoSpaceDE/DN off; LibreOffice ignores it): the date comes out about half a
    # character wider than planned, so the centres may differ by that much there.
    assert abs((unit_line.x0 + unit_line.x1) / 2 - (date_line.x0 + date_line.x1) / 2) < 3.5
    assert abs(TEXT_RIGHT_MM - date_line.x1 - 4 * 16 * MM_PER_PT) < 3
    # Room for the seal between the text and the unit.
    assert unit_line.y0 - last_page[last].y1 > 20
