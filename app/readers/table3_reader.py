"""Table 3 (收到和处理政府信息公开申请情况) from rows of cell texts.

Each row is found by its label path (一、 → （一） → 1.) in the layout data of every layout, so
merged labels written once or repeated, a sub-row written without its group, and typos all land
on the right row; the layout is told by （六）其他处理 having sub-rows or not.
"""

from __future__ import annotations

import functools

from app.domain.layout import CellRole, TableLayout, ValueKind
from app.domain.layouts import LAYOUTS
from app.domain.values import read_value
from app.readers.labels import best_match, normalize, numbering
from app.readers.table_reader import (
    Record,
    Row,
    TableRead,
    fit,
    records,
    without_extra_words,
)


def _table3_rows(table: TableLayout) -> dict[tuple[str, str, str], str]:
    """Each data row's label path (一、, （一）, 1.) -> row key, walked from the grid."""
    paths = {}
    for i, key in enumerate(table.row_keys):
        r = table.header_rows + i
        path = ["", "", ""]
        for level in range(3):
            cell = table.cell_at(r, level)
            if cell is not None and cell.role is CellRole.LABEL and cell.col == level:
                path[level] = cell.text
        paths[(path[0], path[1], path[2])] = key
    return paths


_T3_PATHS = {lay.id: _table3_rows(lay.table3) for lay in LAYOUTS.values()}
_T3_ALL = {path for paths in _T3_PATHS.values() for path in paths}
_T3_COLUMNS = {"自然人": "natural", "商业企业": "business", "科研机构": "research",
               "社会公益组织": "public_interest", "法律服务机构": "legal", "其他": "other",
               "总计": "total", "合计": "total"}


def _candidates(level: int, ctx: list[str]) -> list[str]:
    if level > 1 and all(ctx[: level - 1]):
        prefix = tuple(ctx[: level - 1])
        return sorted({p[level - 1] for p in _T3_ALL if p[: level - 1] == prefix and p[level - 1]})
    return sorted({p[level - 1] for p in _T3_ALL if p[level - 1]})


def _match_table3_label(label: str, ctx: list[str]) -> tuple[int, str] | None:
    level, _ = numbering(label)
    for lv in [level] if level else [3, 2, 1]:
        found = best_match(label, _candidates(lv, ctx), threshold=0.6 if level else 0.8)
        if found:
            return lv, found
    return None


def _enter(ctx: list[str], level: int, text: str) -> None:
    """Set the label context; a sub-row written without its group finds the group itself."""
    ctx[level - 1] = text
    for deeper in range(level, 3):
        ctx[deeper] = ""
    if level > 1 and not all(ctx[: level - 1]):
        owners = {p[: level - 1] for p in _T3_ALL if p[level - 1] == text}
        if len(owners) == 1:
            ctx[: level - 1] = list(owners.pop())


def read_table3(rows: list[Row]) -> TableRead:
    result = TableRead(None)
    ctx = ["", "", ""]
    header: list[str] = []
    data: list[tuple[tuple[str, str, str], list[str]]] = []
    width = 7 + any(_is_subtotal_title(normalize(cell)) for row in rows for cell in row if cell)
    recs = records(rows, _known_label, width)
    for rec in recs:
        matched = False
        labels, values = rec.labels, rec.values
        # A table split over pages may repeat its column titles before more rows: several
        # titles in one record are a header, never row labels ("其他" is not "3.其他").
        repeated_header = sum(1 for label in labels if _is_column_title(label)) >= 2
        for label in labels:
            if (not data or repeated_header) and _is_column_title(label):
                if not data:
                    header.append(label)
                continue
            hit = _match_table3_label(label, ctx)
            if hit is None:
                if not data:
                    header.append(label)
                continue
            matched = True
            _enter(ctx, *hit)
        if not any(values):
            continue
        path = (ctx[0], ctx[1], ctx[2])
        if not matched or path not in _T3_ALL:
            if data:
                shown = labels[-1] if labels else "、".join(values)
                result.notes.append(f"表三中“{shown}”一行无法识别，已忽略")
            continue
        data.append((path, values))
    if not data:
        # A table without figures still shows its layout by its rows (an old blank template
        # in a new year's report is rule R13 all the same).
        result.layout_id = _layout_of_rows(recs)
        return result
    layout_id = _table3_layout([path for path, _ in data])
    result.layout_id = layout_id
    table = LAYOUTS[layout_id or "2021"].table3
    paths = _T3_PATHS[layout_id or "2021"]
    columns = list(table.column_keys)
    extra_note = False
    subtotal_at = _subtotal_position(header)
    for path, values in data:
        key = paths.get(path)
        if key is None:
            continue
        values = without_extra_words(values, width)
        if subtotal_at is not None and len(values) == len(columns) + 1:
            # A titled 小计 column: dropped by its place, before any blank cell is taken for
            # padding (a blank 自然人 cell would otherwise shift the row).
            fitted = values
            seven = values[:subtotal_at] + values[subtotal_at + 1:]
        else:
            fitted = fit(values, len(columns))
            seven = _drop_extra_column(fitted, header) or fitted[: len(columns)]
        if len(seven) != len(fitted):
            extra_note = True
        for column, text in zip(columns, seven, strict=False):
            result.put(table, f"{key}.{column}", text)
    if extra_note:
        result.notes.append("表三多出一列（如“法人或其他组织”小计），官方表格没有这一列，已忽略")
    return result


def _layout_of_rows(recs: list[Record]) -> str | None:
    """The layout of table 3 from its row labels alone: a row is complete when the next label
    is not deeper than its own."""
    ctx = ["", "", ""]
    leaves: list[tuple[str, str, str]] = []
    pending: tuple[int, tuple[str, str, str]] | None = None
    for rec in recs:
        for label in rec.labels:
            hit = None if _is_column_title(label) else _match_table3_label(label, ctx)
            if hit is None:
                continue
            if pending is not None and hit[0] <= pending[0]:
                leaves.append(pending[1])
            _enter(ctx, *hit)
            pending = (hit[0], (ctx[0], ctx[1], ctx[2]))
    if pending is not None:
        leaves.append(pending[1])
    return _table3_layout([path for path in leaves if path in _T3_ALL])


@functools.lru_cache(maxsize=4096)
def _known_label(label: str) -> bool:
    """A row label or a column title of table 3, in any layout."""
    return (_is_column_title(label) or _is_subtotal_title(normalize(label))
            or _match_table3_label(label, ["", "", ""]) is not None)


def _is_column_title(label: str) -> bool:
    return normalize(label).split(":")[-1] in _T3_COLUMNS


def _table3_layout(paths: list[tuple[str, str, str]]) -> str | None:
    keys = set()
    for path in paths:
        for layout_id, index in _T3_PATHS.items():
            if path in index:
                keys.add((layout_id, index[path]))
    if ("2019", "other") in keys:
        return "2019"
    if any(key.startswith("other_") for _, key in keys):
        return "2021"
    return None


_LEGAL_PERSON_COLUMNS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def _subtotal_position(header: list[str]) -> int | None:
    """Where a titled 法人或其他组织 subtotal column stands among the figures, told by how many
    of its group's columns come before its title (column titles may repeat in merged rows)."""
    names = [normalize(h).split(":")[-1] for h in header]
    for i, name in enumerate(names):
        if _is_subtotal_title(name):
            return 1 + len({n for n in names[:i] if n in _LEGAL_PERSON_COLUMNS})
    return None


def _is_subtotal_title(name: str) -> bool:
    return "小计" in name or (name.endswith("合计") and name != "合计")


def _drop_extra_column(values: list[str], header: list[str]) -> list[str] | None:
    """Seven figures, dropping a subtotal column some templates add; None when unclear."""
    if len(values) <= 7:
        return values
    if len(values) != 8:
        return None
    leaves = [normalize(h).split(":")[-1] for h in header]
    order = [h for h in leaves if h in _T3_COLUMNS or "小计" in h]
    extras = [i for i, h in enumerate(order) if h not in _T3_COLUMNS]
    if len(order) == 8 and len(extras) == 1:
        return values[: extras[0]] + values[extras[0] + 1:]
    numbers = [read_value(v, ValueKind.COUNT).value for v in values]
    for i in (1, 6):  # after 自然人, or before 总计
        rest = numbers[:i] + numbers[i + 1:]
        parts = rest[1:6]
        if all(isinstance(n, int) for n in parts) and numbers[i] == sum(
            n for n in parts if isinstance(n, int)
        ):
            return values[:i] + values[i + 1:]
    return None
