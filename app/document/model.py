"""The document as a list of blocks: what the .docx writer, the preview and the PDF all render.

Blocks are plain data with everything a renderer needs and nothing tied to one renderer: text
runs carry a role (which font and size the profile gives them), tables carry their grid with
spans and widths in millimetres. Indents are in characters of the body size, as GB/T 9704
states them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class TextRole(Enum):
    TITLE = "title"  # 方正小标宋简体 2号
    HEADING1 = "heading1"  # 一、 黑体
    HEADING2 = "heading2"  # （一） 楷体_GB2312
    HEADING3 = "heading3"  # 1. 仿宋_GB2312
    HEADING4 = "heading4"  # （1） 仿宋_GB2312
    BODY = "body"  # 仿宋_GB2312 3号


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class CellKind(Enum):
    TITLE = "title"  # a caption row inside table 2 (第二十条第（一）项)
    HEADER = "header"
    LABEL = "label"
    VALUE = "value"


@dataclass(frozen=True)
class Run:
    """Text in one role. A "\n" inside is a line break within the paragraph."""

    text: str
    role: TextRole


@dataclass(frozen=True)
class Paragraph:
    role: TextRole  # a heading paragraph is kept with what follows it
    runs: tuple[Run, ...]
    align: Align = Align.JUSTIFY
    first_line_indent_chars: float = 2.0
    right_indent_chars: float = 0.0
    keep_with_next: bool = False
    keep_together: bool = False  # never split across pages
    chapter: str = ""  # "1".."6" on the six chapter headings
    not_heading: bool = False  # numbered like a heading, but the user said it is body text

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def blank_line() -> Paragraph:
    return Paragraph(TextRole.BODY, (), first_line_indent_chars=0.0)


@dataclass(frozen=True)
class TableCell:
    row: int
    col: int
    text: str
    kind: CellKind
    align: Align
    rowspan: int = 1
    colspan: int = 1
    ref: str = ""  # value cells: "table3:new.total"


@dataclass(frozen=True)
class Table:
    name: str  # "table2", "table3", "table4"
    n_rows: int
    n_cols: int
    column_widths_mm: tuple[float, ...]
    header_rows: int  # leading rows repeated at the top of each page
    cells: tuple[TableCell, ...]  # sorted by (row, col); each merged cell once, at its origin
    cell_margin_mm: float = 1.0  # left and right padding inside a cell
    min_row_height_mm: float = 6.0  # a one-line row of 五号 text would look cramped
    keep_with_next_rows: frozenset[int] = field(default_factory=frozenset)

    def rows(self) -> list[list[TableCell]]:
        """The cells that start in each row, left to right."""
        out: list[list[TableCell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return out

    def covering(self) -> dict[tuple[int, int], TableCell]:
        """Every grid position and the (merged) cell that covers it."""
        grid = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[(r, c)] = cell
        return grid


@dataclass(frozen=True)
class Signature:
    """The signing unit centred over the date, with room above them for the seal."""

    unit: str
    date: str  # 2021年1月21日
    blank_lines_before: int
    unit_right_indent_chars: float  # so that the unit is centred over the date
    date_right_indent_chars: float = 4.0


Block = Paragraph | Table | Signature


@dataclass(frozen=True)
class DocumentBlocks:
    title: str  # the report title, one line (document properties)
    author: str  # the unit
    blocks: tuple[Block, ...]

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
