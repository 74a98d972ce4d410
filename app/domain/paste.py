"""Cells copied from Excel or WPS, laid onto the value cells of an official table.

Pure: the grid hands over the clipboard text and the selected area in grid coordinates, and
gets back one `SetCells` edit (a paste is one undo step) or a `PasteError` whose message names
the first cell that cannot take its text. Nothing is applied here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.edits import SetCells
from app.domain.layout import CellRole, GridCell, TableLayout, ValueKind
from app.domain.report import CellValue
from app.domain.values import CellValueError, parse_value

# A pasted cell: its text, or None where a ragged row left no cell (the target is kept).
Block = list[list[str | None]]


class PasteError(ValueError):
    """The paste cannot be done; the message is for the user and nothing has changed."""


@dataclass(frozen=True)
class Area:
    """A rectangle of grid positions, bounds included."""

    top: int
    left: int
    bottom: int
    right: int

    @classmethod
    def cell(cls, row: int, col: int) -> Area:
        return cls(row, col, row, col)


def split_clipboard(text: str) -> Block:
    """Rows of cells from spreadsheet text: tabs between cells, a newline after each row.

    Excel ends every row with \\r\\n (the last one too) and wraps a cell holding a tab, a
    newline or a quote in quotes, doubling the quotes inside; WPS and web pages may use \\n or
    \\r alone. Rows shorter than the longest are padded with None, which leaves cells alone.
    """
    if not text:
        raise PasteError("剪贴板里没有可粘贴的内容")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            quoted = _quoted_cell(text, i)
            if quoted is not None:
                value, i = quoted
                cell.append(value)
                at_cell_start = False
                continue
        at_cell_start = False
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(ch)
        i += 1
    if not at_cell_start or cell or row:
        row.append("".join(cell))
        rows.append(row)
    # Some programs add blank lines after the last row; a blank row inside the block is kept.
    while len(rows) > 1 and all(c.strip() == "" for c in rows[-1]):
        rows.pop()
    width = max(len(r) for r in rows)
    return [[*r, *([None] * (width - len(r)))] for r in rows]


def _quoted_cell(text: str, start: int) -> tuple[str, int] | None:
    """A quoted cell starting at `start`: its text and the index after the closing quote.

    None when the quotes do not close right before a tab, a newline or the end: then the
    quote was simply part of the text.
    """
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == '"':
            if i + 1 < len(text) and text[i + 1] == '"':
                out.append('"')
                i += 2
                continue
            if i + 1 == len(text) or text[i + 1] in "\t\r\n":
                return "".join(out), i + 1
            return None
        out.append(ch)
        i += 1
    return None


def join_clipboard(rows: Sequence[Sequence[str]]) -> str:
    """The spreadsheet text of a block of cells, as Excel writes it (read back by both)."""
    return "".join("\t".join(_quote(c) for c in row) + "\r\n" for row in rows)


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def value_rows(layout: TableLayout, area: Area) -> list[list[GridCell]]:
    """The value cells touching `area`, by grid row and left to right; rows without any
    (titles, headers) are left out, so labels never take a pasted figure."""
    rows: dict[int, list[GridCell]] = {}
    for cell in layout.grid:
        if (
            cell.role is CellRole.VALUE
            and area.top <= cell.row <= area.bottom
            and cell.col <= area.right
            and cell.col + cell.colspan - 1 >= area.left
        ):
            rows.setdefault(cell.row, []).append(cell)
    return [sorted(rows[r], key=lambda c: c.col) for r in sorted(rows)]


def place_block(layout: TableLayout, block: Block, selection: Area) -> list[tuple[GridCell, str]]:
    """Where each pasted text goes, in the block's reading order.

    A selection whose value cells are a whole multiple of the block (a single value over a
    range, or a block over a range twice its size) is filled by repeating the block; otherwise
    the block is laid once from the selection's top-left, skipping label cells and title rows.
    """
    height, width = len(block), len(block[0])
    selected = value_rows(layout, selection)
    sel_height = len(selected)
    sel_width = max((len(r) for r in selected), default=0)
    tiles = (
        sel_height > 0
        and sel_height % height == 0
        and sel_width % width == 0
        and (sel_height, sel_width) != (height, width)
    )
    if tiles:
        targets = selected
    else:
        below = Area(selection.top, selection.left, layout.n_rows - 1, layout.n_cols - 1)
        targets = value_rows(layout, below)[:height]
        if len(targets) < height:
            raise PasteError(
                f"粘贴的内容有 {height} 行，从所选位置往下只有 {len(targets)} 行可填，"
                "整块粘贴已取消"
            )
        for row, cells in zip(targets, block, strict=False):
            needed = max((j + 1 for j, text in enumerate(cells) if text is not None), default=0)
            if len(row) < needed:
                label = layout.spec(row[0].key or "").row_label
                raise PasteError(
                    f"粘贴的内容有 {needed} 列，“{label}”一行从所选位置往右只有 "
                    f"{len(row)} 格可填，整块粘贴已取消"
                )
    placed: list[tuple[GridCell, str]] = []
    for i, row in enumerate(targets):
        for j, cell in enumerate(row if tiles else row[:width]):
            text = block[i % height][j % width]
            if text is not None:
                placed.append((cell, text))
    return placed


def paste_edit(layout: TableLayout, text: str, selection: Area) -> SetCells:
    """The one edit a paste makes; PasteError naming the first bad cell if any text does not
    fit its cell, in which case nothing of the block is used."""
    block = split_clipboard(text)
    changes: list[tuple[str, CellValue | None]] = []
    units: list[tuple[str, str | None]] = []
    for cell, cell_text in place_block(layout, block, selection):
        spec = layout.spec(cell.key or "")
        try:
            parsed = parse_value(cell_text, spec.kind)
        except CellValueError as exc:
            raise PasteError(
                f"{spec.row_label}“{spec.column_label}”一格：{exc}。整块粘贴已取消，表格未改动"
            ) from None
        changes.append((spec.ref, parsed.value))
        if spec.kind is ValueKind.MONEY_WITH_UNIT:
            units.append((spec.ref, parsed.unit if parsed.value is not None else None))
    return SetCells(tuple(changes), tuple(units), f"粘贴 {len(changes)} 个单元格")


def clear_edit(layout: TableLayout, keys: Sequence[str]) -> SetCells:
    """Delete on a selection: every selected value cell blank, as one undo step."""
    specs = [layout.spec(k) for k in keys]
    changes = tuple((s.ref, None) for s in specs)
    units = tuple((s.ref, None) for s in specs if s.kind is ValueKind.MONEY_WITH_UNIT)
    return SetCells(changes, units, f"清除 {len(changes)} 个单元格")
