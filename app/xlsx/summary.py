"""Lists as Excel workbooks for the county office: the audit's summary, the 报送情况 board.

Each sheet is a header row and plain rows; the header stays in view (frozen) and carries
Excel's filter buttons, and rows the caller marks (a report with errors) are red, as the office
would mark them by hand.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.writing import write_replacing

Value = str | int | dt.date | None
MAX_WIDTH = 60.0
_HEADER_FONT = Font(name="宋体", size=11, bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_FONT = Font(name="宋体", size=11)
_RED = Font(name="宋体", size=11, color="C62828")
_AMBER = Font(name="宋体", size=11, color="8A6D00")
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTRED = Alignment(horizontal="center", vertical="top")
SHORT = 6


@dataclass(frozen=True)
class SummarySheet:
    name: str
    header: tuple[str, ...]
    rows: Sequence[Sequence[Value]]
    red_rows: frozenset[int] = frozenset()  # indexes into rows: errors
    amber_rows: frozenset[int] = frozenset()  # warnings


def export_summary(sheets: Sequence[SummarySheet], target: Path, title: str) -> None:
    """Write the sheets to `target` (.xlsx), whole or not at all."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        _write(workbook, sheet)
    workbook.properties.title = title
    write_replacing(target, lambda temp: workbook.save(str(temp)))


def _write(workbook: Workbook, data: SummarySheet) -> None:
    sheet = workbook.create_sheet(data.name)
    widths = [_width(h) + 2 for h in data.header]
    for col, text in enumerate(data.header, start=1):
        cell = sheet.cell(1, col, text)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    # Columns of numbers and short words (年度, 结论) are centred; names and sentences are not.
    centred = [
        all(len(v) <= SHORT if isinstance(v := row[c], str) else True for row in data.rows)
        for c in range(len(data.header))
    ]
    for r, row in enumerate(data.rows):
        font = _RED if r in data.red_rows else _AMBER if r in data.amber_rows else _FONT
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(r + 2, col)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = "s"  # "=…" in a file name stays text, never a formula
            else:
                cell.value = value
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.font = font
            cell.alignment = _CENTRED if centred[col - 1] else _WRAP
            widths[col - 1] = max(widths[col - 1], _width(_shown(value)) + 2)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(data.header), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(data.rows) + 1}"
    # Printed as the office files it: landscape, one page wide, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _shown(value: Value) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _width(text: str) -> float:
    # Excel's width unit is about one Latin digit; a Chinese character takes two.
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)
