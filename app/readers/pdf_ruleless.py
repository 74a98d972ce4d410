"""Tables set without lines: their cells rebuilt from where the texts stand.

Some tables have no borders to find: a Word table whose borders were taken off, a portal's
table printed without its style sheet, a table with only the rules between its rows (which
make no grid), a recognised scan whose lines are too faint or whose pages are past those drawn.
Such a table is still laid out in columns, and this module gives it the grid its lines would
have drawn, from the characters no drawn table holds:

- a line with figures set apart from the text before them, and no sentence after them, is a
  row of figures; figures whose heights overlap are one row (set centred, a row's one-line
  figures stand beside the middle of its wrapped ones), and a figure wrapped in a narrow column
  ("2549" over "1") is joined back;
- the figures' columns are where figures stand one above the other; the labels' columns start
  where labels start side by side on one line, or where another outline level starts;
- a label is the lines of one column that follow one another closely, up to the next numbered
  label ("一、", "（一）", "1."), and it covers the rows of figures beside it; a merged label
  set in the middle of its rows (vertically centred) covers them from its first numbered
  sub-row ("1.", "（一）"), one set at the top (Word's default) down to the next;
- the column titles above the first row of figures, and lines between rows of figures that
  hold none (table 2's "第二十条第（五）项"), are rows of their own, and a figure takes the
  columns of the title over it (also on the next page, where a part of table 2 goes on).

A paragraph's line (text across half the page), a chapter's heading, a sentence's end, a page
number or a wide gap ends a table. The grids are Grids with `drawn` False; pdf_layout then
reads them as it reads ruled ones, continuations over a page break included. Where the texts
leave a label in doubt, the table readers name its row as unrecognised (an R13 note) rather
than guess.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass, field

from app.domain.values import looks_like_value
from app.readers.docx_tables import is_continuation_text
from app.readers.labels import numbering
from app.readers.pdf_geometry import Cell, Char, Grid
from app.readers.pdf_lines import CJK_FROM, PAGE_NUMBER, chars_text
from app.readers.text_reader import chapter_of

_GAP = 0.6  # of the text's height: a wider gap within a line parts two cells
_DIGIT_GAP = 0.15  # the same between two digits
_JOIN = 0.65  # of the height: lines of one column this close are one label
_UP = 2.5  # heights: column titles above a table's first row of figures are this close
_DOWN = 1.0  # heights: so are the wrapped ends of its last labels below its last row
_APART = 3.0  # heights: a wider gap between two lines ends a table
_PROSE = 0.5  # of the page's width: a line this wide is a paragraph, no table's
_FILLED = 0.9  # of its width: how much of a paragraph's line its texts cover
_TITLE_LINES = 24  # lines of column titles at most (or of labels set centred, in three columns)
_PAD = 2.0  # points between a column's line and its text
_SAME_START = 4.0  # points: labels starting this close start in one column
_FULL = 0.7  # of a column's width: a figure and one more digit wider than this fill it
_CELL_MARGIN = 5.4  # points: Word's and WPS's room between a cell's text and its lines
_AFTER_FIGURE = 6  # characters: text after a figure in a row of a table ("见附件", "万元")
_MIN_FIGURES = 3  # a table has at least this many figures (table 4: one row of 15)
_ENDS = ("。", "；", "！", "？", "：", ":")


@dataclass(eq=False)  # compared by identity: two texts may read and stand alike
class _Seg:
    """Text set apart on a line: one cell's line."""

    chars: list[Char]
    line: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    figure: bool = False
    col0: int = 0
    col1: int = 0
    _text: str | None = None

    def __post_init__(self) -> None:
        chars = self.chars
        self.x0, self.x1 = chars[0].x0, chars[-1].x1
        top, bottom = chars[0].y0, chars[0].y1
        for c in chars:  # a loop: a page has thousands of texts, most of a few characters
            if c.y0 < top:
                top = c.y0
            if c.y1 > bottom:
                bottom = c.y1
        self.top, self.bottom = top, bottom

    @property
    def text(self) -> str:
        """Made when asked: a paragraph's lines are asked only whether they end a table."""
        if self._text is None:
            self._text = chars_text(self.chars)
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(eq=False)
class _Block:
    """A cell's text: segments of one column, top to bottom."""

    segs: list[_Seg]
    numbered: bool
    rows: list[int] = field(default_factory=list)  # the rows of figures it covers (data rows)
    first: int = 0  # grid rows it covers
    last: int = 0
    # One column's part of a title run together with others (_apart): its column and text.
    column: int | None = None
    piece: str = ""

    @property
    def col0(self) -> int:
        return self.segs[0].col0 if self.column is None else self.column

    @property
    def col1(self) -> int:
        return max(s.col1 for s in self.segs) if self.column is None else self.column

    @property
    def top(self) -> float:
        return self.segs[0].top

    @property
    def bottom(self) -> float:
        return self.segs[-1].bottom

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segs) if self.column is None else self.piece


Extent = tuple[float, float]  # a column title's left and right ends


@dataclass
class RulelessTable:
    grid: Grid
    texts: list[str]  # each cell's text
    lines: range  # the page's lines it is made of
    # The column titles over its last rows: they go on over the rows of its part on the next
    # page (table 2's part "第二十条第（六）项" broken after "行政处罚").
    titles: list[Extent] = field(default_factory=list)


def ruleless_tables(
    lines: list[list[Char]], page_width: float, titles_above: list[Extent] | None = None
) -> list[RulelessTable]:
    """The tables without lines among a page's lines of text (pdf_lines.group_lines of the
    characters outside drawn tables), top to bottom. `titles_above`: the column titles over
    the last rows of a table at the foot of the page before, which the rows of the first
    table here go on under until titles of their own."""
    runs = [_runs(line) for line in lines]
    # Most pages have no table without lines: told before any text is made of the runs.
    if not any(len(r) >= 2 and any(_looks_like_figure(run) for run in r) for r in runs):
        return []
    segs = [[_Seg(run, k) for run in line_runs] for k, line_runs in enumerate(runs)]
    for line in segs:
        for seg in line if len(line) >= 2 else ():
            seg.figure = looks_like_value(seg.text)
    figure_line = [_row_of_figures(line) for line in segs]
    heights = [statistics.median([s.height for s in line]) if line else 10.0 for line in segs]
    breaker = [_breaks(line, page_width) for line in segs]
    tables: list[RulelessTable] = []
    k = 0
    while k < len(lines):
        if not figure_line[k] or breaker[k]:
            k += 1
            continue
        last = k
        j = k + 1
        while j < len(lines) and not breaker[j] and _near(segs, j - 1, j, _APART * heights[j]):
            if figure_line[j]:
                last = j
            j += 1
        inherited = titles_above if not tables else None
        table = _table(segs, figure_line, breaker, heights, k, last, inherited)
        if table is not None:
            tables.append(table)
            k = table.lines.stop
        else:
            k = last + 1
    return tables


def looks_like_titles(line: list[Char]) -> bool:
    """Whether a line of text may be a row of a table's titles: texts set apart in columns, no
    figure among them, or table 2's "第二十条第（一）项"."""
    runs = _runs(line)
    text = "".join(c.text for c in line).strip()
    if _ARTICLE.match(text) and len(text) <= 20:
        return True
    return len(runs) >= 2 and not any(_looks_like_figure(run) for run in runs)


def _runs(line: list[Char]) -> list[list[Char]]:
    """A line's characters parted where a gap parts two cells."""
    out: list[list[Char]] = []
    run: list[Char] = []
    last: Char | None = None  # run's last character
    for n, char in enumerate(line):
        if not char.text.strip():
            continue  # a typed space: the gap tells
        if last is not None:
            gap = char.x0 - last.x1
            size = char.height if char.height > last.height else last.height
            size = size if size > 1.0 else 1.0
            # A figure's digits stand side by side, and a label's characters: a gap between
            # two digits parts two figures (set flush left in narrow columns, "55623" and "0"
            # stand 5 points apart), and one before a numbering starts another label (a web
            # page's cells without padding: "（三）不予公" and "1.属于……").
            if gap > _GAP * size or (
                (gap > _DIGIT_GAP * size and _digit(last) and _digit(char))
                or (
                    gap > 0.02 * size
                    and last.text[-1:] >= CJK_FROM
                    and char.text[:1] in _NUMBERING_STARTS
                    and _numbered("".join(c.text for c in line[n : n + 4]))
                )
            ):
                out.append(run)
                run = []
        run.append(char)
        last = char
    if run:
        out.append(run)
    return out


def _looks_like_figure(run: list[Char]) -> bool:
    return looks_like_value("".join(c.text for c in run))


def _row_of_figures(line: list[_Seg]) -> bool:
    """Labels, then figures set apart from them: no sentence goes on after a figure (in a
    paragraph whose justified spaces set "70" apart, "件，办结……" follows it)."""
    if len(line) < 2:
        return False
    first = next((k for k, seg in enumerate(line) if seg.figure), None)
    return first is not None and all(
        seg.figure or len(seg.text) <= _AFTER_FIGURE for seg in line[first + 1 :]
    )


def _digit(char: Char) -> bool:
    return char.text.isascii() and (char.text.isdigit() or char.text in ".,-+%")


_NUMBERING_STARTS = frozenset("0123456789（(一二三四五六七八九十")


def _breaks(line: list[_Seg], page_width: float) -> bool:
    """A paragraph's line, a chapter's heading or a page number: no table goes on over it."""
    if not line:
        return False
    extent = line[-1].x1 - line[0].x0
    # A paragraph's line, even where a small gap parted it: its texts fill it.
    if (
        extent > _PROSE * page_width
        and not any(s.figure for s in line)
        and sum(s.x1 - s.x0 for s in line) > _FILLED * extent
    ):
        return True
    text = "".join(c.text for s in line for c in s.chars)
    if PAGE_NUMBER.match(text) and not text.isdigit():  # "— 4 —"; a lone figure may be a cell
        return True
    return chapter_of(text) is not None


def _ends_sentence(line: list[_Seg]) -> bool:
    return len(line) == 1 and line[0].text.endswith(_ENDS)


def _near(segs: list[list[_Seg]], above: int, below: int, gap: float) -> bool:
    if not segs[above] or not segs[below]:
        return True
    bottom = max(s.bottom for s in segs[above])
    return min(s.top for s in segs[below]) - bottom <= gap


def _table(
    segs: list[list[_Seg]],
    figure_line: list[bool],
    breaker: list[bool],
    heights: list[float],
    first: int,
    last: int,
    inherited: list[Extent] | None,
) -> RulelessTable | None:
    body = range(first, last + 1)
    figures = [s for k in body if figure_line[k] for s in segs[k] if s.figure]
    if not figures:
        return None
    columns = _Columns.of(figures, [s for k in body for s in segs[k] if not s.figure])
    if columns is None:
        return None
    top = first
    while (
        top > 0
        and first - top < _TITLE_LINES
        and not breaker[top - 1]
        and not figure_line[top - 1]
        and not _ends_sentence(segs[top - 1])
        and _near(segs, top - 1, top, _UP * heights[top])
    ):
        top -= 1
    # Below the last row: the wrapped ends of its labels, and the titles of a part of table 2
    # that a page break parted from its figures.
    end = last + 1
    while (
        end < len(segs)
        and end - last <= _TITLE_LINES
        and not breaker[end]
        and not figure_line[end]
        and not _ends_sentence(segs[end])
        and segs[end]
        and (
            (
                _near(segs, end - 1, end, _DOWN * heights[end])
                and all(s.x1 <= columns.xs[columns.labels] + _PAD for s in segs[end])
            )
            or (
                _near(segs, end - 1, end, _UP * heights[end])
                and min(s.x0 for s in segs[end]) >= columns.xs[0] - _PAD
                and max(s.x1 for s in segs[end]) <= columns.xs[-1] + _PAD
            )
        )
    ):
        end += 1
    # A table has some figures, or its part on a page has a row of titles over its figures
    # (table 2's last part: "信息内容 采购项目数量 采购总金额" over one row).
    rows = sum(1 for k in range(top, end) if len(segs[k]) >= 2)
    if len(figures) < _MIN_FIGURES and rows < 2:
        return None
    # Labels that start above the first row of figures or below the last start columns too
    # (set centred, "5.要求行政机关……" starts lines above its figures); no column title does.
    left = min(s.x0 for s in figures)
    starts = [
        s
        for k in itertools.chain(range(top, first), range(last + 1, end))
        for s in segs[k]
        if s.x1 < left and _numbered(s.text)
    ]
    if starts:
        labels = [s for k in body for s in segs[k] if not s.figure]
        columns = _Columns.of(figures, labels + starts) or columns
    grid, texts, titles = _grid(segs, range(top, end), columns, inherited or [])
    if grid is None:
        return None
    return RulelessTable(grid, texts, range(top, end), titles)


@dataclass
class _Columns:
    xs: list[float]  # the columns' lines, left to right
    labels: int  # how many label columns come before the figures'
    # Where each column's texts stand: a label column's start, a figure column's middle.
    points: list[float]
    starts: list[float]  # where each figure column's first figure starts, left to right

    def at(self, x: float) -> int:
        return min(max(bisect.bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)

    def under(self, extent: Extent, first: int) -> list[int]:
        """The figure columns (from `first`) whose figures stand under a title's extent."""
        return [
            c for c in range(first, len(self.points)) if extent[0] <= self.points[c] <= extent[1]
        ]

    def place(self, seg: _Seg) -> None:
        """The columns a text covers: a figure its own; a text those whose labels start or
        whose figures stand under it (a title set flush left reaches past its column's middle
        line, one set centred past its figures' ends), at least the one it is in."""
        middle = self.at((seg.x0 + seg.x1) / 2)
        if seg.figure:
            seg.col0 = seg.col1 = middle
            return
        lo = bisect.bisect_left(self.points, seg.x0 - _SAME_START)
        hi = bisect.bisect_right(self.points, seg.x1) - 1
        seg.col0, seg.col1 = (lo, hi) if lo <= hi else (middle, middle)

    @staticmethod
    def of(figures: list[_Seg], texts: list[_Seg]) -> _Columns | None:
        # Figures whose extents overlap stand in one column.
        groups: list[list[_Seg]] = []
        right = -1e9
        for seg in sorted(figures, key=lambda s: s.x0):
            if groups and seg.x0 <= right + 1.0:
                groups[-1].append(seg)
                right = max(right, seg.x1)
            else:
                groups.append([seg])
                right = seg.x1
        # Each column by the middle of its figures (the median: one long figure does not move
        # it), the lines half way between: the same on every page whichever way the figures
        # are aligned, so that a table's part on the next page gets the same columns.
        middles = [statistics.median((s.x0 + s.x1) / 2 for s in g) for g in groups]
        if len(middles) >= 2:
            spacing = min(b - a for a, b in itertools.pairwise(middles))
        else:
            spacing = max(s.x1 for s in groups[0]) - min(s.x0 for s in groups[0]) + 4 * _PAD
        lines = [(a + b) / 2 for a, b in itertools.pairwise(middles)]
        lines = [middles[0] - spacing / 2, *lines, middles[-1] + spacing / 2]
        # The labels' column ends where its texts do, if they reach past that.
        first_figure = min(s.x0 for s in groups[0])
        reach = [s.x1 for s in texts if s.x0 < lines[0] and s.x1 < first_figure]
        if reach and max(reach) + _PAD > lines[0]:
            lines[0] = min(max(reach) + _PAD, first_figure - 0.5)
        label_texts = sorted((s for s in texts if s.x0 < lines[0]), key=lambda s: s.x0)
        left = min([s.x0 for s in label_texts] + [lines[0] - spacing]) - _PAD
        starts = _label_starts(label_texts, lines[0])
        starts = [x for x in starts if left < x - _PAD < lines[0]]
        xs = [left] + [x - _PAD for x in starts] + lines
        if any(b <= a for a, b in itertools.pairwise(xs)):
            return None
        points = [left + _PAD, *starts, *middles]
        firsts = [min(s.x0 for s in g) for g in groups]
        return _Columns(xs, len(xs) - 1 - len(groups), points, firsts)


def _label_starts(texts: list[_Seg], limit: float) -> list[float]:
    """Where the label columns after the first start: where labels start to the right of
    another label's text on the same line, or where labels of another outline level start
    ("（一）" right of "一、", each level set flush left in its column). A label centred in a
    wide column starts anywhere, but never beside another one of its column."""
    clusters: list[list[_Seg]] = []
    for seg in texts:
        if clusters and seg.x0 - clusters[-1][-1].x0 <= _SAME_START:
            clusters[-1].append(seg)
        else:
            clusters.append([seg])
    by_line: dict[int, list[_Seg]] = {}
    for seg in texts:
        by_line.setdefault(seg.line, []).append(seg)
    starts = []
    levels: set[int] = set()  # the outline levels of the column's labels
    for n, cluster in enumerate(clusters):
        x = min(s.x0 for s in cluster)
        own = {_level(s.text) for s in cluster} - {0}
        beside = any(
            other.x1 < seg.x0 for seg in cluster for other in by_line[seg.line] if other is not seg
        )
        if n > 0 and x < limit and (beside or (own and not own & levels)):
            starts.append(x)
            levels = set()
        levels |= own
    return starts


def _grid(
    segs: list[list[_Seg]], lines: range, columns: _Columns, inherited: list[Extent]
) -> tuple[Grid | None, list[str], list[Extent]]:
    placed = [
        part
        for k in lines
        for s in segs[k]
        for piece in _at_label_starts(s, columns)
        for part in _label_and_figure(piece, columns)
    ]
    for seg in placed:
        columns.place(seg)
        # A figure among the labels is a label's text ("2021年"); a figure alone on its line
        # in a figure column is one (the end of a figure wrapped in a narrow column).
        seg.figure = seg.col0 >= columns.labels and looks_like_value(seg.text)
    starts: dict[int, set[int]] = {}  # the outline levels of the labels starting on each line
    for seg in placed:
        if not seg.figure and (level := _level(seg.text)):
            starts.setdefault(seg.line, set()).add(level)
    figures = _unwrapped([s for s in placed if s.figure], columns, starts)
    kept = set(map(id, figures))
    placed = [s for s in placed if not s.figure or id(s) in kept]
    if not figures:
        return None, [], []
    clusters = _figure_rows(figures)
    data = {s.line for s in figures}
    middles = [statistics.median((s.top + s.bottom) / 2 for s in row) for row in clusters]
    blocks = _blocks([s for s in placed if not s.figure], data, columns.xs[columns.labels], middles)
    first_top = min(s.top for s in clusters[0])
    for block in blocks:
        block.rows = [r for r, y in enumerate(middles) if block.top - 1 <= y <= block.bottom + 1]
    taken = {(b.col0, r) for b in blocks for r in b.rows}
    firsts = {  # (column, row) of first sub-labels ("1.", "（一）"), right of the column
        (c, r)
        for b in blocks
        if numbering(b.text)[1] in ("一", "1")
        for c in range(b.col0)
        for r in b.rows
    }
    for block in blocks:
        if not block.rows and block.numbered and middles[0] <= block.bottom <= middles[-1]:
            # A label set in the middle of its rows, between two rows' figures: of the two
            # nearest, a row no label of its column has, best its first sub-row ("（五）不予
            # 处理" between the last row of "（四）无法提供" and its own "1.信访举报……").
            centre = (block.top + block.bottom) / 2
            near = sorted(range(len(middles)), key=lambda r: abs(middles[r] - centre))[:2]
            free = [r for r in near if (block.col0, r) not in taken]
            first = [r for r in free if (block.col0, r) in firsts]
            block.rows = [(first or free or near)[0]]
    _spread_parents([b for b in blocks if b.rows], len(clusters), columns.labels)
    # The rows: each row of figures, and rows of the other texts (titles), by their tops.
    rows: list[tuple[float, int]] = [(min(s.top for s in row), r) for r, row in enumerate(clusters)]
    others = [b for b in blocks if not b.rows]
    loose = _rows_of(others, first_top)
    for n, group in enumerate(loose):
        rows.append((min(b.top for b in group), len(clusters) + n))
    rows.sort()
    grid_row = {key: r for r, (_, key) in enumerate(rows)}
    for block in blocks:
        if block.rows:
            block.first, block.last = grid_row[block.rows[0]], grid_row[block.rows[-1]]
    for n, group in enumerate(loose):
        for block in group:
            block.first = block.last = grid_row[len(clusters) + n]
    ys: list[float] = []
    for y, _ in rows:
        ys.append(y if not ys or y > ys[-1] else ys[-1] + 0.01)
    ys.append(max(s.bottom for s in placed) + _PAD)
    by_cell: dict[int, dict[int, list[_Seg]]] = {}
    for r, row in enumerate(clusters):
        for seg in row:
            by_cell.setdefault(grid_row[r], {}).setdefault(seg.col0, []).append(seg)
    data_rows = {grid_row[r] for r in range(len(clusters))}
    _titles_in_order(others, data_rows, by_cell, len(rows), columns.labels)
    spans, titles, joined = _figure_spans(len(rows), data_rows, others, by_cell, columns, inherited)
    for block in joined:
        blocks.remove(block)
        blocks += _apart(block, columns)
    grid, texts = _cells(columns, ys, blocks, spans)
    return grid, texts, titles


def _figure_spans(
    n_rows: int,
    data_rows: set[int],
    titles: list[_Block],
    figures: dict[int, dict[int, list[_Seg]]],
    columns: _Columns,
    inherited: list[Extent],
) -> tuple[list[tuple[int, int, int, str]], list[Extent], list[_Block]]:
    """Each row of figures' cells (row, first column, last column, text), under the column
    titles above it: a figure takes the columns its title covers, a title with no figure
    below it is a blank cell, and a column no title covers is no cell (table 2's parts have
    columns of their own: "本年增/减" stands where no figure of the part above did). Also the
    titles over the last rows, for the table's part on the next page; and the titles that
    ran together over figures of their own."""
    n_cols = len(columns.xs) - 1
    first = columns.labels
    by_row: dict[int, list[_Block]] = {}
    for block in titles:
        by_row.setdefault(block.first, []).append(block)
    joined: list[_Block] = []
    out: list[tuple[int, int, int, str]] = []
    over: dict[int, Extent] = {}  # column -> the lowest title over it
    block_of: dict[int, _Block] = {}  # id(extent) -> its title
    for extent in inherited:
        for c in columns.under(extent, first):
            over[c] = extent
    after_data = False
    for r in range(n_rows):
        if r not in data_rows:
            if after_data:
                over, after_data = {}, False
            for block in by_row.get(r, ()):
                extent = (min(s.x0 for s in block.segs), max(s.x1 for s in block.segs))
                block_of[id(extent)] = block
                for c in range(max(block.col0, first), block.col1 + 1):
                    over[c] = extent
            continue
        after_data = True
        row = figures.get(r, {})
        cells: list[list[int | str]] = []  # [first column, last column, text]
        paired = len(row) == len({id(t) for x, t in over.items() if x >= first})
        c = first
        while c < n_cols:
            title = over.get(c)
            end = c
            if title is not None:
                while end + 1 < n_cols and over.get(end + 1) is title:
                    end += 1
            if title is not None and sum(1 for x in range(c, end + 1) if x in row) > 1:
                # Figures in more than one of its columns: titles run together (a web page's
                # cells without padding), each column its own cell and its own title.
                if id(title) in block_of:
                    joined.append(block_of[id(title)])
                cells += [
                    [x, x, " ".join(seg.text for seg in row.get(x, ()))] for x in range(c, end + 1)
                ]
                c = end + 1
                continue
            text = " ".join(seg.text for x in range(c, end + 1) for seg in row.get(x, ()))
            if over and title is None and cells and not (text and (cells[-1][2] or not paired)):
                # Under no title: the cell before reaches over it. So does a figure set centred
                # in a cell whose title stands flush left ("本年增/减" over two columns), where
                # the row has as many figures as titles.
                cells[-1][1] = end
                cells[-1][2] = cells[-1][2] or text
            else:
                cells.append([c, end, text])
            c = end + 1
        out += [(r, int(c0), int(c1), str(text)) for c0, c1, text in cells]
    return out, list(dict.fromkeys(over.values())), list(dict.fromkeys(joined))


_DIGITS = re.compile(r"[\d.,]+")


def _unwrapped(figures: list[_Seg], columns: _Columns, starts: dict[int, set[int]]) -> list[_Seg]:
    """The figures with the ends of those wrapped in a narrow column joined back ("2549" over
    "1" is 25491): a line whose every figure stands right under a figure that fills its
    column holds such ends (the row set at the top or centred), and so do the figures right
    under a line of nothing but such figures (set at the bottom). Where labels of one level
    start on both lines (`starts`: "二、" over "三、"), they are two rows' figures."""
    by_line: dict[int, list[_Seg]] = {}
    for seg in figures:
        by_line.setdefault(seg.line, []).append(seg)
    above: dict[int, _Seg] = {}  # the figure right above each figure, in its column
    last_in: dict[int, _Seg] = {}
    for seg in sorted(figures, key=lambda s: s.top):
        previous = last_in.get(seg.col0)
        if previous is not None and seg.top - previous.bottom <= _JOIN * seg.height:
            above[id(seg)] = previous
        last_in[seg.col0] = seg

    widest: dict[int, float] = {}
    for seg in figures:
        widest[seg.col0] = max(widest.get(seg.col0, 0.0), seg.x1 - seg.x0)

    def full(seg: _Seg) -> bool:
        """As wide as the column's widest figure, and one more digit would near its lines."""
        width = seg.x1 - seg.x0
        digit = width / max(len(seg.text), 1)
        spacing = columns.xs[seg.col0 + 1] - columns.xs[seg.col0]
        # Word's cells keep 5.4 points clear on either side: in a narrow column that is more
        # than the share of a wide one.
        room = min(_FULL * spacing, spacing - 2 * _CELL_MARGIN)
        return width >= 0.9 * widest[seg.col0] and width + digit > room

    def wraps(seg: _Seg, end: _Seg | None) -> bool:
        return (
            end is not None
            and not starts.get(seg.line, set()) & starts.get(end.line, set())
            and full(end)
            and bool(_DIGITS.fullmatch(end.text))
            and bool(_DIGITS.fullmatch(seg.text))
        )

    below = {id(a): b for b in figures if (a := above.get(id(b))) is not None}
    joined: dict[int, _Seg] = {}  # each end joined back: the figure it now ends
    for line in sorted(by_line.values(), key=lambda line: line[0].top):
        pairs = [(seg, above.get(id(seg))) for seg in line]
        # Set at the top or centred, the ends stand alone on their line; set at the bottom,
        # the figures' first parts stand alone on theirs.
        if not all(wraps(seg, end) for seg, end in pairs):
            pairs = [
                (seg, end)
                for seg, end in pairs
                if end is not None
                and all(
                    wraps(below.get(id(a)) or a, a) and id(a) in below for a in by_line[end.line]
                )
            ]
            pairs = [(seg, end) for seg, end in pairs if wraps(seg, end)]
        for seg, end in pairs:
            assert end is not None
            # Wrapped over three lines ("95" over "31" over "7"): the last goes on the first.
            end = joined.get(id(end), end)
            end.text += seg.text
            end.chars = end.chars + seg.chars
            end.bottom = max(end.bottom, seg.bottom)
            joined[id(seg)] = end
    return [s for s in figures if id(s) not in joined]


def _figure_rows(figures: list[_Seg]) -> list[list[_Seg]]:
    """The figures as rows, top to bottom: those standing over one another's height are one
    row (a row set centred has its one-line figures beside the middle of its wrapped ones)."""
    rows: list[list[_Seg]] = []
    bottom = -1e9
    for seg in sorted(figures, key=lambda s: s.top):
        if rows and seg.top < bottom - 0.25 * seg.height:
            rows[-1].append(seg)
            bottom = max(bottom, seg.bottom)
        else:
            rows.append([seg])
            bottom = seg.bottom
    return rows


def _blocks(
    texts: list[_Seg], data: set[int], figures_from: float, middles: list[float]
) -> list[_Block]:
    """The texts of each column as cells: lines close below one another, where a numbered
    label starts a new one, an unnumbered one (table 2's "规章") never covers two rows of
    figures nor takes a line nearer another row's figures (set centred, "其他对外管理服" stands
    over its own row's figures, under "行政许可"), and a line of column titles is never one with
    a row of figures or with plain lines (table 2's "信息内容" between "第二十条第（五）项" and
    "行政许可")."""
    # A line of titles: no figure, and a text that reaches over the figures' columns.
    titles = {s.line for s in texts if s.line not in data and s.x1 > figures_from + s.height}

    def kind(line: int) -> int:
        return 0 if line in data else 1 if line in titles else 2

    def nearest(seg: _Seg) -> int:
        y = (seg.top + seg.bottom) / 2
        k = bisect.bisect_left(middles, y)
        return min(
            (r for r in (k - 1, k) if 0 <= r < len(middles)), key=lambda r: abs(middles[r] - y)
        )

    blocks: list[_Block] = []
    open_in: dict[int, _Block] = {}
    for seg in sorted(texts, key=lambda s: (s.top, s.x0)):
        block = open_in.get(seg.col0)
        numbered = _numbered(seg.text)
        if block is not None:
            previous = block.segs[-1]
            close = seg.top - previous.bottom <= _JOIN * max(seg.height, previous.height)
            anchored = [s for s in block.segs if s.line in data]
            two_rows = (
                not block.numbered
                and bool(anchored)
                and (seg.line in data or nearest(seg) != nearest(anchored[0]))
            )
            kinds = {kind(seg.line), kind(previous.line)}
            if (
                close
                and not numbered
                and not _ARTICLE.match(seg.text)
                and not is_continuation_text(seg.text)
                and not is_continuation_text(block.text)
                and not (_ARTICLE.match(block.segs[0].text) and block.text.endswith("项"))
                and not two_rows
                and seg.line != previous.line
                and (len(kinds) == 1 or 1 not in kinds)
            ):
                block.segs.append(seg)
                continue
        block = _Block([seg], numbered)
        blocks.append(block)
        open_in[seg.col0] = block
    return blocks


_CUT = re.compile(r"[（(][一二三四五六七八九十]")  # "（三" wrapped before its "）"
_ARTICLE = re.compile(r"第[一二三四五六七八九十]+条")  # table 2's "第二十条第（五）项"


def _level(text: str) -> int:
    """The outline level a label's first line starts with (1 "一、", 2 "（一）", 3 "1."; 0)."""
    level = numbering(text)[0]
    return 2 if not level and _CUT.match(text) else level


def _numbered(text: str) -> bool:
    """Whether a label's first line: it starts with a numbering ("一、", "（一）", "1.")."""
    return _level(text) > 0


def _spread_parents(blocks: list[_Block], n_rows: int, n_labels: int) -> None:
    """A label merged over the rows of its sub-labels covers them all: the rows of figures
    next to no label of its column go to the label above them, those from a first sub-row
    ("1.", "（一）") on to the label below (set in the middle of its rows)."""
    for col in range(n_labels - 1):
        owner: list[_Block | None] = [None] * n_rows
        child: list[_Block | None] = [None] * n_rows
        for block in blocks:
            for r in range(block.rows[0], block.rows[-1] + 1):
                if block.col0 <= col <= block.col1:
                    owner[r] = block
                elif block.col0 > col and (child[r] is None or block.col0 < child[r].col0):  # type: ignore[union-attr]
                    child[r] = block
        r = 0
        while r < n_rows:
            if owner[r] is not None or child[r] is None:
                r += 1
                continue
            start = r
            while r < n_rows and owner[r] is None and child[r] is not None:
                r += 1
            above = owner[start - 1] if start > 0 else None
            below = owner[r] if r < n_rows else None
            above = above if above is not None and _parent(above, col, child) else None
            below = below if below is not None and _parent(below, col, child) else None
            # The first sub-row ("1.", "（一）") of the run's highest outline level starts the
            # label below's rows (deeper ones are the sub-rows' own: "（四）" over "1.").
            kinds = [numbering(b.text) for b in child[start:r] if b is not None]
            top = min((level for level, _ in kinds if level), default=0)
            split = next(
                (
                    k
                    for k in range(start, r)
                    if child[k] is not None
                    and numbering(child[k].text) in ((top, "一"), (top, "1"))  # type: ignore[union-attr]
                ),
                None,
            )
            if split is None:  # the rows go on from the label above (or the page before)
                split = r
            if above is not None and split > start:
                above.rows = list(range(above.rows[0], split))
            if below is not None and split < r:
                below.rows = list(range(split, below.rows[-1] + 1))
            for k in range(start, r):
                owner[k] = above if k < split else below


def _parent(block: _Block, col: int, child: list[_Block | None]) -> bool:
    """Whether `block` is a label over sub-labels: numbered, in this column alone, with a
    sub-label beside it ("（七）总计" has none: it only falls short of the next column)."""
    return (
        block.col0 == block.col1 == col
        and block.numbered
        and any(child[r] is not None for r in block.rows)
    )


def _rows_of(blocks: list[_Block], first_top: float) -> list[list[_Block]]:
    """Texts outside the rows of figures as rows: those whose tops are level (less than half
    a line apart) in one, titles above the figures apart from lines between them."""
    rows: list[list[_Block]] = []
    for block in sorted(blocks, key=lambda b: (b.top >= first_top, b.top)):
        if (
            rows
            and (rows[-1][0].top >= first_top) == (block.top >= first_top)
            and block.top - rows[-1][-1].top <= 0.5 * block.segs[0].height
        ):
            rows[-1].append(block)
        else:
            rows.append([block])
    return rows


def _at_label_starts(seg: _Seg, columns: _Columns) -> list[_Seg]:
    """Labels of two columns run together (a web page's cells without padding: "其他处" and
    "不补正、行政机关……"), parted where a gap stands at the start of a label column."""
    starts = columns.points[1 : columns.labels]
    cut = [0]
    for k in range(1, len(seg.chars)):
        before, char = seg.chars[k - 1], seg.chars[k]
        if char.x0 - before.x1 > _DIGIT_GAP * char.height and any(
            abs(char.x0 - x) <= _PAD for x in starts
        ):
            cut.append(k)
    if len(cut) == 1:
        return [seg]
    cut.append(len(seg.chars))
    return [_Seg(seg.chars[a:b], seg.line) for a, b in itertools.pairwise(cut)]


def _label_and_figure(seg: _Seg, columns: _Columns) -> list[_Seg]:
    """A label and the figure after it, run together where the label fills its column (a web
    page's cells without padding: "其他对外管理服务事项10"), parted at the figures' first line."""
    edge = columns.xs[columns.labels]
    if seg.x0 >= edge or seg.x1 <= edge or not _digit(seg.chars[-1]):
        return [seg]
    k = len(seg.chars)
    while k > 0 and _digit(seg.chars[k - 1]) and seg.chars[k - 1].cx >= edge:
        k -= 1
    if (
        k == 0
        or k == len(seg.chars)
        or seg.chars[k - 1].text[-1:] < CJK_FROM  # a figure set wide, not a label before one
        or not looks_like_value(chars_text(seg.chars[k:]))
    ):
        return [seg]
    return [_Seg(seg.chars[:k], seg.line), _Seg(seg.chars[k:], seg.line)]


def _titles_in_order(
    titles: list[_Block],
    data_rows: set[int],
    figures: dict[int, dict[int, list[_Seg]]],
    n_rows: int,
    first: int,
) -> None:
    """Column titles that fell into one column (set flush left over figures set flush right,
    "采购项目数量" and "采购总金额" both left of the first figure's middle line) go over the
    figure columns of the rows under them in their order, when they are as many."""
    by_row: dict[int, list[_Block]] = {}
    for block in titles:
        if block.col0 >= first and block.first == block.last:
            by_row.setdefault(block.first, []).append(block)
    for r, row in by_row.items():
        row.sort(key=lambda b: b.segs[0].x0)
        if len({b.col0 for b in row}) == len(row):
            continue  # each its own column already
        used: set[int] = set()
        below = r + 1
        while below < n_rows and below not in by_row:
            if below in data_rows:
                used.update(figures.get(below, {}))
            below += 1
        if len(used) != len(row):
            continue
        for block, c in zip(row, sorted(used), strict=True):
            block.piece, block.column = block.text, c


def _apart(block: _Block, columns: _Columns) -> list[_Block]:
    """A title run together with its neighbours' (no gap between the cells: each column as
    wide as its text) parted where the figures of each column start; a run of Chinese
    characters has one box, and each of them is taken as wide as the others (they are
    full-width)."""
    first = columns.labels
    pieces: dict[int, list[str]] = {}
    for seg in block.segs:
        for char in seg.chars:
            width = (char.x1 - char.x0) / max(len(char.text), 1)
            for k, letter in enumerate(char.text):
                x = char.x0 + (k + 0.5) * width
                c = first + max(bisect.bisect_right(columns.starts, x) - 1, 0)
                c = min(max(c, block.col0), block.col1)
                pieces.setdefault(c, []).append(letter)
    out = []
    for c, letters in sorted(pieces.items()):
        part = _Block(block.segs, block.numbered, first=block.first, last=block.last)
        part.column, part.piece = c, "".join(letters)
        out.append(part)
    return out


def _cells(
    columns: _Columns,
    ys: list[float],
    blocks: list[_Block],
    figures: list[tuple[int, int, int, str]],
) -> tuple[Grid | None, list[str]]:
    n_rows, n_cols = len(ys) - 1, len(columns.xs) - 1
    slot = [[-1] * n_cols for _ in range(n_rows)]
    cells: list[Cell] = []
    texts: list[str] = []

    def put(r0: int, r1: int, c0: int, c1: int, text: str, sep: str) -> None:
        if slot[r0][c0] >= 0:
            k = slot[r0][c0]
            texts[k] += sep + text
            return
        c = c0
        while c + 1 <= c1 and slot[r0][c + 1] < 0:
            c += 1
        r = r0
        while r + 1 <= r1 and all(slot[r + 1][x] < 0 for x in range(c0, c + 1)):
            r += 1
        k = len(cells)
        cells.append(Cell(r0, c0, r - r0 + 1, c - c0 + 1))
        texts.append(text)
        for y in range(r0, r + 1):
            for x in range(c0, c + 1):
                slot[y][x] = k

    for block in sorted(blocks, key=lambda b: (b.first, b.col0)):
        put(block.first, block.last, block.col0, block.col1, block.text, "")
    for r, c0, c1, text in figures:
        put(r, r, c0, c1, text, " ")
    for r in range(n_rows):
        for c in range(n_cols):
            if slot[r][c] < 0:
                put(r, r, c, c, "", "")
    if len(cells) < 2:
        return None, []
    return Grid(list(columns.xs), ys, cells, slot, drawn=False), texts
