"""The shape of an official table, as data.

A layout is drawn from `GridCell`s (what a printed table shows, with its merged spans) and read
through `CellSpec`s (what each value cell means). The grid editor, the rules, the .docx writer,
the readers and the preview all walk these objects, so each label exists once, in the layout
modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ValueKind(Enum):
    COUNT = "count"  # non-negative integer
    SIGNED_COUNT = "signed_count"  # integer, may be negative (本年增/减)
    MONEY = "money"  # decimal in a fixed unit (万元), printed as entered
    MONEY_WITH_UNIT = "money_with_unit"  # decimal plus the unit typed into the cell (元 / 万元)


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


@dataclass(frozen=True)
class Layout:
    id: str  # "2019", "2021"
    document: str  # the notice that set it
    first_year: int
    table2: TableLayout
    table3: TableLayout
    table4: TableLayout
    chapter_headings: tuple[str, ...]  # the six chapter headings, 一、 … 六、
    result_rows: tuple[str, ...]  # table 3's leaf result rows, summed into results_total
    other_rows: tuple[str, ...]  # table 3's （六）其他处理 rows

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
