"""The shape of an official table, as data.

A layout is drawn from `GridCell`s (what a printed table shows, with its merged spans) and read
through `CellSpec`s (what each value cell means); its relations (layout_relations) say which
cells add up to which. The grid editor, the rules, the .docx writer, the readers and the preview
all walk these objects, built from one data module per layout (layout_2019, layout_2021) by
layout_builders, so each label and each sum exists once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from app.domain.layout_relations import (
    CarryOver,
    Each,
    Equation,
    EquationLine,
    FeeStatement,
    Helper,
    LengthLimit,
    Stock,
)


class ValueKind(Enum):
    COUNT = "count"  # non-negative integer
    SIGNED_COUNT = "signed_count"  # integer, may be negative (本年增/减)
    MONEY = "money"  # decimal in a fixed unit (万元), printed as entered
    MONEY_WITH_UNIT = "money_with_unit"  # decimal plus the unit typed into the cell (元 / 万元)


class Rollup(Enum):
    """How a roll-up of many units' reports (the county office's sum) treats a value cell."""

    SUM = "sum"  # added up cell-wise
    # Added up, but the sum may count one document twice (a rule in force in two units).
    SUM_FLAGGED = "sum_flagged"
    NONE = "none"  # not summed: the figure of one unit means nothing added to another's


class CellRole(Enum):
    TITLE = "title"  # a row-wide caption inside the table (第二十条第（一）项)
    HEADER = "header"  # column headings
    LABEL = "label"  # row labels
    VALUE = "value"  # an editable figure


@dataclass(frozen=True)
class CellSpec:
    """One value cell: where it lives and what it holds."""

    table: str
    row: str
    column: str
    kind: ValueKind
    row_label: str  # the row's full label, for messages
    column_label: str
    rollup: Rollup = Rollup.SUM

    @property
    def key(self) -> str:
        return f"{self.row}.{self.column}"

    @property
    def ref(self) -> str:
        return f"{self.table}:{self.key}"


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    role: CellRole
    text: str = ""
    key: str | None = None  # value cells only
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class TableLayout:
    name: str  # "table2", "table3", "table4"
    heading: str  # the chapter heading the table sits under
    n_rows: int
    n_cols: int
    grid: tuple[GridCell, ...]
    cells: tuple[CellSpec, ...]
    header_rows: int  # leading grid rows repeated on each printed page
    column_widths: tuple[float, ...]  # relative widths, summing to the text block
    row_keys: tuple[str, ...] = ()
    column_keys: tuple[str, ...] = ()
    equations: tuple[Equation, ...] = ()
    helpers: tuple[Helper, ...] = ()
    carry_over: tuple[CarryOver, ...] = ()
    stocks: tuple[Stock, ...] = ()
    # Rows found in no other layout's table: a table read with one of them is in this layout.
    markers: tuple[str, ...] = ()
    _by_key: dict[str, CellSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({c.key: c for c in self.cells})

    def spec(self, key: str) -> CellSpec:
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell covering (row, col), merged spans included."""
        for cell in self.grid:
            if (
                cell.row <= row < cell.row + cell.rowspan
                and cell.col <= col < cell.col + cell.colspan
            ):
                return cell
        return None

    def value_position(self, key: str) -> tuple[int, int]:
        for cell in self.grid:
            if cell.key == key:
                return cell.row, cell.col
        raise KeyError(key)

    def innermost_label(self, row: str) -> str:
        """The label printed nearest a row's figures ("规章", "1.属于国家秘密")."""
        r, c = self.value_position(next(s.key for s in self.cells if s.row == row))
        labels = [
            g
            for g in self.grid
            if g.role is CellRole.LABEL and g.row <= r < g.row + g.rowspan and g.col < c
        ]
        return max(labels, key=lambda g: g.col).text if labels else ""

    def lines(self, each: Each, terms: Sequence[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Each row (or column) that has a cell for every term: its key and the cells' refs."""
        for line in self.row_keys if each is Each.ROW else self.column_keys:
            keys = [f"{line}.{t}" if each is Each.ROW else f"{t}.{line}" for t in terms]
            if all(k in self._by_key for k in keys):
                yield line, tuple(f"{self.name}:{k}" for k in keys)

    @cached_property
    def equation_lines(self) -> tuple[EquationLine, ...]:
        """Every equation of the table in every row or column it holds in, in the order stated."""
        out = []
        for eq in self.equations:
            n = len(eq.left)
            terms = eq.left + eq.right
            required = tuple(i for i, term in enumerate(terms) if term in eq.required)
            for line, refs in self.lines(eq.each, terms):
                out.append(EquationLine(eq, line, refs[:n], refs[n:], required))
        return tuple(out)


@dataclass(frozen=True)
class Layout:
    id: str  # the year of the notice that set it
    document: str  # the notice that set it
    first_year: int  # the first report year to use it; it holds until the next layout's
    table2: TableLayout
    table3: TableLayout
    table4: TableLayout
    chapter_headings: tuple[str, ...]  # the six chapter headings, 一、 … 六、
    result_rows: tuple[str, ...]  # table 3's leaf result rows, summed into results_total
    other_rows: tuple[str, ...]  # table 3's （六）其他处理 rows
    fee_statement: FeeStatement | None = None
    length_limits: tuple[LengthLimit, ...] = ()

    @property
    def tables(self) -> tuple[TableLayout, TableLayout, TableLayout]:
        return (self.table2, self.table3, self.table4)

    def table(self, name: str) -> TableLayout:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def spec(self, ref: str) -> CellSpec:
        table, key = ref.split(":", 1)
        return self.table(table).spec(key)

    def length_limit(self, chapter: str) -> LengthLimit | None:
        return next((lim for lim in self.length_limits if lim.chapter == chapter), None)
