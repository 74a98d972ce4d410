"""Saved web pages of the government portals read figure for figure: merged cells as rowspan
and colspan, labels repeated in every row or written once, GBK, GB18030 and UTF-8 as the page
declares (or does not), the portal's navigation, footer and scripts around the report."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.readers.files import read_report_file
from app.rules import check
from tests.app.readers.expected_fixtures import EXPECTED
from tests.app.readers.pdf_made import other_agency
from tests.app.readers.published import Page, web_page, with_old_table3
from tests.paths import FIXTURES

SOURCES = {name: read_report_file(FIXTURES / name) for name in sorted(EXPECTED)}
PAGES = {
    "merged, utf-8": Page(),
    "repeated, GBK declared as GB2312": Page(merge="repeat", encoding="gbk", declared="gb2312"),
    "written once, GB18030 by http-equiv": Page(
        merge="once", encoding="gb18030", declare_in="http-equiv", title_lines=2
    ),
    "GBK declaring nothing, no portal": Page(encoding="gbk", declare_in="none", portal=False),
    "inside a layout table": Page(merge="repeat", layout_frame=True),
    "saved by Word, GBK declared as GB2312": Page(
        merge="merge", encoding="gbk", declared="gb2312", portal=False, word=True
    ),
    "Word's markup pasted into the portal, labels written once": Page(merge="once", word=True),
}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_and_word_is_read(name: str, page: str, tmp_path: Path) -> None:
    source, expected = SOURCES[name], EXPECTED[name]
    path = tmp_path / "年报.html"
    path.write_bytes(web_page(source, PAGES[page]))
    report = read_report_file(path)
    assert (report.unit, report.year, report.layout_id) == (
        expected["unit"],
        expected["year"],
        expected["layout"],
    )
    assert report.table_layouts == {}
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.money_units == expected["units"]
    assert report.title == source.title
    assert report.preamble == source.preamble
    for number in ("1", "5", "6"):
        assert report.chapter(number) == source.chapter(number), number
    assert (report.signature_unit, report.signature_date) == (
        source.signature_unit,
        source.signature_date,
    )
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert report.reader_notes == []


def test_the_portal_around_the_report_is_left_out(tmp_path: Path) -> None:
    source = SOURCES["report_2021_pingtan.txt"]
    path = tmp_path / "page.htm"
    path.write_bytes(web_page(source, Page()))
    report = read_report_file(path)
    whole = report.title + report.preamble + "".join(report.chapters.values())
    for furniture in ("首页", "当前位置", "分享到", "网站标识码", "ICP", "访问量", "索引号"):
        assert furniture not in whole, furniture
    assert report.chapter("6").endswith(source.chapter("6"))


def test_the_seed_page_shows_its_published_errors(tmp_path: Path) -> None:
    path = tmp_path / "seed.html"
    path.write_bytes(web_page(SOURCES["seed_2020_gaoqing_xzsp.txt"], Page(merge="once")))
    errors = {
        (f.rule, f.cells[0]) for f in check(read_report_file(path)) if f.severity is Severity.ERROR
    }
    assert errors == {("R2", "table3:na_not_held.total"), ("R3", "table3:results_total.total")}


def test_a_2021_page_with_a_2019_table_3_is_named_by_r13(tmp_path: Path) -> None:
    path = tmp_path / "hybrid.html"
    path.write_bytes(web_page(with_old_table3(SOURCES["report_2021_pingtan.txt"])))
    report = read_report_file(path)
    assert report.table_layouts == {"table3": "2019"}
    assert any(f.rule == "R13" and "表三" in f.message for f in check(report))


def test_a_character_outside_gb2312_in_a_page_that_declares_it(tmp_path: Path) -> None:
    # Portals declare GB2312 and write GBK: 喆 and 堃 are GBK only.
    source = SOURCES["report_2022_pingtan.txt"].copy()
    source.unit = source.signature_unit = "喆堃县人民政府办公室"
    source.title = f"{source.unit}2022年度政府信息公开工作年度报告"
    path = tmp_path / "gbk.html"
    path.write_bytes(web_page(source, Page(encoding="gbk", declared="gb2312")))
    assert read_report_file(path).unit == "喆堃县人民政府办公室"


def test_a_page_declaring_the_wrong_encoding_is_still_read(tmp_path: Path) -> None:
    source = SOURCES["report_2020_pingtan.txt"]
    path = tmp_path / "wrong.html"
    path.write_bytes(web_page(source, Page(encoding="gbk", declared="utf-8")))
    report = read_report_file(path)
    assert report.table_cells("table3") == EXPECTED["report_2020_pingtan.txt"]["table3"]


def test_a_web_page_saved_as_doc_is_read_as_the_page_it_is(tmp_path: Path) -> None:
    path = tmp_path / "年报.doc"
    path.write_bytes(web_page(SOURCES["report_2022_pingtan.txt"], Page(portal=False)))
    assert read_report_file(path).get("table3:new.total") == 74


@pytest.mark.parametrize("seed", range(4))
def test_other_agencies_pages_are_read_figure_for_figure(seed: int, tmp_path: Path) -> None:
    source = other_agency(list(SOURCES.values())[seed], seed)
    page = list(PAGES.values())[seed]
    path = tmp_path / "page.html"
    path.write_bytes(web_page(source, page))
    report = read_report_file(path)
    assert report.unit == source.unit
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == source.table_cells(table), table
    assert report.money_units == source.money_units


@pytest.mark.parametrize("table", ["table2", "table4"])
def test_a_table_shown_as_a_picture_is_named_with_its_chapter(table: str, tmp_path: Path) -> None:
    source = SOURCES["report_2021_pingtan.txt"]
    path = tmp_path / "年报.html"
    path.write_bytes(web_page(source, Page(pictured=(table,))))
    report = read_report_file(path)
    assert report.table_cells(table) == {}
    assert report.table_cells("table3") == EXPECTED["report_2021_pingtan.txt"]["table3"]
    name, chapter = {"table2": ("表二", "二"), "table4": ("表四", "四")}[table]
    assert report.reader_notes == [
        f"没有读到{name}的数字：第{chapter}部分中的表格是图片，无法读取其中的数字，"
        "请向报送单位索取表格为文字的 Word 版"
    ]


def test_an_icon_in_a_chapter_is_no_picture_of_a_table(tmp_path: Path) -> None:
    source = SOURCES["report_2021_pingtan.txt"]
    page = web_page(source, Page(pictured=("table4",))).decode()
    page = page.replace('width="600"', 'width="16" height="16"')  # an icon of the editor's
    path = tmp_path / "年报.html"
    path.write_text(page, "utf-8")
    assert read_report_file(path).reader_notes == ["没有读到表四的数字"]


def test_a_picture_within_a_sentence_splits_nothing_and_is_no_table(tmp_path: Path) -> None:
    source = SOURCES["report_2021_pingtan.txt"]
    page = web_page(source, Page(pictured=("table4",))).decode()
    last = source.chapter("6").splitlines()[-1]
    page = page.replace('<p style="text-align:center"><img', "<p>见图<img")
    paragraph = f'<p style="text-indent:2em">{html.escape(last)}</p>'
    assert paragraph in page
    icon = f'<p style="text-indent:2em">{html.escape(last[:4])}<img src="/i/phone.png">'
    page = page.replace(paragraph, icon + html.escape(last[4:]) + "</p>")
    path = tmp_path / "年报.html"
    path.write_text(page, "utf-8")
    report = read_report_file(path)
    assert report.reader_notes == ["没有读到表四的数字"]
    assert report.chapter("6") == source.chapter("6")
