"""Word's less common constructions read as Word shows them: rows starting late, old-style
merges across, content controls around rows and cells, text boxes, headings without "一、"."""

from __future__ import annotations

import io
import random

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.readers.docx_body import body_lines
from app.readers.docx_numbering import Numbering
from app.readers.docx_reader import read_docx
from app.readers.docx_tables import cell_texts, join_parts, word_rows
from tests.app.readers.test_text_reader_styles import assert_same_figures, sample_report
from tests.app.readers.word_made import word_report

W = nsdecls("w")


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _rows_of(tbl_xml: str) -> list[list[str]]:
    body = parse_xml(f"<w:body {W}>{tbl_xml}</w:body>")
    return [
        line.cells or [line.text] for line in body_lines(body, Numbering(None, None)) if line.text
    ]


def test_grid_before_hmerge_and_content_controls() -> None:
    restart, cont = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
    before = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'
    tbl = (
        "<w:tbl><w:tblGrid/>"
        f"<w:tr>{_tc('A')}{_tc('B', restart)}{_tc('', cont)}{_tc('C')}</w:tr>"
        f"<w:sdt><w:sdtContent><w:tr>{before}"
        f"<w:sdt><w:sdtContent>{_tc('1')}</w:sdtContent></w:sdt>{_tc('2')}{_tc('3')}</w:tr>"
        "</w:sdtContent></w:sdt></w:tbl>"
    )
    body = parse_xml(f"<w:body {W}>{tbl}</w:body>")
    table = body[0]
    rows = word_rows(table, [["A", "B", "", "C"], ["1", "2", "3"]])
    assert [(c.text, c.col, c.span) for c in rows[0]] == [("A", 0, 1), ("B", 1, 2), ("C", 3, 1)]
    assert [(c.text, c.col) for c in rows[1]] == [("1", 1), ("2", 2), ("3", 3)]
    assert _rows_of(tbl) == [["A", "B", "C"], ["1", "2", "3"]]


def test_a_downward_merge_repeats_labels_not_figures() -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    tbl = (
        "<w:tbl>"
        f"<w:tr>{_tc('三、本年度办理结果', restart)}{_tc('7', restart)}</w:tr>"
        f"<w:tr>{_tc('', cont)}{_tc('', cont)}</w:tr>"
        f"<w:tr>{_tc('', cont)}{_tc('5')}</w:tr>"
        "</w:tbl>"
    )
    assert _rows_of(tbl) == [
        ["三、本年度办理结果", "7"],
        ["三、本年度办理结果", ""],
        ["三、本年度办理结果", "5"],
    ]


def test_a_continued_merge_without_its_start_is_blank() -> None:
    body = parse_xml(
        f"<w:body {W}><w:tbl><w:tr>{_tc('', '<w:vMerge/>')}{_tc('x')}</w:tr></w:tbl></w:body>"
    )
    rows = word_rows(body[0], [["", "x"]])
    assert cell_texts(join_parts([rows])) == [["", "x"]]


def test_text_boxes_give_their_own_lines_and_fallbacks_are_not_read_twice() -> None:
    p = (
        f"<w:p {W} xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        "<w:r><w:t>正文</w:t></w:r>"
        "<mc:AlternateContent><mc:Choice Requires='wps'><w:r><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>框中的字</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框中的字</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r></mc:Fallback></mc:AlternateContent></w:p>"
    )
    body = parse_xml(f"<w:body {W}>{p}</w:body>")
    assert [ln.text for ln in body_lines(body, Numbering(None, None))] == ["正文", "框中的字"]


def test_headings_without_their_numeral_are_still_found() -> None:
    written = sample_report("2021", random.Random(6))
    document = docx.Document(io.BytesIO(word_report(written)))
    for paragraph in document.paragraphs:
        if paragraph.text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
            for run in paragraph.runs:
                if run.text[:2] == paragraph.text[:2]:
                    run.text = run.text[2:]
    out = io.BytesIO()
    document.save(out)
    read = read_docx(out.getvalue())
    assert read.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert_same_figures(read, written)
    assert read.chapter("5") == written.chapter("5")
