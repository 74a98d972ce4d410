"""The rules read the made-up layout's equations: its changed R4 (总计 without 尚未审结) finds
what the current layout's would not, and its row more counts in R3 and R15."""

from __future__ import annotations

from app.domain.layout import Layout
from app.domain.report import Report
from app.rules import check

REVIEW = {"upheld": 1, "corrected": 1, "other": 0, "pending": 2}


def r4(report: Report) -> list[tuple[tuple[str, ...], str]]:
    return [(f.cells, f.message) for f in check(report) if f.rule == "R4"]


def with_review(year: int, total: int) -> Report:
    report = Report(unit="青山区数据资源局", year=year)
    for column, value in REVIEW.items():
        report.set(f"table4:review.{column}", value)
    report.set("table4:review.total", total)
    return report


def test_the_changed_equation_finds_an_error_the_old_one_would_not(made_up_layout: Layout) -> None:
    # 1 + 1 + 0 + 2 = 4: right in the current layout, wrong where 尚未审结 is not counted.
    assert r4(with_review(2030, 4)) == []
    assert r4(with_review(2031, 4)) == [
        (
            (
                "table4:review.total",
                "table4:review.upheld",
                "table4:review.corrected",
                "table4:review.other",
            ),
            "表四行政复议：总计 4 ≠ 维持、纠正、其他结果之和 2",
        )
    ]


def test_and_the_old_one_finds_what_the_changed_one_accepts(made_up_layout: Layout) -> None:
    assert r4(with_review(2031, 2)) == []
    assert [message for _, message in r4(with_review(2030, 2))] == [
        "表四行政复议：总计 2 ≠ 维持、纠正、其他结果、尚未审结之和 4"
    ]


def test_the_row_more_counts_in_the_results_total_and_the_other_share(
    made_up_layout: Layout,
) -> None:
    report = Report(unit="青山区数据资源局", year=2031)
    report.set("table3:open.total", 6)
    report.set("table3:other_withdrawn.total", 4)
    report.set("table3:results_total.total", 6)
    for row in ("other_no_correction", "other_unpaid_fee", "other_other"):
        report.set(f"table3:{row}.total", 0)
    findings = {f.rule: f for f in check(report)}
    assert findings["R3"].message == "表三“总计”列：（七）总计 6 ≠ 各项办理结果之和 10"
    assert "table3:other_withdrawn.total" in findings["R3"].cells
    assert findings["R15"].message == (
        "（六）其他处理共 4 件，占办理结果总计 6 件的67%，超过20%，主管部门会关注"
    )
