"""Reading the three tables from rows of cell texts, whatever produced the rows.

The text reader and the .docx reader both turn their input into rows of cell strings; this module
finds the figures in them by their labels (never by position), walking the layout data. Merged
labels may be written once or repeated; a row may arrive whole or one cell per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.layout import CellRole, TableLayout, ValueKind
from app.domain.layouts import LAYOUTS
from app.domain.report import CellValue
from app.domain.values import looks_like_value, read_value
from app.readers.labels import best_match, normalize, numbering

Row = list[str]


@dataclass
class Record:
    """Labels followed by the figures that belong to them."""

    labels: list[str]
    values: list[str] = field(default_factory=list)


def records(rows: list[Row]) -> list[Record]:
    out: list[Record] = []
    for row in rows:
        cells = [c.strip() for c in row]
        label_at = [i for i, c in enumerate(cells) if c and not looks_like_value(c)]
        # No label follows a figure in an official table: text after a figure is text typed
        # into a figure cell ("见附件"), kept as read for rule R5.
        first_value = next((i for i, c in enumerate(cells) if c and looks_like_value(c)
                            and i > (label_at[0] if label_at else -1)), None)
        if first_value is not None:
            label_at = [i for i in label_at if i < first_value]
        last = label_at[-1] if label_at else -1
        labels = [cells[i] for i in label_at]
        values = cells[last + 1:]
        if not labels:
            if not any(values):
                continue
            if out and out[-1].labels:
                out[-1].values += values  # one cell per line, or a wrapped row
            else:
                out.append(Record([], values))
            continue
        if out and out[-1].labels and not any(out[-1].values):
            out[-1].labels += labels  # labels of one row spread over lines
            out[-1].values = values
        else:
            out.append(Record(labels, values))
    return out


def fit(values: list[str], width: int) -> list[str]:
    """Drop the empty padding cells that merged labels leave, down to `width` figures."""
    v = list(values)
    while len(v) > width and not v[0]:
        v.pop(0)
    while len(v) > width and not v[-1]:
        v.pop()
    return v


@dataclass
class TableRead:
    layout_id: str | None  # the layout the table was written in, when it can be told
    cells: dict[str, CellValue] = field(default_factory=dict)  # "table3:new.total" -> value
    money_units: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.cells)

    def put(self, table: TableLayout, key: str, text: str) -> None:
        spec = table.spec(key)
        parsed = read_value(text, spec.kind)
        if parsed.value is None:
            return
        self.cells[spec.ref] = parsed.value
        if spec.kind is ValueKind.MONEY_WITH_UNIT:
            self.money_units[spec.ref] = parsed.unit or "元"


# ---- table 3 -------------------------------------------------------------------------------

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
    recs = records(rows)
    for rec in recs:
        matched = False
        # A table split over pages may repeat its column titles before more rows: several
        # titles in one record are a header, never row labels ("其他" is not "3.其他").
        repeated_header = sum(1 for label in rec.labels if _is_column_title(label)) >= 2
        for label in rec.labels:
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
        if not any(rec.values):
            continue
        path = (ctx[0], ctx[1], ctx[2])
        if not matched or path not in _T3_ALL:
            if data:
                shown = rec.labels[-1] if rec.labels else "、".join(rec.values)
                result.notes.append(f"表三中“{shown}”一行无法识别，已忽略")
            continue
        data.append((path, rec.values))
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
        if "小计" in name or (name.endswith("合计") and name != "合计"):
            return 1 + len({n for n in names[:i] if n in _LEGAL_PERSON_COLUMNS})
    return None


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


# ---- table 2 -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Table2Item:
    numeral: str  # "一", "五", …
    columns: tuple[tuple[str, str], ...]  # (column key, label)
    rows: tuple[tuple[str, str], ...]  # (row key, label)


def table2_items(table: TableLayout) -> list[Table2Item]:
    """The items of table 2 (第二十条第（N）项), walked from the grid."""
    items: list[Table2Item] = []
    by_row: dict[int, list[tuple[CellRole, str, str | None]]] = {}
    for cell in table.grid:
        by_row.setdefault(cell.row, []).append((cell.role, cell.text, cell.key))
    numeral = ""
    columns: list[tuple[str, str]] = []
    rows: list[tuple[str, str]] = []
    for r in range(table.n_rows):
        cells = by_row.get(r, [])
        roles = {role for role, _, _ in cells}
        if CellRole.TITLE in roles:
            if numeral:
                items.append(Table2Item(numeral, tuple(columns), tuple(rows)))
            numeral = numbering(cells[0][1].replace("第二十条第", ""))[1]
            columns, rows = [], []
        elif CellRole.HEADER in roles:
            headers = [text for role, text, _ in cells if role is CellRole.HEADER][1:]
            columns = [("", h) for h in headers]
        else:
            label = next(text for role, text, _ in cells if role is CellRole.LABEL)
            keys = [key for role, _, key in cells if key]
            row_key = keys[0].split(".")[0]
            columns = [(k.split(".")[1], h) for k, (_, h) in zip(keys, columns, strict=True)]
            rows.append((row_key, label))
    if numeral:
        items.append(Table2Item(numeral, tuple(columns), tuple(rows)))
    return items


_T2_ITEMS = {lay.id: {i.numeral: i for i in table2_items(lay.table2)} for lay in LAYOUTS.values()}


_ITEM = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)")


def _item_numeral(label: str) -> str | None:
    m = _ITEM.search(normalize(label))
    return m.group(1) if m else None


def read_table2(rows: list[Row], default_layout: str) -> TableRead:
    result = TableRead(None)
    numeral = ""
    header: list[str] = []
    votes: dict[str, int] = {}
    data: list[tuple[str, list[str], str, list[str]]] = []  # numeral, header, row label, values
    for rec in records(rows):
        row_label = ""
        for label in rec.labels:
            item_numeral = _item_numeral(label)
            if item_numeral:
                numeral, header, row_label = item_numeral, [], ""
            elif "信息内容" in normalize(label):
                header, row_label = [], ""
            elif numeral and not row_label and _is_t2_column(numeral, label) and not header_done(
                header, numeral
            ):
                header.append(label)
            else:
                row_label = label
        if numeral and row_label and rec.values:
            data.append((numeral, list(header), row_label, rec.values))
    if not data:
        return result
    for numeral, header, _, _ in data:
        for layout_id, items in _T2_ITEMS.items():
            item = items.get(numeral)
            if item is None:
                votes[layout_id] = votes.get(layout_id, 0) - 5
                continue
            labels = [h for _, h in item.columns]
            votes[layout_id] = votes.get(layout_id, 0) + sum(
                1 for h in header if best_match(h, labels, 0.8)
            )
    layout_id = max(sorted(votes), key=lambda k: (votes[k], k == default_layout))
    if all(v == 0 for v in votes.values()):
        layout_id = default_layout
    result.layout_id = layout_id
    table = LAYOUTS[layout_id].table2
    items = _T2_ITEMS[layout_id]
    for numeral, header, row_label, values in data:
        item = items.get(numeral)
        if item is None:
            result.notes.append(f"表二“第二十条第（{numeral}）项”不属于{layout_id}年版格式，已忽略")
            continue
        row_key = _match_row(item, row_label)
        if row_key is None:
            result.notes.append(f"表二中“{row_label}”一行无法识别，已忽略")
            continue
        columns = _columns_in_order(item, header)
        for column, text in zip(columns, fit(values, len(columns)), strict=False):
            if column:
                result.put(table, f"{row_key}.{column}", text)
    return result


def header_done(header: list[str], numeral: str) -> bool:
    most = max((len(items[numeral].columns) for items in _T2_ITEMS.values()
                if numeral in items), default=0)
    return len(header) >= most


def _is_t2_column(numeral: str, label: str) -> bool:
    labels = [h for items in _T2_ITEMS.values() if numeral in items
              for _, h in items[numeral].columns]
    return best_match(label, labels, 0.75) is not None


def _match_row(item: Table2Item, label: str) -> str | None:
    labels = [lab for _, lab in item.rows]
    found = best_match(label, labels, 0.5)
    return next((k for k, lab in item.rows if lab == found), None)


def _columns_in_order(item: Table2Item, header: list[str]) -> list[str]:
    if not header:
        return [k for k, _ in item.columns]
    labels = [h for _, h in item.columns]
    out = []
    for h in header:
        found = best_match(h, labels, 0.6)
        out.append(next((k for k, lab in item.columns if lab == found), ""))
    return out


# ---- table 4 -------------------------------------------------------------------------------

def read_table4(rows: list[Row]) -> TableRead:
    result = TableRead(None)
    table = LAYOUTS["2021"].table4
    keys = [c.key for c in table.cells]
    for rec in records(rows):
        values = [v for v in rec.values]
        if sum(1 for v in values if v) < 5:
            continue
        fitted = fit(values, len(keys))
        if len(fitted) > len(keys):
            result.notes.append("表四多出若干列，官方表格为15列，多出的已忽略")
        for key, text in zip(keys, fitted, strict=False):
            result.put(table, key, text)
        break
    return result
