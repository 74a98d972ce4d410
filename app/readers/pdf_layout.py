"""The pages of a PDF as paragraphs and tables, for the reader that takes Word's.

Each page's ruled tables come from pdf_geometry, its tables set without lines from
pdf_ruleless; the characters outside them make lines of text. Page numbers ("- 4 -", "— 4 —", "第4页 共7页") and running heads are left out. Lines are
joined back into the paragraphs they were wrapped from (a line that reaches the right margin
goes on in the next one, unless that one is indented), also across a page break. A table that
goes on over the next page (the same left and right edges, nothing but page furniture or
"续表" between) is one table; its parts are given one set of columns, so that the column
titles the continuation repeats and the labels merged across the break are recognised as in a
Word table split by hand (docx_tables.join_parts). A picture as wide as a table with no text
over it stands where it is shown (a table pasted as a screenshot has no figures to read).
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.values import looks_like_value
from app.readers.docx_body import Block, Paragraph, Table
from app.readers.docx_tables import WordCell, WordRows, is_continuation_text
from app.readers.labels import numbering
from app.readers.pdf_geometry import Box, Char, Grid, Page, find_grids
from app.readers.pdf_lines import PAGE_NUMBER, chars_text, group_lines
from app.readers.pdf_ruleless import Extent, RulelessTable, looks_like_titles, ruleless_tables

_MARGIN_BAND = 0.12  # of the page's height, at the top and at the bottom: where furniture is
_SENTENCE_ENDS = ("。", "；", "：", "！", "？", ".", ";", ":")
_EDGE_MATCH = 3.0  # points: a continuation's left and right edges are the table's
_TEXT_EDGE_MATCH = 8.0  # the same for the lines of a table without lines (pdf_ruleless)
_TEXT_OVERLAP = 0.8  # of the narrower: a table without lines goes on where it stands as wide
# Of the page's width and height: a picture smaller than this is a seal, a logo or an icon.
_PICTURE_WIDTH, _PICTURE_HEIGHT = 0.3, 0.04
_MAX_PICTURES = 20  # large pictures looked at on one page


class TextLine:
    """A line of text outside the tables, its characters left to right."""

    def __init__(self, chars: list[Char], page: int) -> None:
        self.chars, self.page = chars, page
        self.x0, self.x1 = chars[0].x0, chars[-1].x1
        self.top = min(c.y0 for c in chars)
        self.bottom = max(c.y1 for c in chars)
        self.text = chars_text(chars)
        self.length = sum(len(c.text) for c in chars)  # a Char may be a run of characters


@dataclass
class _PlacedGrid:
    grid: Grid
    page: int
    texts: list[str]  # each cell's text
    # (cell, grid row) -> the figure standing in that row of a cell over several rows whose
    # line between them is missing (_figures_by_row)
    by_row: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return self.grid.top


@dataclass
class _Picture:
    page: int
    top: float


Item = TextLine | _PlacedGrid | _Picture


def page_blocks(pages: list[Page]) -> list[Block]:
    """The document's paragraphs and tables in reading order."""
    items: list[Item] = []
    per_page: list[list[Item]] = []
    titles: list[Extent] = []  # a table without lines at the foot of the page before: its titles
    tail: list[TextLine] = []  # lines at the foot of the page before that may head a table
    for k, page in enumerate(pages):
        page_items, titles, took = _page_items(page, k, titles, tail)
        if took:  # the titles at the foot of the page before head this page's table
            per_page[-1] = [item for item in per_page[-1] if not any(item is t for t in tail)]
        per_page.append(page_items)
        tail = _titles_at_foot(page_items, page)
    furniture = _running_heads(per_page, pages)
    for k, page_items in enumerate(per_page):
        for item in page_items:
            if isinstance(item, TextLine) and _is_furniture(item, pages[k], furniture):
                continue
            items.append(item)
    return _blocks(items, statistics.median(page.width for page in pages) if pages else 0)


def _page_items(
    page: Page, k: int, titles_above: list[Extent], tail: list[TextLine]
) -> tuple[list[Item], list[Extent], bool]:
    """The page's lines, tables and pictures, top to bottom; the column titles of a table
    without lines that ends the page (its rows may go on on the next one); and whether the
    `tail` of the page before (title lines a page break parted from their figures) went into
    this page's first table."""
    grids = page.grids if page.grids is not None else find_grids(page.edges)
    in_cells: list[list[list[Char]]] = [[[] for _ in grid.cells] for grid in grids]
    free: list[Char] = []
    # Grid.cell_index, with each table's bounds taken once: a page has hundreds of characters.
    after = bisect.bisect_right
    tables = [(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1], g.xs, g.ys, g.slot_cell) for g in grids]
    for char in page.chars:
        x, y = char.cx, char.cy
        for n, (left, top, right, bottom, xs, ys, slot_cell) in enumerate(tables):
            if left <= x < right and top <= y < bottom:
                cell = slot_cell[after(ys, y) - 1][after(xs, x) - 1]
                in_cells[n][cell].append(char)
                break
        else:
            free.append(char)
    lines = group_lines(free)
    items: list[Item] = []
    taken: set[int] = set()
    ruleless = ruleless_tables(lines, page.width, titles_above) if len(lines) > 1 else []
    if ruleless and titles_above and not _only_furniture(lines[: ruleless[0].lines.start], page):
        ruleless = ruleless_tables(lines, page.width)  # the first table starts no page
    took = False
    if ruleless and tail and ruleless[0].lines.start < len(lines):
        # The titles the page before ended with, set right above this page's first lines.
        first = lines[ruleless[0].lines.start]
        above = _set_above([t.chars for t in tail], min(c.y0 for c in first))
        headed = ruleless_tables(above + lines, page.width, titles_above)
        if headed and headed[0].lines.start == 0:
            ruleless = [_shifted(t, -len(above)) for t in headed]
            took = True
    for table in ruleless:
        items.append(_PlacedGrid(table.grid, k, table.texts))
        taken.update(n for n in table.lines if n >= 0)
    carried = ruleless[-1].titles if ruleless else []
    if ruleless and not _only_furniture(lines[ruleless[-1].lines.stop :], page):
        carried = []
    items += [TextLine(chars, k) for n, chars in enumerate(lines) if n not in taken]
    items += [
        _PlacedGrid(grid, k, [cell_text(chars) for chars in cells], _figures_by_row(grid, cells))
        for grid, cells in zip(grids, in_cells, strict=True)
        if any(cells)
    ]
    items += [_Picture(k, box[1]) for box in _content_pictures(page)]
    items.sort(key=lambda item: item.top)
    return items, carried, took


_TAIL_LINES = 4  # title lines at the foot of a page, at most, that may head the next one's table


def _titles_at_foot(items: list[Item], page: Page) -> list[TextLine]:
    """The lines the page ends with (its page number aside) that read as a table's titles:
    table 2's "第二十条第（一）项", or titles set apart in columns ("信息内容 本年制发件数…")."""
    tail: list[TextLine] = []
    for item in reversed(items):
        if isinstance(item, TextLine) and _in_margin(item, page) and PAGE_NUMBER.match(item.text):
            continue
        if (
            not isinstance(item, TextLine)
            or len(tail) == _TAIL_LINES
            or not looks_like_titles(item.chars)
        ):
            break
        tail.insert(0, item)
    return tail


def _set_above(lines: list[list[Char]], top: float) -> list[list[Char]]:
    """Lines moved up or down as one, to end a line's spacing above `top`."""
    bottom = max(c.y1 for line in lines for c in line)
    height = statistics.median(c.height for line in lines for c in line)
    dy = top - 0.4 * height - bottom
    return [[Char(c.text, c.x0, c.y0 + dy, c.x1, c.y1 + dy) for c in line] for line in lines]


def _shifted(table: RulelessTable, by: int) -> RulelessTable:
    return RulelessTable(
        table.grid, table.texts, range(table.lines.start + by, table.lines.stop + by), table.titles
    )


def _only_furniture(lines: list[list[Char]], page: Page) -> bool:
    """Whether these lines are all in the page's top or bottom margin (a running head, a
    page number): nothing stands between the page's edge and a table."""
    return all(_in_margin(TextLine(chars, 0), page) for chars in lines)


def _figures_by_row(grid: Grid, in_cells: list[list[Char]]) -> dict[tuple[int, int], str]:
    """The figures of a cell over several rows that stand one a row, figures only ("0" above
    "1", where the line between the rows is worn away in a scan or left out): each is its
    row's, never the figure 01. A cell of an official table that covers rows holds a label."""
    out: dict[tuple[int, int], str] = {}
    for n, chars in enumerate(in_cells):
        cell = grid.cells[n]
        if cell.rows < 2 or len(chars) < 2:
            continue
        lines = group_lines(chars)
        texts = [chars_text(line) for line in lines]
        if len(lines) < 2 or not all(looks_like_value(t) and t[:1].isdigit() for t in texts):
            continue
        rows = [
            bisect.bisect_right(grid.ys, sum(c.cy for c in line) / len(line)) - 1 for line in lines
        ]
        if len(set(rows)) == len(rows) and all(cell.row <= r < cell.row + cell.rows for r in rows):
            out.update({(n, r): t for r, t in zip(rows, texts, strict=True)})
    return out


def _content_pictures(page: Page) -> list[Box]:
    """The pictures on the page that may show what text would (a pasted table): as wide as
    a table, on the page, and with no text over them (a scan's recognised text, a background
    under the letters). Only the first few that large are looked at: a page of a report has
    one or two, a hostile file thousands, each to be held against every character."""
    found: list[Box] = []
    large = 0
    for box in page.pictures:
        x0, y0 = max(box[0], 0), max(box[1], 0)
        x1, y1 = min(box[2], page.width), min(box[3], page.height)
        if x1 - x0 < _PICTURE_WIDTH * page.width or y1 - y0 < _PICTURE_HEIGHT * page.height:
            continue
        large += 1
        if large > _MAX_PICTURES:
            break
        if not any(x0 <= c.cx <= x1 and y0 <= c.cy <= y1 for c in page.chars):
            found.append((x0, y0, x1, y1))
    return found


def cell_text(chars: list[Char]) -> str:
    """A cell's lines run together, as Word's wrapped label ("结果" / "维持") is one label."""
    if len(chars) == 1:  # a figure
        return chars[0].text.strip()
    return "".join(chars_text(line) for line in group_lines(chars))


# ---- page furniture ------------------------------------------------------------------------


def _in_margin(line: TextLine, page: Page) -> bool:
    return line.bottom < _MARGIN_BAND * page.height or line.top > (1 - _MARGIN_BAND) * page.height


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_heads(per_page: list[list[Item]], pages: list[Page]) -> set[str]:
    """Texts in the top or bottom margin of several pages (the page number's digits aside):
    a running head or foot."""
    if len(pages) < 3:
        return set()
    seen: dict[str, set[int]] = {}
    for k, items in enumerate(per_page):
        for item in items:
            if isinstance(item, TextLine) and _in_margin(item, pages[k]):
                seen.setdefault(_furniture_key(item.text), set()).add(k)
    return {key for key, on in seen.items() if len(on) >= max(2, len(pages) // 2)}


def _is_furniture(line: TextLine, page: Page, running: set[str]) -> bool:
    if not _in_margin(line, page):
        return False
    return bool(PAGE_NUMBER.match(line.text)) or _furniture_key(line.text) in running


# ---- paragraphs and tables -----------------------------------------------------------------


@dataclass
class _Margins:
    left: float
    right: float
    em: float


def _margins(lines: list[TextLine], page_width: float) -> _Margins:
    if not lines:
        return _Margins(0, 0, 10)
    # Each character of a run counts (pdf_reader joins runs of Chinese characters).
    heights: list[float] = []
    for line in lines:
        for c in line.chars:
            heights += [c.height] * len(c.text)
    em = statistics.median(heights) or 10.0
    lefts = sorted(line.x0 for line in lines)
    rights = sorted(line.x1 for line in lines if line.length >= 5) or [lines[0].x1]
    left, right = lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10]
    # Text no wider than half the page never ran into a margin (a page of short lines).
    return _Margins(left, max(right, left + page_width / 2), em)


def _blocks(items: list[Item], page_width: float) -> list[Block]:
    margins = _margins([item for item in items if isinstance(item, TextLine)], page_width)
    blocks: list[Block] = []
    previous: TextLine | None = None  # the last line of the paragraph being gathered
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, _PlacedGrid):
            chain, k = _chain(items, k)
            blocks.append(Table(_parts(chain)))
            previous = None
            continue
        if isinstance(item, _Picture):
            blocks.append(Paragraph("", picture=True))
            previous = None
            k += 1
            continue
        if previous is not None and _goes_on(previous, item, margins):
            assert isinstance(blocks[-1], Paragraph)
            blocks[-1].text += _joiner(blocks[-1].text, item.text) + item.text
        else:
            blocks.append(Paragraph(item.text))
        previous = item
        k += 1
    return blocks


def _goes_on(previous: TextLine, line: TextLine, m: _Margins) -> bool:
    """Whether `line` continues the paragraph whose last line is `previous`: that one ran
    into the right margin (lines set flush left stop a character or two short of it), this
    one is not indented, and no heading starts after a full stop."""
    if previous.x1 < m.right - 2.5 * m.em or line.x0 > m.left + 0.8 * m.em:
        return False
    if previous.page == line.page and line.top - previous.bottom > 1.5 * m.em:
        return False
    if previous.text.endswith(_SENTENCE_ENDS) and numbering(line.text)[0]:
        return False  # "二、主动公开政府信息情况" typed without an indent
    if numbering(line.text)[0] == 1 and line.x1 < m.right - 2.5 * m.em:
        return False  # a chapter's heading under what ends without a full stop (figures)
    return line.page in (previous.page, previous.page + 1)


def _joiner(before: str, after: str) -> str:
    if before and after and before[-1].isascii() and before[-1].isalnum() and after[0].isascii():
        return " "
    return ""


def _chain(items: list[Item], k: int) -> tuple[list[_PlacedGrid], int]:
    """The table at items[k] and its continuations; the index after them."""
    first = items[k]
    assert isinstance(first, _PlacedGrid)
    chain = [first]
    k += 1
    while k < len(items):
        j = k
        while (
            j < len(items)
            and isinstance(items[j], TextLine)
            and is_continuation_text(items[j].text)  # type: ignore[union-attr]
        ):
            j += 1
        following = items[j] if j < len(items) else None
        if not (isinstance(following, _PlacedGrid) and _continues(chain[-1], following)):
            break
        chain.append(following)
        k = j + 1
    return chain, k


def _continues(above: _PlacedGrid, part: _PlacedGrid) -> bool:
    a, b = above.grid, part.grid
    if part.page <= above.page:
        return False
    if not a.drawn and not b.drawn:
        # Tables without lines have their edges from their texts, which differ from page to
        # page (labels set centred, table 2's columns): they stand over each other.
        overlap = min(a.right, b.right) - max(a.left, b.left)
        return overlap >= _TEXT_OVERLAP * min(a.right - a.left, b.right - b.left)
    return abs(a.left - b.left) <= _EDGE_MATCH and abs(a.right - b.right) <= _EDGE_MATCH


def _parts(chain: list[_PlacedGrid]) -> list[WordRows]:
    """The parts of one table as Word-like rows, on one set of grid columns."""
    xs: list[float] = []
    # Lines placed between texts (a table without lines) stand a little apart from page to page.
    match = _EDGE_MATCH if any(placed.grid.drawn for placed in chain) else _TEXT_EDGE_MATCH
    for x in sorted(x for placed in chain for x in placed.grid.xs):
        if not xs or x - xs[-1] > match:
            xs.append(x)

    def column(x: float) -> int:
        """The nearest of xs (the first of two as near)."""
        i = bisect.bisect_left(xs, x)
        if i == len(xs) or (i > 0 and x - xs[i - 1] <= xs[i] - x):
            return i - 1
        return i

    parts = [_word_rows(placed, column) for placed in chain]
    if not any(placed.grid.drawn for placed in chain):
        _without_titles_repeated(parts)
    for n in range(1, len(parts)):
        _go_on(parts[n - 1], parts[n], parts[0], chain[n].grid.drawn)
    return parts


def _without_titles_repeated(parts: list[WordRows]) -> None:
    """A table without lines split by hand ("续表" and its titles again, which a page break may
    part from the rows they head): after its first rows of figures, the rows that only repeat
    its titles, and "续表", are left out (join_parts does so for Word's own parts)."""
    titles = _titles_text(parts[0])
    seen_figures = False
    for part in parts:
        kept: WordRows = []
        for row in part:
            figures = any(c.text and looks_like_value(c.text) for c in row)
            seen_figures = seen_figures or figures
            texts = [c.text for c in row if c.text.strip()]
            if (
                seen_figures
                and not figures
                and texts
                and (_repeats_titles(row, titles) or all(is_continuation_text(t) for t in texts))
            ):
                continue
            kept.append(row)
        part[:] = kept


def _word_rows(placed: _PlacedGrid, column: Callable[[float], int]) -> WordRows:
    grid, texts = placed.grid, placed.texts
    columns = [column(x) for x in grid.xs]  # each line's column, once
    split = {n for n, _ in placed.by_row}  # cells over rows that hold a figure a row
    rows: WordRows = []
    for r in range(len(grid.ys) - 1):
        row: list[WordCell] = []
        seen: set[int] = set()
        for k in grid.slot_cell[r]:
            if k in seen:
                continue
            seen.add(k)
            cell = grid.cells[k]
            col = columns[cell.col]
            span = max(1, columns[cell.col + cell.cols] - col)
            if k in split:
                row += _figures_apart(WordCell(placed.by_row.get((k, r), ""), col, span))
            elif cell.row != r:
                row.append(WordCell("", col, span, "continue"))
            else:
                row += _figures_apart(
                    WordCell(texts[k], col, span, "restart" if cell.rows > 1 else "")
                )
        rows.append(row)
    return rows


_FIGURES = re.compile(r"\d[\d,.]*(?: \d[\d,.]*)+")


def _figures_apart(cell: WordCell) -> list[WordCell]:
    """A cell that shows several figures set apart ("1 0": printed, a figure's digits are never
    spaced) is cells whose line between them is missing (worn away in a scan, or left out):
    one cell a figure where it covers as many columns, else the figures kept apart by "、",
    which no figure reads as (the reader then says the cell is no number, instead of reading
    10)."""
    if not _FIGURES.fullmatch(cell.text):
        return [cell]
    figures = cell.text.split(" ")
    if cell.span < len(figures) or cell.merge:
        return [WordCell("、".join(figures), cell.col, cell.span, cell.merge)]
    cells = [WordCell(figure, cell.col + n, 1) for n, figure in enumerate(figures)]
    cells[-1].span = cell.span - len(figures) + 1
    return cells


def _go_on(above: WordRows, part: WordRows, first: WordRows, drawn: bool = True) -> None:
    """The continuation of a table on the next page, after the column titles it repeats: a
    row that Word let break over the page puts the last lines of its labels first, in a row
    of no figures or of the last digits of its figures wrapped in narrow columns, and those go
    back to their row; labels merged over the break start again, empty, and are marked to go
    on (docx_tables.join_parts carries them over)."""
    k = 0
    while k < min(len(part), len(first)) and _row_texts(part[k]) == _row_texts(first[k]):
        k += 1
    if not drawn:
        # Titles placed from their texts are cut into rows as their lines fall (and may be
        # more rows than join_parts looks for): repeated, they are rows of no figures whose
        # texts all stand in the first part's titles.
        titles = _titles_text(first)
        while part and _repeats_titles(part[0], titles):
            del part[0]
        k = 0
    # Labels set in the middle of their cells end on lines of their own, as rows of their own.
    while (
        k < len(part)
        and above
        and (_rest_of_row(part[k], above[-1], drawn) or _rest_of_figures(part[k], above[-1], drawn))
    ):
        del part[k]
    if k < len(part):
        _labels_go_on(part[k], above)
        for cell in part[k]:
            if not cell.text and not cell.merge:
                cell.merge = "restart"


def _titles_text(rows: WordRows) -> str:
    """The texts of a table's rows above its first figure, run together."""
    texts: list[str] = []
    for row in rows:
        if any(c.text and looks_like_value(c.text) for c in row):
            break
        texts += [c.text for c in row]
    return re.sub(r"\s+", "", "".join(texts))


def _repeats_titles(row: list[WordCell], titles: str) -> bool:
    written = [re.sub(r"\s+", "", c.text) for c in row if c.text.strip()]
    return bool(written) and all(not looks_like_value(t) and t in titles for t in written)


def _labels_go_on(row: list[WordCell], above: WordRows) -> None:
    """A label merged down over rows on both pages whose words the break cut ("三、本" above,
    "年度办理结果" below, where the rows beside it are whole): the words below go back to the
    label above, which the rows below continue. Told by the numbering: the official labels
    each start with theirs ("三、", "（一）", "1."), their second halves never do."""
    origins: dict[int, WordCell] = {}
    for above_row in above:
        for cell in above_row:
            if cell.merge != "continue":
                origins[cell.col] = cell
    for cell in row:
        origin = origins.get(cell.col)
        if (
            origin is None
            or origin.span != cell.span
            or cell.merge == "continue"
            or not cell.text
            or not origin.text
            or looks_like_value(cell.text)
            or looks_like_value(origin.text)
            or numbering(cell.text)[0]
            or not numbering(origin.text)[0]
        ):
            continue
        origin.text += cell.text
        origin.merge = "restart"
        cell.text, cell.merge = "", "continue"


def _row_texts(row: list[WordCell]) -> list[tuple[int, int, str]]:
    return [(c.col, c.span, re.sub(r"\s+", "", c.text)) for c in row]


def _rest_of_row(row: list[WordCell], above: list[WordCell], drawn: bool = True) -> bool:
    """Whether `row` holds only the ends of labels of the row `above` (joined to them)."""
    written = [c for c in row if c.text]
    by_column = {c.col: c for c in above if c.text and c.merge != "continue"}
    if drawn and [(c.col, c.span) for c in row] != [(c.col, c.span) for c in above]:
        return False  # a row broken in two has the same cells on both pages (where drawn)
    if not written or any(looks_like_value(c.text) or numbering(c.text)[0] for c in written):
        return False
    if not all(c.col in by_column and not looks_like_value(by_column[c.col].text) for c in written):
        return False
    for cell in written:
        by_column[cell.col].text += cell.text
    return True


_WHOLE = re.compile(r"[0-9]+")


def _rest_of_figures(row: list[WordCell], above: list[WordCell], drawn: bool = True) -> bool:
    """Whether `row` is the rest of the row `above` that a page break split through its
    figures (joined to them): the last digits of figures wrapped in narrow columns ("5869"
    above the break, "9" below it), with the last lines of its labels. Told from a row of its
    own: every row of a table has a figure in each column, the rest of a split one only where
    figures wrapped, under figures of digits alone, and no label of its own (numbered)."""
    figures = [c for c in row if c.text and looks_like_value(c.text)]
    labels = [c for c in row if c.text and not looks_like_value(c.text)]
    above_figures = [c for c in above if c.text and looks_like_value(c.text)]
    by_column = {c.col: c for c in above if c.text and c.merge != "continue"}
    if drawn and [(c.col, c.span) for c in row] != [(c.col, c.span) for c in above]:
        return False
    if not figures or len(figures) >= len(above_figures):
        return False
    if not all(
        c.col in by_column and _WHOLE.fullmatch(c.text) and _WHOLE.fullmatch(by_column[c.col].text)
        for c in figures
    ):
        return False
    if any(
        numbering(c.text)[0] or c.col not in by_column or looks_like_value(by_column[c.col].text)
        for c in labels
    ):
        return False
    for cell in figures + labels:
        by_column[cell.col].text += cell.text
    return True
