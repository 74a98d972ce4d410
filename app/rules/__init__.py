"""The consistency rules (勾稽关系) of spec/format.md §6, as pure functions over reports."""

from __future__ import annotations

from app.domain.findings import Finding, Severity
from app.domain.report import Report
from app.rules.cross_year import check_cross_year
from app.rules.draft_rules import about_blanks, check_draft
from app.rules.table_rules import check_tables
from app.rules.text_rules import check_text, publication_deadline

__all__ = ["about_blanks", "check", "order_findings", "publication_deadline", "reader_findings"]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def reader_findings(report: Report) -> list[Finding]:
    """What a reader noticed about the format (an extra 小计 column, a typo in a label)."""
    return [Finding("R13", Severity.WARNING, (), note) for note in report.reader_notes]


def check(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding for `report`; `previous` is the same agency's report of the year before."""
    draft = check_draft(report)
    unfilled = {cell for f in draft for cell in f.cells if cell.startswith("table")}
    findings = (
        [
            f
            for f in check_tables(report)
            if not (f.rule == "R6" and unfilled.issuperset(f.cells))  # said by R20, as an error
        ]
        + check_text(report)
        + draft
        + check_cross_year(report, previous)
        + reader_findings(report)
    )
    return order_findings(findings)


def order_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; by rule within each."""
    return sorted(findings, key=lambda f: (_ORDER[f.severity], int(f.rule[1:])))
