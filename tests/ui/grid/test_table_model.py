"""The grid model: the printed table's cells, edits through the session, findings as colours."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.findings import Severity
from app.domain.layout import CellRole
from app.domain.layouts import get_layout
from app.domain.report import Report
from tests.ui.grid.reports import filled_report
from ui.grid import TableModel, style
from ui.session import ReportSession

ROLE = Qt.ItemDataRole


def model_for(session: ReportSession, table: str) -> TableModel:
    return TableModel(session, get_layout(session.report.layout_id).table(table))


def at(model: TableModel, ref: str) -> QModelIndex:
    index = model.index_of(ref)
    assert index.isValid(), ref
    return index


def background(model: TableModel, ref: str) -> str | None:
    brush = model.data(at(model, ref), ROLE.BackgroundRole)
    return brush.color().name() if isinstance(brush, QBrush) else None


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
@pytest.mark.parametrize("year", [2020, 2021])
def test_every_model_passes_the_model_tester(
    qtmodeltester: ModelTester, year: int, table: str
) -> None:
    model = model_for(ReportSession(filled_report(year)), table)
    qtmodeltester.check(model)


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
def test_the_model_tester_passes_on_a_real_report_with_errors(
    qtmodeltester: ModelTester, seed_2020: Report, table: str
) -> None:
    qtmodeltester.check(model_for(ReportSession(seed_2020), table))


def test_labels_and_headers_show_their_text_read_only(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table3")
    corner = model.index(0, 0)
    assert model.data(corner).startswith("（本列数据的勾稽关系为")
    assert not model.flags(corner) & Qt.ItemFlag.ItemIsEditable
    row, _ = model.table.value_position("deny_security.natural")
    assert model.data(model.index(row, 2)) == "3.危及“三安全一稳定”"
    assert not model.flags(model.index(row, 2)) & Qt.ItemFlag.ItemIsEditable
    assert (
        model.data(model.index(row, 2), ROLE.BackgroundRole).color()
        == style.ROLE_BACKGROUND[CellRole.LABEL]
    )


def test_value_cells_show_the_report_figures(pingtan_2021: Report) -> None:
    session = ReportSession(pingtan_2021)
    model = model_for(session, "table3")
    for spec in model.table.cells:
        expected = pingtan_2021.get(spec.ref)
        assert model.data(at(model, spec.ref)) == ("" if expected is None else str(expected))
        assert model.flags(at(model, spec.ref)) & Qt.ItemFlag.ItemIsEditable
    fees = model_for(session, "table2")
    assert fees.data(at(fees, "table2:fees.amount")) == str(pingtan_2021.get("table2:fees.amount"))


def test_a_merged_position_shows_nothing(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table3")
    assert model.data(model.index(1, 0)) is None  # under the corner cell
    assert model.flags(model.index(1, 0)) == Qt.ItemFlag.NoItemFlags


def test_typing_a_number_is_one_undo_step(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table4")
    index = at(model, "table4:review.upheld")
    assert model.setData(index, "７")  # full-width, as typed with a Chinese input method
    assert session_2021.report.get("table4:review.upheld") == 7
    assert model.data(index) == "7"
    assert session_2021.undo_stack.count() == 1
    session_2021.undo_stack.undo()
    assert model.data(index) == "3"


def test_a_wrong_value_is_refused_with_a_message_and_not_stored(
    qtbot: QtBot, session_2021: ReportSession
) -> None:
    model = model_for(session_2021, "table3")
    index = at(model, "table3:open.natural")
    with qtbot.waitSignal(model.input_rejected) as blocker:
        assert not model.setData(index, "-2")
    assert blocker.args == ["（一）予以公开“自然人”：“-2”：此格不能为负数，未填入"]
    assert session_2021.report.get("table3:open.natural") == 1
    assert session_2021.undo_stack.count() == 0
    with qtbot.waitSignal(model.input_rejected):
        assert not model.setData(index, "三")
    assert session_2021.report.get("table3:open.natural") == 1


def test_money_with_its_unit_shows_and_takes_the_unit(seed_2020: Report) -> None:
    session = ReportSession(seed_2020)
    model = model_for(session, "table2")
    index = at(model, "table2:procurement.amount")
    assert model.data(index) == f"{seed_2020.get('table2:procurement.amount')}万元"
    assert model.setData(index, "73,802,895.90元")
    assert seed_2020.get("table2:procurement.amount") == Decimal("73802895.90")
    assert seed_2020.money_units["table2:procurement.amount"] == "元"
    assert model.data(index) == "73802895.90元"
    session.undo_stack.undo()
    assert seed_2020.money_units["table2:procurement.amount"] == "万元"


def test_a_change_redraws_only_its_row(qtbot: QtBot, session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table3")
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, *_: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    with qtbot.waitSignal(session_2021.changed):
        model.setData(at(model, "table3:open.research"), "0")
        model.setData(at(model, "table3:open.research"), "4")
    row, col = model.table.value_position("open.research")
    assert (row, col, row, col) in changed
    # Findings moved too (R2 on this row, R3 in this column): only their cells, mark roles.
    assert all(a_row == b_row and a_col == b_col for a_row, a_col, b_row, b_col in changed)


def test_a_broken_sum_turns_its_cell_red_with_the_message(
    qtbot: QtBot, session_2021: ReportSession
) -> None:
    model = model_for(session_2021, "table3")
    total = "table3:open.total"
    assert background(model, total) is None
    with qtbot.waitSignal(session_2021.findings_changed):
        model.setData(at(model, total), "99")
    assert background(model, total) == style.FINDING_BACKGROUND[Severity.ERROR].name()
    foreground = model.data(at(model, total), ROLE.ForegroundRole)
    assert foreground.color() == style.FINDING_FOREGROUND[Severity.ERROR]
    tooltip = model.data(at(model, total), ROLE.ToolTipRole)
    assert "【错误】（一）予以公开：总计 99 ≠ 各类申请人之和 2" in tooltip
    # The other terms of the same sum are tinted, not red.
    assert (
        background(model, "table3:open.natural")
        == style.FINDING_INVOLVED_BACKGROUND[Severity.ERROR].name()
    )
    with qtbot.waitSignal(session_2021.findings_changed):
        session_2021.undo_stack.undo()
    assert background(model, total) is None


def test_the_seed_report_shows_its_r2_error_in_red(seed_2020: Report) -> None:
    model = model_for(ReportSession(seed_2020), "table3")
    assert (
        background(model, "table3:na_not_held.total")
        == style.FINDING_BACKGROUND[Severity.ERROR].name()
    )
    assert "总计 0 ≠ 各类申请人之和 3" in model.data(
        at(model, "table3:na_not_held.total"), ROLE.ToolTipRole
    )


def test_a_blank_cell_gets_a_pale_warning_tint(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table4")
    model.setData(at(model, "table4:suit_direct.other"), "")
    assert background(model, "table4:suit_direct.other") == style.BLANK_BACKGROUND.name()
    assert "格式要求没有的填 0" in model.data(
        at(model, "table4:suit_direct.other"), ROLE.ToolTipRole
    )


def test_r7_subtotal_is_a_hint_and_never_data(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table3")
    report = session_2021.report
    before = dict(report.cells)
    tooltip = model.data(at(model, "table3:new.business"), ROLE.ToolTipRole)
    subtotal = report.number("table3:new.total") - report.number("table3:new.natural")  # type: ignore[operator]
    assert f"法人或其他组织小计（总计 − 自然人）：{subtotal}" in tooltip
    total_tip = model.data(at(model, "table3:results_total.natural"), ROLE.ToolTipRole)
    assert f"本列各项办理结果之和：{report.get('table3:results_total.natural')}" in total_tip
    assert report.cells == before
    assert session_2021.undo_stack.count() == 0


def test_table4_totals_hint_their_sum(session_2021: ReportSession) -> None:
    model = model_for(session_2021, "table4")
    assert "维持、纠正、其他结果、尚未审结之和：5" in model.data(
        at(model, "table4:review.total"), ROLE.ToolTipRole
    )
