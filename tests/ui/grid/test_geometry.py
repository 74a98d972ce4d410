"""Column widths and row heights of a grid drawn like the printed table."""

from __future__ import annotations

from app.domain.layout import CellRole, GridCell
from ui.grid.geometry import fit_heights, fit_widths


def test_widths_keep_the_printed_proportions_and_fill_the_view() -> None:
    widths = fit_widths((14.0, 20.0, 38.0, 12.0, 12.0), (10, 10, 10, 10, 10), 960)
    assert sum(widths) == 960
    assert widths[2] > widths[1] > widths[0] > widths[3] == widths[4]


def test_narrow_columns_are_pinned_at_their_minimum() -> None:
    widths = fit_widths((50.0, 10.0, 10.0), (20, 60, 60), 300)
    assert widths[1:] == [60, 60]
    assert sum(widths) == 300


def test_a_view_too_small_gets_the_minimums_and_scrolls() -> None:
    assert fit_widths((1.0, 1.0), (100, 100), 150) == [100, 100]


def by_length(text: str, width: int, bold: bool) -> int:
    """Ten pixels per character, twenty per line."""
    per_line = max(width // 10, 1)
    return 20 * -(-len(text) // per_line)


def test_rows_grow_to_the_wrapped_text_of_merged_cells() -> None:
    cells = [
        GridCell(0, 0, CellRole.LABEL, "x" * 30, colspan=2),  # 30 chars over 200 px: 2 lines
        GridCell(1, 0, CellRole.LABEL, "y" * 80, rowspan=2),  # 80 chars in 100 px: 8 lines
        GridCell(1, 1, CellRole.VALUE, key="a.b"),
        GridCell(2, 1, CellRole.VALUE, key="c.d"),
    ]
    heights = fit_heights(cells, 3, [100, 100], by_length, 20)
    assert heights[0] == 40
    assert heights[1] + heights[2] == 160  # the tall label shares its height over its rows
    assert abs(heights[1] - heights[2]) <= 1
