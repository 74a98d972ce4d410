"""Reports for the grid tests: every cell filled and every sum right, so a test that breaks one
sees exactly one finding appear."""

from __future__ import annotations

from decimal import Decimal

from app.domain.layout import ValueKind
from app.domain.layouts import layout_for_year
from app.domain.report import Report

APPLICANTS = ("natural", "business", "research", "public_interest", "legal", "other")


def filled_report(year: int) -> Report:
    layout = layout_for_year(year)
    report = Report(unit="平潭综合实验区管委会", year=year)
    for i, spec in enumerate(layout.table2.cells):
        if spec.kind is ValueKind.MONEY:
            report.set(spec.ref, Decimal("24252.311082"))
        elif spec.kind is ValueKind.MONEY_WITH_UNIT:
            report.set(spec.ref, Decimal("347.08"))
            report.money_units[spec.ref] = "万元"
        elif spec.kind is ValueKind.SIGNED_COUNT:
            report.set(spec.ref, -18)
        else:
            report.set(spec.ref, 10 + i)
    columns: dict[str, list[int]] = {c: [] for c in APPLICANTS}
    for i, row in enumerate(layout.result_rows):
        values = dict(zip(APPLICANTS, (i % 3 + 1, i % 2, 0, 0, 1 if i == 0 else 0, 0), strict=True))
        _set_row(report, row, values)
        for c in APPLICANTS:
            columns[c].append(values[c])
    results = {c: sum(v) for c, v in columns.items()}
    carried_in = {c: (2 if c == "natural" else 0) for c in APPLICANTS}
    carried_out = {c: (1 if c == "natural" else 0) for c in APPLICANTS}
    new = {c: results[c] + carried_out[c] - carried_in[c] for c in APPLICANTS}
    _set_row(report, "results_total", results)
    _set_row(report, "carried_in", carried_in)
    _set_row(report, "carried_out", carried_out)
    _set_row(report, "new", new)
    for group, parts in (
        ("review", (3, 1, 0, 1)),
        ("suit_direct", (1, 0, 0, 0)),
        ("suit_after_review", (0, 0, 0, 2)),
    ):
        for column, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            report.set(f"table4:{group}.{column}", value)
        report.set(f"table4:{group}.total", sum(parts))
    return report


def _set_row(report: Report, row: str, values: dict[str, int]) -> None:
    for column, value in values.items():
        report.set(f"table3:{row}.{column}", value)
    report.set(f"table3:{row}.total", sum(values.values()))
