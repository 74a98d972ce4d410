"""Rules that compare a report with the same agency's report of the year before: R8–R10, R18,
R22.

R8 checks the layouts' carry-over (layout_relations.CarryOver), R9 and R10 their stocks of
documents in force (layout_relations.Stock).
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from app.domain.findings import Finding, Severity
from app.domain.layout_relations import Each, Stock
from app.domain.report import TABLE_NAMES, CellValue, Report
from app.rules.table_rules import tables_of


def r8_carried(report: Report, previous: Report) -> list[Finding]:
    """Each figure the layout carries over from last year's report, as it was carried."""
    findings = []
    for table in tables_of(report):
        for carry in table.carry_over:
            for _, (source, target) in table.lines(carry.each, (carry.source, carry.target)):
                now, before = report.number(target), previous.number(source)
                if now is None or before is None or now == before:
                    continue
                spec = table.spec(target.split(":", 1)[1])
                findings.append(
                    Finding(
                        "R8",
                        Severity.WARNING,
                        (target,),
                        carry.message.format(
                            row=spec.row_label,
                            column=spec.column_label,
                            now=now,
                            before=before,
                            year=previous.year,
                        ),
                    )
                )
    return findings


def _stock_lines(report: Report, previous: Report) -> Iterator[tuple[Stock, str, tuple[str, ...]]]:
    """Each stock of documents in force, with its row's label, where last year's table kept
    the same stock (a table of the layout before may count documents otherwise)."""
    for table in tables_of(report):
        before = tables_of(previous)[TABLE_NAMES.index(table.name)]
        for stock in table.stocks:
            for line, refs in table.lines(stock.each, (stock.stock, stock.added, stock.removed)):
                if before.has(refs[0].split(":", 1)[1]):
                    label = table.innermost_label(line) if stock.each is Each.ROW else line
                    yield stock, label, refs


def r9_in_force(report: Report, previous: Report) -> list[Finding]:
    findings = []
    for stock, label, (ref, added_ref, removed_ref) in _stock_lines(report, previous):
        now, before = report.number(ref), previous.number(ref)
        added, removed = report.number(added_ref), report.number(removed_ref)
        if now is None or before is None or added is None or removed is None:
            continue
        expected = before + added - removed
        if now != expected:
            findings.append(
                Finding(
                    "R9",
                    Severity.INFO,
                    (ref, added_ref, removed_ref),
                    stock.mismatch.format(
                        row=label,
                        now=now,
                        before=before,
                        added=added,
                        removed=removed,
                        expected=expected,
                    ),
                )
            )
    return findings


def r10_repealed(report: Report, previous: Report) -> list[Finding]:
    findings = []
    for stock, label, (ref, added_ref, removed_ref) in _stock_lines(report, previous):
        removed, before = report.number(removed_ref), previous.number(ref)
        added = report.number(added_ref)
        if removed is None or before is None or added is None:
            continue
        if removed > before + added:
            findings.append(
                Finding(
                    "R10",
                    Severity.WARNING,
                    (removed_ref,),
                    stock.overdrawn.format(
                        row=label,
                        now=report.number(ref),
                        before=before,
                        added=added,
                        removed=removed,
                        expected=before + added - removed,
                    ),
                )
            )
    return findings


def r18_repeated_problems(report: Report, previous: Report) -> list[Finding]:
    now, before = _squeeze(report.chapter("5")), _squeeze(previous.chapter("5"))
    if not now or not before:
        return []
    ratio = SequenceMatcher(None, now, before, autojunk=False).ratio()
    if ratio > 0.5:
        return [
            Finding(
                "R18",
                Severity.WARNING,
                ("chapter:5",),
                f"“五、存在的主要问题及改进情况”与{previous.year}年报告约 {ratio:.0%} 相同，"
                "应写本年度的具体问题和改进措施",
            )
        ]
    return []


def r22_same_tables(report: Report, previous: Report) -> list[Finding]:
    """Every figure of the three tables as in last year's report: the tables were carried
    over, not filled in. Tables that are all zero (a unit that had nothing to count two years
    running) are not suspect."""
    now = _figures(report)
    if not any(now.values()) or now != _figures(previous):
        return []
    if any(report.table_layout_id(t) != previous.table_layout_id(t) for t in TABLE_NAMES):
        return []
    first = "table3:new.total" if "table3:new.total" in now else min(now)
    return [
        Finding(
            "R22",
            Severity.WARNING,
            (first,),
            f"表二、表三、表四的数字与{previous.year}年报告完全相同，请核对是否沿用了上年的表格",
        )
    ]


def _figures(report: Report) -> dict[str, CellValue]:
    return {ref: v for ref, v in report.cells.items() if ref.partition(":")[0] in TABLE_NAMES}


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
        + r22_same_tables(report, previous)
    )
