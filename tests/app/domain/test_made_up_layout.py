"""The made-up third layout (layout_made_up.py) is built, chosen for its years and carried into
from the year before like the real ones: a new layout is one data file."""

from __future__ import annotations

from app.domain.carry import start_next_year
from app.domain.layout import CellRole, Layout
from app.domain.layouts import get_layout
from app.domain.report import Report


def test_its_tables_have_the_renamed_column_and_the_row_more(made_up_layout: Layout) -> None:
    current = get_layout("2021")
    headers = {c.text for c in made_up_layout.table2.grid if c.role is CellRole.HEADER}
    assert "本年宣布失效件数" in headers and "本年废止件数" not in headers
    assert made_up_layout.table2.spec("rules.repealed").column_label == "本年宣布失效件数"
    assert made_up_layout.table3.row_keys == (
        *current.table3.row_keys[:-2],
        "other_withdrawn",
        *current.table3.row_keys[-2:],
    )
    assert made_up_layout.table3.n_rows == current.table3.n_rows + 1
    assert made_up_layout.table3.spec("other_withdrawn.total").row_label == "（六）4.申请人撤回申请"
    results = next(c for c in made_up_layout.table3.grid if c.text == "三、本年度办理结果")
    assert results.rowspan == 23
    assert made_up_layout.result_rows[-1] == "other_withdrawn"
    assert made_up_layout.other_rows[-1] == "other_withdrawn"


def test_reports_of_its_years_use_it(made_up_layout: Layout) -> None:
    assert Report(unit="青山区数据资源局", year=2031).layout is made_up_layout
    assert Report(unit="青山区数据资源局", year=2040).layout_id == made_up_layout.id
    assert Report(unit="青山区数据资源局", year=2030).layout_id == "2021"


def test_the_first_year_starts_from_the_year_before_in_the_old_layout(
    made_up_layout: Layout,
) -> None:
    before = Report(unit="青山区数据资源局", year=2030)
    for column in before.layout.table3.column_keys:
        before.set(f"table3:carried_out.{column}", 4)
    before.set("table3:carried_in.total", 9)
    report, notes = start_next_year(before)
    assert report.year == 2031
    assert report.layout is made_up_layout
    assert report.table_cells("table3") == {
        f"carried_in.{c}": 4 for c in made_up_layout.table3.column_keys
    }
    assert notes == [
        "2031年使用新的表格格式（国办公开办函〔2031〕1号（测试用）），表二、表三的新栏目需重新填写；"
        "上年结转已从上年度“结转下年度继续办理”带入。"
    ]
