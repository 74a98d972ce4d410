"""Copy and paste between a grid and the system clipboard (Excel, WPS, Word, web pages).

The parsing and placing of pasted text is pure (`app.domain.paste`); this module only reads
the selection and talks to the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QGuiApplication

from app.domain.edits import SetCells
from app.domain.layout import CellRole, GridCell
from app.domain.paste import Area, PasteError, join_clipboard, paste_edit, split_clipboard
from ui.grid.table_model import TableModel


def selection_area(selection: QItemSelection) -> Area | None:
    """The bounding rectangle of a selection: the range the user selected, or around the
    separate cells a finding selected."""
    ranges = [selection.at(i) for i in range(selection.size()) if selection.at(i).isValid()]
    if not ranges:
        return None
    return Area(
        min(r.top() for r in ranges),
        min(r.left() for r in ranges),
        max(r.bottom() for r in ranges),
        max(r.right() for r in ranges),
    )


def copy_text(model: TableModel, area: Area) -> str:
    """The area as tab-separated text, labels included, as a spreadsheet would copy it.

    A merged cell's text goes in its top-left position and the positions it covers stay
    empty, which is how Excel copies merged cells too.
    """
    rows: list[list[str]] = []
    for r in range(area.top, area.bottom + 1):
        row: list[str] = []
        for c in range(area.left, area.right + 1):
            cell = model.cell_at(r, c)
            if cell is None or (cell.row, cell.col) != (r, c):
                row.append("")
            elif cell.role is CellRole.VALUE:
                row.append(model.text_of(model.table.spec(cell.key or "")))
            else:
                row.append(cell.text)
        rows.append(row)
    return join_clipboard(rows)


def put_on_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def paste_from(model: TableModel, text: str, area: Area) -> SetCells:
    """The edit pasting `text` over `area`; PasteError (nothing changed) when it cannot."""
    return paste_edit(model.table, text, area)


def is_one_value(text: str) -> bool:
    try:
        block = split_clipboard(text)
    except PasteError:
        return False
    return len(block) == 1 and len(block[0]) == 1


def fill_from(model: TableModel, text: str, cells: list[GridCell]) -> SetCells:
    """The edit putting one value into each of `cells`, and nowhere else; PasteError when a
    cell cannot take it."""
    edits = [paste_edit(model.table, text, Area.cell(cell.row, cell.col)) for cell in cells]
    return SetCells(
        tuple(c for e in edits for c in e.changes), tuple(u for e in edits for u in e.units)
    )
