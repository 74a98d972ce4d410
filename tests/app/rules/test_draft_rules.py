"""R20: a report still a draft cannot pass clean — its marks, an empty signature date, and the
figures of a report started from last year that were never filled in."""

from __future__ import annotations

import datetime as dt

from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.findings import Severity
from app.domain.report import Report
from app.readers import json_form
from app.readers.files import read_report_file
from app.rules import check
from tests.paths import FIXTURES, SEED


def _r20(report: Report) -> list[tuple[tuple[str, ...], str]]:
    return [(f.cells, f.message) for f in check(report) if f.rule == "R20"]


def _filled(report: Report) -> None:
    """Every figure typed in (0 where there is nothing), as the user would."""
    for name in ("table2", "table3", "table4"):
        for spec in report.layout.table(name).cells:
            if report.get(spec.ref) is None:
                report.set(spec.ref, 0)


def test_a_new_years_draft_is_an_error_until_each_part_is_finished() -> None:
    report, _ = start_next_year(read_report_file(SEED))
    findings = [f for f in check(report) if f.rule == "R20"]
    assert findings and all(f.severity is Severity.ERROR for f in findings)
    places = {f.cells[0] for f in findings if not f.cells[0].startswith("table")}
    assert places == {"chapter:1", "chapter:5", "chapter:6", "signature"}
    unfilled = {f.cells[0].partition(":")[0]: f for f in findings if f.cells[0].startswith("table")}
    assert set(unfilled) == {"table2", "table3", "table4"}
    assert "表三还有 168 个数字没有填写（本报告从2020年度报告开始）" in unfilled["table3"].message
    # Said once, as an error: not again as R6's blank-cell warning.
    assert not [f for f in check(report) if f.rule == "R6"]
    mark = next(f for f in findings if f.cells == ("chapter:5",))
    assert f"“{DRAFT_MARK}”" in mark.message and mark.message.startswith("五、存在的主要问题")

    for number in ("1", "5", "6"):
        report.chapters[number] = report.chapter(number).replace(DRAFT_MARK, "")
    report.signature_date = dt.date(2022, 1, 20)
    _filled(report)
    assert _r20(report) == []


def test_any_bracketed_note_left_in_the_text_is_named_where_it_is() -> None:
    report = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    assert _r20(report) == []  # a published page without its signature is not a draft
    report.preamble += "联系电话：【此处填写电话】。"
    report.chapters["6"] = "本年度未收取信息处理费。【待核实】【待核实】"
    assert _r20(report) == [
        (("preamble",), "前言中还有草稿标记“【此处填写电话】”：请按本年度的情况修改后删去"),
        (
            ("chapter:6",),
            "六、其他需要报告的事项中还有草稿标记“【待核实】”：请按本年度的情况修改后删去",
        ),
    ]


def test_a_published_reports_own_bracketed_headings_are_not_draft_marks() -> None:
    report = read_report_file(FIXTURES / "report_2022_pingtan.txt")
    report.chapters["2"] = (
        "【典型案例】区政务服务中心主动公开办事指南。【政策解读】全年发布解读12篇。"
        "【XX局】【请补充】【某某科室】"
    )
    assert [message for _, message in _r20(report)] == [
        f"二、主动公开政府信息情况中还有草稿标记“{note}”：请按本年度的情况修改后删去"
        for note in ("【XX局】", "【请补充】", "【某某科室】")
    ]
    # Written here, every note is the writer's own and must go before signature.
    written = Report(unit="平潭综合实验区", year=2022, signature_date=dt.date(2023, 1, 20))
    written.chapters["2"] = report.chapters["2"]
    assert len(_r20(written)) == 5


def test_an_empty_signature_date_is_unfinished_in_a_report_written_here() -> None:
    report = Report(unit="云和县农业农村局", year=2023, signature_unit="云和县农业农村局")
    assert _r20(report) == [(("signature",), "落款日期还没有填写：请在“落款”中填写成文日期")]
    report.signature_date = dt.date(2024, 1, 18)
    assert _r20(report) == []
    # A new unit's blank tables are the format's blank-cell warning, not unfinished work.
    assert {f.rule for f in check(report) if f.severity is Severity.ERROR} == set()


def test_where_the_report_was_started_from_survives_the_json_form() -> None:
    report, _ = start_next_year(read_report_file(FIXTURES / "report_2021_pingtan.txt"))
    back = json_form.loads(json_form.dumps(report))
    assert back.extra["carried_from"] == 2021
    assert [f.cells[0] for f in check(back) if f.rule == "R20" and "没有填写（" in f.message]
