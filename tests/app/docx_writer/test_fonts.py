"""Fonts as GB/T 9704 wants them, written so that Word, WPS and LibreOffice cannot fall back."""

from __future__ import annotations

from pathlib import Path

from tests.app.docx_writer.docx_parts import NS, footer_names, part, w


def east_asian_fonts(root: object) -> list[str | None]:
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
        return style.find("w:rPr/w:sz", NS).get(w("val"))

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
