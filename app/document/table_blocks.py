"""The three tables as blocks, walked from the layout data: labels and spans are never retyped."""

from __future__ import annotations

from app.document.model import Align, CellKind, Table, TableCell
from app.domain.layout import CellRole, TableLayout
from app.domain.layouts import get_layout
from app.domain.report import Report, format_value

_KINDS = {
    CellRole.TITLE: CellKind.TITLE,
    CellRole.HEADER: CellKind.HEADER,
    CellRole.LABEL: CellKind.LABEL,
    CellRole.VALUE: CellKind.VALUE,
}
# Table 4 has 15 columns of about 10 mm: with the usual padding a 5号 heading would stand one
# character to a line, so its cells get almost none.
CELL_MARGIN_MM = {"table2": 1.0, "table3": 1.0, "table4": 0.4}


def table_layout(report: Report, name: str) -> TableLayout:
    """The layout a report's table is in (a mixed report keeps each table's own)."""
    return get_layout(report.table_layout_id(name)).table(name)


def table_block(report: Report, layout: TableLayout, text_width_mm: float) -> Table:
    cells = []
    for grid_cell in layout.grid:
        kind = _KINDS[grid_cell.role]
        text = grid_cell.text
        ref = ""
        if kind is CellKind.VALUE and grid_cell.key is not None:
            ref = f"{layout.name}:{grid_cell.key}"
            text = format_value(report.get(ref), report.money_units.get(ref, ""))
        cells.append(
            TableCell(
                row=grid_cell.row,
                col=grid_cell.col,
                text=text,
                kind=kind,
                align=_align(layout.name, kind),
                rowspan=grid_cell.rowspan,
                colspan=grid_cell.colspan,
                ref=ref,
            )
        )
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(
        name=layout.name,
        n_rows=layout.n_rows,
        n_cols=layout.n_cols,
        column_widths_mm=_scaled(layout.column_widths, text_width_mm),
        header_rows=layout.header_rows,
        cells=tuple(cells),
        cell_margin_mm=CELL_MARGIN_MM.get(layout.name, 1.0),
        keep_with_next_rows=_kept_rows(layout, cells),
    )


def _align(table: str, kind: CellKind) -> Align:
    # Table 3's row labels are sentences of up to three lines: they read best left-aligned.
    if kind is CellKind.LABEL and table == "table3":
        return Align.LEFT
    return Align.CENTER


def _scaled(widths: tuple[float, ...], text_width_mm: float) -> tuple[float, ...]:
    """The layout's relative widths stretched or shrunk to the profile's text block."""
    total = sum(widths)
    return tuple(round(w * text_width_mm / total, 2) for w in widths)


def _kept_rows(layout: TableLayout, cells: list[TableCell]) -> frozenset[int]:
    """Rows that must stay on the page of the row below: the headers, and in table 2 each
    item's caption and column heads, which mean nothing at the foot of a page. With the title
    above the table kept with its first row, a table never starts at a page's foot with less
    than its first row of figures (Word, WPS and LibreOffice keep a row whose paragraphs are
    all keep-with-next on the page of the next row)."""
    rows = set(range(layout.header_rows))
    for cell in cells:
        if cell.kind is CellKind.TITLE:
            rows.update((cell.row, cell.row + 1))
    return frozenset(r for r in rows if r < layout.n_rows - 1)
