"""The grid as a user drives it: keys as in Excel, copy and paste, Delete, findings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.findings import Severity
from app.domain.layouts import get_layout
from app.domain.report import Report
from tests.ui.grid.conftest import MakeGrid
from tests.ui.grid.reports import filled_report
from ui.grid import TableGrid, style
from ui.session import ReportSession

KEY = Qt.Key


def index(grid: TableGrid, ref: str) -> QModelIndex:
    found = grid.grid_model.index_of(ref)
    assert found.isValid(), ref
    return found


def go(grid: TableGrid, ref: str) -> None:
    grid.setCurrentIndex(index(grid, ref))


def editor(grid: TableGrid) -> QLineEdit:
    # The one shown: an editor just closed waits hidden for its deletion.
    shown = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(shown) == 1, "no cell editor open"
    return shown[0]


def no_editor(grid: TableGrid) -> bool:
    found = grid.viewport().findChild(QLineEdit)
    return found is None or not found.isVisible()


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
@pytest.mark.parametrize("year", [2020, 2021])
def test_spans_are_the_layouts(make_grid: MakeGrid, year: int, table: str) -> None:
    grid = make_grid(ReportSession(filled_report(year)), table)
    layout = get_layout("2019" if year < 2021 else "2021").table(table)
    assert grid.grid_model.table is layout
    for cell in layout.grid:
        assert (grid.rowSpan(cell.row, cell.col), grid.columnSpan(cell.row, cell.col)) == (
            cell.rowspan,
            cell.colspan,
        ), cell
    assert grid.horizontalHeader().isHidden() and grid.verticalHeader().isHidden()


def test_label_columns_keep_their_printed_proportions(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    widths = [grid.columnWidth(c) for c in range(10)]
    assert widths[2] > widths[1] > widths[0] > widths[3]  # 38 mm > 20 mm > 14 mm > 12 mm
    assert sum(widths) == grid.viewport().width()  # fills the view, no sideways scrolling
    # The long label of （二）部分公开 wraps onto a taller row instead of being cut.
    partial, _ = grid.table.value_position("partial.natural")
    opened, _ = grid.table.value_position("open.natural")
    assert grid.rowHeight(partial) > grid.rowHeight(opened)


def test_typing_overwrites_and_enter_moves_down(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:open.natural")
    QtBot.keyClick(grid, KEY.Key_4)
    assert editor(grid).text() == "4"  # the old figure 1 is replaced, not appended to
    QtBot.keyClicks(editor(grid), "2")
    QtBot.keyClick(editor(grid), KEY.Key_Return)
    assert session_2021.report.get("table3:open.natural") == 42
    assert grid.currentRef() == "table3:partial.natural"
    assert no_editor(grid)
    assert session_2021.undo_stack.count() == 1


def test_f2_edits_the_figure_in_place(make_grid: MakeGrid, session_2021: ReportSession) -> None:
    grid = make_grid(session_2021, "table4")
    go(grid, "table4:review.total")
    QtBot.keyClick(grid, KEY.Key_F2)
    line = editor(grid)
    assert line.text() == "5"
    QtBot.keyClick(line, KEY.Key_End)
    QtBot.keyClicks(line, "0")
    QtBot.keyClick(line, KEY.Key_Enter)
    assert session_2021.report.get("table4:review.total") == 50


def test_double_click_edits(make_grid: MakeGrid, session_2021: ReportSession) -> None:
    grid = make_grid(session_2021, "table4")
    rect = grid.visualRect(index(grid, "table4:review.pending"))
    QtBot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QtBot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor(grid).text() == "1"


def test_enter_without_editing_moves_down_and_shift_enter_up(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:new.legal")
    QtBot.keyClick(grid, KEY.Key_Return)
    assert grid.currentRef() == "table3:carried_in.legal"
    QtBot.keyClick(grid, KEY.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert grid.currentRef() == "table3:new.legal"
    assert session_2021.undo_stack.count() == 0


def test_enter_in_table2_skips_the_title_and_header_rows(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table2")
    go(grid, "table2:normative_docs.issued")
    QtBot.keyClick(grid, KEY.Key_Return)
    assert grid.currentRef() == "table2:licensing.decisions"


def test_tab_moves_right_and_skips_label_cells(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:new.other")
    QtBot.keyClick(grid, KEY.Key_Tab)
    assert grid.currentRef() == "table3:new.total"
    QtBot.keyClick(grid, KEY.Key_Tab)  # past the label 二、上年结转… to the next row's figures
    assert grid.currentRef() == "table3:carried_in.natural"
    QtBot.keyClick(grid, KEY.Key_Backtab)
    assert grid.currentRef() == "table3:new.total"


def test_tab_while_editing_commits_and_moves_on_without_editing(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table2")
    go(grid, "table2:rules.in_force")
    QtBot.keyClick(grid, KEY.Key_7)
    QtBot.keyClick(editor(grid), KEY.Key_Tab)
    assert session_2021.report.get("table2:rules.in_force") == 7
    assert grid.currentRef() == "table2:normative_docs.issued"
    assert no_editor(grid)


def test_arrows_move_between_cells(make_grid: MakeGrid, session_2021: ReportSession) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:open.business")
    QtBot.keyClick(grid, KEY.Key_Down)
    assert grid.currentRef() == "table3:partial.business"
    QtBot.keyClick(grid, KEY.Key_Right)
    assert grid.currentRef() == "table3:partial.research"


def test_typing_a_wrong_value_is_refused_and_not_stored(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:open.natural")
    QtBot.keyClick(grid, KEY.Key_Minus)
    QtBot.keyClicks(editor(grid), "3")
    with qtbot.waitSignal(grid.input_rejected) as blocker:
        QtBot.keyClick(editor(grid), KEY.Key_Return)
    assert "不能为负数" in blocker.args[0]
    assert session_2021.report.get("table3:open.natural") == 1
    assert session_2021.undo_stack.count() == 0


def test_typing_on_a_label_does_nothing(make_grid: MakeGrid, session_2021: ReportSession) -> None:
    grid = make_grid(session_2021, "table3")
    row, _ = grid.table.value_position("open.natural")
    grid.setCurrentIndex(grid.model().index(row, 1))
    QtBot.keyClick(grid, KEY.Key_1)
    assert no_editor(grid)
    assert grid.currentIndex().row() == row and grid.currentIndex().column() == 1
    assert session_2021.undo_stack.count() == 0


def test_delete_clears_the_selected_figures_as_one_step(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    report = session_2021.report
    before = dict(report.cells)
    top, _ = grid.table.value_position("open.natural")
    bottom, _ = grid.table.value_position("partial.natural")
    # From the label column to 商业企业: the labels stay, the figures go.
    grid.setCurrentIndex(grid.model().index(top, 1))
    grid.selectionModel().select(
        grid.model().index(top, 1), grid.selectionModel().SelectionFlag.ClearAndSelect
    )
    QtBot.mouseClick(
        grid.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        grid.visualRect(index(grid, "table3:partial.business")).center(),
    )
    QtBot.keyClick(grid, KEY.Key_Delete)
    cleared = ["open.natural", "open.business", "partial.natural", "partial.business"]
    for key in cleared:
        assert report.get(f"table3:{key}") is None
    assert grid.model().data(grid.model().index(bottom, 1)).startswith("（二）部分公开")
    assert session_2021.undo_stack.count() == 1
    session_2021.undo_stack.undo()
    assert report.cells == before


def test_copy_gives_tab_separated_text_with_labels(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    top, _ = grid.table.value_position("deny_secret.natural")
    grid.selectionModel().select(
        grid.model().index(top, 1), grid.selectionModel().SelectionFlag.ClearAndSelect
    )
    grid.setCurrentIndex(grid.model().index(top, 1))
    QtBot.mouseClick(
        grid.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        grid.visualRect(index(grid, "table3:deny_law.business")).center(),
    )
    QtBot.keyClick(grid, KEY.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    # （三）不予公开 is merged over eight rows, so the range grows to all eight (as in Excel);
    # its text comes once, then an empty cell on each row it covers.
    lines = text.split("\r\n")
    assert lines[:2] == [
        "（三）不予公开\t1.属于国家秘密\t3\t0",
        "\t2.其他法律行政法规禁止公开\t1\t1",
    ]
    assert lines[7:] == ["\t8.属于行政查询事项\t1\t1", ""]


def excel_block(rows: int, cols: int) -> tuple[str, dict[tuple[int, int], int]]:
    """Text as Excel puts it on the clipboard, with the habits of real sheets mixed in."""
    values = {(r, c): r * 1000 + c * 7 for r in range(rows) for c in range(cols)}
    lines = []
    for r in range(rows):
        cells = []
        for c in range(cols):
            v = values[(r, c)]
            if (r + c) % 3 == 0:
                cells.append(f"{v:,}")  # thousands separators
            elif (r + c) % 3 == 1:
                cells.append(str(v).translate(str.maketrans("0123456789", "０１２３４５６７８９")))
            else:
                cells.append(f" {v} ")
        lines.append("\t".join(cells))
    return "\r\n".join(lines) + "\r\n", values


def test_pasting_a_25_by_7_excel_block_is_one_undo_step(
    make_grid: MakeGrid, pingtan_2021: Report
) -> None:
    session = ReportSession(pingtan_2021)
    grid = make_grid(session, "table3")
    table = grid.table
    original = {s.ref: pingtan_2021.get(s.ref) for s in table.cells}
    text, values = excel_block(25, 7)
    QGuiApplication.clipboard().setText(text)
    go(grid, "table3:new.natural")
    QtBot.keyClick(grid, KEY.Key_V, Qt.KeyboardModifier.ControlModifier)

    def pasted() -> dict[str, object]:
        return {
            f"table3:{row}.{col}": values[(r, c)]
            for r, row in enumerate(table.row_keys)
            for c, col in enumerate(table.column_keys)
        }

    assert {s.ref: pingtan_2021.get(s.ref) for s in table.cells} == pasted()
    assert grid.model().data(index(grid, "table3:carried_out.total")) == "24042"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert {s.ref: pingtan_2021.get(s.ref) for s in table.cells} == original
    session.undo_stack.redo()
    assert {s.ref: pingtan_2021.get(s.ref) for s in table.cells} == pasted()
    # The pasted range is selected, as in Excel.
    assert len(grid.selectionModel().selectedIndexes()) == 175


def test_a_paste_with_one_bad_cell_changes_nothing(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    before = dict(session_2021.report.cells)
    go(grid, "table3:open.natural")
    with qtbot.waitSignal(grid.input_rejected) as blocker:
        assert not grid.paste_text("1\t2\r\n3\t约5\r\n")
    assert blocker.args[0].startswith(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）“商业企业”一格"
    )
    assert session_2021.report.cells == before
    assert session_2021.undo_stack.count() == 0


def test_a_single_value_fills_the_selection(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table4")
    go(grid, "table4:suit_direct.upheld")
    QtBot.mouseClick(
        grid.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        grid.visualRect(index(grid, "table4:suit_after_review.total")).center(),
    )
    assert grid.paste_text("0\r\n")
    report = session_2021.report
    assert all(
        report.get(f"table4:{g}.{c}") == 0
        for g in ("suit_direct", "suit_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    )
    assert report.get("table4:review.upheld") == 3
    assert session_2021.undo_stack.count() == 1


def test_ctrl_enter_fills_the_selection_with_what_was_typed(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    report = session_2021.report
    go(grid, "table3:deny_secret.natural")
    QtBot.mouseClick(
        grid.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        grid.visualRect(index(grid, "table3:deny_query.other")).center(),
    )
    assert grid.currentRef() == "table3:deny_query.other"  # Shift+click moves the cursor there
    QtBot.keyClick(grid, "0")
    QtBot.keyClick(editor(grid), KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert no_editor(grid)
    rows = [r for r in grid.table.row_keys if r.startswith("deny_")]
    cols = ("natural", "business", "research", "public_interest", "legal", "other")
    assert len(rows) == 8 and all(report.get(f"table3:{r}.{c}") == 0 for r in rows for c in cols)
    assert report.get("table3:deny_secret.total") == 3  # outside the selection
    assert session_2021.undo_stack.count() == 1
    assert session_2021.undo_stack.undoText() == "填入 48 个单元格"
    session_2021.undo_stack.undo()
    assert report.get("table3:deny_secret.natural") == 3

    QtBot.keyClick(grid, "x")  # what no cell can take fills none
    QtBot.keyClick(editor(grid), KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor(grid).text() == "x" and session_2021.undo_stack.index() == 0


def test_cells_a_finding_selected_are_the_only_ones_changed(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    report = session_2021.report
    report.set("table3:new.business", None)
    report.set("table3:deny_query.other", None)
    between = {
        ref: report.get(ref)
        for ref in ("table3:new.natural", "table3:open.business", "table3:deny_secret.natural")
    }
    assert any(between.values())
    blanks = ["table3:new.business", "table3:deny_query.other"]  # as R20 names them
    grid.selectRefs(blanks)
    QtBot.keyClick(grid, "0")
    QtBot.keyClick(editor(grid), KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [report.get(ref) for ref in blanks] == [0, 0]
    assert {ref: report.get(ref) for ref in between} == between  # the cells between untouched
    QGuiApplication.clipboard().setText("5")
    grid.paste_from_clipboard()
    assert [report.get(ref) for ref in blanks] == [5, 5]
    assert {ref: report.get(ref) for ref in between} == between
    QtBot.keyClick(grid, KEY.Key_Delete)
    assert [report.get(ref) for ref in blanks] == [None, None]
    assert {ref: report.get(ref) for ref in between} == between


def test_money_with_unit_pastes_with_its_unit(make_grid: MakeGrid, seed_2020: Report) -> None:
    session = ReportSession(seed_2020)
    grid = make_grid(session, "table2")
    go(grid, "table2:procurement.amount")
    assert grid.paste_text("347.08万元\n")
    assert seed_2020.get("table2:procurement.amount") == Decimal("347.08")
    assert grid.model().data(index(grid, "table2:procurement.amount")) == "347.08万元"


def test_a_finding_appears_and_its_cell_turns_red(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:na_not_held.total")
    QtBot.keyClick(grid, KEY.Key_0)
    with qtbot.waitSignal(session_2021.findings_changed) as blocker:
        QtBot.keyClick(editor(grid), KEY.Key_Return)
    r2 = [f for f in blocker.args[0] if f.rule == "R2"]
    assert [f.cells[0] for f in r2] == ["table3:na_not_held.total"]
    brush = grid.model().data(
        index(grid, "table3:na_not_held.total"), Qt.ItemDataRole.BackgroundRole
    )
    assert brush.color() == style.FINDING_BACKGROUND[Severity.ERROR]
    assert r2[0].message in grid.model().data(
        index(grid, "table3:na_not_held.total"), Qt.ItemDataRole.ToolTipRole
    )


def test_select_refs_selects_and_scrolls_to_the_cells(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    grid.resize(900, 200)  # only the first rows are in view
    refs = ["table3:carried_out.total", "table3:carried_out.natural", "table4:review.total"]
    assert grid.selectRefs(refs)
    selected = {
        i.data(Qt.ItemDataRole.UserRole + 1) for i in grid.selectionModel().selectedIndexes()
    }
    assert selected == {"table3:carried_out.total", "table3:carried_out.natural"}
    assert grid.currentRef() == "table3:carried_out.total"
    assert grid.viewport().rect().intersects(grid.visualRect(index(grid, refs[0])))
    assert not grid.selectRefs(["table2:rules.issued"])


def test_set_current_ref_restores_the_cursor(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table2")
    assert grid.setCurrentRef("table2:fees.amount")
    assert grid.currentRef() == "table2:fees.amount"
    assert not grid.setCurrentRef("table3:new.total")


def test_the_hint_shows_the_r7_subtotal(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    with qtbot.waitSignal(grid.hint_changed) as blocker:
        go(grid, "table3:new.business")
    report = session_2021.report
    subtotal = report.number("table3:new.total") - report.number("table3:new.natural")  # type: ignore[operator]
    assert "一、本年新收政府信息公开申请数量 · 商业企业" in blocker.args[0]
    assert f"法人或其他组织小计（总计 − 自然人）：{subtotal}" in blocker.args[0]


def test_only_the_grid_in_view_gives_hints(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    shown = make_grid(session_2021, "table3")
    hidden = TableGrid(session_2021, "table2")
    qtbot.addWidget(hidden)
    heard: list[str] = []
    hidden.hint_changed.connect(heard.append)
    go(shown, "table3:open.natural")
    with qtbot.waitSignal(shown.hint_changed):
        shown.grid_model.setData(index(shown, "table3:open.natural"), "5")
    assert heard == []
