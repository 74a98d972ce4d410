"""Edits to a report as command objects: applying one returns the edit that undoes it.

The window wraps these in QUndoCommands; the core never needs Qt to edit or undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.report import CellValue, Report

TEXT_FIELDS = ("title", "preamble", "signature_unit", "signature_date")


@dataclass(frozen=True)
class SetCells:
    """Set several cells at once (a paste is one edit); None clears a cell."""

    changes: tuple[tuple[str, CellValue | None], ...]
    units: tuple[tuple[str, str | None], ...] = ()  # money units of MONEY_WITH_UNIT cells
    description: str = "修改单元格"

    def apply(self, report: Report) -> SetCells:
        inverse = tuple((ref, report.get(ref)) for ref, _ in self.changes)
        inverse_units = tuple((ref, report.money_units.get(ref)) for ref, _ in self.units)
        for ref, value in self.changes:
            report.set(ref, value)
        for ref, unit in self.units:
            if unit:
                report.money_units[ref] = unit
            else:
                report.money_units.pop(ref, None)
        return SetCells(inverse, inverse_units, self.description)

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(ref for ref, _ in self.changes)


@dataclass(frozen=True)
class SetChapter:
    number: str  # "1".."6"
    text: str
    description: str = "修改正文"

    def apply(self, report: Report) -> SetChapter:
        old = report.chapters.get(self.number, "")
        report.chapters[self.number] = self.text
        return SetChapter(self.number, old, self.description)


@dataclass(frozen=True)
class SetField:
    """title, preamble, signature_unit, or signature_date (ISO text, "" for none)."""

    name: str
    value: str
    description: str = "修改"

    def apply(self, report: Report) -> SetField:
        if self.name == "signature_date":
            old = report.signature_date.isoformat() if report.signature_date else ""
            report.signature_date = dt.date.fromisoformat(self.value) if self.value else None
        elif self.name in TEXT_FIELDS:
            old = getattr(report, self.name)
            setattr(report, self.name, self.value)
        else:
            raise KeyError(self.name)
        return SetField(self.name, old, self.description)


@dataclass(frozen=True)
class SetHeadings:
    """The heading marks of one text part ("preamble", "1".."6"), as Report.headings holds
    them: which lines the user says are, or are not, sub-headings."""

    part: str
    marks: tuple[tuple[str, int], ...]
    description: str = "设置小标题"

    def apply(self, report: Report) -> SetHeadings:
        old = tuple(report.headings.get(self.part, {}).items())
        if self.marks:
            report.headings[self.part] = dict(self.marks)
        else:
            report.headings.pop(self.part, None)
        return SetHeadings(self.part, old, self.description)


Edit = SetCells | SetChapter | SetField | SetHeadings
