"""Table 3 (收到和处理政府信息公开申请情况) from rows of cell texts.

Each row is found by its label path (一、 → （一） → 1.) in the layout data of every layout, so
merged labels written once or repeated, a sub-row written without its group, and typos all land
on the right row; the layout is told by its marker rows (（六）其他处理 with sub-rows or without).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.layout import CellRole, TableLayout, ValueKind
from app.domain.layouts import LAYOUTS, get_layout, newest_layout, per_registry
from app.domain.values import read_value
from app.readers.labels import best_match, normalize, numbering
from app.readers.table_reader import (
    KnownLabels,
    Record,
    Row,
    TableRead,
    fit,
    records,
    without_extra_words,
)

Path = tuple[str, str, str]


def _table3_rows(table: TableLayout) -> dict[Path, str]:
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


def _column_group(table: TableLayout) -> tuple[int, int]:
    """Where the columns under a heading of their own (法人或其他组织) stand among the figures:
    a template may add their subtotal, which the official table does not have."""
    first = table.n_cols - len(table.column_keys)
    for cell in table.grid:
        if (
            cell.role is CellRole.HEADER
            and cell.col >= first
            and 1 < cell.colspan < len(table.column_keys)
        ):
            return cell.col - first, cell.col - first + cell.colspan
    return 0, 0


def _leaf_titles(table: TableLayout) -> list[str]:
    first = table.n_cols - len(table.column_keys)
    titles = []
    for col in range(first, table.n_cols):
        cell = table.cell_at(table.header_rows - 1, col)
        titles.append(cell.text if cell is not None else "")
    return titles


@dataclass(frozen=True)
class _Index:
    """What reading table 3 needs from every layout known."""

    paths: dict[str, dict[Path, str]]  # layout id -> label path -> row key
    all: frozenset[Path]
    markers: dict[str, frozenset[Path]]  # layout id -> the paths of its marker rows
    columns: frozenset[str]  # the column titles, and 合计 for 总计
    group_titles: frozenset[str]  # the titles of the columns under 法人或其他组织
    width: int  # figures in a row
    known: KnownLabels
    # (level, the labels above or None) -> the labels a row there may have; filled as asked
    candidates: dict[tuple[int, tuple[str, ...] | None], list[str]] = field(default_factory=dict)


@per_registry
def _index() -> _Index:
    layouts = sorted(LAYOUTS.values(), key=lambda lay: lay.first_year)
    paths = {lay.id: _table3_rows(lay.table3) for lay in layouts}
    group_titles = set()
    for lay in layouts:
        start, end = _column_group(lay.table3)
        group_titles.update(_leaf_titles(lay.table3)[start:end])
    return _Index(
        paths=paths,
        all=frozenset(p for by_path in paths.values() for p in by_path),
        markers={
            lay.id: frozenset(p for p, key in paths[lay.id].items() if key in lay.table3.markers)
            for lay in layouts
        },
        columns=frozenset({t for lay in layouts for t in _leaf_titles(lay.table3)} | {"合计"}),
        group_titles=frozenset(group_titles),
        width=max(len(lay.table3.column_keys) for lay in layouts),
        known=KnownLabels(_known_label),
    )


def _candidates(level: int, ctx: list[str]) -> list[str]:
    index = _index()
    prefix = tuple(ctx[: level - 1]) if level > 1 and all(ctx[: level - 1]) else None
    found = index.candidates.get((level, prefix))
    if found is None:
        found = sorted(
            {
                p[level - 1]
                for p in index.all
                if p[level - 1] and (prefix is None or p[: level - 1] == prefix)
            }
        )
        index.candidates[level, prefix] = found
    return found


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
        owners = {p[: level - 1] for p in _index().all if p[level - 1] == text}
        if len(owners) == 1:
            ctx[: level - 1] = list(owners.pop())


def read_table3(rows: list[Row], layout_id: str | None = None) -> TableRead:
    """Table 3's figures; the layout is the one its marker rows show, else `layout_id`'s (the
    newest layout's if None)."""
    result = TableRead(None)
    index = _index()
    ctx = ["", "", ""]
    header: list[str] = []
    data: list[tuple[Path, list[str]]] = []
    width = index.width + any(
        _is_subtotal_title(normalize(cell)) for row in rows for cell in row if cell
    )
    recs = records(rows, index.known, width)
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
        if not matched or path not in index.all:
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
    result.layout_id = _table3_layout([path for path, _ in data])
    layout = get_layout(result.layout_id or layout_id or newest_layout().id)
    table, paths = layout.table3, index.paths[layout.id]
    columns = list(table.column_keys)
    extra_note = False
    subtotal_at = _subtotal_position(header, table)
    for path, values in data:
        key = paths.get(path)
        if key is None:
            continue
        values = without_extra_words(values, width)
        if subtotal_at is not None and len(values) == len(columns) + 1:
            # A titled 小计 column: dropped by its place, before any blank cell is taken for
            # padding (a blank 自然人 cell would otherwise shift the row).
            fitted = values
            seven = values[:subtotal_at] + values[subtotal_at + 1 :]
        else:
            fitted = fit(values, len(columns))
            seven = _drop_extra_column(fitted, header, table) or fitted[: len(columns)]
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
    return _table3_layout([path for path in leaves if path in _index().all])


def _known_label(label: str) -> bool:
    """A row label or a column title of table 3, in any layout."""
    return (
        _is_column_title(label)
        or _is_subtotal_title(normalize(label))
        or _match_table3_label(label, ["", "", ""]) is not None
    )


def _is_column_title(label: str) -> bool:
    return normalize(label).split(":")[-1] in _index().columns


def _table3_layout(paths: list[Path]) -> str | None:
    """The layout whose marker rows were read; of several, the one with the most rows read."""
    index = _index()
    read = set(paths)
    chosen, most = None, -1
    for layout_id, markers in index.markers.items():  # oldest first, as ties go
        found = len(read & index.paths[layout_id].keys())
        if read & markers and found > most:
            chosen, most = layout_id, found
    return chosen


def _subtotal_position(header: list[str], table: TableLayout) -> int | None:
    """Where a titled 法人或其他组织 subtotal column stands among the figures, told by how many
    of its group's columns come before its title (column titles may repeat in merged rows)."""
    names = [normalize(h).split(":")[-1] for h in header]
    group = _index().group_titles
    start, _ = _column_group(table)
    for i, name in enumerate(names):
        if _is_subtotal_title(name):
            return start + len({n for n in names[:i] if n in group})
    return None


def _is_subtotal_title(name: str) -> bool:
    return "小计" in name or (name.endswith("合计") and name != "合计")


def _drop_extra_column(
    values: list[str], header: list[str], table: TableLayout
) -> list[str] | None:
    """The figures without a subtotal column some templates add; None when unclear."""
    width = len(table.column_keys)
    if len(values) <= width:
        return values
    if len(values) != width + 1:
        return None
    columns = _index().columns
    leaves = [normalize(h).split(":")[-1] for h in header]
    order = [h for h in leaves if h in columns or "小计" in h]
    extras = [i for i, h in enumerate(order) if h not in columns]
    if len(order) == width + 1 and len(extras) == 1:
        return values[: extras[0]] + values[extras[0] + 1 :]
    numbers = [read_value(v, ValueKind.COUNT).value for v in values]
    start, end = _column_group(table)
    for i in (start, end):  # before the group's columns, or after them
        rest = numbers[:i] + numbers[i + 1 :]
        parts = rest[start:end]
        if all(isinstance(n, int) for n in parts) and numbers[i] == sum(
            n for n in parts if isinstance(n, int)
        ):
            return values[:i] + values[i + 1 :]
    return None
