"""Reports with every figure filled, different for each number: the store tests' data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.layout import ValueKind
from app.domain.layouts import layout_for_year
from app.domain.report import Report


def sample_report(number: int) -> Report:
    """Report `number` of a family of distinct reports (unit and year differ per number)."""
    year = 2000 + number % 100
    report = Report(unit=f"测试单位{number // 100}", year=year)
    report.preamble = f"第{number}份测试报告。" * 20
    for chapter in ("1", "5", "6"):
        report.chapters[chapter] = f"第{chapter}部分，编号{number}。" * 40
    report.headings = {"1": {f"第1部分，编号{number}。": 2}, "5": {"（一）主要问题": 0}}
    layout = layout_for_year(year)
    for k, spec in enumerate(layout.table2.cells + layout.table3.cells + layout.table4.cells):
        if spec.kind in (ValueKind.MONEY, ValueKind.MONEY_WITH_UNIT):
            report.set(spec.ref, Decimal(f"{number}.{k:02d}"))
        elif spec.kind is ValueKind.SIGNED_COUNT:
            report.set(spec.ref, k - number)
        else:
            report.set(spec.ref, number * 1000 + k)
    report.signature_unit = report.unit
    report.signature_date = dt.date(year + 1, 1, 20)
    return report
