"""Fonts as GB/T 9704 wants them, written so that Word, WPS and LibreOffice cannot fall back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.docx_writer import export_docx
from app.readers.files import read_report_file
from tests.app.document.reports import PUBLISHED_HEADINGS, demo_2020
from tests.app.docx_writer.docx_parts import NS, footer_names, part, w
from tests.paths import FIXTURES


def east_asian_fonts(root: Any) -> list[str | None]:
    fonts = []
    for run in root.iter(w("r")):
        r_fonts = run.find("w:rPr/w:rFonts", NS)
        fonts.append(None if r_fonts is None else r_fonts.get(w("eastAsia")))
    return fonts


def test_every_run_names_its_east_asian_font(docx_2020: Path) -> None:
    names = [part(docx_2020, "word/document.xml")]
    names += [part(docx_2020, name) for name in footer_names(docx_2020).values()]
    for root in names:
        fonts = east_asian_fonts(root)
        assert fonts and None not in fonts


def test_digits_and_latin_are_times_new_roman(docx_2020: Path) -> None:
    document = part(docx_2020, "word/document.xml")
    latin = {f.get(w("ascii")) for f in document.iter(w("rFonts"))}
    assert latin == {"Times New Roman"}


def test_headings_title_and_body_use_their_fonts(docx_2020: Path) -> None:
    document = part(docx_2020, "word/document.xml")

    def fonts_of(text: str) -> set[str]:
        for p in document.iter(w("p")):
            if "".join(p.itertext()) == text:
                return {f.get(w("eastAsia")) for f in p.iter(w("rFonts"))}
        raise AssertionError(text)

    assert fonts_of("一、总体情况") == {"黑体"}
    assert fonts_of("（一）体制机制建设") == {"楷体_GB2312"}
    assert fonts_of("高青县行政审批服务局2020年政府信息公开工作年度报告") == {"方正小标宋简体"}
    assert fonts_of("本单位无其他报告事项。") == {"仿宋_GB2312"}


def test_document_defaults_name_fonts_not_theme_fonts(docx_2020: Path) -> None:
    styles = part(docx_2020, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(w("eastAsia")) == "仿宋_GB2312"
    assert defaults.get(w("ascii")) == "Times New Roman"
    theme_attributes = [
        name for f in styles.iter(w("rFonts")) for name in f.attrib if "heme" in name
    ]
    assert theme_attributes == []
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def test_body_is_3hao_and_title_2hao(docx_2020: Path) -> None:
    styles = part(docx_2020, "word/styles.xml")

    def size(style_id: str) -> str:
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        value: str = style.find("w:rPr/w:sz", NS).get(w("val"))
        return value

    assert size("Normal") == "32"  # half-points: 16 pt, 3号
    assert size("Title") == "44"  # 22 pt, 2号
    assert size("Footer") == "28"  # 14 pt, 4号


def test_twenty_eight_characters_a_line(docx_2020: Path) -> None:
    styles = part(docx_2020, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    spacing = int(normal.find("w:rPr/w:spacing", NS).get(w("val")))
    pitch = 16 + spacing / 20
    assert 28 * pitch <= 156 / 25.4 * 72 < 29 * pitch


def test_the_font_table_offers_installed_fonts_for_the_official_ones(docx_2020: Path) -> None:
    fonts = part(docx_2020, "word/fontTable.xml")
    alt = {f.get(w("name")): f.find("w:altName", NS) for f in fonts.iter(w("font"))}
    assert alt["仿宋_GB2312"].get(w("val")) == "仿宋"
    assert alt["楷体_GB2312"].get(w("val")) == "楷体"
    assert alt["方正小标宋简体"].get(w("val")) == "宋体"


def test_the_windows_profile_writes_windows_fonts(docx_windows: Path) -> None:
    document = part(docx_windows, "word/document.xml")
    assert set(filter(None, east_asian_fonts(document))) == {"宋体", "黑体", "楷体", "仿宋"}
    styles = part(docx_windows, "word/styles.xml")
    title = styles.find("w:style[@w:styleId='Title']", NS)
    assert title.find("w:rPr/w:b", NS) is not None  # 宋体 stands in for 小标宋 only in bold


@pytest.mark.parametrize(("fixture", "expected"), sorted(PUBLISHED_HEADINGS.items()))
def test_the_published_reports_second_level_headings_are_written_in_kaiti(
    tmp_path: Path, fixture: str, expected: list[str]
) -> None:
    target = tmp_path / "年报.docx"
    export_docx(read_report_file(FIXTURES / fixture), target)
    document = part(target, "word/document.xml")
    in_kai = [
        t.text
        for r in document.iter(w("r"))
        if (f := r.find("w:rPr/w:rFonts", NS)) is not None and f.get(w("eastAsia")) == "楷体_GB2312"
        for t in r.iter(w("t"))
    ]
    assert in_kai == expected
    # A heading alone on its line is a Heading 2 paragraph; one run into its text is not.
    styled = [
        "".join(p.itertext())
        for p in document.iter(w("p"))
        if (s := p.find("w:pPr/w:pStyle", NS)) is not None and s.get(w("val")) == "Heading2"
    ]
    assert styled == [
        h for h in expected if any("".join(p.itertext()) == h for p in document.iter(w("p")))
    ]


def test_a_long_agencys_title_is_written_on_lines_broken_between_names(tmp_path: Path) -> None:
    report = demo_2020()
    report.unit = "淮安市洪泽区经济技术开发区管理委员会经济发展局"
    report.title = f"{report.unit}2020年政府信息公开工作年度报告"
    target = tmp_path / "年报.docx"
    export_docx(report, target)
    title = part(target, "word/document.xml").find("w:body/w:p", NS)
    assert title.find("w:pPr/w:pStyle", NS).get(w("val")) == "Title"
    lines = [t.text for t in title.iter(w("t"))]
    breaks = [r.find("w:br", NS) is not None for r in title.iter(w("r"))]
    assert lines == [
        "淮安市洪泽区经济技术开发区",
        "管理委员会经济发展局",
        "2020年政府信息公开工作年度报告",
    ]
    assert breaks == [False, True, True]
