"""The consistency rules (勾稽关系) of spec/format.md §6, as pure functions over reports."""

from __future__ import annotations

from app.domain.findings import Finding, Severity
from app.domain.report import Report
from app.rules.cross_year import check_cross_year
from app.rules.table_rules import check_tables, legal_entity_subtotal
from app.rules.text_rules import check_text, publication_deadline

__all__ = ["check", "legal_entity_subtotal", "publication_deadline", "reader_findings"]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def reader_findings(report: Report) -> list[Finding]:
    """What a reader noticed about the format (an extra 小计 column, a typo in a label)."""
    return [Finding("R13", Severity.WARNING, (), note) for note in report.reader_notes]


def check(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding for `report`; `previous` is the same agency's report of the year before."""
    findings = (
        check_tables(report)
        + check_text(report)
        + check_cross_year(report, previous)
        + reader_findings(report)
    )
    return sorted(findings, key=lambda f: (_ORDER[f.severity], int(f.rule[1:])))
