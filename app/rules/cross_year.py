"""Rules that compare a report with the same agency's report of the year before: R8–R10, R18."""

from __future__ import annotations

from difflib import SequenceMatcher

from app.domain.findings import Finding, Severity
from app.domain.report import Report

R9_ROWS = {"rules": "规章", "normative_docs": "行政规范性文件"}


def r8_carried(report: Report, previous: Report) -> list[Finding]:
    findings = []
    for column in report.layout.table3.column_keys:
        this_ref = f"table3:carried_in.{column}"
        now = report.number(this_ref)
        before = previous.number(f"table3:carried_out.{column}")
        if now is None or before is None or now == before:
            continue
        label = report.layout.spec(this_ref).column_label
        findings.append(Finding(
            "R8", Severity.WARNING, (this_ref,),
            f"表三“{label}”列：上年结转 {now} 件，与{previous.year}年报告的结转下年度 "
            f"{before} 件不一致",
        ))
    return findings


def _both_2021(report: Report, previous: Report) -> bool:
    return report.table_layout_id("table2") == "2021" == previous.table_layout_id("table2")


def r9_in_force(report: Report, previous: Report) -> list[Finding]:
    if not _both_2021(report, previous):
        return []
    findings = []
    for row, label in R9_ROWS.items():
        ref = f"table2:{row}.in_force"
        now, before = report.number(ref), previous.number(ref)
        issued = report.number(f"table2:{row}.issued")
        repealed = report.number(f"table2:{row}.repealed")
        if None in (now, before, issued, repealed):
            continue
        assert now is not None and before is not None
        assert issued is not None and repealed is not None
        expected = before + issued - repealed
        if now != expected:
            findings.append(Finding(
                "R9", Severity.INFO, (ref, f"table2:{row}.issued", f"table2:{row}.repealed"),
                f"{label}：现行有效 {now} 件，上年 {before} + 本年制发 {issued} − 本年废止 "
                f"{repealed} = {expected}（如有集中清理，可在正文中说明）",
            ))
    return findings


def r10_repealed(report: Report, previous: Report) -> list[Finding]:
    if not _both_2021(report, previous):
        return []
    findings = []
    for row, label in R9_ROWS.items():
        ref = f"table2:{row}.repealed"
        repealed = report.number(ref)
        before = previous.number(f"table2:{row}.in_force")
        issued = report.number(f"table2:{row}.issued")
        if repealed is None or before is None or issued is None:
            continue
        if repealed > before + issued:
            findings.append(Finding(
                "R10", Severity.WARNING, (ref,),
                f"{label}：本年废止 {repealed} 件，多于上年现行有效 {before} 件与本年制发 "
                f"{issued} 件之和",
            ))
    return findings


def r18_repeated_problems(report: Report, previous: Report) -> list[Finding]:
    now, before = _squeeze(report.chapter("5")), _squeeze(previous.chapter("5"))
    if not now or not before:
        return []
    ratio = SequenceMatcher(None, now, before, autojunk=False).ratio()
    if ratio > 0.5:
        return [Finding(
            "R18", Severity.WARNING, ("chapter:5",),
            f"“五、存在的主要问题及改进情况”与{previous.year}年报告约 {ratio:.0%} 相同，"
            "应写本年度的具体问题和改进措施",
        )]
    return []


def _squeeze(text: str) -> str:
    return "".join(text.split())


def check_cross_year(report: Report, previous: Report | None) -> list[Finding]:
    if previous is None or previous.year != report.year - 1:
        return []
    return (
        r8_carried(report, previous)
        + r9_in_force(report, previous)
        + r10_repealed(report, previous)
        + r18_repeated_problems(report, previous)
    )
