"""The 报送情况 board: for a county unit, each subordinate unit's report of each year — missing,
with errors, with warnings, or passed — with its counts and the date it came in.

The checks are those of a single report (with last year's for the cross-year rules) and R21
across the units of each year, as `nianbao audit` makes them. Reports are loaded through the
function given, so the window can run this off its own thread on a connection of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.county.cross_unit import COMPARED_CHAPTERS, UnitTexts, copied_between_units
from app.county.status import Status, counts, status_of
from app.domain.findings import Finding, Severity
from app.domain.report import Report
from app.rules import check, order_findings
from app.store import Receipt

Load = Callable[[str, int], Report | None]
Progress = Callable[[int, int], None]


class Stopped(Exception):
    """The board's checking was stopped (the user chose another county or year)."""


@dataclass(frozen=True)
class BoardEntry:
    unit: str
    year: int
    status: Status
    findings: tuple[Finding, ...] = ()
    received: str = ""  # ISO date the report came in ("" when made here or missing)
    source: str = ""  # the file it came from

    @property
    def errors(self) -> int:
        return counts(self.findings)[Severity.ERROR]

    @property
    def warnings(self) -> int:
        return counts(self.findings)[Severity.WARNING]

    @property
    def notes(self) -> int:
        return counts(self.findings)[Severity.INFO]


Board = dict[tuple[str, int], BoardEntry]


def check_board(
    units: Sequence[str],
    years: Sequence[int],
    load: Load,
    receipts: Sequence[Receipt] = (),
    progress: Progress | None = None,
    stopped: Callable[[], bool] | None = None,
) -> Board:
    """An entry for every unit and year."""
    received = {(r.unit, r.year): r for r in receipts}
    board: Board = {}
    total, done = len(units) * len(years), 0
    for year in years:
        reports: dict[str, Report] = {}
        findings: dict[str, list[Finding]] = {}
        for unit in units:
            if stopped is not None and stopped():
                raise Stopped
            report = load(unit, year)
            if report is not None:
                reports[unit] = report
                findings[unit] = check(report, load(unit, year - 1))
            done += 1
            if progress is not None:
                progress(done, total)
        present = list(reports)
        extra = copied_between_units(
            [
                UnitTexts(u, year, {n: reports[u].chapter(n) for n in COMPARED_CHAPTERS})
                for u in present
            ]
        )
        for unit, more in zip(present, extra, strict=True):
            findings[unit] = order_findings(findings[unit] + more)
        for unit in units:
            receipt = received.get((unit, year))
            if unit in reports:
                board[(unit, year)] = BoardEntry(
                    unit,
                    year,
                    status_of(findings[unit]),
                    tuple(findings[unit]),
                    receipt.received_at if receipt else "",
                    receipt.source if receipt else "",
                )
            else:
                board[(unit, year)] = BoardEntry(unit, year, Status.MISSING)
    return board


def summary_line(board: Board, units: Sequence[str], year: int) -> str:
    tally = {s: 0 for s in Status}
    for unit in units:
        tally[board[(unit, year)].status] += 1
    return (
        f"{year}年度：下级单位 {len(units)} 个，未报送 {tally[Status.MISSING]} 个，"
        f"有错误 {tally[Status.ERRORS]} 个，有警告 {tally[Status.WARNINGS]} 个，"
        f"通过 {tally[Status.PASSED]} 个"
    )


def export_board(
    board: Board,
    units: Sequence[str],
    levels: dict[str, str],
    year: int,
    years: Sequence[int],
    target: Path,
) -> None:
    """The board as a workbook: the year's list, and every year side by side."""
    from app.xlsx.summary import SummarySheet, export_summary

    rows, red, amber = [], set(), set()
    for i, unit in enumerate(units):
        entry = board[(unit, year)]
        if entry.status in (Status.MISSING, Status.ERRORS):
            red.add(i)
        elif entry.status is Status.WARNINGS:
            amber.add(i)
        missing = entry.status is Status.MISSING
        rows.append(
            (
                unit,
                levels.get(unit, ""),
                entry.status.label,
                None if missing else entry.errors,
                None if missing else entry.warnings,
                None if missing else entry.notes,
                entry.received,
                entry.source,
            )
        )
    by_year = [(unit, *(board[(unit, y)].status.label for y in years)) for unit in units]
    export_summary(
        [
            SummarySheet(
                f"{year}年度",
                ("单位", "层级", "状态", "错误", "警告", "提示", "报送日期", "来源文件"),
                rows,
                frozenset(red),
                frozenset(amber),
            ),
            SummarySheet("历年", ("单位", *(f"{y}年度" for y in years)), by_year),
        ],
        target,
        f"{year}年度政府信息公开工作年度报告报送情况",
    )
