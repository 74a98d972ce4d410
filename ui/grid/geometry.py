"""Column widths and row heights for a grid drawn like the printed table.

Widths follow the layout's relative column widths, stretched to the space there is, but never
below a readable minimum (a wide table then scrolls sideways instead of cramming figures).
Heights fit the wrapped text of each row's cells, merged cells included: Qt's own row sizing
measures a merged cell at the width of its first column, which makes long labels tower.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.domain.layout import GridCell

# measure(text, width, bold) -> the pixel height of `text` wrapped into `width` pixels.
Measure = Callable[[str, int, bool], int]


def fit_widths(relative: Sequence[float], minimum: Sequence[int], available: int) -> list[int]:
    """Pixel widths in the layout's proportions, filling `available` exactly when it can.

    Columns that would fall under their minimum are pinned there and the rest share what is
    left, so the narrow value columns of table 4 stay readable on a small screen.
    """
    n = len(relative)
    pinned: dict[int, int] = {}
    scale = 0.0
    while len(pinned) < n:
        free = available - sum(pinned.values())
        loose = [i for i in range(n) if i not in pinned]
        scale = max(free, 0) / sum(relative[i] for i in loose)
        short = [i for i in loose if relative[i] * scale < minimum[i]]
        if not short:
            break
        for i in short:
            pinned[i] = minimum[i]
    widths = [pinned.get(i, int(relative[i] * scale)) for i in range(n)]
    # Rounding down leaves a few pixels; handing them out one by one (largest fraction
    # first) meets the right edge without a sideways scroll bar or one odd wide column.
    loose = sorted(
        (i for i in range(n) if i not in pinned),
        key=lambda i: -(relative[i] * scale - int(relative[i] * scale)),
    )
    for i in loose[: max(available - sum(widths), 0)]:
        widths[i] += 1
    return widths


def fit_heights(
    cells: Sequence[GridCell],
    n_rows: int,
    widths: Sequence[int],
    measure: Measure,
    minimum: int,
    bold_roles: frozenset[str] = frozenset(),
) -> list[int]:
    """Row heights in pixels so that every cell's wrapped text shows whole."""
    heights = [minimum] * n_rows
    tall: list[tuple[GridCell, int]] = []
    for cell in cells:
        width = sum(widths[cell.col : cell.col + cell.colspan])
        need = measure(cell.text, width, cell.role.value in bold_roles) if cell.text else 0
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            tall.append((cell, need))
    # A merged cell taller than the rows it spans shares its extra height among them.
    for cell, need in tall:
        rows = range(cell.row, cell.row + cell.rowspan)
        deficit = need - sum(heights[r] for r in rows)
        if deficit > 0:
            share, rest = divmod(deficit, cell.rowspan)
            for i, r in enumerate(rows):
                heights[r] += share + (1 if i < rest else 0)
    return heights
