"""Property tests of the table rules: balanced tables are clean, and any single wrong figure
is caught and named."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.layouts import get_layout
from app.domain.report import Report
from app.rules import check

APPLICANTS = ("natural", "business", "research", "public_interest", "legal", "other")
TABLE4_PARTS = ("upheld", "corrected", "other", "pending")
TABLE_RULES = {"R1", "R2", "R3", "R4"}


@st.composite
def balanced_reports(draw: st.DrawFn) -> Report:
    layout_id = draw(st.sampled_from(["2019", "2021"]))
    layout = get_layout(layout_id)
    report = Report(unit="测试局", year=2020 if layout_id == "2019" else 2021)
    counts = st.integers(0, 5000)
    for column in APPLICANTS:
        leaves = [draw(counts) for _ in layout.result_rows]
        for row, value in zip(layout.result_rows, leaves, strict=True):
            report.set(f"table3:{row}.{column}", value)
        results = sum(leaves)
        carried_out = draw(counts)
        carried_in = draw(st.integers(0, results + carried_out))
        report.set(f"table3:results_total.{column}", results)
        report.set(f"table3:carried_out.{column}", carried_out)
        report.set(f"table3:carried_in.{column}", carried_in)
        report.set(f"table3:new.{column}", results + carried_out - carried_in)
    for row in layout.table3.row_keys:
        total = sum(report.number(f"table3:{row}.{c}") or 0 for c in APPLICANTS)
        report.set(f"table3:{row}.total", total)
    for group in layout.table4.row_keys:
        parts = [draw(st.integers(0, 50)) for _ in TABLE4_PARTS]
        for part, value in zip(TABLE4_PARTS, parts, strict=True):
            report.set(f"table4:{group}.{part}", value)
        report.set(f"table4:{group}.total", sum(parts))
    return report


def table_findings(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.rule, f.cells) for f in check(report) if f.rule in TABLE_RULES]


@settings(max_examples=60, deadline=None)
@given(report=balanced_reports())
def test_balanced_report_has_no_table_rule_finding(report: Report) -> None:
    assert table_findings(report) == []


@settings(max_examples=150, deadline=None)
@given(report=balanced_reports(), data=st.data())
def test_any_changed_figure_is_named(report: Report, data: st.DataObject) -> None:
    refs = [s.ref for t in (report.layout.table3, report.layout.table4) for s in t.cells]
    ref = data.draw(st.sampled_from(refs))
    delta = data.draw(st.integers(1, 30))
    value = report.number(ref)
    assert isinstance(value, int)
    report.set(ref, value + delta)
    named = [cells for _, cells in table_findings(report) if ref in cells]
    assert named, f"changing {ref} went unnoticed"


def test_negative_and_fractional_counts_are_r5_errors() -> None:
    report = Report(unit="测试局", year=2021)
    report.set("table3:new.natural", -1)
    report.set("table2:rules.issued", "三件")
    r5 = {f.cells[0]: f.message for f in check(report) if f.rule == "R5"}
    assert set(r5) == {"table3:new.natural", "table2:rules.issued"}
    assert "负数" in r5["table3:new.natural"]
    assert "不是数字" in r5["table2:rules.issued"]
