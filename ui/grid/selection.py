"""What a grid's selection covers, and selecting cells: the separate cells a finding names,
or the rectangle around a pasted block, as Excel selects it after a paste.

The editing commands of ui.grid.table_view act on what these read.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from app.domain.layout import GridCell
from app.domain.paste import Area
from ui.grid import clipboard
from ui.grid.table_model import TableModel


def selected_area(selection: QItemSelectionModel, current: QModelIndex) -> Area | None:
    """The rectangle around the selection, or else the current cell."""
    area = clipboard.selection_area(selection.selection())
    if area is None and current.isValid():
        area = Area.cell(current.row(), current.column())
    return area


def selected_cells(
    model: TableModel, selection: QItemSelectionModel, current: QModelIndex
) -> list[GridCell]:
    """The value cells selected (or else the current one), in reading order."""
    indexes = selection.selectedIndexes() or [current]
    cells = {
        (cell.row, cell.col): cell
        for cell in (model.cell_at(i.row(), i.column()) for i in indexes if i.isValid())
        if cell is not None and cell.key is not None
    }
    return [cells[position] for position in sorted(cells)]


def select_cells(selection: QItemSelectionModel, indexes: list[QModelIndex]) -> None:
    """Select these separate cells (those a finding names), the first of them current."""
    chosen = QItemSelection()
    for index in indexes:
        chosen.select(index, index)
    _select(selection, indexes[0], chosen)


def select_range(model: TableModel, selection: QItemSelectionModel, refs: Iterable[str]) -> None:
    """Select the rectangle around `refs` (a pasted block), as Excel does after a paste."""
    indexes = [i for i in (model.index_of(r) for r in refs) if i.isValid()]
    if not indexes:
        return
    top_left = model.index(min(i.row() for i in indexes), min(i.column() for i in indexes))
    bottom_right = model.index(max(i.row() for i in indexes), max(i.column() for i in indexes))
    _select(selection, indexes[0], QItemSelection(top_left, bottom_right))


def _select(selection: QItemSelectionModel, current: QModelIndex, chosen: QItemSelection) -> None:
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(current, flags.NoUpdate)
    selection.select(chosen, flags.ClearAndSelect)
