"""Rules within one report's tables: R1–R6, R13, R15 (spec/format.md §6).

R1–R4 are the equations the layouts state (layout_relations.Equation): this module checks them
without knowing which cells they name.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from app.domain.findings import Finding, Severity
from app.domain.layout import Layout, TableLayout, ValueKind
from app.domain.layout_relations import Equation, EquationLine
from app.domain.layouts import get_layout, layout_for_year
from app.domain.report import TABLE_NAMES, CellValue, Report

Number = int | Decimal
TABLE_TITLES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def _values(report: Report, refs: Iterable[str], required: tuple[int, ...]) -> list[Number] | None:
    """The figures of an equation; None when one is unreadable or a required one is blank.

    The totals must be there: a table without its 总计 row is a blank-cell warning (R6), not a
    sum error. Other blanks count as 0 here, so a sum that cannot hold is still shown.
    """
    refs = list(refs)
    values: list[Number] = []
    for i, ref in enumerate(refs):
        raw = report.get(ref)
        if isinstance(raw, str) or (raw is None and i in required):
            return None
        values.append(raw or 0)
    return values


def check_equation(report: Report, table: TableLayout, line: EquationLine) -> Finding | None:
    """A finding when the two sides of an equation, in one row or column, differ."""
    eq = line.equation
    values = _values(report, line.refs, line.required)
    if values is None:
        return None
    left, right = values[: len(eq.left)], values[len(eq.left) :]
    if sum(left) == sum(right):
        return None
    spec = table.spec(line.left[0].split(":", 1)[1])
    message = eq.message.format(
        row=spec.row_label,
        column=spec.column_label,
        total=sum(left),
        parts=sum(right),
        left=_written_out(eq.left, eq, left),
        right=_written_out(eq.right, eq, right),
    )
    return Finding(eq.rule, Severity.ERROR, line.refs, message)


def _written_out(terms: tuple[str, ...], eq: Equation, values: list[Number]) -> str:
    """One side of an equation as a person checks it: "本年新收 3 + 上年结转 0 = 3"."""
    added = " + ".join(f"{eq.name(t)} {v}" for t, v in zip(terms, values, strict=True))
    return f"{added} = {sum(values)}"


def check_equations(report: Report) -> list[Finding]:
    """R1–R4: every equation the layouts of the report's tables state."""
    found = (
        check_equation(report, table, line)
        for table in tables_of(report)
        for line in table.equation_lines
    )
    return [f for f in found if f is not None]


def tables_of(report: Report) -> list[TableLayout]:
    """Each table with the layout it was written in (a mixed report has two)."""
    return [get_layout(report.table_layout_id(t)).table(t) for t in TABLE_NAMES]


def r5_kinds(report: Report) -> list[Finding]:
    findings = []
    for table in tables_of(report):
        for spec in table.cells:
            value = report.get(spec.ref)
            problem = _kind_problem(value, spec.kind)
            if problem:
                findings.append(
                    Finding(
                        "R5",
                        Severity.ERROR,
                        (spec.ref,),
                        f"{spec.row_label}“{spec.column_label}”：{problem}",
                    )
                )
    return findings


def _kind_problem(value: CellValue | None, kind: ValueKind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if kind is ValueKind.MONEY and value.endswith("元") and not value.endswith("万元"):
            return f"“{value}”：此栏以万元为单位，请换算成万元后填写数字"
        return f"“{value}”不是数字"
    if kind in (ValueKind.MONEY, ValueKind.MONEY_WITH_UNIT):
        return "金额不能为负数" if value < 0 else ""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value} 不是整数"
    if kind is ValueKind.COUNT and value < 0:
        return f"{value} 是负数，此格应为非负整数"
    return ""


def r6_blanks(report: Report) -> list[Finding]:
    findings = []
    for table in tables_of(report):
        blank = [s.ref for s in table.cells if report.get(s.ref) is None]
        if blank:
            findings.append(
                Finding(
                    "R6",
                    Severity.WARNING,
                    tuple(blank),
                    f"{TABLE_TITLES[table.name]}有 {len(blank)} 个单元格空白或填“/”，格式要求没有的填 0",
                )
            )
    return findings


def r13_layout_matches_year(report: Report) -> list[Finding]:
    expected = layout_for_year(report.year)
    findings = []
    for table in TABLE_NAMES:
        used = get_layout(report.table_layout_id(table))
        # A table the two layouts print alike (table 4 so far) is never in the wrong one.
        if used.id != expected.id and used.table(table) != expected.table(table):
            findings.append(
                Finding(
                    "R13",
                    Severity.ERROR,
                    (f"{table}:",),
                    f"{report.year}年度报告应使用{expected.document}规定的表格，"
                    f"{TABLE_TITLES[table]}却是{used.document}的旧格式",
                )
            )
    return findings


def r15_other_share(report: Report, layout: Layout) -> list[Finding]:
    total = report.number("table3:results_total.total")
    others = [report.number(f"table3:{row}.total") for row in layout.other_rows]
    if not total or any(o is None for o in others):
        return []
    other_sum = sum(o for o in others if o is not None)
    if other_sum * 5 > total:
        return [
            Finding(
                "R15",
                Severity.INFO,
                tuple(f"table3:{row}.total" for row in layout.other_rows),
                f"（六）其他处理共 {other_sum} 件，占办理结果总计 {total} 件的"
                f"{other_sum * 100 / total:.0f}%，超过20%，主管部门会关注",
            )
        ]
    return []


def check_tables(report: Report) -> list[Finding]:
    findings = r13_layout_matches_year(report)
    findings += check_equations(report)
    findings += r5_kinds(report)
    findings += r6_blanks(report)
    findings += r15_other_share(report, get_layout(report.table_layout_id("table3")))
    return findings
