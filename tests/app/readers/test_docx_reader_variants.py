"""Word files made the way agencies make them read back figure for figure."""

from __future__ import annotations

import io
import random
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.findings import Severity
from app.domain.report import Report
from app.readers.docx_reader import read_docx
from app.readers.files import read_report_file
from app.rules import check
from tests.app.readers.expected_fixtures import EXPECTED
from tests.app.readers.pdf_made import grid_png, with_table_as_picture
from tests.app.readers.test_text_reader_styles import _typo, assert_same_figures, sample_report
from tests.app.readers.word_made import Style, word_report
from tests.paths import FIXTURES

SUBTOTAL_NOTE = "表三多出一列（如“法人或其他组织”小计），官方表格没有这一列，已忽略"
VARIANTS = {
    "merged cells": Style(),
    "merged labels repeated": Style(merge="repeat"),
    "merged labels written once": Style(merge="once"),
    "table 3 split, column titles repeated": Style(split_table3_at=14),
    "table 3 split, no titles": Style(split_table3_at=9, repeat_header=False),
    "table 3 split, labels once": Style(split_table3_at=20, merge="once"),
    "table 3 split, （续表）": Style(split_table3_at=6, continued_text="（续表）"),
    "extra 小计 column": Style(subtotal=True),
    "split with 小计": Style(split_table3_at=12, subtotal=True, merge="repeat"),
    "label typos": Style(label=_typo),
    "numbered headings": Style(numbered_headings=True),
    "inside a frame table": Style(frame=True),
    "title in one paragraph": Style(title_in_one_paragraph=True),
}


def _word_tables(data: bytes) -> int:
    return len(docx.Document(io.BytesIO(data)).tables)


@pytest.mark.parametrize("layout_id", ["2019", "2021"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_word_variant_reads_back(variant: str, layout_id: str) -> None:
    written = sample_report(layout_id, random.Random(7), blanks=True)
    read = read_docx(word_report(written, VARIANTS[variant]))
    assert (read.unit, read.year, read.layout_id) == (written.unit, written.year, layout_id)
    assert read.table_layouts == {}
    assert_same_figures(read, written)
    assert read.headings_found == ["1", "2", "3", "4", "5", "6"]
    for number in ("1", "5", "6"):
        assert read.chapter(number) == written.chapter(number)
    assert (read.signature_unit, read.signature_date) == (
        written.signature_unit,
        written.signature_date,
    )
    assert read.reader_notes == ([SUBTOTAL_NOTE] if VARIANTS[variant].subtotal else [])


def test_a_split_table_is_two_word_tables() -> None:
    written = sample_report("2021", random.Random(1))
    assert _word_tables(word_report(written, Style(split_table3_at=10))) == 4
    assert _word_tables(word_report(written)) == 3


@pytest.mark.parametrize("layout_id", ["2019", "2021"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10**6),
    at=st.integers(3, 27),
    merge=st.sampled_from(["merge", "repeat", "once"]),
    titles=st.booleans(),
    subtotal=st.booleans(),
)
def test_table_3_split_anywhere(
    layout_id: str, seed: int, at: int, merge: str, titles: bool, subtotal: bool
) -> None:
    written = sample_report(layout_id, random.Random(seed), blanks=True)
    at = min(at, written.layout.table3.n_rows - 1)
    style = Style(split_table3_at=at, merge=merge, repeat_header=titles, subtotal=subtotal)
    read = read_docx(word_report(written, style))
    assert_same_figures(read, written)


def test_slash_dash_and_empty_cells_are_blank_and_warned() -> None:
    written = sample_report("2021", random.Random(4))
    marks = iter(["/", "—", "", "／", "——"] * 100)

    def slash(text: str) -> str:
        return next(marks) if text == "0" else text

    read = read_docx(word_report(written, Style(value=slash)))
    zeros = {k for k, v in written.table_cells("table3").items() if v == 0}
    assert zeros and not zeros & set(read.table_cells("table3"))
    r6 = [f for f in check(read) if f.rule == "R6"]
    assert r6 and all(f.severity is Severity.WARNING for f in r6)


def test_a_2021_report_in_the_old_tables_is_r13() -> None:
    written = sample_report("2021", random.Random(9))
    old = sample_report("2019", random.Random(9))
    written.cells.update({k: v for k, v in old.cells.items() if not k.startswith("table4")})
    written.money_units = dict(old.money_units)
    style = Style(table_layouts={"table2": "2019", "table3": "2019"})
    read = read_docx(word_report(written, style))
    assert read.layout_id == "2021"
    assert read.table_layouts == {"table2": "2019", "table3": "2019"}
    r13 = [f for f in check(read) if f.rule == "R13"]
    assert r13 and r13[0].severity is Severity.ERROR


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("style", ["merge", "repeat", "split"])
def test_published_reports_rebuilt_in_word(name: str, style: str) -> None:
    """The real reports, as agencies would have typed them into Word: every figure right."""
    expected = EXPECTED[name]
    report = read_report_file(FIXTURES / name)
    variant = Style(split_table3_at=15) if style == "split" else Style(merge=style)
    read = read_docx(word_report(report, variant))
    assert (read.unit, read.year, read.layout_id) == (
        expected["unit"],
        expected["year"],
        expected["layout"],
    )
    for table in ("table2", "table3", "table4"):
        assert read.table_cells(table) == expected[table], table
    assert read.money_units == expected["units"]
    assert read.chapter("5") == report.chapter("5")


def test_docx_read_through_files_and_renamed_doc(tmp_path: Path) -> None:
    written = sample_report("2021", random.Random(2))
    data = word_report(written)
    for name in ("report.docx", "saved-as-doc.doc", "REPORT.DOCX"):
        path = tmp_path / name
        path.write_bytes(data)
        read = read_report_file(path)
        assert_same_figures(read, written)


def _with_body_xml(report: Report, chapter_xml: str) -> bytes:
    """The report as Word, with raw WordprocessingML runs appended to chapter 5's paragraph."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(io.BytesIO(word_report(report)))
    target = next(p for p in document.paragraphs if p.text == report.chapter("5"))
    for run in parse_xml(f"<w:p {nsdecls('w')}>{chapter_xml}</w:p>"):
        target._p.append(run)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tracked_deletions_field_codes_and_hidden_text_are_not_read() -> None:
    written = sample_report("2021", random.Random(3))
    xml = (
        '<w:del w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z"><w:r><w:delText>删去的字'
        "</w:delText></w:r></w:del>"
        '<w:ins w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z"><w:r><w:t>新增的字</w:t>'
        "</w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>"
    )
    read = read_docx(_with_body_xml(written, xml))
    assert read.chapter("5") == written.chapter("5") + "新增的字7"


def test_lead_text_above_a_table_is_the_chapters_and_never_a_table_row() -> None:
    written = sample_report("2021", random.Random(12))
    written.chapters["2"] = "根据第二十条第（一）项规定，本年主动公开规章0件。"
    written.chapters["3"] = "本年新收政府信息公开申请15件，申请人情况如下表。"
    written.chapters["4"] = "本年度行政复议0件、行政诉讼0件。"
    read = read_docx(word_report(written))
    assert_same_figures(read, written)
    for number in ("2", "3", "4"):
        assert read.chapter(number) == written.chapter(number)
    assert read.reader_notes == []


@pytest.mark.parametrize("merge", ["merge", "once"])
def test_words_typed_into_figure_cells_stay_in_their_cells(merge: str) -> None:
    written = sample_report("2021", random.Random(6))
    typed = [
        "table3:new.natural",
        "table3:deny_secret.total",
        "table2:licensing.decisions",
        "table4:review.upheld",
    ]
    for ref in typed:
        written.set(ref, "见附件")
    read = read_docx(word_report(written, Style(merge=merge)))
    assert_same_figures(read, written)
    assert set(typed) <= {cell for f in check(read) if f.rule == "R5" for cell in f.cells}


PUBLISHED_2022 = "report_2022_pingtan.txt"
AS_PUBLISHED = (
    *CHAPTER_HEADINGS[:3],
    "四、政府信息公开行政法复议、行政诉讼情况",
    *CHAPTER_HEADINGS[4:],
)
HEADING_VARIANTS = {
    "chapter 4 heading as published (行政法复议)": Style(headings=AS_PUBLISHED),
    "the same, numbered by Word": Style(headings=AS_PUBLISHED, numbered_headings=True),
    "chapter 4 heading left out": Style(
        headings=tuple("" if n == 3 else h for n, h in enumerate(CHAPTER_HEADINGS))
    ),
    "headings 二 to 五 left out": Style(
        headings=tuple("" if n in (1, 2, 3, 4) else h for n, h in enumerate(CHAPTER_HEADINGS))
    ),
    "no headings at all": Style(headings=("",) * 6),
    "chapters 三 and 四 swapped": Style(chapters="124356"),
    "chapter 五 first": Style(chapters="512346", headings=AS_PUBLISHED),
    "chapter 4 heading garbled": Style(
        headings=tuple("四、复仪讼诉情况" if n == 3 else h for n, h in enumerate(CHAPTER_HEADINGS))
    ),
}


@pytest.mark.parametrize("variant", sorted(HEADING_VARIANTS))
def test_a_word_file_reads_the_tables_its_text_reads_whatever_its_headings(variant: str) -> None:
    expected = EXPECTED[PUBLISHED_2022]
    report = read_report_file(FIXTURES / PUBLISHED_2022)
    read = read_docx(word_report(report, HEADING_VARIANTS[variant]))
    for table in ("table2", "table3", "table4"):
        assert read.table_cells(table) == expected[table], table
    assert not [note for note in read.reader_notes if note.startswith("没有读到")]


def _as_embedded_object(data: bytes) -> bytes:
    """The file's pictures as Word shows an embedded object (an Excel table pasted in):
    VML's picture of it inside <w:object>."""
    document = docx.Document(io.BytesIO(data))
    for drawing in document.element.body.iter(qn("w:drawing")):
        blip = next(drawing.iter(qn("a:blip")))
        shown = parse_xml(
            f'<w:object {nsdecls("w", "r")} xmlns:v="urn:schemas-microsoft-com:vml">'
            '<v:shape style="width:425pt;height:170pt">'
            f'<v:imagedata r:id="{blip.get(qn("r:embed"))}"/></v:shape></w:object>'
        )
        drawing.addprevious(shown)
        drawing.getparent().remove(drawing)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("shown_as", ["picture", "embedded object"])
def test_a_table_pasted_as_a_picture_is_named_with_its_chapter(shown_as: str) -> None:
    source = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    data = with_table_as_picture(word_report(source), index=1)  # table 3
    if shown_as == "embedded object":
        data = _as_embedded_object(data)
    report = read_docx(data)
    assert report.table_cells("table3") == {}
    assert report.table_cells("table2") == source.table_cells("table2")
    assert report.table_cells("table4") == source.table_cells("table4")
    assert report.reader_notes == [
        "没有读到表三的数字：第三部分中的表格是图片，无法读取其中的数字，"
        "请向报送单位索取表格为文字的 Word 版"
    ]


def test_a_picture_elsewhere_leaves_the_note_of_a_missing_table_as_it_is() -> None:
    """A logo above the title, or an icon within the heading of chapter 4, does not make a
    table that was never there a picture."""
    source = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    document = docx.Document(io.BytesIO(word_report(source)))
    logo = document.add_paragraph()
    logo.add_run().add_picture(io.BytesIO(grid_png(120, 120, 1, 1)), width=Cm(15))
    document.paragraphs[0]._p.addprevious(logo._p)
    heading = next(p for p in document.paragraphs if p.text.startswith("四、"))
    heading.add_run().add_picture(io.BytesIO(grid_png(120, 120, 1, 1)), width=Cm(15))
    table = document.tables[2]._tbl  # table 4 left out
    table.getparent().remove(table)
    out = io.BytesIO()
    document.save(out)
    report = read_docx(out.getvalue())
    assert report.table_cells("table3") == source.table_cells("table3")
    assert report.reader_notes == ["没有读到表四的数字"]
