"""Figures that fit their cells: a number is never wrapped inside a table cell.

Table 4's fifteen columns are 10.4 mm and table 3's figure columns 12 mm: at 5号 a six-digit
figure (123456, 11.1 mm) would wrap after its fifth digit. Such a figure is set smaller, just
enough to fit on one line, the same in the .docx and in the preview.
"""

from __future__ import annotations

import math

from app.document.line_breaking import is_latin
from app.document.model import CellKind, TableCell

MIN_FIGURE_PT = 7.5  # smaller than this a figure is hard to read on paper: let it wrap
_SLACK_PT = 0.3  # the cell's borders and rounding in the renderers


def text_em(text: str) -> float:
    """Width in ems: digits and Latin half (Times New Roman's digits are exactly that; its
    full stop is narrower, so this errs on the wide side), everything else whole."""
    return sum(0.5 if is_latin(ch) else 1.0 for ch in text)


def figure_size(cell: TableCell, inner_width_pt: float, size_pt: float) -> float:
    """The size a value cell's text is set at: `size_pt`, or smaller (in half points) when it
    would not fit `inner_width_pt` on one line."""
    if cell.kind is not CellKind.VALUE or not cell.text or " " in cell.text:
        return size_pt
    em = text_em(cell.text)
    room = inner_width_pt - _SLACK_PT
    if em * size_pt <= room:
        return size_pt
    return max(MIN_FIGURE_PT, math.floor(room / em * 2) / 2)
