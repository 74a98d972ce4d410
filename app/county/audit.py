"""Auditing a batch of reports (`nianbao audit`, and the board's 批量校验): every rule on every
report, the rules across units, and the results as lines, JSON and a workbook
(spec/interfaces.md §5)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.county.batch import (
    Progress,
    ReadReport,
    Unreadable,
    previous_by_unit,
    read_files,
    report_files,
)
from app.county.cross_unit import copied_between_units
from app.county.names import normal_name
from app.county.places import place_name
from app.county.status import Status, counts, status_of
from app.domain.findings import Finding, Severity
from app.domain.report import Report
from app.rules import order_findings

if TYPE_CHECKING:
    from app.xlsx.summary import SummarySheet, Value

PLACES_SHOWN = 2  # cells of a finding named in the workbook


@dataclass(frozen=True)
class Duplicate:
    """Two or more files for one unit and year."""

    unit: str
    year: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Audit:
    reports: list[ReadReport]  # in the order the files were found, findings sorted
    unreadable: list[Unreadable]
    duplicates: list[Duplicate]
    previous_unreadable: int = 0  # files of --previous-dir that could not be read

    @property
    def has_errors(self) -> bool:
        return any(status_of(r.findings) is Status.ERRORS for r in self.reports)


def run_audit(
    paths: Sequence[Path],
    *,
    previous_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> Audit:
    """Read every report in `paths` (files, folders searched recursively) and check it; with
    `previous_dir`, last year's reports there feed the cross-year rules, matched by unit."""
    previous: dict[str, Report] = {}
    previous_unreadable = 0
    if previous_dir is not None:
        old_files, old_missing = report_files([previous_dir])
        old = read_files(old_files, keep=True, cancelled=cancelled, workers=workers)
        previous = previous_by_unit(old)
        previous_unreadable = len(old_missing) + sum(isinstance(o, Unreadable) for o in old)
    files, missing = report_files(paths)
    outcomes = read_files(
        files, previous=previous, progress=progress, cancelled=cancelled, workers=workers
    )
    reports = [o for o in outcomes if isinstance(o, ReadReport)]
    unreadable = missing + [o for o in outcomes if isinstance(o, Unreadable)]
    return Audit(
        with_cross_unit_rules(reports), unreadable, duplicates(reports), previous_unreadable
    )


def with_cross_unit_rules(reports: list[ReadReport]) -> list[ReadReport]:
    """The reports with R21 (内容雷同 between units) added to their findings."""
    extra = copied_between_units([r.texts for r in reports])
    return [
        replace(r, findings=tuple(order_findings([*r.findings, *more]))) if more else r
        for r, more in zip(reports, extra, strict=True)
    ]


def duplicates(reports: Sequence[ReadReport]) -> list[Duplicate]:
    groups: dict[tuple[str, int], list[ReadReport]] = defaultdict(list)
    for report in reports:
        groups[(normal_name(report.unit), report.year)].append(report)
    return [
        Duplicate(group[0].unit, group[0].year, tuple(r.source for r in group))
        for group in groups.values()
        if len(group) > 1
    ]


# -- what is shown ------------------------------------------------------------------------------


def report_line(report: ReadReport) -> str:
    tally = counts(report.findings)
    return (
        f"{report.source}：{report.unit or '（未写单位）'} {report.year}年度，"
        f"{status_of(report.findings).label}（错误 {tally[Severity.ERROR]}、"
        f"警告 {tally[Severity.WARNING]}、提示 {tally[Severity.INFO]}）"
    )


def summary_lines(audit: Audit) -> list[str]:
    by_status = {s: 0 for s in Status}
    for report in audit.reports:
        by_status[status_of(report.findings)] += 1
    lines = [
        f"共读取 {len(audit.reports)} 份报告：通过 {by_status[Status.PASSED]} 份，"
        f"有警告 {by_status[Status.WARNINGS]} 份，有错误 {by_status[Status.ERRORS]} 份；"
        f"无法读取 {len(audit.unreadable)} 个文件。"
    ]
    lines += [f"无法读取：{u.message}" for u in audit.unreadable]
    lines += [
        f"注意：“{d.unit}”有 {len(d.sources)} 份{d.year}年度报告：" + "、".join(d.sources)
        for d in audit.duplicates
    ]
    if audit.previous_unreadable:
        lines.append(
            f"注意：上年报告中有 {audit.previous_unreadable} 个文件无法读取，这些单位未做跨年度校验"
        )
    return lines


def audit_json(audit: Audit) -> dict[str, Any]:
    return {
        "reports": [
            {
                "source": r.source,
                "unit": r.unit,
                "year": r.year,
                "layout": r.layout_id,
                "findings": [f.to_json() for f in r.findings],
            }
            for r in audit.reports
        ],
        "unreadable": [{"source": u.source, "message": u.message} for u in audit.unreadable],
    }


def audit_sheets(audit: Audit) -> list[SummarySheet]:
    """The workbook of §5: 汇总, 问题明细, 无法读取."""
    from app.xlsx.summary import SummarySheet  # openpyxl loads only when a workbook is made

    summary: list[tuple[Value, ...]] = []
    details: list[tuple[Value, ...]] = []
    red: set[int] = set()
    amber: set[int] = set()
    red_details: set[int] = set()
    for report in audit.reports:
        tally = counts(report.findings)
        status = status_of(report.findings)
        if status is Status.ERRORS:
            red.add(len(summary))
        elif status is Status.WARNINGS:
            amber.add(len(summary))
        summary.append(
            (
                report.source,
                report.unit,
                report.year,
                report.layout_id,
                tally[Severity.ERROR],
                tally[Severity.WARNING],
                tally[Severity.INFO],
                status.label,
            )
        )
        for finding in report.findings:
            if finding.severity is Severity.ERROR:
                red_details.add(len(details))
            details.append(
                (
                    report.source,
                    report.unit,
                    finding.rule,
                    finding.severity.label,
                    _places(finding, report.layout_id),
                    finding.message,
                )
            )
    return [
        SummarySheet(
            "汇总",
            ("文件", "单位", "年度", "表格格式", "错误", "警告", "提示", "结论"),
            summary,
            frozenset(red),
            frozenset(amber),
        ),
        SummarySheet(
            "问题明细",
            ("文件", "单位", "规则", "级别", "单元格", "说明"),
            details,
            frozenset(red_details),
        ),
        SummarySheet(
            "无法读取", ("文件", "原因"), [(u.source, u.message) for u in audit.unreadable]
        ),
    ]


def _places(finding: Finding, layout_id: str) -> str:
    """The cells a finding names, the most suspect first; a long list cut short."""
    shown = "；".join(place_name(ref, layout_id) for ref in finding.cells[:PLACES_SHOWN])
    more = len(finding.cells) - PLACES_SHOWN
    return shown + (f"等 {len(finding.cells)} 格" if more > 0 else "")


def export_audit(audit: Audit, target: Path) -> None:
    from app.xlsx.summary import export_summary

    export_summary(audit_sheets(audit), target, "政府信息公开工作年度报告校验汇总")
