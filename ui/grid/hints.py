"""Helper figures shown beside the grid (tooltips, the status bar), never stored or printed.

R7's 法人或其他组织 subtotal is not a column of the official table, and the sums a total should
equal are what a person checks by hand; showing them where the cursor is saves the calculator.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from app.domain.layout import TableLayout
from app.domain.report import Report
from app.rules import legal_entity_subtotal

APPLICANTS = ("natural", "business", "research", "public_interest", "legal", "other")
TABLE4_PARTS = ("upheld", "corrected", "other", "pending")


def _sum(report: Report, refs: Iterable[str]) -> int | Decimal | None:
    """The sum with blanks as 0; None when a cell is unreadable or all are blank."""
    total: int | Decimal = 0
    filled = False
    for ref in refs:
        raw = report.get(ref)
        if isinstance(raw, str):
            return None
        if raw is not None:
            filled = True
            total += raw
    return total if filled else None


def cell_hints(report: Report, table: TableLayout, result_rows: tuple[str, ...],
               key: str) -> list[str]:
    """Lines of help for the value cell `key` of `table`."""
    row, column = key.split(".", 1)
    hints: list[str] = []
    if table.name == "table3":
        subtotal = legal_entity_subtotal(report, row)
        if subtotal is not None:
            hints.append(f"法人或其他组织小计（总计 − 自然人）：{subtotal}（仅供核对，不打印）")
        if column == "total":
            parts = _sum(report, (f"table3:{row}.{c}" for c in APPLICANTS))
            if parts is not None:
                hints.append(f"本行各类申请人之和：{parts}")
        if row == "results_total":
            parts = _sum(report, (f"table3:{r}.{column}" for r in result_rows))
            if parts is not None:
                hints.append(f"本列各项办理结果之和：{parts}")
    elif table.name == "table4" and column == "total":
        parts = _sum(report, (f"table4:{row}.{c}" for c in TABLE4_PARTS))
        if parts is not None:
            hints.append(f"维持、纠正、其他结果、尚未审结之和：{parts}")
    return hints
