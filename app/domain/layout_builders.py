"""Turn the compact layout data of the layout modules into grids with merged spans.

The layout modules state rows, columns and labels as the notices print them; these builders
work out row and column spans so that no module writes a span by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.layout import CellRole, CellSpec, GridCell, TableLayout, ValueKind

TEXT_BLOCK_MM = 156.0


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT


@dataclass(frozen=True)
class Table2Item:
    title: str  # 第二十条第（一）项
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, str], ...]  # (row key, label)


def build_table2(heading: str, items: Sequence[Table2Item]) -> TableLayout:
    """Each item: a title row across the table, a header row, then its data rows.

    The grid has one label column and three value columns; an item with fewer columns lets
    its last cell span the rest, as the printed template does.
    """
    n_cols = 4
    grid: list[GridCell] = []
    cells: list[CellSpec] = []
    row_keys: list[str] = []
    r = 0
    for item in items:
        grid.append(GridCell(r, 0, CellRole.TITLE, item.title, colspan=n_cols))
        r += 1
        grid.append(GridCell(r, 0, CellRole.HEADER, "信息内容"))
        spans = _value_spans(len(item.columns), n_cols - 1)
        for (col, span), column in zip(spans, item.columns, strict=True):
            grid.append(GridCell(r, 1 + col, CellRole.HEADER, column.label, colspan=span))
        r += 1
        for row_key, row_label in item.rows:
            row_keys.append(row_key)
            grid.append(GridCell(r, 0, CellRole.LABEL, row_label))
            for (col, span), column in zip(spans, item.columns, strict=True):
                key = f"{row_key}.{column.key}"
                grid.append(GridCell(r, 1 + col, CellRole.VALUE, key=key, colspan=span))
                cells.append(
                    CellSpec("table2", row_key, column.key, column.kind,
                             f"{item.title} {row_label}", column.label)
                )
            r += 1
    return TableLayout(
        name="table2",
        heading=heading,
        n_rows=r,
        n_cols=n_cols,
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=0,
        column_widths=(54.0, 34.0, 34.0, 34.0),
        row_keys=tuple(row_keys),
        column_keys=tuple(dict.fromkeys(c.column for c in cells)),
    )


def _value_spans(n_values: int, n_slots: int) -> list[tuple[int, int]]:
    spans = [(i, 1) for i in range(n_values)]
    last_col, _ = spans[-1]
    spans[-1] = (last_col, n_slots - last_col)
    return spans


# Table 3: three label columns, then seven value columns.
TABLE3_COLUMNS = (
    Column("natural", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("public_interest", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计"),
)
TABLE3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class Table3Row:
    key: str
    labels: tuple[str, str, str]  # level 1 (一、), level 2 (（一）), level 3 (1.); "" where absent


def table3_row_label(labels: tuple[str, str, str]) -> str:
    """The short label a message names a row by: "（四）1.本机关不掌握相关政府信息"."""
    top, group, leaf = labels
    if leaf:
        return group[: group.index("）") + 1] + leaf
    return group or top


def build_table3(heading: str, rows: Sequence[Table3Row]) -> TableLayout:
    n_label = 3
    n_cols = n_label + len(TABLE3_COLUMNS)
    grid: list[GridCell] = [
        GridCell(0, 0, CellRole.HEADER, TABLE3_CORNER, rowspan=3, colspan=3),
        GridCell(0, 3, CellRole.HEADER, "申请人情况", colspan=7),
        GridCell(1, 3, CellRole.HEADER, "自然人", rowspan=2),
        GridCell(1, 4, CellRole.HEADER, "法人或其他组织", colspan=5),
        GridCell(1, 9, CellRole.HEADER, "总计", rowspan=2),
    ]
    grid += [
        GridCell(2, 4 + i, CellRole.HEADER, c.label) for i, c in enumerate(TABLE3_COLUMNS[1:6])
    ]
    header_rows = 3
    # A label spans the rows below it that share it and the empty levels to its right.
    for level in range(n_label):
        i = 0
        while i < len(rows):
            label = rows[i].labels[level]
            if not label:
                i += 1
                continue
            j = i + 1
            while (
                j < len(rows)
                and rows[j].labels[: level + 1] == rows[i].labels[: level + 1]
            ):
                j += 1
            colspan = 1
            while level + colspan < n_label and not rows[i].labels[level + colspan]:
                colspan += 1
            grid.append(
                GridCell(header_rows + i, level, CellRole.LABEL, label,
                         rowspan=j - i, colspan=colspan)
            )
            i = j
    cells: list[CellSpec] = []
    for i, row in enumerate(rows):
        for c, column in enumerate(TABLE3_COLUMNS):
            key = f"{row.key}.{column.key}"
            grid.append(GridCell(header_rows + i, n_label + c, CellRole.VALUE, key=key))
            cells.append(
                CellSpec("table3", row.key, column.key, column.kind,
                         table3_row_label(row.labels), column.label)
            )
    grid.sort(key=lambda g: (g.row, g.col))
    return TableLayout(
        name="table3",
        heading=heading,
        n_rows=header_rows + len(rows),
        n_cols=n_cols,
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=header_rows,
        column_widths=(14.0, 20.0, 38.0) + (12.0,) * 7,
        row_keys=tuple(r.key for r in rows),
        column_keys=tuple(c.key for c in TABLE3_COLUMNS),
    )


# Table 4: the same in every layout so far.
TABLE4_OUTCOMES = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
TABLE4_GROUPS = (
    ("review", "行政复议"),
    ("suit_direct", "行政诉讼（未经复议直接起诉）"),
    ("suit_after_review", "行政诉讼（复议后起诉）"),
)


def build_table4(heading: str) -> TableLayout:
    grid: list[GridCell] = [
        GridCell(0, 0, CellRole.HEADER, "行政复议", colspan=5),
        GridCell(0, 5, CellRole.HEADER, "行政诉讼", colspan=10),
        GridCell(1, 5, CellRole.HEADER, "未经复议直接起诉", colspan=5),
        GridCell(1, 10, CellRole.HEADER, "复议后起诉", colspan=5),
    ]
    grid += [GridCell(1, i, CellRole.HEADER, c.label, rowspan=2)
             for i, c in enumerate(TABLE4_OUTCOMES)]
    for g in (1, 2):
        grid += [GridCell(2, g * 5 + i, CellRole.HEADER, c.label)
                 for i, c in enumerate(TABLE4_OUTCOMES)]
    cells: list[CellSpec] = []
    for g, (group, group_label) in enumerate(TABLE4_GROUPS):
        for i, column in enumerate(TABLE4_OUTCOMES):
            grid.append(GridCell(3, g * 5 + i, CellRole.VALUE, key=f"{group}.{column.key}"))
            cells.append(CellSpec("table4", group, column.key, column.kind,
                                  group_label, column.label))
    grid.sort(key=lambda g: (g.row, g.col))
    return TableLayout(
        name="table4",
        heading=heading,
        n_rows=4,
        n_cols=15,
        grid=tuple(grid),
        cells=tuple(cells),
        header_rows=3,
        column_widths=(TEXT_BLOCK_MM / 15,) * 15,
        row_keys=tuple(g for g, _ in TABLE4_GROUPS),
        column_keys=tuple(c.key for c in TABLE4_OUTCOMES),
    )
