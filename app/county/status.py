"""Where a unit's report stands for the county office: 未报送, 有错误, 有警告, 通过."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from app.domain.findings import Finding, Severity


class Status(Enum):
    MISSING = "未报送"
    ERRORS = "有错误"
    WARNINGS = "有警告"
    PASSED = "通过"  # notes (提示) do not stand in the way

    @property
    def label(self) -> str:
        return self.value


def status_of(findings: Iterable[Finding]) -> Status:
    severities = {f.severity for f in findings}
    if Severity.ERROR in severities:
        return Status.ERRORS
    if Severity.WARNING in severities:
        return Status.WARNINGS
    return Status.PASSED


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    tally = dict.fromkeys(Severity, 0)
    for finding in findings:
        tally[finding.severity] += 1
    return tally
