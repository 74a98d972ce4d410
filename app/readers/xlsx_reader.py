"""Reading the tables from an Excel workbook: ours, or one a colleague filled in that keeps the
official labels (on one sheet or three, anywhere on the sheet, merged or not).

Each sheet's rows become lines for the same reader as pasted text and Word files: a row with a
single filled cell (a title, a heading, "第二十条第（一）项") is a line of text, other rows are
table rows. A merged label is repeated in the rows it covers, as in a Word table.

openpyxl makes a cell object for every cell a merged range or a hyperlink covers, so one range
of a whole sheet in a 10 KB file would take gigabytes: the ranges are added up in the sheet XML
(package_check hands each part over) before openpyxl sees it.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import warnings
from decimal import Decimal
from typing import Any

from app.domain.report import Report, default_title, with_tables_of
from app.readers.errors import ReadError
from app.readers.lines import Line, table_line
from app.readers.package_check import EXCEL, open_package
from app.readers.text_reader import read_lines
from app.xlsx.sheets import places_and_unit

MAX_ROWS = 400  # the three tables take about 60 rows; a sheet of data is not a report
MAX_COLS = 40
# Cells looked at in all the sheets together (openpyxl makes each one asked for): some ten
# sheets' worth. 1,900 sheets of one far cell each, a 600 KB file, took over 30 s.
MAX_CELLS = 10 * MAX_ROWS * MAX_COLS
# openpyxl reads a sheet with expat a piece at a time, and expat (before 2.6) parses a tag it
# has not seen the end of again with every piece: one attribute of 7 MB took 14 s. Excel's
# longest tags (a selection's or a validation's list of ranges) take some KB.
MAX_TAG_CHARS = 256 * 1024
_LONG_TAG = re.compile(f"<[^<>]{{{MAX_TAG_CHARS}}}")  # each character looked at once
MAX_ATTRIBUTES = 300_000
MAX_SHEETS = 100  # a workbook of the three tables, perhaps one sheet per unit of a county
_SHEET = re.compile(r"<(?:[\w.-]+:)?sheet[\s/>]")
_TOO_MANY_SHEETS = (
    "工作簿中的工作表太多或太大（{} 张），不像是年度报告的表格；"
    "请只留下报告的几张统计表，另存后再导入"
)
# First header rows of tables 3 and 4: a new table starts even without a blank row above.
_TABLE_STARTS = ("勾稽关系", "行政复议")
# Cells that merged ranges and hyperlinks may cover in one sheet; the three tables take some
# hundreds, a title merged across a sheet some dozens.
MAX_RANGE_CELLS = 100_000
SHEET_ROWS, SHEET_COLS = 1_048_576, 16_384
_RANGED = re.compile(r"<(?:[\w.-]+:)?(mergeCell|hyperlink)\b([^>]*)>")
_REF = re.compile(r"""(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# As openpyxl reads a reference (utils.cell.ABSOLUTE_RE), after any "Sheet1!".
_CELL_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?$")
_WHAT = {"mergeCell": "合并单元格", "hyperlink": "超链接"}


def read_xlsx_report(data: bytes) -> Report:
    """The report in a workbook whose first rows carry the report's title (as ours do)."""
    lines = xlsx_lines(data)
    try:
        return read_lines(lines)
    except ReadError as exc:
        raise ReadError(
            f"{exc}。Excel 文件只有表格：请在第一行写上报告标题（如“某某局2021年政府信息公开工作"
            "年度报告”），或在程序中打开该年度的报告后再导入表格"
        ) from None


def read_xlsx_tables(report: Report, data: bytes) -> Report:
    """A copy of `report` with its three tables replaced by those in the workbook (the text,
    title and signature stay as they are)."""
    # The workbook need not name the report: a title line for the open one stands in.
    title = Line(default_title(report.unit, report.year), False)
    return with_tables_of(report, read_lines([title, *xlsx_lines(data)]))


def xlsx_lines(data: bytes) -> list[Line]:
    open_package(data, EXCEL, _PartCheck()).close()
    workbook = _load(data)
    lines: list[Line] = []
    try:
        # A hidden helper sheet is no part of what the colleague filled in.
        sheets = [
            s for s in workbook.worksheets if getattr(s, "sheet_state", "visible") == "visible"
        ]
        cells = sum(
            min(s.max_row or 0, MAX_ROWS) * min(s.max_column or 0, MAX_COLS) for s in sheets
        )
        if cells > MAX_CELLS:
            raise ReadError(_TOO_MANY_SHEETS.format(len(sheets)))
        for sheet in sheets:
            lines += _sheet_lines(sheet)
            lines.append(Line("", False))
    finally:
        workbook.close()
    return lines


def _load(data: bytes) -> Any:
    from openpyxl import load_workbook  # here: openpyxl loads only when Excel is read

    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation, conditional formats and the like it skips.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception:  # openpyxl raises KeyError, ValueError, TypeError… on damage
        raise ReadError(
            "文件已损坏，无法作为 Excel 文件打开（请在 Excel 中打开后重新保存）"
        ) from None


class _PartCheck:
    """Refuses, part by part, what openpyxl would spend many seconds or gigabytes on (its
    attributes, long tags, sheets, merged ranges), before it sees any of them."""

    def __init__(self) -> None:
        self.attributes = 0

    def __call__(self, name: str, text: str) -> None:
        # Counted as "=" (each attribute has one): 600,000 on one row took openpyxl 21 s,
        # where a report's workbook has some thousands.
        self.attributes += text.count("=")
        if self.attributes > MAX_ATTRIBUTES:
            raise ReadError("文件中的内容异常庞大（属性太多），不像是 Excel 保存的表格，已拒绝读取")
        if _LONG_TAG.search(text):
            raise ReadError(
                "文件中有长得异常的内容（一个标记超过 256 KB），不像是 Excel 保存的表格，已拒绝读取"
            )
        if name == "xl/workbook.xml":
            sheets = len(_SHEET.findall(text))
            if sheets > MAX_SHEETS:
                raise ReadError(_TOO_MANY_SHEETS.format(sheets))
            return
        check_ranges(text)


def check_ranges(text: str) -> None:
    """Refuse a part whose merged ranges and hyperlinks cover more cells than a report's."""
    covered = 0
    for element in _RANGED.finditer(text):
        ref = _REF.search(element.group(2))
        if ref is None:
            continue
        value = html.unescape(ref.group(1) if ref.group(1) is not None else ref.group(2))
        covered += sum(_cells_in(piece) for piece in value.split())
        if covered > MAX_RANGE_CELLS:
            shown = value if len(value) <= 30 else value[:29] + "…"
            raise ReadError(
                f"表格中有{_WHAT[element.group(1)]}的范围大得异常（{shown}），不像是年度报告的表格，"
                f"已拒绝读取；请在 Excel 中取消多余的合并或超链接后重新保存"
            )


def _cells_in(ref: str) -> int:
    """How many cells a reference such as "A1:XFD1048576" or "$A:$C" covers (0 when openpyxl
    would not take it either)."""
    m = _CELL_RANGE.match(ref.rpartition("!")[2])
    if m is None:
        return 0
    first_col, first_row, last_col, last_row = m.groups()
    if first_col is None and last_col is None:
        cols = SHEET_COLS
    else:
        cols = abs(_column(last_col or first_col or "A") - _column(first_col or "A")) + 1
    if first_row is None and last_row is None:
        rows = SHEET_ROWS
    else:
        rows = abs(_row(last_row or first_row or "1") - _row(first_row or "1")) + 1
    return rows * cols


def _row(digits: str) -> int:
    return int(digits) if len(digits) <= 9 else 10**9  # far past any sheet, and past int()'s limit


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _sheet_lines(sheet: Any) -> list[Line]:
    n_rows = min(sheet.max_row or 0, MAX_ROWS)
    n_cols = min(sheet.max_column or 0, MAX_COLS)
    covered: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) -> the merge's origin
    for merged in sheet.merged_cells.ranges:
        for r in range(merged.min_row, min(merged.max_row, n_rows) + 1):
            for c in range(merged.min_col, min(merged.max_col, n_cols) + 1):
                covered[(r, c)] = (merged.min_row, merged.min_col)
    grid = [[_text(sheet.cell(r, c)) for c in range(1, n_cols + 1)] for r in range(1, n_rows + 1)]
    rows: list[list[tuple[int, str]]] = []  # per sheet row: (column, text) of each cell
    for r in range(1, n_rows + 1):
        cells: list[tuple[int, str]] = []
        for c in range(1, n_cols + 1):
            origin = covered.get((r, c))
            if origin is None or origin == (r, c):
                cells.append((c, grid[r - 1][c - 1]))
            elif origin[1] == c:
                cells.append((c, _repeated(grid[origin[0] - 1][origin[1] - 1])))
            # else: covered by a merge across, which gives one cell as in Word
        rows.append(cells)
    return [_line(cells, width) for cells, width in zip(rows, _table_widths(rows), strict=True)]


def _table_widths(rows: list[list[tuple[int, str]]]) -> list[int]:
    """Each row's table's right edge: the last filled column of its block of rows. A blank
    figure at the end of a row is still a cell (rows keep the table's width, as a table
    copied from a web page does), while columns beyond the table are not."""
    widths = [0] * len(rows)
    start = 0
    for i in range(len(rows) + 1):
        if i < len(rows) and not _starts_block(rows[i]):
            continue
        edge = max((c for row in rows[start:i] for c, text in row if text), default=0)
        widths[start:i] = [edge] * (i - start)
        start = i
    return widths


def _starts_block(row: list[tuple[int, str]]) -> bool:
    """A blank row, a line of text (title, heading, 第二十条…) or a table's first row."""
    filled = [text for _, text in row if text]
    return len(filled) <= 1 or any(word in text for text in filled for word in _TABLE_STARTS)


def _line(cells: list[tuple[int, str]], width: int) -> Line:
    texts = [text for c, text in cells if c <= width]
    filled = [t for t in texts if t]
    if not filled:
        return Line("", False)
    if len(filled) == 1:
        return Line(filled[0], False)
    return table_line(texts)


def _repeated(text: str) -> str:
    """A label merged downwards is repeated in the rows it covers; a merged figure is not."""
    from app.domain.values import looks_like_value

    return "" if looks_like_value(text) else text


def _text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal):
        return _number_text(value, str(cell.number_format or "General"))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return str(value)  # a figure Excel took for a date: kept as read, rule R5 names it
    return re.sub(r"\s+", " ", str(value)).strip()


def _number_text(value: int | float | Decimal, fmt: str) -> str:
    """A number as entered: the stored value, with the trailing zeros its format shows
    ("0.00" makes 347.1 read "347.10") and the unit it shows; never rounded to the format."""
    places, unit = places_and_unit(fmt)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        number = Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    else:
        number = Decimal(value)
    exponent = number.as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places is not None and places > own:
        number = number.quantize(Decimal(1).scaleb(-places))
    return f"{number}{unit}"
