"""The page: A4, GB/T 9704 margins and line pitch, "— N —" page numbers, properties."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx

from tests.app.docx_writer.docx_parts import NS, footer_names, part, w

TWIPS_PER_MM = 1440 / 25.4


def test_a4_with_the_official_margins(docx_2020: Path) -> None:
    sect = part(docx_2020, "word/document.xml").find("w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (11906, 16838)
    margins = sect.find("w:pgMar", NS)
    got = {
        side: int(margins.get(w(side))) / TWIPS_PER_MM
        for side in ("top", "bottom", "left", "right")
    }
    assert {k: round(v, 1) for k, v in got.items()} == {
        "top": 37.0,
        "bottom": 35.0,
        "left": 28.0,
        "right": 26.0,
    }


def test_twenty_two_lines_at_a_fixed_pitch(docx_2020: Path) -> None:
    sect = part(docx_2020, "word/document.xml").find("w:body/w:sectPr", NS)
    grid = sect.find("w:docGrid", NS)
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    defaults = part(docx_2020, "word/styles.xml").find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    spacing = defaults.find("w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("579", "exact")
    assert 22 * 579 <= (297 - 37 - 35) * TWIPS_PER_MM < 23 * 579


def test_body_text_is_indented_two_characters_and_justified(docx_2020: Path) -> None:
    styles = part(docx_2020, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    ind = defaults.find("w:ind", NS)
    # In characters, so the indent follows the body size; in twips for programs that read
    # only those (2 × 16 pt).
    assert (ind.get(w("firstLineChars")), ind.get(w("firstLine"))) == ("200", "640")
    assert defaults.find("w:jc", NS).get(w("val")) == "both"
    # Kept out of Normal, so that a table style can set table text apart from the body.
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:pPr/w:ind", NS) is None and normal.find("w:pPr/w:spacing", NS) is None


def test_every_indent_the_file_states_is_in_characters_too(docx_2020: Path) -> None:
    """A style or paragraph stating only twips would inherit 2 characters and be indented."""
    for name in ("word/document.xml", "word/styles.xml", *footer_names(docx_2020).values()):
        for ind in part(docx_2020, name).iter(w("ind")):
            assert ind.get(w("firstLineChars")) is not None, name
            for side in ("left", "right"):
                if ind.get(w(side)) is not None and name == "word/document.xml":
                    assert ind.get(w(f"{side}Chars")) is not None


def test_the_signatures_indents_are_characters(docx_2020: Path) -> None:
    body = part(docx_2020, "word/document.xml").find("w:body", NS)
    date = body.findall("w:p", NS)[-1].find("w:pPr/w:ind", NS)
    assert (date.get(w("rightChars")), date.get(w("right"))) == ("400", "1280")
    assert date.get(w("firstLineChars")) == "0"


def test_the_file_opens_at_its_printed_size(docx_2020: Path) -> None:
    zoom = part(docx_2020, "word/settings.xml").find("w:zoom", NS)
    assert dict(zoom.attrib) == {w("percent"): "100"}  # the schema requires w:percent


def test_a_table_the_user_inserts_is_not_set_like_the_body(docx_2020: Path) -> None:
    settings = part(docx_2020, "word/settings.xml")
    assert settings.find("w:defaultTableStyle", NS).get(w("val")) == "TableGrid"
    styles = part(docx_2020, "word/styles.xml")
    for style_id in ("TableNormal", "TableGrid"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert style.get(w("type")) == "table"
        ind = style.find("w:pPr/w:ind", NS)
        assert (ind.get(w("firstLine")), ind.get(w("firstLineChars"))) == ("0", "0")
        spacing = style.find("w:pPr/w:spacing", NS)
        assert spacing.get(w("lineRule")) == "auto" and spacing.get(w("line")) == "240"
    grid = styles.find("w:style[@w:styleId='TableGrid']", NS)
    assert grid.find("w:basedOn", NS).get(w("val")) == "TableNormal"
    assert len(grid.find("w:tblPr/w:tblBorders", NS)) == 6


def footer_paragraph(path: Path, kind: str) -> Any:
    return part(path, footer_names(path)[kind]).find("w:p", NS)


def test_page_numbers_are_page_fields_between_dashes(docx_2020: Path) -> None:
    for kind in ("odd", "even"):
        p = footer_paragraph(docx_2020, kind)
        texts = [t.text for t in p.iter(w("t"))]
        assert texts == ["— ", "1", " —"]
        instr = [t.text for t in p.iter(w("instrText"))]
        assert instr == [" PAGE "]
        fonts = {f.get(w("eastAsia")) for f in p.iter(w("rFonts"))}
        assert fonts == {"宋体"}


def test_odd_pages_number_right_even_pages_left_one_character_in(docx_2020: Path) -> None:
    odd = footer_paragraph(docx_2020, "odd")
    even = footer_paragraph(docx_2020, "even")
    assert odd.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    assert odd.find("w:pPr/w:ind", NS).get(w("right")) == "280"
    assert even.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert even.find("w:pPr/w:ind", NS).get(w("left")) == "280"
    settings = part(docx_2020, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None


def test_the_page_number_sits_about_7_mm_below_the_text(docx_2020: Path) -> None:
    margins = part(docx_2020, "word/document.xml").find("w:body/w:sectPr/w:pgMar", NS)
    footer_mm = int(margins.get(w("footer"))) / TWIPS_PER_MM
    line_mm = 16.8 * 25.4 / 72  # the footer's fixed line
    assert abs((35 - (footer_mm + line_mm / 2)) - 7) < 0.2


def test_title_and_author_are_set(docx_2020: Path) -> None:
    props = docx.Document(str(docx_2020)).core_properties
    assert props.title == "高青县行政审批服务局2020年政府信息公开工作年度报告"
    assert props.author == "高青县行政审批服务局"
    assert props.language == "zh-CN"


def test_the_signature_closes_the_document(docx_2020: Path) -> None:
    paragraphs = docx.Document(str(docx_2020)).paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[-5:] == ["本单位无其他报告事项。", "", "", "高青县行政审批服务局", "2021年1月21日"]
    # Everything from the last paragraph to the date is chained to the date's page.
    for p in paragraphs[-5:-1]:
        assert p.paragraph_format.keep_with_next
    assert paragraphs[-5].paragraph_format.keep_together
    date = paragraphs[-1].paragraph_format
    assert date.right_indent.pt == 64  # 4 characters of 16 pt


def test_the_six_headings_are_outline_level_headings(docx_2021: Path) -> None:
    headings = [
        p.text
        for p in docx.Document(str(docx_2021)).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_nothing_of_the_template_is_left(docx_2020: Path) -> None:
    names = zipfile.ZipFile(docx_2020).namelist()
    assert not [
        n for n in names if "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n
    ]
    app = zipfile.ZipFile(docx_2020).read("docProps/app.xml").decode()
    assert "Macintosh" not in app and "年报编制器" in app
