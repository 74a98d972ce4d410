"""The three tables as real Word tables: merged cells, widths for Word and WPS, page breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.docx_writer.verify import read_grid
from app.domain.layouts import get_layout
from tests.app.docx_writer.docx_parts import NS, part, w

TEXT_BLOCK_TWIPS = 8844  # 156 mm


def tables(path: Path) -> list[Any]:
    found: list[Any] = part(path, "word/document.xml").findall("w:body/w:tbl", NS)
    return found


def test_three_tables_after_their_headings(docx_2021: Path) -> None:
    body = part(docx_2021, "word/document.xml").find("w:body", NS)
    before = []
    children = list(body)
    for i, child in enumerate(children):
        if child.tag == w("tbl"):
            before.append("".join(children[i - 1].itertext()))
    assert before == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


def test_merged_cells_are_written_as_in_the_layout(docx_2021: Path) -> None:
    layout = get_layout("2021")
    for tbl, table_layout in zip(tables(docx_2021), layout.tables, strict=True):
        grid = read_grid(tbl)
        expected = {(c.row, c.col): (c.rowspan, c.colspan) for c in table_layout.grid}
        assert {k: (v[1], v[2]) for k, v in grid.items()} == expected


def test_table_3_results_label_is_one_vertical_merge_of_22_rows(docx_2021: Path) -> None:
    tbl = tables(docx_2021)[1]
    merges = [
        tc.find("w:tcPr/w:vMerge", NS)
        for tr in tbl.findall("w:tr", NS)
        for tc in tr.findall("w:tc", NS)[:1]
    ]
    first_column = [
        "restart"
        if m is not None and m.get(w("val")) == "restart"
        else "continue"
        if m is not None
        else "-"
        for m in merges
    ]
    # rows: 3 header rows (merged corner), 一、 二、, 三、 over 22 rows, 四、
    assert first_column == [
        "restart",
        "continue",
        "continue",
        "-",
        "-",
        "restart",
        *["continue"] * 21,
        "-",
    ]


def test_table_4_header_spans(docx_2020: Path) -> None:
    grid = read_grid(tables(docx_2020)[2])
    texts = {text: (rs, cs) for text, rs, cs in grid.values() if text}
    assert texts["行政复议"] == (1, 5)
    assert texts["行政诉讼"] == (1, 10)
    assert texts["未经复议直接起诉"] == (1, 5)
    assert texts["复议后起诉"] == (1, 5)


def test_widths_are_fixed_and_fill_the_text_block(docx_2020: Path) -> None:
    for tbl in tables(docx_2020):
        assert tbl.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
        assert int(tbl.find("w:tblPr/w:tblW", NS).get(w("w"))) == TEXT_BLOCK_TWIPS
        cols = [int(c.get(w("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(cols) == TEXT_BLOCK_TWIPS
        for tr in tbl.findall("w:tr", NS):
            widths = [int(tc.find("w:tcPr/w:tcW", NS).get(w("w"))) for tc in tr.findall("w:tc", NS)]
            assert sum(widths) == TEXT_BLOCK_TWIPS


def test_table_4_fits_fifteen_columns_in_156_mm(docx_2020: Path) -> None:
    cols = tables(docx_2020)[2].findall("w:tblGrid/w:gridCol", NS)
    assert len(cols) == 15
    assert sum(int(c.get(w("w"))) for c in cols) == TEXT_BLOCK_TWIPS


def test_header_rows_repeat_and_no_row_splits(docx_2020: Path) -> None:
    repeated = []
    for tbl in tables(docx_2020):
        rows = tbl.findall("w:tr", NS)
        assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)
        repeated.append(sum(tr.find("w:trPr/w:tblHeader", NS) is not None for tr in rows))
    assert repeated == [0, 3, 3]


def test_figures_are_in_their_cells(docx_2020: Path) -> None:
    grid = read_grid(tables(docx_2020)[0])
    layout = get_layout("2019").table2
    at = {c.key: (c.row, c.col) for c in layout.grid if c.key}
    assert grid[at["licensing.decisions"]][0] == "14873"
    assert grid[at["procurement.amount"]][0] == "347.08万元"


def test_table_text_is_not_held_to_the_body_line_grid(docx_2020: Path) -> None:
    style = part(docx_2020, "word/styles.xml").find("w:style[@w:styleId='TableText']", NS)
    assert style.find("w:pPr/w:snapToGrid", NS).get(w("val")) == "0"
    assert style.find("w:rPr/w:sz", NS).get(w("val")) == "21"  # 五号
    # An exact line: a row is as high whichever font stands in for 仿宋_GB2312.
    spacing = style.find("w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("273", "exact")
    assert style.find("w:pPr/w:ind", NS).get(w("firstLineChars")) == "0"


def kept_rows(tbl: object) -> list[int]:
    """Rows whose every paragraph is kept with the next: Word keeps such a row on the page of
    the row below it."""
    rows = tbl.findall("w:tr", NS)  # type: ignore[attr-defined]
    return [
        r
        for r, tr in enumerate(rows)
        if all(p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iter(w("p")))
    ]


def test_a_table_starts_with_its_header_rows_and_first_row_of_figures_together(
    docx_2020: Path,
) -> None:
    body = part(docx_2020, "word/document.xml").find("w:body", NS)
    children = list(body)
    table2, table3, table4 = body.findall("w:tbl", NS)
    for tbl in (table2, table3, table4):
        heading = children[children.index(tbl) - 1]
        assert heading.find("w:pPr/w:pStyle", NS).get(w("val")) == "Heading1"  # keepNext style
    # Table 2: each item's caption and column heads stay with the item's first row.
    layout = get_layout("2019").table2
    captions = sorted({c.row for c in layout.grid if c.text.startswith("第二十条")})
    assert kept_rows(table2) == sorted({r for c in captions for r in (c, c + 1)})
    assert kept_rows(table3) == [0, 1, 2]  # the 3×3 corner note and the two heads
    assert kept_rows(table4) == [0, 1, 2]
