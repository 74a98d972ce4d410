"""A grid's text measured in its own font, for the pure sizing of ui.grid.geometry: the
narrowest readable width of each column, and the height of a cell's text wrapped into a width.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QWidget

from app.domain.layout import CellRole
from ui.grid.table_model import TableModel

PAD_X = 10  # horizontal padding inside a cell, both sides together
PAD_Y = 8


def minimum_widths(model: TableModel, font: QFont) -> list[int]:
    """Room for five digits in a value column; label columns by their printed width."""
    table = model.table
    metrics = QFontMetrics(font)
    figure = metrics.horizontalAdvance("00000") + PAD_X
    char = metrics.horizontalAdvance("中")
    minimum = []
    for col in range(table.n_cols):
        cell = model.cell_at(table.n_rows - 1, col)
        if cell is not None and cell.role is CellRole.VALUE:
            minimum.append(figure)
        else:
            # Label columns: a character per 2.8 mm of printed width (at least 4), so that the
            # group labels such as （三）不予公开 keep to one line.
            chars = max(4, round(table.column_widths[col] / 2.8))
            minimum.append(chars * char + PAD_X)
    return minimum


def text_height(widget: QWidget, text: str, width: int, bold: bool) -> int:
    """The height of `text` wrapped into a cell `width` wide, as `widget`'s style draws it."""
    font = QFont(widget.font())
    font.setBold(bold)
    metrics = QFontMetrics(font)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter)
    # The style keeps this margin on each side of an item's text; measure what it draws.
    margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    text_width = max(width - 2 * margin - 1, 1)
    rect = metrics.boundingRect(QRect(0, 0, text_width, 100_000), flags, text)
    return rect.height() + PAD_Y


def line_height(font: QFont) -> int:
    return QFontMetrics(font).height() + PAD_Y
