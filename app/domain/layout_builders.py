"""Turn a layout's data (a module of literals such as layout_2021) into the layout objects.

The data states rows, columns and labels as the notices print them, as trees where labels are
merged; these builders work out the grid and its spans, so no data writes a span by hand. They
also check that every relation names cells the table has.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, replace

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import CellRole, CellSpec, GridCell, Layout, Rollup, TableLayout, ValueKind
from app.domain.layout_data import Data, LayoutDataError
from app.domain.layout_relations import (
    CarryOver,
    Each,
    Equation,
    FeeStatement,
    Helper,
    LengthLimit,
    Stock,
)


def build_layout(data: Mapping[str, object]) -> Layout:
    d = Data(data, "")
    table3_data = d.part("table3")
    table3 = build_table3(CHAPTER_HEADINGS[2], table3_data)
    fee = d.optional_part("fee_statement")
    layout = Layout(
        id=d.text("id"),
        document=d.text("document"),
        first_year=d.integer("first_year"),
        table2=build_table2(CHAPTER_HEADINGS[1], d.part("table2")),
        table3=table3,
        table4=build_table4(CHAPTER_HEADINGS[3], d.part("table4")),
        chapter_headings=CHAPTER_HEADINGS,
        result_rows=_known_rows(table3, table3_data, "result_rows"),
        other_rows=_known_rows(table3, table3_data, "other_rows"),
        fee_statement=FeeStatement(fee.text("chapter"), fee.text("unpaid")) if fee else None,
        length_limits=tuple(
            LengthLimit(lim.text("chapter"), lim.integer("characters"), lim.text("as_written"))
            for lim in d.parts("length_limits", default_empty=True)
        ),
    )
    if layout.fee_statement is not None:
        try:
            layout.spec(layout.fee_statement.unpaid)
        except (KeyError, ValueError):
            raise LayoutDataError(
                f"fee_statement.unpaid：表格中没有“{layout.fee_statement.unpaid}”"
            ) from None
    return layout


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    rollup: Rollup = Rollup.SUM


def _column(d: Data) -> Column:
    return Column(
        d.text("key"),
        d.text("label"),
        d.choice("kind", ValueKind, ValueKind.COUNT),
        d.choice("rollup", Rollup, Rollup.SUM),
    )


def _widths(d: Data, n_cols: int) -> tuple[float, ...]:
    widths = d.numbers("column_widths")
    if len(widths) != n_cols:
        raise LayoutDataError(
            f"{d.where}.column_widths：表格有 {n_cols} 列，却给了 {len(widths)} 个宽度"
        )
    return widths


# ---- table 2 -------------------------------------------------------------------------------


def build_table2(heading: str, d: Data) -> TableLayout:
    """Each item: a title row across the table, a header row, then its data rows.

    The grid has one label column and as many value columns as the widest item; an item with
    fewer columns lets its last cell span the rest, as the printed template does.
    """
    items = [
        (item.text("title"), [_column(c) for c in item.parts("columns")], item.pairs("rows"))
        for item in d.parts("items")
    ]
    n_cols = 1 + max(len(columns) for _, columns, _ in items)
    grid: list[GridCell] = []
    cells: list[CellSpec] = []
    row_keys: list[str] = []
    r = 0
    for title, columns, rows in items:
        grid.append(GridCell(r, 0, CellRole.TITLE, title, colspan=n_cols))
        r += 1
        grid.append(GridCell(r, 0, CellRole.HEADER, d.text("label_header")))
        spans = _value_spans(len(columns), n_cols - 1)
        for (col, span), column in zip(spans, columns, strict=True):
            grid.append(GridCell(r, 1 + col, CellRole.HEADER, column.label, colspan=span))
        r += 1
        for row_key, row_label in rows:
            row_keys.append(row_key)
            grid.append(GridCell(r, 0, CellRole.LABEL, row_label))
            for (col, span), column in zip(spans, columns, strict=True):
                key = f"{row_key}.{column.key}"
                grid.append(GridCell(r, 1 + col, CellRole.VALUE, key=key, colspan=span))
                cells.append(
                    CellSpec(
                        "table2",
                        row_key,
                        column.key,
                        column.kind,
                        f"{title} {row_label}",
                        column.label,
                        column.rollup,
                    )
                )
            r += 1
    table = TableLayout(
        name="table2",
        heading=heading,
        n_rows=r,
        n_cols=n_cols,
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=0,
        column_widths=_widths(d, n_cols),
        row_keys=tuple(row_keys),
        column_keys=tuple(dict.fromkeys(c.column for c in cells)),
    )
    return with_relations(table, d)


def _value_spans(n_values: int, n_slots: int) -> list[tuple[int, int]]:
    spans = [(i, 1) for i in range(n_values)]
    last_col, _ = spans[-1]
    spans[-1] = (last_col, n_slots - last_col)
    return spans


# ---- table 3 -------------------------------------------------------------------------------


def _depth(node: Data, children: str) -> int:
    if not node.has(children):
        return 1
    return 1 + max(_depth(child, children) for child in _children(node, children))


def _children(node: Data, children: str) -> list[Data]:
    found = node.parts(children)
    if not found:
        raise LayoutDataError(f"{node.where}.{children}：不能为空")
    return found


def _headers(
    nodes: list[Data],
    level: int,
    col: int,
    n_levels: int,
    grid: list[GridCell],
    leaves: list[Column],
) -> int:
    """Column headings from their tree: a heading spans the columns below it, a column's own
    heading the levels below its own. Returns the grid column after the last."""
    for node in nodes:
        if node.has("columns"):
            start = col
            col = _headers(_children(node, "columns"), level + 1, col, n_levels, grid, leaves)
            grid.append(
                GridCell(level, start, CellRole.HEADER, node.text("label"), colspan=col - start)
            )
        else:
            grid.append(
                GridCell(level, col, CellRole.HEADER, node.text("label"), rowspan=n_levels - level)
            )
            leaves.append(_column(node))
            col += 1
    return col


@dataclass(frozen=True)
class _Row:
    key: str
    path: tuple[str, ...]  # its labels from the outermost (一、) in


def _labels(
    nodes: list[Data],
    level: int,
    row: int,
    n_levels: int,
    path: tuple[str, ...],
    grid: list[GridCell],
    rows: list[_Row],
) -> int:
    """Row labels from their tree: a group's label spans its rows, a row's own label the label
    columns to its right. Returns the grid row after the last."""
    for node in nodes:
        label = node.text("label")
        if node.has("rows"):
            start = row
            row = _labels(
                _children(node, "rows"), level + 1, row, n_levels, (*path, label), grid, rows
            )
            grid.append(GridCell(start, level, CellRole.LABEL, label, rowspan=row - start))
        else:
            grid.append(GridCell(row, level, CellRole.LABEL, label, colspan=n_levels - level))
            rows.append(_Row(node.text("key"), (*path, label)))
            row += 1
    return row


def table3_row_label(path: tuple[str, ...]) -> str:
    """The short label a message names a row by: "（四）1.本机关不掌握相关政府信息"."""
    if len(path) >= 3 and "）" in path[-2]:
        return path[-2][: path[-2].index("）") + 1] + path[-1]
    return path[-1]


def build_table3(heading: str, d: Data) -> TableLayout:
    """Label columns for the row tree, then one value column per leaf of the column tree; the
    corner above the labels holds the table's own note."""
    row_nodes = d.parts("rows")
    column_nodes = d.parts("columns")
    n_label = max(_depth(n, "rows") for n in row_nodes)
    header_rows = max(_depth(n, "columns") for n in column_nodes)
    grid = [GridCell(0, 0, CellRole.HEADER, d.text("corner"), rowspan=header_rows, colspan=n_label)]
    columns: list[Column] = []
    n_cols = _headers(column_nodes, 0, n_label, header_rows, grid, columns)
    rows: list[_Row] = []
    n_rows = _labels(row_nodes, 0, header_rows, n_label, (), grid, rows)
    cells: list[CellSpec] = []
    for i, row in enumerate(rows):
        for c, column in enumerate(columns):
            key = f"{row.key}.{column.key}"
            grid.append(GridCell(header_rows + i, n_label + c, CellRole.VALUE, key=key))
            cells.append(
                CellSpec(
                    "table3",
                    row.key,
                    column.key,
                    column.kind,
                    table3_row_label(row.path),
                    column.label,
                    column.rollup,
                )
            )
    grid.sort(key=lambda g: (g.row, g.col))
    table = TableLayout(
        name="table3",
        heading=heading,
        n_rows=n_rows,
        n_cols=n_cols,
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=header_rows,
        column_widths=_widths(d, n_cols),
        row_keys=tuple(r.key for r in rows),
        column_keys=tuple(c.key for c in columns),
    )
    return with_relations(table, d)


# ---- table 4 -------------------------------------------------------------------------------


def build_table4(heading: str, d: Data) -> TableLayout:
    """One row of figures: for each group (行政复议, the two kinds of 行政诉讼) the same outcome
    columns, under the group's headings; groups that share a heading share its cell."""
    groups = [(g.text("key"), g.texts("header"), g.text("label")) for g in d.parts("groups")]
    columns = [_column(c) for c in d.parts("columns")]
    n = len(columns)
    header_rows = 1 + max(len(header) for _, header, _ in groups)
    grid: list[GridCell] = []
    for level in range(header_rows - 1):
        i = 0
        while i < len(groups):
            header = groups[i][1]
            j = i + 1
            while j < len(groups) and groups[j][1][: level + 1] == header[: level + 1]:
                j += 1
            if level < len(header):
                grid.append(
                    GridCell(level, i * n, CellRole.HEADER, header[level], colspan=(j - i) * n)
                )
            i = j
    cells: list[CellSpec] = []
    for g, (group, header, label) in enumerate(groups):
        for c, column in enumerate(columns):
            grid.append(
                GridCell(
                    len(header),
                    g * n + c,
                    CellRole.HEADER,
                    column.label,
                    rowspan=header_rows - len(header),
                )
            )
            grid.append(
                GridCell(header_rows, g * n + c, CellRole.VALUE, key=f"{group}.{column.key}")
            )
            cells.append(
                CellSpec(
                    "table4", group, column.key, column.kind, label, column.label, column.rollup
                )
            )
    grid.sort(key=lambda g: (g.row, g.col))
    table = TableLayout(
        name="table4",
        heading=heading,
        n_rows=header_rows + 1,
        n_cols=n * len(groups),
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=header_rows,
        column_widths=_widths(d, n * len(groups)),
        row_keys=tuple(g for g, _, _ in groups),
        column_keys=tuple(c.key for c in columns),
    )
    return with_relations(table, d)


# ---- relations -----------------------------------------------------------------------------


def with_relations(table: TableLayout, d: Data) -> TableLayout:
    """`table` with the equations, helpers, carry-over, stocks and markers its data states."""

    def terms(rel: Data, key: str) -> tuple[str, ...]:
        # A name instead of a list: one of the table's own row lists ("result_rows").
        value = rel.raw(key)
        return d.texts(value) if isinstance(value, str) else rel.texts(key)

    equations = []
    for e in d.parts("equations", default_empty=True):
        left = terms(e, "left")
        equations.append(
            Equation(
                rule=e.text("rule"),
                each=e.choice("each", Each),
                left=left,
                right=terms(e, "right"),
                message=_template(e, "message", EQUATION_FIELDS),
                required=e.texts("required", left),
                names=e.pairs("names") if e.has("names") else (),
                hint=_template(e, "hint", {"parts"}) if e.has("hint") else "",
            )
        )
    helpers = [
        Helper(
            h.text("rule"),
            h.choice("each", Each),
            terms(h, "plus"),
            terms(h, "minus"),
            _template(h, "hint", {"value"}),
        )
        for h in d.parts("helpers", default_empty=True)
    ]
    carry = [
        CarryOver(
            c.choice("each", Each),
            c.text("source"),
            c.text("target"),
            _template(c, "message", CARRY_FIELDS),
        )
        for c in d.parts("carry_over", default_empty=True)
    ]
    stocks = [
        Stock(
            s.choice("each", Each),
            s.text("stock"),
            s.text("added"),
            s.text("removed"),
            _template(s, "mismatch", STOCK_FIELDS),
            _template(s, "overdrawn", STOCK_FIELDS),
        )
        for s in d.parts("stocks", default_empty=True)
    ]
    built = replace(
        table,
        equations=tuple(equations),
        helpers=tuple(helpers),
        carry_over=tuple(carry),
        stocks=tuple(stocks),
        markers=_known_rows(table, d, "markers") if d.has("markers") else (),
    )
    named = [(e.rule, e.each, e.left + e.right) for e in built.equations]
    named += [(h.rule, h.each, h.plus + h.minus) for h in built.helpers]
    named += [("carry_over", c.each, (c.source, c.target)) for c in built.carry_over]
    named += [("stocks", s.each, (s.stock, s.added, s.removed)) for s in built.stocks]
    for what, each, keys in named:
        if not any(built.lines(each, keys)):
            raise LayoutDataError(
                f"{d.where}.{what}：{table.name}中没有哪一{'行' if each is Each.ROW else '列'}"
                f"同时有 {'、'.join(keys)}"
            )
    return built


# What each kind of message may name (layout_relations says what they stand for).
EQUATION_FIELDS = {"row", "column", "total", "parts", "left", "right"}
CARRY_FIELDS = {"row", "column", "now", "before", "year"}
STOCK_FIELDS = {"row", "now", "before", "added", "removed", "expected"}


def _template(d: Data, key: str, allowed: set[str]) -> str:
    text = d.text(key)
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        raise LayoutDataError(f"{d.where}.{key}：{error}") from None
    unknown = fields - allowed
    if unknown:
        raise LayoutDataError(
            f"{d.where}.{key}：不认识 {{{'}、{'.join(sorted(unknown))}}}，"
            f"可用的是 {{{'}、{'.join(sorted(allowed))}}}"
        )
    return text


def _known_rows(table: TableLayout, d: Data, key: str) -> tuple[str, ...]:
    rows = d.texts(key)
    unknown = [r for r in rows if r not in table.row_keys]
    if unknown:
        raise LayoutDataError(f"{d.where}.{key}：{table.name}中没有这些行：{'、'.join(unknown)}")
    return rows
