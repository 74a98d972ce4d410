"""Where the cursor goes in a grid: Tab to the next value cell in reading order (over the
labels), Enter to the value cell below in the same column (past title rows), as in Excel.

Worked out from the model's layout alone, so the view only moves its cursor where these say.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from app.domain.layout import CellRole
from ui.grid.table_model import TableModel


def value_indexes(model: TableModel) -> list[QModelIndex]:
    """The value cells in reading order."""
    return [model.index(c.row, c.col) for c in model.table.grid if c.role is CellRole.VALUE]


def next_value(model: TableModel, index: QModelIndex, step: int) -> QModelIndex:
    """The next (or previous) value cell in reading order: Tab skips the labels."""
    indexes = value_indexes(model)
    if not indexes:
        return QModelIndex()
    if not index.isValid():
        return indexes[0]
    here = (index.row(), index.column())
    ordered = indexes if step > 0 else indexes[::-1]
    for candidate in ordered:
        there = (candidate.row(), candidate.column())
        if (there > here) if step > 0 else (there < here):
            return candidate
    return QModelIndex()


def value_below(model: TableModel, index: QModelIndex, step: int) -> QModelIndex:
    """The value cell under (or over) `index` in its column, past title rows."""
    if not index.isValid():
        return QModelIndex()
    cell = model.cell_at(index.row(), index.column())
    if cell is None:
        return QModelIndex()
    r = cell.row + cell.rowspan if step > 0 else cell.row - 1
    while 0 <= r < model.rowCount():
        below = model.cell_at(r, index.column())
        if below is not None and (below.role is CellRole.VALUE or cell.role is not CellRole.VALUE):
            return model.index(below.row, below.col)
        r += step
    return QModelIndex()
