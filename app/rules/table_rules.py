"""Rules within one report's tables: R1–R6, R13, R15 (spec/format.md §6)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from app.domain.findings import Finding, Severity
from app.domain.layout import Layout, TableLayout, ValueKind
from app.domain.layouts import get_layout, layout_for_year
from app.domain.report import CellValue, Report

Number = int | Decimal

APPLICANTS = ("natural", "business", "research", "public_interest", "legal", "other")
TABLE4_PARTS = ("upheld", "corrected", "other", "pending")


def _values(report: Report, refs: Iterable[str],
            required: tuple[int, ...] = (0,)) -> list[Number] | None:
    """The figures of an equation; None when one is unreadable or a required one is blank.

    The total (and for R1 both sides' first terms) must be there: a table without its 总计 row
    is a blank-cell warning (R6), not a sum error. Other blanks count as 0 here, so a sum that
    cannot hold is still shown.
    """
    refs = list(refs)
    values: list[Number] = []
    for i, ref in enumerate(refs):
        raw = report.get(ref)
        if isinstance(raw, str) or (raw is None and i in required):
            return None
        values.append(raw or 0)
    return values


def _label(layout: Layout, ref: str) -> str:
    spec = layout.spec(ref)
    return spec.row_label


def _column_label(layout: Layout, ref: str) -> str:
    return layout.spec(ref).column_label


def r1_balance(report: Report, layout: Layout) -> list[Finding]:
    findings = []
    for column in layout.table3.column_keys:
        left = [f"table3:new.{column}", f"table3:carried_in.{column}"]
        right = [f"table3:results_total.{column}", f"table3:carried_out.{column}"]
        values = _values(report, left + right, required=(0, 2))
        if values is None:
            continue
        a, b, c, d = values
        if a + b != c + d:
            findings.append(Finding(
                "R1", Severity.ERROR, tuple(right + left),
                f"表三“{_column_label(layout, left[0])}”列：本年新收 {a} + 上年结转 {b} = {a + b}，"
                f"不等于办理结果总计 {c} + 结转下年度 {d} = {c + d}",
            ))
    return findings


def _sum_finding(report: Report, rule: str, total_ref: str, parts: list[str],
                 template: str) -> Finding | None:
    """A finding when the total cell differs from the sum of its parts; the message is
    `template` with {total} and {parts} filled in."""
    values = _values(report, [total_ref, *parts])
    if values is None:
        return None
    total, addends = values[0], sum(values[1:])
    if total == addends:
        return None
    return Finding(rule, Severity.ERROR, (total_ref, *parts),
                   template.format(total=total, parts=addends))


def r2_row_total(report: Report, layout: Layout) -> list[Finding]:
    found = []
    for row in layout.table3.row_keys:
        total_ref = f"table3:{row}.total"
        label = _label(layout, total_ref)
        found.append(_sum_finding(
            report, "R2", total_ref, [f"table3:{row}.{c}" for c in APPLICANTS],
            label + "：总计 {total} ≠ 各类申请人之和 {parts}",
        ))
    return [f for f in found if f is not None]


def r3_results_total(report: Report, layout: Layout) -> list[Finding]:
    found = []
    for column in layout.table3.column_keys:
        total_ref = f"table3:results_total.{column}"
        label = _column_label(layout, total_ref)
        found.append(_sum_finding(
            report, "R3", total_ref, [f"table3:{row}.{column}" for row in layout.result_rows],
            f"表三“{label}”列：（七）总计 {{total}} ≠ 各项办理结果之和 {{parts}}",
        ))
    return [f for f in found if f is not None]


def r4_table4_totals(report: Report, layout: Layout) -> list[Finding]:
    found = []
    for group in layout.table4.row_keys:
        total_ref = f"table4:{group}.total"
        label = _label(layout, total_ref)
        found.append(_sum_finding(
            report, "R4", total_ref, [f"table4:{group}.{c}" for c in TABLE4_PARTS],
            f"表四{label}：总计 {{total}} ≠ 维持、纠正、其他结果、尚未审结之和 {{parts}}",
        ))
    return [f for f in found if f is not None]


def tables_of(report: Report) -> list[TableLayout]:
    """Each table with the layout it was written in (a mixed report has two)."""
    return [get_layout(report.table_layout_id(t)).table(t) for t in ("table2", "table3", "table4")]


def r5_kinds(report: Report) -> list[Finding]:
    findings = []
    for table in tables_of(report):
        for spec in table.cells:
            value = report.get(spec.ref)
            problem = _kind_problem(value, spec.kind)
            if problem:
                findings.append(Finding(
                    "R5", Severity.ERROR, (spec.ref,),
                    f"{spec.row_label}“{spec.column_label}”：{problem}",
                ))
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
    names = {"table2": "表二", "table3": "表三", "table4": "表四"}
    for table in tables_of(report):
        blank = [s.ref for s in table.cells if report.get(s.ref) is None]
        if blank:
            findings.append(Finding(
                "R6", Severity.WARNING, tuple(blank),
                f"{names[table.name]}有 {len(blank)} 个单元格空白或填“/”，格式要求没有的填 0",
            ))
    return findings


def r13_layout_matches_year(report: Report) -> list[Finding]:
    expected = layout_for_year(report.year)
    findings = []
    for table in ("table2", "table3"):
        used = get_layout(report.table_layout_id(table))
        if used.id != expected.id:
            findings.append(Finding(
                "R13", Severity.ERROR, (f"{table}:",),
                f"{report.year}年度报告应使用{expected.document}规定的表格，"
                f"{'表二' if table == 'table2' else '表三'}却是{used.document}的旧格式",
            ))
    return findings


def r15_other_share(report: Report, layout: Layout) -> list[Finding]:
    total = report.number("table3:results_total.total")
    others = [report.number(f"table3:{row}.total") for row in layout.other_rows]
    if not total or any(o is None for o in others):
        return []
    other_sum = sum(o for o in others if o is not None)
    if other_sum * 5 > total:
        return [Finding(
            "R15", Severity.INFO, tuple(f"table3:{row}.total" for row in layout.other_rows),
            f"（六）其他处理共 {other_sum} 件，占办理结果总计 {total} 件的"
            f"{other_sum * 100 / total:.0f}%，超过20%，主管部门会关注",
        )]
    return []


def legal_entity_subtotal(report: Report, row: str) -> Number | None:
    """R7, for display only: 法人或其他组织 = 总计 − 自然人. Never printed."""
    total = report.number(f"table3:{row}.total")
    natural = report.number(f"table3:{row}.natural")
    if total is None or natural is None:
        return None
    return total - natural


def check_tables(report: Report) -> list[Finding]:
    findings = r13_layout_matches_year(report)
    layout3 = get_layout(report.table_layout_id("table3"))
    for rule in (r1_balance, r2_row_total, r3_results_total):
        findings += rule(report, layout3)
    findings += r4_table4_totals(report, report.layout)
    findings += r5_kinds(report)
    findings += r6_blanks(report)
    findings += r15_other_share(report, layout3)
    return findings
