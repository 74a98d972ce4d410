"""The three tables as an Excel workbook laid out like the printed tables.

Each table gets a sheet: the report's title, the chapter heading, then the table walked from
its layout's grid (merged headers and labels as in the official format). Figures are stored as
numbers with a number format that shows them as entered ("347.08", "24252.311082", "347.08万元"),
so a colleague can add them up and the reader gets them back exactly.
"""

from __future__ import annotations

import io
import math
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import CellRole, GridCell, TableLayout
from app.domain.layouts import get_layout
from app.domain.report import CellValue, Report
from app.writing import write_bytes_replacing
from app.xlsx.sheets import SHEET_NAMES, TITLE_ROWS, fits_excel, number_format

HEADINGS = {
    "table2": CHAPTER_HEADINGS[1],
    "table3": CHAPTER_HEADINGS[2],
    "table4": CHAPTER_HEADINGS[3],
}
# Total width of each sheet's table in Excel's character units, shared out as in print.
SHEET_WIDTH = {"table2": 90.0, "table3": 120.0, "table4": 130.0}
LINE_HEIGHT_PT = 15.0
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name="宋体", size=11)
_BOLD = Font(name="宋体", size=11, bold=True)
_TITLE_FONT = Font(name="宋体", size=14, bold=True)


def export_xlsx(report: Report, target: Path) -> None:
    """Write the report's three tables to `target` (.xlsx), whole or not at all."""
    # Made in memory and written by app.writing: openpyxl writing the file itself leaves a
    # half-closed zip behind on a full disk, whose clean-up prints a traceback later.
    buffer = io.BytesIO()
    tables_workbook(report).save(buffer)
    write_bytes_replacing(target, buffer.getvalue())


def tables_workbook(report: Report) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in ("table2", "table3", "table4"):
        layout = get_layout(report.table_layout_id(name)).table(name)
        _write_sheet(workbook.create_sheet(SHEET_NAMES[name]), report, layout)
    props = workbook.properties
    props.title = report.title
    props.creator = report.unit
    props.subject = "政府信息公开工作年度报告"
    return workbook


def _write_sheet(sheet: Worksheet, report: Report, layout: TableLayout) -> None:
    for row, (text, font) in enumerate(
        ((report.title, _TITLE_FONT), (HEADINGS[layout.name], _BOLD)), start=1
    ):
        cell = sheet.cell(row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center" if row == 1 else "left")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=layout.n_cols)
    widths = _column_widths(layout)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    lines = [1] * layout.n_rows
    for grid_cell in layout.grid:
        _write_cell(sheet, report, layout, grid_cell)
        if grid_cell.rowspan == 1:
            room = sum(widths[grid_cell.col : grid_cell.col + grid_cell.colspan])
            text = str(sheet.cell(grid_cell.row + TITLE_ROWS + 1, grid_cell.col + 1).value or "")
            lines[grid_cell.row] = max(lines[grid_cell.row], _lines_needed(text, room))
    for row, count in enumerate(lines):
        sheet.row_dimensions[row + TITLE_ROWS + 1].height = LINE_HEIGHT_PT * count + 4
    first_value_row = layout.header_rows + TITLE_ROWS + 1
    label_cols = min((c.col for c in layout.grid if c.role is CellRole.VALUE), default=0)
    sheet.freeze_panes = sheet.cell(first_value_row, label_cols + 1).coordinate
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.orientation = "landscape" if layout.name == "table4" else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{TITLE_ROWS + 1}:{TITLE_ROWS + layout.header_rows}"


def _write_cell(sheet: Worksheet, report: Report, layout: TableLayout, g: GridCell) -> None:
    row, col = g.row + TITLE_ROWS + 1, g.col + 1
    cell = sheet.cell(row, col)
    if g.role is CellRole.VALUE and g.key is not None:
        ref = f"{layout.name}:{g.key}"
        _put_value(cell, report.get(ref), report.money_units.get(ref, ""))
        cell.alignment = Alignment(horizontal="center", vertical="center")
    else:
        cell.value = g.text
        cell.data_type = "s"
        left = layout.name == "table3" and g.role is CellRole.LABEL
        cell.alignment = Alignment(
            horizontal="left" if left else "center", vertical="center", wrap_text=True
        )
        cell.font = _BOLD if g.role is CellRole.TITLE else _FONT
    if g.rowspan > 1 or g.colspan > 1:
        sheet.merge_cells(
            start_row=row,
            start_column=col,
            end_row=row + g.rowspan - 1,
            end_column=col + g.colspan - 1,
        )
    for r in range(row, row + g.rowspan):  # every cell of a merge, or Excel draws gaps
        for c in range(col, col + g.colspan):
            sheet.cell(r, c).border = _BORDER


def _put_value(target: Any, value: CellValue | None, unit: str) -> None:
    if value is None:
        return
    if isinstance(value, str) or (isinstance(value, Decimal) and not fits_excel(value)):
        # Text as read (rule R5 names it), or a figure Excel would round: kept as text.
        text = value if isinstance(value, str) else f"{value}{unit}"
        target.value = text
        target.data_type = "s"  # "=…" stays text, never a formula
        return
    target.value = value
    target.number_format = number_format(value, unit)
    target.font = _FONT


def _column_widths(layout: TableLayout) -> list[float]:
    total = sum(layout.column_widths)
    return [round(max(6.0, w / total * SHEET_WIDTH[layout.name]), 1) for w in layout.column_widths]


def _lines_needed(text: str, width: float) -> int:
    # Excel's width unit is about one Latin digit; a Chinese character takes two.
    needed = sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)
    return max(1, math.ceil(needed / max(width - 1.0, 1.0)))
