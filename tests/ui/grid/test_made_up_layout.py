"""The grid edits a report in the made-up layout as it edits the real ones: the renamed column
and the row more are on screen, and the hints use the layout's changed equation."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.layout import Layout
from app.domain.report import Report
from tests.ui.grid.conftest import MakeGrid
from ui.session import ReportSession


def test_table_2_shows_the_renamed_column(
    make_grid: MakeGrid, made_up_layout: Layout, made_up_report: Report
) -> None:
    grid = make_grid(ReportSession(made_up_report), "table2")
    model = grid.grid_model
    row, col = made_up_layout.table2.value_position("rules.repealed")
    assert model.data(model.index(row - 1, col)) == "本年宣布失效件数"
    assert model.data(model.index(row, col)) == str(made_up_report.get("table2:rules.repealed"))


def test_table_3_has_the_row_more_with_its_spans(
    qtbot: QtBot, make_grid: MakeGrid, made_up_layout: Layout, made_up_report: Report
) -> None:
    session = ReportSession(made_up_report)
    grid = make_grid(session, "table3")
    model = grid.grid_model
    assert model.rowCount() == 29
    row, _ = made_up_layout.table3.value_position("other_withdrawn.natural")
    assert model.data(model.index(row, 2)) == "4.申请人撤回申请"
    assert (grid.rowSpan(3 + 2, 0), grid.rowSpan(row - 3, 1)) == (23, 4)  # 三、 and （六）
    index = model.index_of("table3:other_withdrawn.legal")
    with qtbot.waitSignal(session.changed):
        assert model.setData(index, "12")
    assert session.report.get("table3:other_withdrawn.legal") == 12


def test_the_table_4_hint_uses_the_changed_equation(
    qtbot: QtBot, make_grid: MakeGrid, made_up_report: Report
) -> None:
    report = made_up_report
    for column, value in {"upheld": 2, "corrected": 1, "other": 0, "pending": 5}.items():
        report.set(f"table4:review.{column}", value)
    grid = make_grid(ReportSession(report), "table4")
    with qtbot.waitSignal(grid.hint_changed) as blocker:
        grid.setCurrentIndex(grid.grid_model.index_of("table4:review.total"))
    assert "维持、纠正、其他结果之和：3" in blocker.args[0]
    assert "尚未审结之和" not in blocker.args[0]
