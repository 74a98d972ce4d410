"""The rules on text, dates and the year before, on small reports a user could write."""

from __future__ import annotations

import datetime as dt

from app.domain.findings import Finding
from app.domain.report import Report


def findings(report: Report, rule: str, previous: Report | None = None) -> list[Finding]:
    from app.rules import check

    return [f for f in check(report, previous) if f.rule == rule]


def filled(year: int = 2021) -> Report:
    report = Report(unit="测试局", year=year)
    for table in report.layout.tables:
        for spec in table.cells:
            report.set(spec.ref, 0)
    report.chapters = {
        "1": "总体情况。",
        "5": "问题在于培训不足，将加强培训。",
        "6": "本年度未收取信息处理费。",
    }
    return report


def test_r11_text_figure_disagreeing_with_table() -> None:
    report = filled()
    report.set("table3:new.natural", 5)
    report.set("table3:new.total", 5)
    report.chapters["1"] = "全年共收到政府信息公开申请7件，均按时答复。"
    [finding] = findings(report, "R11")
    assert finding.cells[:2] == ("chapter:1", "table3:new.total")
    assert "7件" in finding.message and "5" in finding.message
    report.chapters["1"] = "全年共收到政府信息公开申请5件，均按时答复。"
    assert findings(report, "R11") == []


def test_r11_reads_review_and_suit_counts_but_not_their_outcomes() -> None:
    report = filled()
    report.set("table4:review.total", 2)
    report.chapters["1"] = "发生行政复议2件。在行政诉讼案件中，结果维持数0件。行政诉讼3件。"
    [finding] = findings(report, "R11")
    assert "行政诉讼3件" in finding.message


def test_r12_fee_statement_required_from_2021() -> None:
    report = filled()
    report.chapters["6"] = "无其他需要报告的事项。"
    assert len(findings(report, "R12")) == 1
    assert findings(filled(2020), "R12") == []


def test_r12_unpaid_fee_rows_contradict_no_fee_statement() -> None:
    report = filled()
    report.set("table3:other_unpaid_fee.total", 2)
    [finding] = findings(report, "R12")
    assert "table3:other_unpaid_fee.total" in finding.cells


def test_r14_missing_and_out_of_order_chapters() -> None:
    report = filled()
    report.headings_found = ["1", "2", "4", "3", "6"]
    errors = findings(report, "R14")
    assert {f.cells for f in errors} >= {("chapter:5",)}
    assert any("顺序" in f.message for f in errors)


def test_r14_empty_chapter_five_is_a_warning() -> None:
    report = filled()
    report.chapters["5"] = "无。"
    [finding] = findings(report, "R14")
    assert finding.severity.value == "warning"


def test_r16_long_chapter_one() -> None:
    report = filled()
    report.chapters["1"] = "公开" * 501
    assert [f.severity.value for f in findings(report, "R16")] == ["info"]


def test_r17_wrong_year_in_title_and_period() -> None:
    report = filled()
    report.title = "测试局2020年政府信息公开工作年度报告"
    report.preamble = "本报告中所列数据统计期限自2020年1月1日起至2020年12月31日止。"
    assert {f.cells for f in findings(report, "R17")} == {("title",), ("preamble",)}


def test_r19_deadline_depends_on_level() -> None:
    report = filled()
    report.signature_date = dt.date(2022, 2, 15)
    assert len(findings(report, "R19")) == 1
    report.level = "county"
    assert findings(report, "R19") == []


def test_r9_r10_in_force_across_years() -> None:
    previous, report = filled(2021), filled(2022)
    previous.set("table2:normative_docs.in_force", 10)
    report.set("table2:normative_docs.issued", 2)
    report.set("table2:normative_docs.repealed", 13)
    report.set("table2:normative_docs.in_force", 0)
    assert [f.cells[0] for f in findings(report, "R10", previous)] == [
        "table2:normative_docs.repealed"
    ]
    assert [f.severity.value for f in findings(report, "R9", previous)] == ["info"]


def test_r18_copied_problems_chapter() -> None:
    previous, report = filled(2021), filled(2022)
    previous.chapters["5"] = report.chapters["5"]
    assert len(findings(report, "R18", previous)) == 1


def test_r15_other_share() -> None:
    report = filled()
    report.set("table3:results_total.total", 10)
    report.set("table3:other_other.total", 3)
    assert len(findings(report, "R15")) == 1
