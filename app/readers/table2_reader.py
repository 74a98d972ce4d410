"""Table 2 (主动公开政府信息情况) from rows of cell texts.

Items are found by their 第二十条第（N）项 titles, columns by their header labels, rows by their
labels; the layout is the one whose column titles the header rows match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.layout import CellRole, TableLayout
from app.domain.layouts import LAYOUTS, per_registry
from app.readers.labels import best_match, normalize, numbering
from app.readers.table_reader import (
    KnownLabels,
    Row,
    TableRead,
    fit,
    records,
    without_extra_words,
)


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


@dataclass(frozen=True)
class _Index:
    """What reading table 2 needs from every layout known."""

    items: dict[str, dict[str, Table2Item]]  # layout id -> numeral -> item
    rows: list[str]  # the row labels of every layout
    columns: list[str]  # the column titles of every layout
    label_headers: frozenset[str]  # the label column's title (信息内容)
    known: KnownLabels


@per_registry
def _index() -> _Index:
    items = {lay.id: {i.numeral: i for i in table2_items(lay.table2)} for lay in LAYOUTS.values()}
    every = [item for by_numeral in items.values() for item in by_numeral.values()]
    return _Index(
        items=items,
        rows=sorted({label for item in every for _, label in item.rows}),
        columns=sorted({label for item in every for _, label in item.columns}),
        label_headers=frozenset(
            normalize(c.text)
            for lay in LAYOUTS.values()
            for c in lay.table2.grid
            if c.role is CellRole.HEADER and c.col == 0
        ),
        known=KnownLabels(_known_label),
    )


_ITEM = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)")


def _item_numeral(label: str) -> str | None:
    m = _ITEM.search(normalize(label))
    return m.group(1) if m else None


def read_table2(rows: list[Row], default_layout: str) -> TableRead:
    result = TableRead(None)
    index = _index()
    numeral = ""
    header: list[str] = []
    votes: dict[str, int] = {}
    data: list[tuple[str, list[str], str, list[str]]] = []  # numeral, header, row label, values
    for rec in records(rows, index.known):
        row_label = ""
        for label in rec.labels:
            item_numeral = _item_numeral(label)
            if item_numeral:
                numeral, header, row_label = item_numeral, [], ""
            elif _is_label_header(label):
                header, row_label = [], ""
            elif (
                numeral
                and not row_label
                and _is_t2_column(numeral, label)
                and not header_done(header, numeral)
            ):
                header.append(label)
            else:
                row_label = label
        if numeral and row_label and rec.values:
            data.append((numeral, list(header), row_label, rec.values))
    if not data:
        return result
    for numeral, header, _, _ in data:
        for layout_id, items in index.items.items():
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
    items = index.items[layout_id]
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
        values = without_extra_words(values, len(columns))
        for column, text in zip(columns, fit(values, len(columns)), strict=False):
            if column:
                result.put(table, f"{row_key}.{column}", text)
    return result


def _is_label_header(label: str) -> bool:
    text = normalize(label)
    return any(header in text for header in _index().label_headers)


def _known_label(label: str) -> bool:
    """An item title, a column title or a row label of table 2, in any layout (as loosely
    as the rows are matched below)."""
    index = _index()
    return bool(
        _item_numeral(label)
        or _is_label_header(label)
        or best_match(label, index.columns, 0.75)
        or best_match(label, index.rows, 0.5)
    )


def header_done(header: list[str], numeral: str) -> bool:
    most = max(
        (len(items[numeral].columns) for items in _index().items.values() if numeral in items),
        default=0,
    )
    return len(header) >= most


def _is_t2_column(numeral: str, label: str) -> bool:
    labels = [
        h
        for items in _index().items.values()
        if numeral in items
        for _, h in items[numeral].columns
    ]
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
