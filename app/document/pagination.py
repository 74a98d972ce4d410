"""The block list laid out on A4 pages, as the .docx writer asks Word to lay it out.

Everything is in points from the top left corner of the paper. Paragraph lines sit on the
profile's fixed line pitch (22 to a page); a paragraph marked keep-with-next stays on the page of
what follows it, one marked keep-together is never split; table rows never split, a table's
header rows repeat at the top of each page it runs onto, and a merged cell that runs over a page
break is drawn on both pages. The last paragraph, the signing unit and the date share a page
(the blocks chain them with keep-with-next). Page numbers are "— N —", 4号, odd pages on the
right and even pages on the left, one character in, 7 mm below the text block.

No Qt here: the renderer passes its font metrics in (`TextMetrics`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from app.document.cell_fit import figure_size
from app.document.line_breaking import (
    EPSILON,
    FontSpec,
    Piece,
    SetLine,
    Span,
    TextMetrics,
    baseline_offset,
    set_lines,
)
from app.document.model import (
    Align,
    Block,
    CellKind,
    DocumentBlocks,
    Paragraph,
    Run,
    Signature,
    Table,
    TableCell,
    TextRole,
)
from app.document.profile import MM_PER_PT, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, LayoutProfile

PT_PER_MM = 1 / MM_PER_PT
PAGE_WIDTH_PT = PAGE_WIDTH_MM * PT_PER_MM
PAGE_HEIGHT_PT = PAGE_HEIGHT_MM * PT_PER_MM
BORDER_PT = 0.5  # table rules, as the .docx tables (w:sz 4 eighths of a point)


@dataclass(frozen=True)
class TextLine:
    """One line of text: its pieces at absolute x, on a baseline at absolute y."""

    baseline: float
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class CellBox:
    """A table cell (or the part of a merged cell on this page) with its border and text."""

    x: float
    y: float
    width: float
    height: float
    kind: CellKind
    ref: str  # value cells: "table3:new.total"
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Placed:
    """Where a block (or its part on this page) stands: for following the part being edited."""

    block: int
    top: float
    bottom: float


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    lines: tuple[TextLine, ...]
    cells: tuple[CellBox, ...]
    folio: TextLine  # "— N —"
    placed: tuple[Placed, ...]
    border_pt: float = BORDER_PT


@dataclass(frozen=True)
class PagedDocument:
    pages: tuple[Page, ...]
    parts: tuple[str, ...]  # per block: "front", "chapter:N", "table2".."table4", "signature"

    def locate(self, part: str) -> tuple[int, float] | None:
        """(page index, y) of where `part` starts.

        `part` may be a part key of `parts`, one of the window's ("1".."6", "front",
        "signature"), or a cell reference ("table3:new.total"), which finds the cell itself.
        """
        if ":" in part and part.startswith("table"):
            for index, page in enumerate(self.pages):
                for cell in page.cells:
                    if cell.ref == part:
                        return index, cell.y
            part = part.partition(":")[0]
        if part.isdigit():
            part = f"chapter:{part}"
        for index, page in enumerate(self.pages):
            for placed in page.placed:
                if self.parts[placed.block] == part:
                    return index, placed.top
        return None


# --- building the slices --------------------------------------------------------------------


@dataclass
class _Slice:
    """What cannot be split: a line of a paragraph, or a row of a table."""

    block: int
    height: float
    keep_next: bool = False  # no page break before the next slice (keep with next)
    bound_next: bool = False  # …and give this up last (lines of one kept-together block)
    line: SetLine | None = None  # x relative to the text block's left edge
    table: _TableSet | None = None
    row: int = -1


@dataclass
class _TableSet:
    """A table with its rows measured and its cells' text set, ready to cut into pages."""

    block: int
    table: Table
    col_x: list[float]
    row_heights: list[float]
    cell_lines: dict[tuple[int, int], list[SetLine]] = field(default_factory=dict)
    line_height: float = 0.0
    font_size: float = 0.0


class _Styles:
    """The fonts and spacing of each text role under a profile."""

    def __init__(self, profile: LayoutProfile) -> None:
        self.profile = profile
        # Word's way of fitting `chars_per_line` characters: the same extra advance per
        # character as the .docx writer's Normal style (styles.char_spacing), whole twips.
        self.char_spacing = math.floor((profile.char_pitch_pt - profile.body_pt) * 20) / 20

    def span(self, text: str, role: TextRole) -> Span:
        p = self.profile
        bold = role is TextRole.TITLE and p.fonts.title_bold
        size = p.size_for(role)
        spacing = 0.0 if role is TextRole.TITLE else self.char_spacing
        return Span(
            text,
            FontSpec(p.font_for(role), size, bold),
            FontSpec(p.fonts.latin, size, bold),
            spacing,
        )

    def table_span(self, text: str, size_pt: float | None = None) -> Span:
        p = self.profile
        size = size_pt or p.table_pt
        return Span(text, FontSpec(p.fonts.body, size), FontSpec(p.fonts.latin, size))


def _paragraph_slices(
    index: int, block: Paragraph, styles: _Styles, metrics: TextMetrics
) -> list[_Slice]:
    p = styles.profile
    runs = block.runs or (Run("", block.role),)
    spans = [styles.span(run.text, run.role) for run in runs]
    width = p.text_width_mm * PT_PER_MM - block.right_indent_chars * p.body_pt
    lines = set_lines(
        spans,
        metrics,
        width,
        first_indent=block.first_line_indent_chars * p.body_pt,
        align=block.align,
    )
    slices = [
        _Slice(
            index,
            p.line_pitch_pt,
            keep_next=block.keep_together,
            bound_next=block.keep_together,
            line=line,
        )
        for line in lines
    ]
    slices[-1].keep_next = block.keep_with_next
    slices[-1].bound_next = False
    return slices


def _signature_slices(
    index: int, block: Signature, styles: _Styles, metrics: TextMetrics
) -> list[_Slice]:
    p = styles.profile
    full = p.text_width_mm * PT_PER_MM
    slices = [
        _Slice(index, p.line_pitch_pt, keep_next=True, bound_next=True, line=SetLine((), 0.0))
        for _ in range(block.blank_lines_before)
    ]
    for text, indent in (
        (block.unit, block.unit_right_indent_chars),
        (block.date, block.date_right_indent_chars),
    ):
        line = set_lines(
            [styles.span(text, TextRole.BODY)],
            metrics,
            full - indent * p.body_pt,
            align=Align.RIGHT,
        )[0]
        slices.append(_Slice(index, p.line_pitch_pt, keep_next=True, bound_next=True, line=line))
    slices[-1].keep_next = slices[-1].bound_next = False
    return slices


def _table_set(index: int, block: Table, styles: _Styles, metrics: TextMetrics) -> _TableSet:
    p = styles.profile
    widths = [w * PT_PER_MM for w in block.column_widths_mm]
    left = p.margin_left_mm * PT_PER_MM + (p.text_width_mm * PT_PER_MM - sum(widths)) / 2
    col_x = [left]
    for w in widths:
        col_x.append(col_x[-1] + w)
    font = styles.table_span("").east_asian
    line_height = p.table_line_pt  # exact, as the .docx sets table text
    table_set = _TableSet(
        index,
        block,
        col_x,
        [block.min_row_height_mm * PT_PER_MM] * block.n_rows,
        line_height=line_height,
        font_size=font.size_pt,
    )
    margin = block.cell_margin_mm * PT_PER_MM
    needed: list[tuple[TableCell, float]] = []
    for cell in block.cells:
        inner = col_x[cell.col + cell.colspan] - col_x[cell.col] - 2 * margin
        size = figure_size(cell, inner, p.table_pt)
        lines = set_lines([styles.table_span(cell.text, size)], metrics, inner, align=cell.align)
        table_set.cell_lines[(cell.row, cell.col)] = lines
        needed.append((cell, len(lines) * line_height))
    # Rows grow to their tallest single-row cell; then a merged cell taller than its rows
    # grows the last of them, as Word and LibreOffice do.
    for cell, height in needed:
        if cell.rowspan == 1:
            heights = table_set.row_heights
            heights[cell.row] = max(heights[cell.row], height)
    for cell, height in needed:
        if cell.rowspan > 1:
            rows = range(cell.row, cell.row + cell.rowspan)
            short = height - sum(table_set.row_heights[r] for r in rows)
            if short > 0:
                table_set.row_heights[rows[-1]] += short
    return table_set


def _table_slices(table_set: _TableSet) -> list[_Slice]:
    block = table_set.table
    # Header rows stay with the first row below them (a heading alone at the foot of a page
    # says nothing); the blocks name the other rows that must stay with the next one.
    kept = set(block.keep_with_next_rows) | set(range(block.header_rows))
    return [
        _Slice(
            table_set.block,
            height,
            keep_next=r in kept and r < block.n_rows - 1,
            table=table_set,
            row=r,
        )
        for r, height in enumerate(table_set.row_heights)
    ]


def block_parts(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The part of the report each block shows (what the window calls a part)."""
    parts = []
    part = "front"
    for block in blocks:
        if isinstance(block, Paragraph) and block.chapter:
            part = f"chapter:{block.chapter}"
        if isinstance(block, Table):
            parts.append(block.name)
        elif isinstance(block, Signature):
            parts.append("signature")
        else:
            parts.append(part)
    return tuple(parts)


# --- cutting into pages ---------------------------------------------------------------------


def paginate(
    document: DocumentBlocks, profile: LayoutProfile, metrics: TextMetrics
) -> PagedDocument:
    styles = _Styles(profile)
    slices: list[_Slice] = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            slices += _paragraph_slices(index, block, styles, metrics)
        elif isinstance(block, Table):
            slices += _table_slices(_table_set(index, block, styles, metrics))
        elif isinstance(block, Signature):
            slices += _signature_slices(index, block, styles, metrics)
    if slices:
        slices[-1].keep_next = False
    cut = _cut(slices, profile.text_height_mm * PT_PER_MM)
    pages = tuple(_page(n + 1, chunk, profile, styles, metrics) for n, chunk in enumerate(cut))
    return PagedDocument(pages, block_parts(document.blocks))


def _headers(first: _Slice) -> list[_Slice]:
    """The header rows to repeat above `first` when a page starts with it."""
    table_set = first.table
    if table_set is None or first.row < table_set.table.header_rows:
        return []
    return [
        _Slice(table_set.block, table_set.row_heights[r], table=table_set, row=r)
        for r in range(table_set.table.header_rows)
    ]


def _cut(slices: list[_Slice], height: float) -> list[list[_Slice]]:
    """Slices per page: fill a page, then step back to the last place a break is allowed.

    When a chain of kept blocks is longer than a page, a break between two of them is made
    (as Word gives up keep-with-next first), and only then one inside a kept-together block.
    """
    pages: list[list[_Slice]] = []
    start = 0
    while start < len(slices):
        page = _headers(slices[start])
        used = sum(s.height for s in page)
        end = start
        while end < len(slices) and (end == start or used + slices[end].height <= height + EPSILON):
            used += slices[end].height
            end += 1
        if end < len(slices):
            end = (
                _break_before(slices, start, end, lambda s: s.keep_next)
                or _break_before(slices, start, end, lambda s: s.bound_next)
                or end
            )
        pages.append(page + slices[start:end])
        start = end
    return pages or [[]]


def _break_before(
    slices: list[_Slice], start: int, end: int, kept: Callable[[_Slice], bool]
) -> int:
    """The last index in (start, end] a page may start at, or 0 when there is none."""
    for at in range(end, start, -1):
        if not kept(slices[at - 1]):
            return at
    return 0


def _page(
    number: int, chunk: list[_Slice], profile: LayoutProfile, styles: _Styles, metrics: TextMetrics
) -> Page:
    left = profile.margin_left_mm * PT_PER_MM
    y = profile.margin_top_mm * PT_PER_MM
    lines: list[TextLine] = []
    cells: list[CellBox] = []
    spans: dict[int, list[float]] = {}
    rows: list[tuple[_Slice, float]] = []
    for piece in chunk:
        if piece.line is not None:
            baseline = y + baseline_offset(piece.height, piece.line.size_pt)
            lines.append(
                TextLine(
                    baseline,
                    tuple(Piece(left + p.x, p.text, p.font, p.spacing) for p in piece.line.pieces),
                )
            )
        else:
            rows.append((piece, y))
        top_bottom = spans.setdefault(piece.block, [y, y])
        top_bottom[1] = y + piece.height
        y += piece.height
    cells = _cells(rows)
    placed = tuple(Placed(block, top, bottom) for block, (top, bottom) in spans.items())
    return Page(
        number, tuple(lines), tuple(cells), _folio(number, profile, styles, metrics), placed
    )


def _cells(rows: list[tuple[_Slice, float]]) -> list[CellBox]:
    """The cell boxes of the table rows on a page, merged cells cut to the page."""
    boxes: list[CellBox] = []
    by_table: dict[int, list[tuple[_Slice, float]]] = {}
    for row in rows:
        by_table.setdefault(row[0].block, []).append(row)
    for table_rows in by_table.values():
        table_set = table_rows[0][0].table
        assert table_set is not None
        where = {s.row: (y, s.height) for s, y in table_rows}
        for cell in table_set.table.cells:
            covered = [r for r in range(cell.row, cell.row + cell.rowspan) if r in where]
            if not covered:
                continue
            top = where[covered[0]][0]
            bottom = where[covered[-1]][0] + where[covered[-1]][1]
            x = table_set.col_x[cell.col]
            width = table_set.col_x[cell.col + cell.colspan] - x
            text: tuple[TextLine, ...] = ()
            if cell.row in where:  # the text stays with the cell's first row
                text = _cell_text(table_set, cell, x, top, bottom - top)
            boxes.append(CellBox(x, top, width, bottom - top, cell.kind, cell.ref, text))
    return boxes


def _cell_text(
    table_set: _TableSet, cell: TableCell, x: float, top: float, height: float
) -> tuple[TextLine, ...]:
    lines = table_set.cell_lines[(cell.row, cell.col)]
    lh = table_set.line_height
    first = top + (height - len(lines) * lh) / 2  # centred vertically, as the .docx cells
    left = x + table_set.table.cell_margin_mm * PT_PER_MM
    out = []
    for n, line in enumerate(lines):
        baseline = first + n * lh + baseline_offset(lh, table_set.font_size)
        out.append(
            TextLine(
                baseline, tuple(Piece(left + p.x, p.text, p.font, p.spacing) for p in line.pieces)
            )
        )
    return tuple(out)


def _folio(number: int, profile: LayoutProfile, styles: _Styles, metrics: TextMetrics) -> TextLine:
    """ "— N —" in 4号 宋体: odd pages right, even pages left, one character in from the text
    block's edge, its middle 7 mm below the text block."""
    font = FontSpec(profile.fonts.page_number, profile.page_number_pt)
    text = f"— {number} —"
    width = metrics.width(text, font)
    inset = profile.page_number_pt
    left = profile.margin_left_mm * PT_PER_MM
    right = left + profile.text_width_mm * PT_PER_MM
    x = right - inset - width if number % 2 else left + inset
    middle = (
        profile.margin_top_mm + profile.text_height_mm + profile.page_number_gap_mm
    ) * PT_PER_MM
    baseline = middle + baseline_offset(0.0, font.size_pt)
    return TextLine(baseline, (Piece(x, text, font),))
