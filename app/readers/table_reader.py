"""Reading the tables from rows of cell texts, whatever produced the rows: the shared pieces,
and table 4.

The text reader and the .docx reader both turn their input into rows of cell strings; the table
readers (this module, `table2_reader`, `table3_reader`) find the figures in them by their labels,
never by position, walking the layout data. Merged labels may be written once or repeated; a row
may arrive whole or one cell per line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.layout import CellRole, TableLayout, ValueKind
from app.domain.layouts import LAYOUTS, get_layout, newest_layout, per_registry
from app.domain.report import CellValue
from app.domain.values import looks_like_value, read_value
from app.readers.labels import best_match

Row = list[str]


@dataclass
class Record:
    """Labels followed by the figures that belong to them."""

    labels: list[str]
    values: list[str] = field(default_factory=list)


def records(
    rows: list[Row], is_label: Callable[[str], bool] | None = None, width: int | None = None
) -> list[Record]:
    """The rows as labels and figures.

    `is_label` tells the labels the table knows: words after the last of them in a row were
    typed into its figure cells ("见附件"), and are figures. With one cell per line the row is
    not there to tell; see `_typed_words_apart`, which `width` (the figures in a row) helps.
    """
    out: list[Record] = []
    for row in rows:
        cells = [c.strip() for c in row]
        figure = [bool(c) and looks_like_value(c) for c in cells]  # asked once a cell
        label_at = [i for i, c in enumerate(cells) if c and not figure[i]]
        known = [i for i in label_at if is_label(cells[i])] if is_label else []
        if known:
            label_at = [i for i in label_at if i <= known[-1]]
        # No label follows a figure in an official table: text after a figure is text typed
        # into a figure cell ("见附件"), kept as read for rule R5.
        after = label_at[0] if label_at else -1
        first_value = next((i for i in range(after + 1, len(cells)) if figure[i]), None)
        if first_value is not None:
            label_at = [i for i in label_at if i < first_value]
        last = label_at[-1] if label_at else -1
        labels = [cells[i] for i in label_at]
        values = cells[last + 1 :]
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
    return _typed_words_apart(out, is_label, width) if is_label else out


def _typed_words_apart(
    recs: list[Record], is_label: Callable[[str], bool], width: int | None
) -> list[Record]:
    """One cell per line: words typed into figure cells come as lines of their own, and read
    as labels. Those after a record's last known label are its first figures, when figures
    follow them (a title line after a row of blank cells is no figure). With `width`, those
    before a record's first known label are the last figures of the row before, when that row
    is short of them by at least as many."""
    out: list[Record] = []
    for rec in recs:
        labels, values = rec.labels, rec.values
        last = next((i for i in range(len(labels) - 1, -1, -1) if is_label(labels[i])), None)
        if last is not None and last + 1 < len(labels) and any(values):
            labels, values = labels[: last + 1], labels[last + 1 :] + values
        before = out[-1] if out and out[-1].labels and any(out[-1].values) else None
        if width is not None and before is not None:
            words = list(itertools.takewhile(lambda label: not is_label(label), labels))
            if words and len(before.values) + len(words) <= width:
                before.values += words
                labels = labels[len(words) :]
        if labels or any(values):
            out.append(Record(labels, values))
    return out


def without_extra_words(values: list[str], width: int) -> list[str]:
    """Leading words that leave a row with more cells than its table has figures were never
    typed into a figure cell: they are a column some pages add (a unit, "件"). Dropped."""
    v = list(values)
    while len(fit(v, width)) > width and v[0] and not looks_like_value(v[0]):
        v.pop(0)
    return v


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


# ---- table 4 -------------------------------------------------------------------------------


class KnownLabels:
    """Whether a text is one of a table's labels, remembered for the texts asked about (the
    same few hundred, again and again); made anew when the layouts known change."""

    def __init__(self, is_label: Callable[[str], bool]) -> None:
        self._is_label = is_label
        self._known: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        found = self._known.get(text)
        if found is None:
            if len(self._known) > 4096:  # a folder of reports brings many other lines
                self._known.clear()
            found = self._known[text] = self._is_label(text)
        return found


@per_registry
def _t4_known() -> KnownLabels:
    labels = sorted(
        {
            cell.text
            for layout in LAYOUTS.values()
            for cell in layout.table4.grid
            if cell.role is not CellRole.VALUE
        }
    )
    return KnownLabels(lambda text: best_match(text, labels) is not None)


def read_table4(rows: list[Row], layout_id: str | None = None) -> TableRead:
    """Table 4's figures, in the cells of `layout_id`'s table (the newest layout's if None:
    every layout so far has the same table 4)."""
    result = TableRead(None)
    table = (get_layout(layout_id) if layout_id else newest_layout()).table4
    keys = [c.key for c in table.cells]
    for rec in records(rows, _t4_known(), len(keys)):
        values = rec.values
        if sum(1 for v in values if v) < 5:
            continue
        fitted = fit(without_extra_words(values, len(keys)), len(keys))
        if len(fitted) > len(keys):
            result.notes.append(f"表四多出若干列，官方表格为{len(keys)}列，多出的已忽略")
        for key, text in zip(keys, fitted, strict=False):
            result.put(table, key, text)
        break
    return result
