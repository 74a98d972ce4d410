"""Tables and paragraphs from the geometry of PDF pages: cells are where the lines are."""

from __future__ import annotations

from collections.abc import Sequence, Set

import pytest

from app.readers.docx_body import Paragraph, Table, block_lines
from app.readers.pdf_geometry import Char, Edge, Page, find_grids
from app.readers.pdf_layout import page_blocks
from app.readers.pdf_reader import read_pages
from tests.app.readers.published import ruled_pdf

EM = 12.0


def ruled(
    xs: Sequence[float], ys: Sequence[float], missing: Set[tuple[str, int, int]] = frozenset()
) -> list[Edge]:
    """The edges of a grid; ("v", c, r) leaves out the vertical line at xs[c] in row r,
    ("h", r, c) the horizontal line at ys[r] over column c (a merged cell)."""
    edges = []
    for r, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if ("h", r, c) not in missing:
                edges.append(Edge(True, y, xs[c], xs[c + 1]))
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if ("v", c, r) not in missing:
                edges.append(Edge(False, x, ys[r], ys[r + 1]))
    return edges


def text(s: str, x: float, y: float) -> list[Char]:
    """Characters of `s` set from (x, y) (the top), one em each."""
    return [Char(ch, x + k * EM, y, x + (k + 1) * EM, y + EM) for k, ch in enumerate(s)]


def lines(page: Page, *more: Page) -> list[list[str] | str]:
    return [
        ln.cells if ln.cells is not None else ln.text
        for ln in block_lines(page_blocks([page, *more]))
        if ln.text
    ]


def test_a_missing_line_merges_the_cells_it_parted() -> None:
    # 3 columns × 3 rows; the label column's line between rows 1 and 2 is missing.
    grids = find_grids(ruled([0, 100, 150, 200], [0, 20, 40, 60], {("h", 2, 0)}))
    assert len(grids) == 1
    grid = grids[0]
    merged = grid.cell_at(50, 45)
    assert merged is not None and merged is grid.cell_at(50, 25)
    assert (merged.row, merged.col, merged.rows, merged.cols) == (1, 0, 2, 1)
    assert grid.cell_at(120, 45) is not grid.cell_at(120, 25)


def test_double_borders_are_one_line_and_a_frame_is_no_table() -> None:
    edges = ruled([0, 100, 200], [0, 20, 40]) + ruled([1.2, 101, 199], [0.8, 20.5, 40.7])
    frame = ruled([-50, 300], [-50, 500])  # a box around the page: one cell
    grids = find_grids(edges + frame)
    assert len(grids) == 1
    assert len(grids[0].cells) == 4


def test_two_tables_one_above_the_other_stay_two() -> None:
    upper = ruled([0, 100, 200], [0, 20, 40])
    lower = ruled([0, 100, 200], [80, 100, 120])  # borders on the same x as the upper table's
    assert len(find_grids(upper + lower)) == 2


def test_wrapped_labels_above_and_below_the_figures_are_the_rows_label() -> None:
    page = Page(595, 842, edges=ruled([72, 192, 252, 312], [100, 130, 160]))
    # The label wraps onto two lines; the row's figures sit between them, in the middle.
    page.chars = (
        text("本年新收", 74, 101)
        + text("申请数量", 74, 116)
        + text("7", 200, 108)
        + text("0", 260, 108)
        + text("其他", 74, 138)
        + text("12", 200, 138)
        + text("3", 260, 138)
    )
    assert lines(page) == [["本年新收申请数量", "7", "0"], ["其他", "12", "3"]]


def test_page_numbers_and_running_heads_are_left_out() -> None:
    pages = []
    for k, number in enumerate(("- 1 -", "— 2 —", "第3页 共3页")):
        page = Page(
            595,
            842,
            chars=text("某某县政府信息公开工作年度报告", 72, 40)
            + text(f"第{k + 1}页正文。", 72, 300)
            + text(number, 280, 790),
        )
        pages.append(page)
    assert lines(*pages) == ["第1页正文。", "第2页正文。", "第3页正文。"]


def test_wrapped_lines_join_into_paragraphs_also_over_a_page_break() -> None:
    width = 28 * EM
    first = Page(
        595,
        842,
        chars=text("　　一、总体情况", 72, 100)
        + text("　　本" + "机" * 26, 72, 130)
        + text("关" * 28, 72, 160),
    )
    second = Page(595, 842, chars=text("续" * 5 + "。", 72, 100) + text("　　新的段落。", 72, 130))
    assert first.chars[-1].x1 == 72 + width
    assert lines(first, second) == [
        "一、总体情况",
        "本" + "机" * 26 + "关" * 28 + "续" * 5 + "。",
        "新的段落。",
    ]


def test_a_chapter_heading_under_a_line_of_figures_starts_a_paragraph() -> None:
    """A table without lines (a recognised scan): its last row runs to the margin and ends
    in a figure, not a full stop; the heading set flush under it is still a heading, not one
    of the table's rows, while the wrapped line of a paragraph that happens to start with a
    numeral goes on."""
    page = Page(595, 842)
    figures = [c for k in range(12) for c in text("0", 72 + (5 + 2 * k) * EM, 100)]
    page.chars = text("行政复议", 72, 100) + figures + text("五、存在的主要问题", 72, 130)
    page.chars += text("本年度" + "做" * 25, 72, 160) + text("一、二" + "项" * 25, 72, 190)
    page.chars += text("收尾。", 72, 220)
    assert lines(page) == [
        ["行政复议"] + ["0"] * 12,
        "五、存在的主要问题",
        "本年度" + "做" * 25 + "一、二" + "项" * 25 + "收尾。",
    ]


def test_a_table_over_a_page_break_is_one_table_without_its_repeated_titles() -> None:
    xs = [72, 152, 232, 312]
    first = Page(595, 842, edges=ruled(xs, [600, 620, 640, 660, 680]))
    first.chars = (
        text("项目", 74, 602)
        + text("甲", 160, 602)
        + text("乙", 240, 602)
        + text("合计", 74, 622)
        + text("1", 160, 622)
        + text("2", 240, 622)
        + text("三、办理结果", 74, 642)
        + text("（一）公开", 154, 642)
        + text("3", 240, 642)
        + text("（二）部分", 154, 662)
        + text("4", 240, 662)
    )
    # The label merged over rows 2–3 goes on, empty, on the next page, under the repeated titles.
    second = Page(595, 842, edges=ruled(xs, [100, 120, 140, 160], {("h", 2, 0)}))
    second.chars = (
        text("项目", 74, 102)
        + text("甲", 160, 102)
        + text("乙", 240, 102)
        + text("（三）不予", 154, 122)
        + text("5", 240, 122)
        + text("（四）无法", 154, 142)
        + text("6", 240, 142)
    )
    first.edges = [e for e in first.edges if not (e.horizontal and e.at == 660 and e.start == 72)]
    blocks = page_blocks([first, second])
    assert [type(b) for b in blocks] == [Table]
    assert lines(first, second) == [
        ["项目", "甲", "乙"],
        ["合计", "1", "2"],
        ["三、办理结果", "（一）公开", "3"],
        ["三、办理结果", "（二）部分", "4"],
        ["三、办理结果", "（三）不予", "5"],
        ["三、办理结果", "（四）无法", "6"],
    ]


def test_a_merged_label_the_page_break_cut_in_two_is_one_label() -> None:
    """LibreOffice sets a label merged down over rows on both pages from the top: the words
    that fit beside the last row above ("三、办"), the rest beside the first row below, merged
    down from there; the rows beside it are whole on each page."""
    xs = [72, 152, 232, 312]
    first = Page(595, 842, edges=ruled(xs, [600, 620, 640, 660]))
    first.chars = (
        text("项目", 74, 602)
        + text("甲", 160, 602)
        + text("乙", 240, 602)
        + text("合计", 74, 622)
        + text("1", 160, 622)
        + text("2", 240, 622)
        + text("三、办", 74, 642)
        + text("（一）公开", 154, 642)
        + text("3", 240, 642)
    )
    second = Page(595, 842, edges=ruled(xs, [100, 120, 140, 160], {("h", 2, 0)}))
    second.chars = (
        text("项目", 74, 102)
        + text("甲", 160, 102)
        + text("乙", 240, 102)
        + text("理结果", 74, 122)
        + text("（二）部分", 154, 122)
        + text("4", 240, 122)
        + text("（三）不予", 154, 142)
        + text("5", 240, 142)
    )
    assert lines(first, second) == [
        ["项目", "甲", "乙"],
        ["合计", "1", "2"],
        ["三、办理结果", "（一）公开", "3"],
        ["三、办理结果", "（二）部分", "4"],
        ["三、办理结果", "（三）不予", "5"],
    ]


def test_labels_on_both_sides_of_a_break_stay_their_own() -> None:
    """Only the second half of a numbered label goes back: 表二's labels have no numbering
    ("规章", "行政规范性文件"), and a numbered label below a break is a label of its own."""
    xs = [72, 152, 232]
    first = Page(595, 842, edges=ruled(xs, [600, 620, 640, 660]))
    first.chars = text("项目", 74, 602) + text("数", 160, 602)
    first.chars += text("规章", 74, 622) + text("1", 160, 622)
    first.chars += text("（一）公开", 74, 642) + text("2", 160, 642)
    second = Page(595, 842, edges=ruled(xs, [100, 120, 140, 160], {("h", 2, 0)}))
    second.chars = text("项目", 74, 102) + text("数", 160, 102)
    second.chars += text("（二）部分", 74, 122) + text("3", 160, 122) + text("4", 160, 142)
    assert lines(first, second)[1:] == [
        ["规章", "1"],
        ["（一）公开", "2"],
        ["（二）部分", "3"],
        ["（二）部分", "4"],
    ]
    first.chars = [c for c in first.chars if c.y0 < 640]  # "规章" is now the last row's label
    second.chars = [c for c in second.chars if c.y0 < 120] + text("规范性文件", 74, 122)
    second.chars += text("3", 160, 122) + text("4", 160, 142)
    assert lines(first, second)[1:] == [
        ["规章", "1"],
        ["规范性文件", "3"],
        ["规范性文件", "4"],
    ]


def test_a_picture_as_wide_as_a_table_stands_where_it_is_shown() -> None:
    """A table pasted as a screenshot: a paragraph marked as a picture between the text
    above and below it. A seal, an icon, or a picture under text (a scan's recognised text)
    is none."""
    page = Page(595, 842)
    page.chars = text("二、主动公开政府信息情况", 72, 100) + text("三、收到和处理", 72, 500)
    page.chars += text("印", 430, 620)  # over the seal
    page.pictures = [(72, 130, 520, 480), (400, 600, 500, 700), (72, 790, 90, 800)]
    blocks = page_blocks([page])
    assert [(b.text, b.picture) for b in blocks if isinstance(b, Paragraph)] == [
        ("二、主动公开政府信息情况", False),
        ("", True),
        ("三、收到和处理", False),
        ("印", False),
    ]
    scanned = Page(595, 842, chars=list(page.chars), pictures=[(0, 0, 595, 842)])
    assert not any(b.picture for b in page_blocks([scanned]) if isinstance(b, Paragraph))


def test_a_page_of_thousands_of_pictures_is_looked_at_as_far_as_a_report_has_them() -> None:
    """A hostile page: 20,000 characters under 29,000 pictures the size of the page, each of
    which would be held against every character."""
    page = Page(595, 842)
    page.chars = [
        Char("字", 10 + (i % 40) * 12, 700, 22 + (i % 40) * 12, 712) for i in range(20000)
    ]
    page.pictures = [(0, 0, 595, 600)] * 29000
    pictures = [b for b in page_blocks([page]) if isinstance(b, Paragraph) and b.picture]
    assert len(pictures) == 20


def test_text_between_tables_on_one_page_keeps_them_apart() -> None:
    page = Page(
        595,
        842,
        edges=ruled([72, 200, 300], [100, 120, 140]) + ruled([72, 200, 300], [200, 220, 240]),
    )
    page.chars = (
        text("规章", 74, 102)
        + text("0", 210, 102)
        + text("文件", 74, 122)
        + text("1", 210, 122)
        + text("四、复议", 72, 170)
        + text("维持", 74, 202)
        + text("2", 210, 202)
        + text("纠正", 74, 222)
        + text("3", 210, 222)
    )
    blocks = page_blocks([page])
    assert [type(b) for b in blocks] == [Table, Paragraph, Table]


def test_turned_pages_read_as_shown() -> None:
    rows = [["Name", "A", "B"], ["x", "12", "345"], ["y", "6", "78"]]
    shown = [
        [[c.text for c in row] for row in block.parts[0]]
        for rotate in (0, 90, 270)
        for block in page_blocks(read_pages(ruled_pdf(rows, rotate)))
        if isinstance(block, Table)
    ]
    assert shown == [rows, rows, rows]


def test_a_table_drawn_inside_forms_reads_as_on_the_page() -> None:
    """Forms (drawn scaled, scaling their content back) one inside the other, as some
    printers and portals wrap a page: the lines and characters land where the page shows
    them."""
    rows = [["Name", "A", "B"], ["x", "12", "345"], ["y", "6", "78"]]
    plain = read_pages(ruled_pdf(rows))[0]
    for forms in (1, 3):
        page = read_pages(ruled_pdf(rows, forms=forms))[0]
        assert [round(x, 3) for e in sorted(page.edges) for x in e] == [
            x for e in sorted(plain.edges) for x in e
        ]
        tables = [b for b in page_blocks([page]) if isinstance(b, Table)]
        assert [[c.text for c in row] for row in tables[0].parts[0]] == rows


@pytest.mark.parametrize("borders", ["bars", "cells"])
def test_borders_drawn_as_word_and_qt_draw_them_rule_the_same_cells(borders: str) -> None:
    """Word and WPS draw every side of every cell as a thin filled bar, Qt each cell's outline;
    the cells and the lines between them are those of the table ruled with plain lines."""
    rows = [["Name", "A", "B"], ["x", "12", "345"], ["y", "6", "78"]]
    plain = read_pages(ruled_pdf(rows))[0]
    page = read_pages(ruled_pdf(rows, borders=borders))[0]
    grids = [
        [([round(x, 1) for x in g.xs], [round(y, 1) for y in g.ys], len(g.cells)) for g in found]
        for found in (find_grids(plain.edges), find_grids(page.edges))
    ]
    assert grids[1] == grids[0]
    tables = [b for b in page_blocks([page]) if isinstance(b, Table)]
    assert [[c.text for c in row] for row in tables[0].parts[0]] == rows


def test_figures_whose_line_between_is_missing_are_two_figures() -> None:
    """A line worn away in a scan (or left out) between two figure cells: the figures "1" and
    "0" printed apart are two cells, never the figure 10. Where the row has no column for
    each, they stay apart as no figure at all, which the checks point out."""
    xs, ys = [0, 100, 150, 200, 250], [0, 20, 40, 60]
    page = Page(595, 842, edges=ruled(xs, ys, {("v", 2, 1)}))
    page.chars = [
        *text("名称", 5, 4),
        *text("甲", 5, 24),
        Char("1", 110, 24, 116, 24 + EM),
        Char("0", 160, 24, 166, 24 + EM),
        Char("3", 210, 24, 216, 24 + EM),
        *text("乙", 5, 44),
        Char("2", 110, 44, 116, 44 + EM),
        Char("5", 160, 44, 166, 44 + EM),
        Char("7", 210, 44, 216, 44 + EM),
    ]
    rows = lines(page)
    assert rows[1] == ["甲", "1", "0", "3"]
    assert rows[2] == ["乙", "2", "5", "7"]
    # Lines missing between them in both rows: still a cell a figure, by the columns of the
    # row of titles above.
    page.edges = ruled(xs, ys, {("v", c, r) for c in (2, 3) for r in (1, 2)})
    assert lines(page)[1:] == [["甲", "1", "0", "3"], ["乙", "2", "5", "7"]]
    # No line between them in any row: no columns to put them in.
    page.edges = ruled(xs, ys, {("v", c, r) for c in (2, 3) for r in (0, 1, 2)})
    assert lines(page)[1:] == [["甲", "1、0、3"], ["乙", "2、5、7"]]


def test_figures_one_above_the_other_in_a_cell_over_rows_are_each_rows() -> None:
    """The line between two rows worn away over the figures: "0" above "1" is row 1's 0 and
    row 2's 1, never the figure 01; a label over rows is one label, as ever."""
    xs, ys = [0, 100, 150, 200], [0, 20, 40, 60]
    missing = {("h", 2, 1), ("h", 2, 2)}  # under row 1, over the figures only
    page = Page(595, 842, edges=ruled(xs, ys, missing))
    page.chars = [
        *text("名称", 5, 4),
        *text("甲", 5, 24),
        Char("0", 110, 24, 116, 24 + EM),
        Char("4", 160, 24, 166, 24 + EM),
        *text("乙", 5, 44),
        Char("1", 110, 44, 116, 44 + EM),
        Char("5", 160, 44, 166, 44 + EM),
    ]
    assert lines(page)[1:] == [["甲", "0", "4"], ["乙", "1", "5"]]


# ---- tables without lines (pdf_ruleless) -------------------------------------------------


def figure(s: str, x: float, y: float, digit: float = 6.0) -> list[Char]:
    """A figure's digits side by side from (x, y), each `digit` points wide, one em high."""
    return [Char(ch, x + k * digit, y, x + (k + 1) * digit, y + EM) for k, ch in enumerate(s)]


def table_rows(page: Page) -> list[list[str]]:
    [table] = [b for b in page_blocks([page]) if isinstance(b, Table)]
    return [[c.text for c in row if c.text] for part in table.parts for row in part]


def test_a_table_without_lines_is_read_by_where_its_figures_and_labels_stand() -> None:
    """Labels wrapped at the top of their cells, a merged label written once, figures in
    columns: each row's label is whole and its figures are its own."""
    page = Page(595, 842)
    page.chars = text("信息内容", 72, 100) + text("甲", 200, 100) + text("乙", 260, 100)
    page.chars += text("（一）予以公", 72, 120) + figure("5", 200, 120) + figure("12", 260, 120)
    page.chars += text("开", 72, 134)
    page.chars += text("（二）部分公", 72, 160) + figure("0", 200, 160) + figure("3", 260, 160)
    page.chars += text("开", 72, 174)
    assert table_rows(page) == [
        ["信息内容", "甲", "乙"],
        ["（一）予以公开", "5", "12"],
        ["（二）部分公开", "0", "3"],
    ]


def test_two_figures_a_gap_apart_are_never_one_and_a_wrapped_figure_is_joined() -> None:
    """Set flush left in narrow columns, "5562" and "0" stand a few points apart: two
    figures. A figure too wide for its column goes on under it ("2549" over "1"): one."""
    page = Page(595, 842)
    page.chars = text("一、甲", 72, 100) + figure("5562", 200, 100) + figure("0", 228, 100)
    page.chars += figure("7", 262, 100)
    page.chars += text("二、乙", 72, 130) + figure("2549", 200, 130) + figure("1", 228, 130)
    page.chars += figure("8", 262, 130) + figure("1", 200, 144)
    assert table_rows(page) == [["一、甲", "5562", "0", "7"], ["二、乙", "25491", "1", "8"]]


def test_a_paragraph_with_figures_is_no_table() -> None:
    """Figures in running text make no table of the paragraph, even where justifying the
    lines widened the spaces around them to more than half a character."""
    page = Page(595, 842)
    page.chars = text("一、总体情况", 72, 100)
    for y, count in ((130, "70"), (150, "69")):
        page.chars += [*text("本年度共收到申请", 72, y), Char(" ", 168, y, 178, y + EM)]
        page.chars += [*figure(count, 178, y), Char(" ", 190, y, 200, y + EM)]
        page.chars += text("件，办结" + "理" * 20, 200, y)
    page.chars += text("其中" + "办" * 24 + "。", 72, 170)
    assert not any(isinstance(b, Table) for b in page_blocks([page]))
    paragraph = lines(page)[1]
    assert isinstance(paragraph, str) and paragraph.startswith("本年度共收到申请 70 件")


def test_titles_set_flush_left_go_over_figures_set_flush_right_in_their_order() -> None:
    """Both titles stand left of the first figure's column middle; the figures under them
    are as many: each title is its column's, so the amount is never taken for the count."""
    page = Page(595, 842)
    page.chars = text("信息内容", 72, 100) + text("采购项目数量", 200, 100)
    page.chars += text("采购总金额", 300, 100)
    page.chars += text("政府集中采购", 72, 120) + figure("3", 288, 120)
    page.chars += figure("347.08", 474, 120)
    assert table_rows(page) == [
        ["信息内容", "采购项目数量", "采购总金额"],
        ["政府集中采购", "3", "347.08"],
    ]


def test_titles_a_page_break_parted_from_their_figures_head_the_table_on_the_next_page() -> None:
    """Table 2's part title and column titles end one page, its rows start the next: one
    table, its titles over its rows (the reader finds the part by its title)."""
    first = Page(
        595, 842, chars=text("　　一、总体情况", 72, 100) + text("第二十条第（一）项", 72, 700)
    )
    first.chars += text("信息内容", 72, 720) + text("本年制发件数", 200, 720)
    first.chars += text("本年废止件数", 320, 720)
    second = Page(595, 842, chars=text("规章", 72, 100) + figure("0", 200, 100))
    second.chars += figure("0", 320, 100)
    second.chars += text("行政规范性文件", 72, 120) + figure("69", 200, 120) + figure("3", 320, 120)
    tables = [b for b in page_blocks([first, second]) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row if c.text] for part in tables[0].parts for row in part]
    assert rows == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "0", "0"],
        ["行政规范性文件", "69", "3"],
    ]


def test_a_figure_wrapped_over_three_lines_is_one_and_full_rows_close_together_stay_rows() -> None:
    """Set centred in columns 28 points apart (two digits to a line), "66377" stands as "66"
    over "37" over "7" beside the row's one-line figures: one figure. Rows of two-digit
    figures as wide as those columns, set line under line, stay rows of their own."""
    page = Page(595, 842)
    page.chars = text("信息内容", 72, 100) + text("甲", 200, 100) + text("乙", 228, 100)
    page.chars += text("丙", 256, 100)
    page.chars += figure("66", 200, 120) + figure("64", 256, 120)
    page.chars += text("一、甲", 72, 133) + figure("37", 200, 133) + figure("1", 231, 133)
    page.chars += figure("98", 256, 133)
    page.chars += figure("7", 203, 146) + figure("0", 259, 146)
    for n, y in enumerate((170, 183, 196)):
        page.chars += text("二三四"[n] + "、乙", 72, y) + figure("12", 200, y)
        page.chars += figure("34", 228, y) + figure("56", 256, y)
    assert table_rows(page) == [
        ["信息内容", "甲", "乙", "丙"],
        ["一、甲", "66377", "1", "64980"],
        ["二、乙", "12", "34", "56"],
        ["三、乙", "12", "34", "56"],
        ["四、乙", "12", "34", "56"],
    ]


def test_a_row_the_page_break_split_through_its_wrapped_figures_is_one_row() -> None:
    """A row allowed to break over the page: "5869" and the first line of its label end one
    page, the label's rest and the wrapped "9" start the next (the row's other figures stood
    whole above the break). One row, its figure whole; the next row is its own."""
    first = Page(595, 842, chars=text("信息内容", 72, 680) + text("甲", 200, 680))
    first.chars += text("乙", 228, 680) + text("丙", 256, 680)
    first.chars += text("一、甲", 72, 700) + figure("1", 200, 700) + figure("2", 228, 700)
    first.chars += figure("3", 256, 700)
    first.chars += text("二、乙乙", 72, 730) + figure("5869", 200, 730) + figure("0", 228, 730)
    first.chars += figure("1", 256, 730)
    second = Page(595, 842, chars=text("乙乙", 72, 72) + figure("9", 200, 79) + text("丁", 72, 86))
    second.chars += text("三、丙", 72, 110) + figure("4", 200, 110) + figure("5", 228, 110)
    second.chars += figure("6", 256, 110)
    [table] = [b for b in page_blocks([first, second]) if isinstance(b, Table)]
    rows = [[c.text for c in row if c.text] for part in table.parts for row in part]
    assert rows == [
        ["信息内容", "甲", "乙", "丙"],
        ["一、甲", "1", "2", "3"],
        ["二、乙乙乙乙丁", "58699", "0", "1"],
        ["三、丙", "4", "5", "6"],
    ]


def test_a_figure_set_centred_under_a_title_set_flush_left_over_two_columns_is_its() -> None:
    """Table 2's part (八) has two titles where the part above has three columns: "本年增/减"
    stands flush left in a cell over two of them, its figure centred in it, past the title's
    end. The figure is that title's, as the part's other figure is the first title's."""
    page = Page(595, 842)
    page.chars = text("信息内容", 72, 100) + text("本年新制作", 200, 100)
    page.chars += text("本年新公开", 300, 100) + text("对外公开总数", 400, 100)
    page.chars += text("规章", 72, 120) + figure("85", 240, 120) + figure("0", 330, 120)
    page.chars += figure("14873", 430, 120)
    page.chars += text("第二十条第（八）项", 72, 140)
    page.chars += text("信息内容", 72, 160) + text("上一年项目数量", 200, 160)
    page.chars += text("本年增/减", 300, 160)
    page.chars += text("行政事业性收费", 72, 180) + figure("1", 240, 180) + figure("0", 390, 180)
    [table] = [b for b in page_blocks([page]) if isinstance(b, Table)]
    titles, fees = [[c for c in row if c.text] for row in table.parts[0][-2:]]
    assert [c.text for c in fees] == ["行政事业性收费", "1", "0"]
    assert all(t.col <= c.col < t.col + t.span for t, c in zip(titles, fees, strict=True))


def test_a_label_set_centred_starting_above_its_figures_starts_its_column() -> None:
    """Set centred, "5.要求确认" starts two lines above its row's figures, and no label of
    the level above stands beside it on this page: it still starts a column of its own, right
    of "（六）其他处理" (table 3's sub-rows on the page after their "（五）不予处理")."""
    page = Page(595, 842)
    page.chars = text("5.要求", 150, 100) + text("确认或", 150, 114)
    page.chars += text("重新出", 150, 128) + text("具信息", 150, 142)
    page.chars += figure("0", 220, 121) + figure("1", 262, 121) + figure("1", 304, 121)
    page.chars += text("（六）其他处", 110, 170) + figure("0", 220, 170)
    page.chars += text("理", 110, 184) + figure("2", 262, 170) + figure("2", 304, 170)
    page.chars += text("四、结转", 72, 210) + figure("3", 220, 210)
    page.chars += figure("0", 262, 210) + figure("3", 304, 210)
    [table] = [b for b in page_blocks([page]) if isinstance(b, Table)]
    rows = [[c for c in row if c.text] for part in table.parts for row in part]
    first = {row[0].text: row[0].col for row in rows}
    assert list(first) == ["5.要求确认或重新出具信息", "（六）其他处理", "四、结转"]
    assert first["四、结转"] < first["（六）其他处理"] < first["5.要求确认或重新出具信息"]


def test_a_line_of_titles_set_tight_over_a_row_is_not_its_label() -> None:
    """Lines set tight (no space between the rows): table 2's "信息内容" stands right above
    "行政许可", both in the labels' column, but its line holds the title "本年处理决定数量"
    that reaches over the figures: a row of titles, and "行政许可" is the row's label alone."""
    page = Page(595, 842)
    page.chars = text("信息内容", 72, 100) + text("本年制发件数", 200, 100)
    page.chars += text("本年废止件数", 300, 100) + text("现行有效件数", 420, 100)
    page.chars += text("规章", 72, 113) + figure("0", 280, 113) + figure("1", 380, 113)
    page.chars += figure("0", 500, 113)
    page.chars += text("第二十条第（五）项", 72, 126)
    page.chars += text("信息内容", 72, 139) + text("本年处理决定数量", 200, 139)
    page.chars += text("行政许可", 72, 152) + figure("49", 494, 152)
    [table] = [b for b in page_blocks([page]) if isinstance(b, Table)]
    rows = [[c.text for c in row if c.text] for part in table.parts for row in part]
    assert rows[-2:] == [["信息内容", "本年处理决定数量"], ["行政许可", "49"]]


def test_merged_labels_set_at_the_foot_or_head_of_their_rows_cover_their_own_sub_rows() -> None:
    """Table 3's labels set at the bottom of their cells, as LibreOffice prints Word's: "（四）
    无法提供" stands beside its last sub-row, "（五）不予处理" right under it (its cell runs on over
    the page), nearer the row of "（四）" than its own "1.信访" row; "（六）" likewise under
    the last sub-row of "（五）". Each covers its own sub-rows."""
    page = Page(595, 842)

    def row(label: list[str], top: float, figures: str) -> None:
        for n, line in enumerate(label):
            page.chars.extend(text(line, 150, top + 13 * n))
        y = top + 13 * (len(label) - 1)
        for n, value in enumerate(figures):
            page.chars.extend(figure(value, 230 + 40 * n, y))

    row(["1.不掌", "握信息"], 100, "100")
    row(["2.补正", "不明确"], 126, "022")
    page.chars += text("（四）无", 100, 126) + text("法提供", 100, 139)
    row(["1.信访", "举报投", "诉类申", "请"], 152, "000")
    page.chars += text("（五）不", 100, 152) + text("予处理", 100, 165)
    row(["2.重复", "申请"], 204, "303")
    row(["1.申请", "人逾期", "不补正", "的"], 230, "011")
    page.chars += text("（六）其", 100, 230) + text("他处理", 100, 243)
    row(["2.其他"], 282, "101")
    [table] = [b for b in page_blocks([page]) if isinstance(b, Table)]
    rows = [[c for c in part_row if c.text or c.merge] for part in table.parts for part_row in part]
    parents = [(r[0].text if r[0].merge != "continue" else "^", r[1].text) for r in rows]
    assert parents == [
        ("（四）无法提供", "1.不掌握信息"),
        ("^", "2.补正不明确"),
        ("（五）不予处理", "1.信访举报投诉类申请"),
        ("^", "2.重复申请"),
        ("（六）其他处理", "1.申请人逾期不补正的"),
        ("^", "2.其他"),
    ]


def test_labels_a_page_break_split_end_in_rows_of_their_own_over_many_lines() -> None:
    """A row of table 3 with its labels written in each row, set centred, broken over the page:
    "三、", "（五" and "4.无" end one page beside its figures; the next page starts with the rest
    of the three labels on lines of their own, one column's a little lower than the other's,
    then a label wrapped over many lines beside its figures. The rests go back to their labels,
    and the next row is whole."""
    first = Page(595, 842, chars=text("三、本年", 72, 660) + text("（五）不", 120, 660))
    first.chars += text("3.要", 170, 660) + figure("1", 230, 660) + figure("2", 270, 660)
    first.chars += text("三、", 72, 700) + text("（五", 120, 700) + text("4.无", 170, 700)
    first.chars += figure("0", 230, 700) + figure("3", 270, 700)
    second = Page(595, 842)
    for n, piece in enumerate(("正当", "理由", "大量", "反复", "申请")):
        second.chars += text(piece, 170, 72 + 14 * n)
    for n, piece in enumerate(("本年", "度办", "理结", "果")):
        second.chars += text(piece, 72, 79 + 14 * n)
    for n, piece in enumerate(("）不", "予处", "理")):
        second.chars += text(piece, 120, 79 + 14 * n)
    label = ["三、", "本年", "度办", "理结", "果"], ["（五", "）不", "予处", "理"]
    for x, pieces in zip((72, 120), label, strict=True):
        for n, piece in enumerate(pieces):
            second.chars += text(piece, x, 160 + 14 * n)
    for n, piece in enumerate(("5.要", "求行", "政机", "关确", "认或", "重新", "出具", "信息")):
        second.chars += text(piece, 170, 153 + 14 * n)
    second.chars += figure("7", 230, 202) + figure("8", 270, 202)
    tables = [b for b in page_blocks([first, second]) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row if c.text] for part in tables[0].parts for row in part]
    assert rows[-2:] == [
        ["三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请", "0", "3"],
        ["三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具信息", "7", "8"],
    ]
