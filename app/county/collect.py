"""Collecting a folder of units' reports into the database (导入文件夹…).

The files are read first (app.county.batch); `plan_import` then makes one row per file for the
summary the user confirms: which unit it is taken for (a known unit by its exact name, the
closest known one to be checked, or a new unit under the chosen parent), its year, its
findings, and why it would not be stored. Nothing is stored until `store_import`, which stores
every row the user kept in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.county.batch import Outcome, ReadReport, Unreadable
from app.county.names import guess_level, match_unit, normal_name
from app.county.status import counts
from app.domain.findings import Finding, Severity
from app.domain.report import Report
from app.store import Receipt, Store, StoreError


@dataclass
class ImportRow:
    """One file of the folder, as the summary table shows it; `target` is what the user may
    change (None: not stored)."""

    source: str
    report: Report | None
    problem: str = ""  # why it is not stored as it stands ("" when it is)
    given_name: str = ""  # the unit the file names
    close: tuple[str, ...] = ()  # known units it may mean, closest first
    findings: tuple[Finding, ...] = ()
    target: str | None = None  # the unit it is stored as
    new_unit: bool = False  # `target` is made, under the parent chosen
    exact: bool = False  # `target` is the file's own name for a known unit
    replaces: bool = False  # the target has a report of that year already
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.source).name

    @property
    def year(self) -> int | None:
        return self.report.year if self.report is not None else None

    @property
    def errors(self) -> int:
        return counts(self.findings)[Severity.ERROR]

    @property
    def warnings(self) -> int:
        return counts(self.findings)[Severity.WARNING]


def plan_import(
    outcomes: Sequence[Outcome],
    known_units: Iterable[str],
    existing: set[tuple[str, int]],
    year: int | None = None,
) -> list[ImportRow]:
    """The summary of a folder read with keep=True: a row for every file, in order."""
    known = list(known_units)
    rows = []
    for outcome in outcomes:
        if isinstance(outcome, Unreadable):
            rows.append(ImportRow(outcome.source, None, problem=outcome.message))
        else:
            rows.append(_row(outcome, known, year))
    _keep_one_of_each(rows)
    for row in rows:
        row.replaces = (
            row.target is not None and row.year is not None and ((row.target, row.year) in existing)
        )
    return rows


def _row(outcome: ReadReport, known: list[str], year: int | None) -> ImportRow:
    report = outcome.report
    if report is None:
        raise ValueError("plan_import needs the reports: read them with keep=True")
    match = match_unit(report, known)
    row = ImportRow(
        outcome.source,
        report,
        given_name=match.name,
        close=tuple(name for name, _ in match.close),
        findings=outcome.findings,
    )
    if match.exact is not None:
        row.target, row.exact = match.exact, True
    elif match.close:
        row.target = match.close[0][0]
        row.notes.append(f"文件中的单位为“{match.name}”，与“{row.target}”相近，请核对")
    elif match.name:
        row.target, row.new_unit = match.name, True
        row.notes.append(f"将新建单位“{match.name}”")
    else:
        row.problem = "文件中没有写明单位名称（标题或落款），请选择单位"
    if year is not None and report.year != year:
        row.problem = f"这是{report.year}年度的报告，不是{year}年度的"
        row.target = None
    return row


def _keep_one_of_each(rows: list[ImportRow]) -> None:
    """Two files for one unit and year: the newest file is kept, the others are not stored."""
    groups: dict[tuple[str, int], list[ImportRow]] = defaultdict(list)
    for row in rows:
        if row.target is not None and row.year is not None:
            groups[(normal_name(row.target), row.year)].append(row)
    for group in groups.values():
        if len(group) < 2:
            continue
        kept = max(group, key=lambda r: (_modified(r.source), r.source))
        for row in group:
            if row is not kept:
                row.target = None
                row.problem = f"与“{kept.name}”是同一单位同一年度的报告，只导入较新的一份"


def _modified(source: str) -> float:
    try:
        return Path(source).stat().st_mtime
    except OSError:
        return 0.0


def problems_before_storing(rows: Sequence[ImportRow]) -> str:
    """Why the rows as the user left them cannot be stored (one unit and year twice), or ""."""
    seen: dict[tuple[str, int], str] = {}
    for row in rows:
        if row.target is None or row.year is None:
            continue
        key = (normal_name(row.target), row.year)
        if key in seen:
            return (
                f"“{seen[key]}”和“{row.name}”都将存为“{row.target}”{row.year}年度的报告，"
                "请只保留一份"
            )
        seen[key] = row.name
    return ""


def store_import(
    store: Store, rows: Sequence[ImportRow], parent: str | None, today: dt.date
) -> list[tuple[str, int]]:
    """Store every row with a target, new units under `parent`, all in one transaction; the
    (unit, year) of each report stored. A report replaced goes to the recycle bin."""
    problem = problems_before_storing(rows)
    if problem:
        raise StoreError(problem)
    stored = []
    with store.all_or_nothing():
        for row in rows:
            if row.target is None or row.report is None:
                continue
            info = store.unit(row.target)
            if info is None:
                info = store.add_unit(row.target, guess_level(row.target), parent)
            report = row.report.copy()
            report.unit, report.level = info.name, info.level
            if not report.signature_unit:
                report.signature_unit = info.name
            if report.year in store.years(info.name):
                store.discard_report(info.name, report.year)  # replaced: kept in the bin
            store.save(report)
            store.set_receipt(Receipt(info.name, report.year, today.isoformat(), row.name))
            stored.append((info.name, report.year))
    return stored
