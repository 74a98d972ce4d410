"""Figures in the text written as placeholders print as the tables' current figures."""

from __future__ import annotations

from decimal import Decimal

from app.document.placeholders import NAMED_FIGURES, expand, problems, token_for
from app.domain.report import Report


def report() -> Report:
    r = Report(unit="测试局", year=2021)
    r.set("table3:new.total", 12)
    r.set("table3:carried_out.total", 2)
    r.set("table4:review.total", 1)
    r.set("table4:suit_direct.total", 3)
    r.set("table4:suit_after_review.total", 4)
    r.set("table2:fees.amount", Decimal("0.35"))
    return r


def test_a_cell_reference_prints_the_figure() -> None:
    text = "本年度共收到政府信息公开申请{{table3:new.total}}件，结转下年度{{ table3:carried_out.total }}件。"
    assert expand(text, report()) == "本年度共收到政府信息公开申请12件，结转下年度2件。"


def test_a_named_figure_prints_the_figure() -> None:
    assert expand("行政复议{{行政复议总数}}件", report()) == "行政复议1件"


def test_lawsuits_add_up_both_kinds() -> None:
    assert expand(f"行政诉讼{token_for('行政诉讼总数')}件", report()) == "行政诉讼7件"


def test_money_prints_as_entered() -> None:
    assert expand("收费{{table2:fees.amount}}万元", report()) == "收费0.35万元"


def test_a_blank_cell_prints_zero() -> None:
    assert expand("部分公开{{部分公开总数}}件", report()) == "部分公开0件"


def test_a_figure_follows_an_edit() -> None:
    r = report()
    text = "收到申请{{本年新收申请总数}}件"
    r.set("table3:new.total", 13)
    assert expand(text, r) == "收到申请13件"


def test_an_unknown_placeholder_stays_visible_and_is_reported() -> None:
    r = report()
    text = "共{{table3:nonsense.total}}件，{{不存在的数字}}项"
    assert expand(text, r) == text
    found = problems(text, r)
    assert [p.placeholder for p in found] == ["{{table3:nonsense.total}}", "{{不存在的数字}}"]
    assert "不对应表格中的任何一格" in found[0].message


def test_a_cell_of_the_other_layout_is_unknown() -> None:
    # 2019's 其他对外管理服务事项 does not exist in a 2021 report.
    assert problems("{{table2:other_services.decisions}}", report())


def test_every_named_figure_resolves_in_both_layouts() -> None:
    for year in (2020, 2021):
        r = Report(unit="测试局", year=year)
        for figure in NAMED_FIGURES:
            assert problems(figure.token, r) == [], (year, figure.name)
            assert expand(figure.token, r) == "0"
