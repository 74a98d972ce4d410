"""One agency's report for one year: text, table figures, signature.

A figure is held as read or typed: an `int` for counts, a `Decimal` for money (so "73802895.90"
prints as entered), or the raw `str` a reader could not make sense of (rule R5 names it). A blank
cell is absent, never 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.domain.chapters import CHAPTER_HEADINGS, TABLE_CHAPTERS
from app.domain.layout import Layout
from app.domain.layouts import get_layout, layout_for_year

CellValue = int | Decimal | str
TABLE_NAMES = tuple(TABLE_CHAPTERS.values())  # "table2", "table3", "table4"

LEVELS = {
    "department": "部门",
    "township": "乡镇（街道）",
    "county": "县级人民政府",
    "prefecture": "地市级人民政府",
    "province": "省级人民政府",
}
# The longest names of real units take some thirty characters (国家税务总局某某县税务局第一税务
# 分局…); a name far past that is a paragraph read as a title, and would fill every screen.
MAX_UNIT_NAME = 100


@dataclass
class Report:
    unit: str
    year: int
    layout_id: str = ""
    level: str = "department"
    title: str = ""
    preamble: str = ""
    chapters: dict[str, str] = field(default_factory=dict)  # "1".."6"
    cells: dict[str, CellValue] = field(default_factory=dict)  # "table3:new.total" -> value
    money_units: dict[str, str] = field(default_factory=dict)  # ref -> "元" / "万元"
    signature_unit: str = ""
    signature_date: dt.date | None = None
    # Chapter numbers in the order their headings were found; None when the report was made
    # here (every heading is then written by the program).
    headings_found: list[str] | None = None
    # Tables whose layout differs from `layout_id` (a mixed report, rule R13): name -> layout id.
    table_layouts: dict[str, str] = field(default_factory=dict)
    # Things a reader noticed about the format (an extra 小计 column...), shown as warnings.
    reader_notes: list[str] = field(default_factory=list)
    # The user's word on which lines of a text are sub-headings, per part ("preamble",
    # "1".."6"): a heading's text -> its level (2 （一）, 3 1., 4 （1）; 0 "not a heading").
    # See app.document.headings.
    headings: dict[str, dict[str, int]] = field(default_factory=dict)
    # Fields of a JSON report this version does not know, written back unchanged.
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.layout_id:
            self.layout_id = layout_for_year(self.year).id
        if not self.title:
            self.title = default_title(self.unit, self.year)

    @property
    def layout(self) -> Layout:
        return get_layout(self.layout_id)

    def table_layout_id(self, table: str) -> str:
        return self.table_layouts.get(table, self.layout_id)

    def get(self, ref: str) -> CellValue | None:
        return self.cells.get(ref)

    def number(self, ref: str) -> int | Decimal | None:
        """The cell as a number, or None when blank or unreadable."""
        value = self.cells.get(ref)
        if isinstance(value, str):
            return None
        return value

    def set(self, ref: str, value: CellValue | None) -> None:
        if value is None:
            self.cells.pop(ref, None)
        else:
            self.cells[ref] = value

    def table_cells(self, table: str) -> dict[str, CellValue]:
        prefix = table + ":"
        return {ref[len(prefix) :]: v for ref, v in self.cells.items() if ref.startswith(prefix)}

    def chapter(self, number: str) -> str:
        return self.chapters.get(number, "")

    def copy(self) -> Report:
        return Report(
            unit=self.unit,
            year=self.year,
            layout_id=self.layout_id,
            level=self.level,
            title=self.title,
            preamble=self.preamble,
            chapters=dict(self.chapters),
            cells=dict(self.cells),
            money_units=dict(self.money_units),
            signature_unit=self.signature_unit,
            signature_date=self.signature_date,
            headings_found=None if self.headings_found is None else list(self.headings_found),
            table_layouts=dict(self.table_layouts),
            reader_notes=list(self.reader_notes),
            headings={part: dict(marks) for part, marks in self.headings.items()},
            extra=dict(self.extra),
        )


def with_tables_of(report: Report, source: Report) -> Report:
    """`report` with the figures of `source`, each table keeping the layout it was read in."""
    merged = report.copy()
    merged.cells = dict(source.cells)
    merged.money_units = dict(source.money_units)
    merged.table_layouts = {
        t: source.table_layout_id(t)
        for t in TABLE_NAMES
        if source.table_layout_id(t) != report.layout_id
    }
    merged.reader_notes = list(source.reader_notes)
    return merged


def default_title(unit: str, year: int) -> str:
    return f"{unit}{year}年政府信息公开工作年度报告"


def chapter_heading(number: str) -> str:
    return CHAPTER_HEADINGS[int(number) - 1]


def format_value(value: CellValue | None, unit: str = "") -> str:
    """A figure as printed: as entered, with its unit where the cell holds one."""
    if value is None:
        return ""
    return f"{value}{unit}"


def format_date(date: dt.date) -> str:
    """2021年1月21日: Arabic numerals, no leading zeros (GB/T 9704)."""
    return f"{date.year}年{date.month}月{date.day}日"
