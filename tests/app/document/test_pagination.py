"""Pages as GB/T 9704 wants them, measured with the grid's own metric (CJK one em, digits half).

No Qt: the line breaker and the page breaker are pure; the window passes Qt's metrics instead.
"""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.document.blocks import build_blocks
from app.document.line_breaking import (
    NO_END,
    NO_START,
    FontSpec,
    SetLine,
    SimpleMetrics,
    Span,
    set_lines,
)
from app.document.model import (
    Align,
    CellKind,
    DocumentBlocks,
    Paragraph,
    Run,
    Signature,
    Table,
    TableCell,
    TextRole,
    blank_line,
)
from app.document.pagination import (
    PT_PER_MM,
    Page,
    PagedDocument,
    TextLine,
    paginate,
)
from app.document.profile import OFFICIAL
from app.domain.chapters import CHAPTER_HEADINGS
from tests.app.document.reports import demo_2020, demo_2021

METRICS = SimpleMetrics()
BODY = FontSpec("仿宋_GB2312", 16)
LATIN = FontSpec("Times New Roman", 16)
TEXT_TOP = OFFICIAL.margin_top_mm * PT_PER_MM
TEXT_BOTTOM = (297 - OFFICIAL.margin_bottom_mm) * PT_PER_MM
TEXT_LEFT = OFFICIAL.margin_left_mm * PT_PER_MM
TEXT_RIGHT = (210 - OFFICIAL.margin_right_mm) * PT_PER_MM
LONG = "政府信息公开工作年度报告依法编制并向社会公布" * 12


def text(line: TextLine | SetLine) -> str:
    return "".join(piece.text for piece in line.pieces)


def end_of(line: TextLine | SetLine) -> float:
    """Where the last character of a line ends (its own advance, without the spacing after)."""
    last = line.pieces[-1]
    advance = sum(METRICS.width(ch, last.font) + last.spacing for ch in last.text)
    return last.x + advance - last.spacing


def body(chars: str, **changes: object) -> Paragraph:
    paragraph = Paragraph(TextRole.BODY, (Run(chars, TextRole.BODY),))
    return dataclasses.replace(paragraph, **changes)  # type: ignore[arg-type]


def heading(chars: str) -> Paragraph:
    return Paragraph(
        TextRole.HEADING1, (Run(chars, TextRole.HEADING1),), keep_with_next=True, chapter="1"
    )


def lay_out(*blocks: Paragraph | Table | Signature) -> PagedDocument:
    return paginate(DocumentBlocks("t", "u", tuple(blocks)), OFFICIAL, METRICS)


def page_of(document: PagedDocument, needle: str) -> int:
    for page in document.pages:
        if any(needle in text(line) for line in page.lines):
            return page.number
    raise AssertionError(needle)


# --- lines --------------------------------------------------------------------------------


def test_a_page_holds_22_lines_of_28_characters_after_a_2_character_indent() -> None:
    document = lay_out(body(LONG * 3))
    first = document.pages[0]
    assert len(first.lines) == 22
    lengths = [len(text(line)) for line in first.lines]
    assert lengths[0] == 26 and set(lengths[1:]) == {28}
    assert first.lines[0].pieces[0].x == TEXT_LEFT + 2 * 16
    pitch = {
        round(b.baseline - a.baseline, 2)
        for a, b in zip(first.lines, first.lines[1:], strict=False)
    }
    assert pitch == {OFFICIAL.line_pitch_pt}
    assert first.lines[-1].baseline < TEXT_BOTTOM < document.pages[1].lines[0].baseline + 800


def test_justified_lines_end_at_the_right_margin_and_the_last_line_does_not() -> None:
    lines = set_lines([Span("公开，2020年" * 12, BODY, LATIN, -0.25)], METRICS, 442.2)
    ends = [end_of(line) for line in lines]
    # Within the quarter point Word's character spacing takes off the last character.
    assert all(abs(end - 442.2) < 0.3 for end in ends[:-1]), ends
    assert ends[-1] < 442.2 - 15


def test_numbers_and_latin_words_are_never_cut() -> None:
    chars = "本单位收到申请" + "1234567" + "件，负责人Zhang Wei，" * 6
    lines = set_lines([Span(chars, BODY, LATIN)], METRICS, 200.0)
    words = [piece.text for line in lines for piece in line.pieces if piece.text.isascii()]
    assert "1234567" in words and "Zhang" in words and "Wei" in words


ADDRESSES = (
    "电子版可在高青县人民政府门户网站（http://www.gaoqing.gov.cn/gongkai/nianbao/2020.html）查阅，"
    "联系邮箱：gqxzspj_gongkai@zb.shandong.cn。"
)


def test_a_web_or_e_mail_address_breaks_after_its_separators_not_letter_spaced() -> None:
    width = OFFICIAL.text_width_mm * PT_PER_MM
    lines = set_lines([Span(ADDRESSES, BODY, LATIN, -0.25)], METRICS, width, first_indent=32)
    assert "".join(text(line) for line in lines) == ADDRESSES
    ends = [text(line)[-1] for line in lines[:-1]]
    assert all(end in "/.@-_（，：" or not end.isascii() for end in ends), ends
    for line in lines[:-1]:  # full lines: nothing spread to more than a quarter em a gap
        gaps = [
            b.x - a.x - METRICS.width(a.text, a.font) - a.spacing * len(a.text)
            for a, b in zip(line.pieces, line.pieces[1:], strict=False)
        ]
        spread = [p.spacing for p in line.pieces] + gaps
        assert max(spread) < 4, text(line)


def test_a_phone_number_breaks_after_its_hyphen_as_in_word() -> None:
    lines = set_lines([Span("联系电话：0533-6983502", BODY, LATIN)], METRICS, 16 * 8)
    assert [text(line) for line in lines] == ["联系电话：0533-", "6983502"]


def test_a_number_wider_than_its_cell_is_broken_rather_than_lost() -> None:
    lines = set_lines([Span("24252.311082", BODY, LATIN)], METRICS, 30.0)
    assert "".join(text(line) for line in lines) == "24252.311082"
    assert len(lines) > 1


CJK = st.sampled_from(
    list("政府信息公开工作年度报告申请办理结果")
    + list("，。、；：？！）》”")
    + list("（《“")
    + ["2020", "15"]
)


@given(st.lists(CJK, min_size=1, max_size=120), st.integers(min_value=8, max_value=28))
@settings(max_examples=150, deadline=None)
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
    parts: list[str], chars_per_line: int
) -> None:
    source = "".join(parts)
    lines = set_lines([Span(source, BODY, LATIN)], METRICS, 16.0 * chars_per_line)
    texts = [text(line) for line in lines]
    assert "".join(texts) == source  # nothing lost, nothing added
    for n, line in enumerate(texts):
        if n and line:
            # Only where a whole line is closing marks can one start a line.
            assert line[0] not in NO_START or all(ch in NO_START for ch in texts[n - 1][-1:])
        if n < len(texts) - 1 and line:
            assert line[-1] not in NO_END or len(line) == 1


# --- pages --------------------------------------------------------------------------------


def test_a_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_text() -> None:
    filler = body("公" * (26 + 28 * 20))  # 21 lines
    document = lay_out(filler, heading("五、存在的主要问题及改进情况"), body("一是……"))
    assert len(document.pages[0].lines) == 21
    assert page_of(document, "五、存在的主要问题及改进情况") == 2
    assert page_of(document, "一是") == 2


def test_the_last_paragraph_and_the_signature_share_a_page() -> None:
    filler = body("公" * (26 + 28 * 17))  # 18 lines: the last one and 3 seal lines won't fit
    last = body("本单位无其他报告事项。", keep_with_next=True, keep_together=True)
    signature = Signature(
        "高青县行政审批服务局", "2021年1月21日", blank_lines_before=2, unit_right_indent_chars=2.25
    )
    document = lay_out(filler, last, signature)
    assert len(document.pages) == 2
    second = [text(line) for line in document.pages[1].lines]
    assert second[0] == "本单位无其他报告事项。"
    assert second[-2:] == ["高青县行政审批服务局", "2021年1月21日"]


def test_the_signature_stands_right_with_the_date_four_characters_in() -> None:
    document = paginate(build_blocks(demo_2020()), OFFICIAL, METRICS)
    lines = document.pages[-1].lines
    unit, date = lines[-2], lines[-1]
    assert text(unit) == "高青县行政审批服务局" and text(date) == "2021年1月21日"
    assert abs(TEXT_RIGHT - end_of(date) - 4 * 16) < 1
    unit_middle = (unit.pieces[0].x + end_of(unit)) / 2
    date_middle = (date.pieces[0].x + end_of(date)) / 2
    assert abs(unit_middle - date_middle) < 8


def test_pages_are_numbered_with_dashes_odd_right_even_left_7mm_below_the_text() -> None:
    document = lay_out(body(LONG * 3))
    assert len(document.pages) >= 2
    for page in document.pages:
        [piece] = page.folio.pieces
        assert piece.text == f"— {page.number} —"
        assert piece.font == FontSpec("宋体", 14)
        width = METRICS.width(piece.text, piece.font)
        if page.number % 2:
            assert abs(piece.x + width - (TEXT_RIGHT - 14)) < 0.01
        else:
            assert abs(piece.x - (TEXT_LEFT + 14)) < 0.01
        middle = page.folio.baseline - 0.38 * 14
        assert abs(middle - TEXT_BOTTOM - 7 * PT_PER_MM) < 0.01


def table(n_rows: int, header_rows: int = 2) -> Table:
    cells = [
        TableCell(0, 0, "申请人情况", CellKind.HEADER, Align.CENTER, colspan=2),
        TableCell(1, 0, "项目", CellKind.HEADER, Align.CENTER),
        TableCell(1, 1, "总计", CellKind.HEADER, Align.CENTER),
    ]
    cells.append(
        TableCell(2, 0, "三、本年度办理结果", CellKind.LABEL, Align.LEFT, rowspan=n_rows - 2)
    )
    for r in range(2, n_rows):
        cells.append(
            TableCell(r, 1, str(r), CellKind.VALUE, Align.CENTER, ref=f"table3:r{r}.total")
        )
    return Table(
        "table3",
        n_rows,
        2,
        (100.0, 56.0),
        header_rows,
        tuple(cells),
        keep_with_next_rows=frozenset({1}),
    )


def test_a_long_table_repeats_its_header_rows_and_never_splits_a_row() -> None:
    document = lay_out(body(LONG[:200]), heading("三、收到和处理政府信息公开申请情况"), table(60))
    pages = [page for page in document.pages if page.cells]
    assert len(pages) >= 2
    for page in pages:
        header = [cell for cell in page.cells if cell.kind is CellKind.HEADER]
        assert {text(cell.lines[0]) for cell in header} == {"申请人情况", "项目", "总计"}
        assert min(cell.y for cell in page.cells) == min(cell.y for cell in header)
        for cell in page.cells:
            assert cell.y >= TEXT_TOP - 0.01 and cell.y + cell.height <= TEXT_BOTTOM + 0.01
            assert cell.height >= 6.0 * PT_PER_MM - 0.01  # the table's minimum row height
    values = [
        text(cell.lines[0]) for page in pages for cell in page.cells if cell.kind is CellKind.VALUE
    ]
    assert values == [str(r) for r in range(2, 60)]  # every row once, in order
    # The merged label runs over the break: a box on each page, its text on the first.
    labels = [cell for page in pages for cell in page.cells if cell.kind is CellKind.LABEL]
    assert len(labels) == len(pages) and labels[0].lines and not labels[1].lines


def test_a_heading_is_never_left_alone_above_a_table_on_the_next_page() -> None:
    filler = body("公" * (26 + 28 * 19))  # 20 lines: room for the heading and one header row
    document = lay_out(filler, heading("三、收到和处理政府信息公开申请情况"), table(8))
    assert page_of(document, "三、收到和处理") == 2
    assert not document.pages[0].cells


def test_an_empty_document_is_one_numbered_page() -> None:
    document = lay_out(blank_line())
    assert len(document.pages) == 1 and text(document.pages[0].folio) == "— 1 —"


# --- the demo reports ------------------------------------------------------------------------


def all_text(document: PagedDocument) -> str:
    return "".join(text(line) for page in document.pages for line in page.lines)


def cell_texts(page: Page) -> list[str]:
    return ["".join(text(line) for line in cell.lines) for cell in page.cells]


def test_the_demo_reports_show_the_six_headings_and_every_figure() -> None:
    for report in (demo_2020(), demo_2021()):
        blocks = build_blocks(report)
        document = paginate(blocks, OFFICIAL, METRICS)
        assert 5 <= len(document.pages) <= 12
        headings = [
            text(line)
            for page in document.pages
            for line in page.lines
            if text(line) in CHAPTER_HEADINGS
        ]
        assert headings == list(CHAPTER_HEADINGS)
        shown = {
            cell.ref: "".join(text(line) for line in cell.lines)
            for page in document.pages
            for cell in page.cells
            if cell.ref
        }
        for block in blocks.tables():
            for cell in block.cells:
                if cell.kind is CellKind.VALUE:
                    assert shown[cell.ref] == cell.text, cell.ref
        assert re.search(r"2021年1月21日|2022年1月20日", all_text(document))


def test_locate_finds_chapters_tables_cells_and_the_signature() -> None:
    document = paginate(build_blocks(demo_2020()), OFFICIAL, METRICS)
    page, y = document.locate("chapter:5") or (-1, 0.0)
    assert any(
        text(line) == CHAPTER_HEADINGS[4] and abs(line.baseline - y) < 30
        for line in document.pages[page].lines
    )
    assert document.locate("5") == document.locate("chapter:5")
    table_page, _ = document.locate("table3") or (-1, 0.0)
    assert "申请人情况" in cell_texts(document.pages[table_page])
    cell_page, cell_y = document.locate("table3:new.total") or (-1, 0.0)
    [cell] = [c for c in document.pages[cell_page].cells if c.ref == "table3:new.total"]
    assert cell.y == cell_y
    assert document.locate("signature") == (
        len(document.pages) - 1,
        document.locate("signature")[1],  # type: ignore[index]
    )
    assert document.locate("front") == (0, TEXT_TOP)
    assert document.locate("table9") is None


def test_the_character_grid_matches_the_docx_writer() -> None:
    """The preview fits 28 characters a line the way the .docx asks Word to."""
    from app.docx_writer.styles import char_spacing

    lines = set_lines(
        [Span("公" * 60, BODY, LATIN, char_spacing(OFFICIAL) / 20)],
        METRICS,
        OFFICIAL.text_width_mm * PT_PER_MM,
    )
    assert len(text(lines[0])) == OFFICIAL.chars_per_line
    document = lay_out(body(LONG))
    last = document.pages[0].lines[-1]  # not spread by justification
    assert {piece.spacing for piece in last.pieces} == {char_spacing(OFFICIAL) / 20}


def test_the_windows_profile_sets_the_title_in_bold_song_and_page_numbers_regular() -> None:
    from app.document.profile import WINDOWS

    document = paginate(build_blocks(demo_2020(), WINDOWS), WINDOWS, METRICS)
    title = document.pages[0].lines[0].pieces[0]
    assert title.font == FontSpec("宋体", 22, bold=True)
    assert document.pages[0].folio.pieces[0].font == FontSpec("宋体", 14, bold=False)
    body_fonts = {p.font.family for line in document.pages[1].lines for p in line.pieces}
    assert body_fonts <= {"仿宋", "楷体", "黑体", "Times New Roman"}


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=700), st.booleans(), st.booleans()),
        min_size=1,
        max_size=25,
    )
)
@settings(max_examples=60, deadline=None)
def test_any_run_of_paragraphs_fills_pages_in_order_and_never_past_the_text_block(
    paragraphs: list[tuple[int, bool, bool]],
) -> None:
    blocks = [
        body(f"{n}号" + "公" * length, keep_with_next=keep, keep_together=together)
        for n, (length, keep, together) in enumerate(paragraphs)
    ]
    document = lay_out(*blocks)
    lines = [line for page in document.pages for line in page.lines]
    assert "".join(text(line) for line in lines) == "".join(b.text for b in blocks)
    for page in document.pages:
        assert len(page.lines) <= OFFICIAL.lines_per_page
        assert all(TEXT_TOP < line.baseline < TEXT_BOTTOM for line in page.lines)
    for n, (_, _, together) in enumerate(paragraphs):
        pages = [p.number for p in document.pages for placed in p.placed if placed.block == n]
        fits = (
            len(
                set_lines(
                    [Span(blocks[n].text, BODY, LATIN, -0.25)], METRICS, 442.2, first_indent=32
                )
            )
            <= OFFICIAL.lines_per_page
        )
        if together and fits:
            assert len(pages) == 1, (n, pages)  # a kept-together paragraph is never split


def test_a_table_never_starts_at_a_page_foot_without_its_first_row_of_figures() -> None:
    blocks = build_blocks(demo_2020())
    headings = {p.chapter: p for p in blocks.paragraphs() if p.chapter}
    for table, chapter in zip(blocks.tables(), "234", strict=True):
        for lines in range(1, 23):
            filler = body("公" * (26 + 28 * (lines - 1)))
            document = lay_out(filler, headings[chapter], table)
            first_figures = next(
                page.number
                for page in document.pages
                if any(c.kind is CellKind.VALUE for c in page.cells)
            )
            assert page_of(document, headings[chapter].text) == first_figures, (table.name, lines)
            for page in document.pages:  # no caption or column heads alone at a page's foot
                bottom = max((c.y + c.height for c in page.cells), default=0.0)
                last = [c for c in page.cells if abs(c.y + c.height - bottom) < 0.01]
                assert not last or any(c.kind in (CellKind.VALUE, CellKind.LABEL) for c in last)


def test_a_six_digit_figure_stays_on_one_line_of_its_cell_set_smaller() -> None:
    report = demo_2021()
    report.set("table3:new.natural", 123456)
    report.set("table4:review.total", 100000)
    document = paginate(build_blocks(report), OFFICIAL, METRICS)
    cells = {cell.ref: cell for page in document.pages for cell in page.cells if cell.ref}
    for ref, size in (
        ("table3:new.natural", 9.0),
        ("table4:review.total", 8.5),
        ("table3:new.total", 10.5),
    ):
        [line] = cells[ref].lines
        assert {piece.font.size_pt for piece in line.pieces} == {size}, ref
        assert line.pieces[0].x >= cells[ref].x  # inside its cell
