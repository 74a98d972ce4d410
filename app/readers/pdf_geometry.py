"""Tables on a PDF page from its ruling lines: cells are where the lines are.

A PDF has no tables, only characters at positions and lines drawn between them. Word and WPS
draw a border as a thin filled rectangle, LibreOffice as a stroked line, Qt as the outline of
each cell; all become horizontal and vertical edges here. Edges that cross each other make a
table; the distinct positions of its lines make a grid of slots, and neighbouring slots with no
line between them are one merged cell. A cell's characters are the ones whose centre falls in
it, wherever its label wraps (above and below the row's figures).

Coordinates are the page's as a reader sees it: points, x to the right, y downwards.
This module knows no PDF library (pdf_reader turns the library's objects into these).
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from typing import NamedTuple

Box = tuple[float, float, float, float]  # x0, y0 (the top), x1, y1 on the page as shown
TOLERANCE = 2.0  # points: lines this close are one line (double borders, rounding)
MIN_COVER = 0.5  # a side of a slot counts as ruled when a line covers this much of it


class Char:
    """A character and its box (the font's height, not the glyph's ink), or a run of Chinese
    characters of one line outside the tables, which the reader takes from PDFium as one
    (pdf_reader: what sets a character apart there is a gap PDFium marks with a space)."""

    __slots__ = ("cx", "cy", "height", "text", "x0", "x1", "y0", "y1")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text = text
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1  # y0 the top, y1 the bottom
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.height = y1 - y0

    def __repr__(self) -> str:
        return f"Char({self.text!r}, {self.x0:.1f}, {self.y0:.1f}, {self.x1:.1f}, {self.y1:.1f})"


class Edge(NamedTuple):  # a tuple: a page has thousands, made in the reader's hot loop
    horizontal: bool
    at: float  # y of a horizontal edge, x of a vertical one
    start: float  # along the edge: x0 of a horizontal edge, y0 of a vertical one
    end: float


@dataclass
class Page:
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    pictures: list[Box] = field(default_factory=list)  # images drawn (a scan: one a page)
    grids: list[Grid] | None = None  # find_grids(edges), where the reader has found them


@dataclass
class Cell:
    row: int  # first grid row
    col: int  # first grid column
    rows: int  # grid rows covered
    cols: int  # grid columns covered


@dataclass
class Grid:
    """One ruled table on one page."""

    xs: list[float]  # the vertical lines' positions, left to right
    ys: list[float]  # the horizontal lines', top to bottom
    cells: list[Cell]
    slot_cell: list[list[int]]  # [row][col] -> index into cells
    # False for a table set without lines (pdf_ruleless): its lines are placed between the texts
    drawn: bool = True

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    @property
    def left(self) -> float:
        return self.xs[0]

    @property
    def right(self) -> float:
        return self.xs[-1]

    def cell_at(self, x: float, y: float) -> Cell | None:
        k = self.cell_index(x, y)
        return None if k is None else self.cells[k]

    def cell_index(self, x: float, y: float) -> int | None:
        """The index in `cells` of the cell at (x, y); None outside the table."""
        if not (self.xs[0] <= x < self.xs[-1] and self.ys[0] <= y < self.ys[-1]):
            return None
        return self.slot_cell[bisect.bisect_right(self.ys, y) - 1][
            bisect.bisect_right(self.xs, x) - 1
        ]


@dataclass
class _Line:
    """Collinear edges merged: a position and the intervals drawn along it."""

    at: float
    spans: list[tuple[float, float]]

    def covers(self, start: float, end: float) -> bool:
        drawn = 0.0
        for a, b in self.spans:  # a loop, not sum(): a table asks this of every slot's sides
            if a < end and b > start:
                drawn += (b if b < end else end) - (a if a > start else start)
        return drawn >= MIN_COVER * (end - start)


def _by_position(lines: list[_Line]) -> list[_Line]:
    """A table's lines at one position (a border broken by merged cells) as one _Line."""
    out: list[_Line] = []
    for line in sorted(lines, key=lambda ln: ln.at):
        if out and line.at - out[-1].at <= TOLERANCE:
            out[-1].spans += line.spans
        else:
            out.append(_Line(line.at, list(line.spans)))
    return out


def find_grids(edges: list[Edge]) -> list[Grid]:
    """The ruled tables among the page's edges, smallest first (a frame drawn around a
    table holds the table: its characters go to the table)."""
    horizontal = _merged([e for e in edges if e.horizontal])
    vertical = _merged([e for e in edges if not e.horizontal])
    grids = []
    for h_lines, v_lines in _crossing_groups(horizontal, vertical):
        grid = _grid(h_lines, v_lines)
        if grid is not None:
            grids.append(grid)
    grids.sort(key=lambda g: (g.right - g.left) * (g.bottom - g.top))
    return grids


def _merged(edges: list[Edge]) -> list[_Line]:
    """Edges on (nearly) the same position joined where they touch or overlap: each line
    drawn without a break is one _Line (two tables one above the other, their borders on the
    same x, are two sets of lines)."""
    lines: list[_Line] = []
    for position in _positions(edges):
        spans = sorted([(e.start, e.end) for e in position])
        at = sum([e.at for e in position]) / len(position)
        start, end = spans[0]
        for a, b in spans:
            if a <= end + TOLERANCE:
                end = b if b > end else end
            else:
                lines.append(_Line(at, [(start, end)]))
                start, end = a, b
        lines.append(_Line(at, [(start, end)]))
    return lines


_AT = operator.attrgetter("at")


def _positions(edges: list[Edge]) -> list[list[Edge]]:
    groups: list[list[Edge]] = []
    for edge in sorted(edges, key=_AT):
        if groups and edge.at - groups[-1][-1].at <= TOLERANCE:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    return groups


def _crossing_groups(
    horizontal: list[_Line], vertical: list[_Line]
) -> list[tuple[list[_Line], list[_Line]]]:
    """Groups of lines that touch one another: each group is one table (or a frame)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    t = TOLERANCE
    # Only the vertical lines standing within a horizontal one's spans can cross it.
    by_x = sorted(range(len(vertical)), key=lambda j: vertical[j].at)
    xs = [vertical[j].at for j in by_x]
    for i, h in enumerate(horizontal):
        for a, b in h.spans:
            for j in by_x[bisect.bisect_left(xs, a - t) : bisect.bisect_right(xs, b + t)]:
                for c, d in vertical[j].spans:
                    if c - t <= h.at <= d + t:
                        parent[find(i)] = find(len(horizontal) + j)
                        break
    groups: dict[int, tuple[list[_Line], list[_Line]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [
        g for g in groups.values() if len(_by_position(g[0])) >= 2 and len(_by_position(g[1])) >= 2
    ]


def _grid(h_group: list[_Line], v_group: list[_Line]) -> Grid | None:
    h_lines, v_lines = _by_position(h_group), _by_position(v_group)
    ys = [h.at for h in h_lines]
    xs = [v.at for v in v_lines]
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not v_lines[c + 1].covers(ys[r], ys[r + 1]):
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and not h_lines[r + 1].covers(xs[c], xs[c + 1]):
                parent[find(here)] = find(here + n_cols)
    index: dict[int, int] = {}
    cells: list[Cell] = []
    slot_cell = [[0] * n_cols for _ in range(n_rows)]
    for r in range(n_rows):
        for c in range(n_cols):
            root = find(r * n_cols + c)
            k = index.get(root)
            if k is None:
                k = index[root] = len(cells)
                cells.append(Cell(r, c, 1, 1))
            else:  # a slot of a merged cell: the cell reaches at least this far
                cell = cells[k]
                if r - cell.row >= cell.rows:
                    cell.rows = r - cell.row + 1
                if c - cell.col >= cell.cols:
                    cell.cols = c - cell.col + 1
            slot_cell[r][c] = k
    if len(cells) < 2:
        return None  # a frame or a box around a paragraph, not a table
    return Grid(xs, ys, cells, slot_cell)
