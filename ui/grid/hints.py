"""Helper figures shown beside the grid (tooltips, the status bar), never stored or printed.

R7's 法人或其他组织 subtotal is not a column of the official table, and the sums a total should
equal are what a person checks by hand; showing them where the cursor is saves the calculator.
Both come from the layout's own relations (its helpers and equations), as the rules read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from app.domain.layout import TableLayout
from app.domain.layout_relations import Each
from app.domain.report import Report


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


def _helper_value(report: Report, refs: tuple[str, ...], n_plus: int) -> int | Decimal | None:
    """The sum of the first `n_plus` cells less the rest; None unless every one is a number."""
    values = [report.number(ref) for ref in refs]
    if any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    return sum(numbers[:n_plus]) - sum(numbers[n_plus:])


def cell_hints(report: Report, table: TableLayout, key: str) -> list[str]:
    """Lines of help for the value cell `key` of `table`."""
    ref = f"{table.name}:{key}"
    row, column = key.split(".", 1)
    hints: list[str] = []
    for helper in table.helpers:
        # Shown on every cell of the row (or column) it is worked out for.
        wanted = row if helper.each is Each.ROW else column
        for line, refs in table.lines(helper.each, helper.plus + helper.minus):
            value = _helper_value(report, refs, len(helper.plus)) if line == wanted else None
            if value is not None:
                hints.append(helper.hint.format(value=value))
    for sums in table.equation_lines:
        if sums.equation.hint and sums.left == (ref,):
            parts = _sum(report, sums.right)
            if parts is not None:
                hints.append(sums.equation.hint.format(parts=parts))
    return hints
