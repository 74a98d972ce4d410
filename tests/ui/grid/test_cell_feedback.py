"""What the grid says when it refuses something, and its right-click menu: a refused value keeps
the user in the cell with the reason beside it, as Excel's data validation does; a refused paste
says why without leaving a tooltip over the grid to swallow the next click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from tests.ui.answers import answers
from tests.ui.grid.conftest import MakeGrid
from tests.ui.grid.test_table_view import KEY, go, index, no_editor
from ui.grid import TableGrid
from ui.grid.cell_note import CellNote
from ui.session import ReportSession


def editor(grid: TableGrid) -> QLineEdit:
    """The open cell editor (one closed a moment ago may linger, hidden, until deleted)."""
    [shown] = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    return shown


def _note(grid: TableGrid) -> CellNote:
    note = grid.findChild(CellNote)
    assert note is not None and note.isVisible(), "no note beside the cell"
    return note


def _beside(grid: TableGrid, ref: str, note: CellNote) -> bool:
    cell = grid.visualRect(index(grid, ref)).translated(grid.viewport().pos())
    return note.geometry().left() >= cell.right() or note.geometry().top() >= cell.bottom()


def test_a_refused_value_keeps_the_cell_and_says_why_beside_it(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:open.natural")
    for typed, key, reason in (
        ("abc", KEY.Key_Tab, "不是数字"),
        ("-3", KEY.Key_Return, "不能为负数"),
    ):
        QtBot.keyClick(grid, typed[0])  # opens the editor, which takes the rest
        QtBot.keyClicks(editor(grid), typed[1:])
        QtBot.keyClick(editor(grid), key)
        assert grid.state() == QAbstractItemView.State.EditingState
        assert editor(grid).text() == typed  # still there, to be corrected
        assert grid.currentRef() == "table3:open.natural"  # the cursor did not move on
        note = _note(grid)
        assert reason in note.text() and "Esc" in note.text()
        assert _beside(grid, "table3:open.natural", note)
        QtBot.keyClick(editor(grid), KEY.Key_Escape)  # 放弃修改
        assert no_editor(grid) and not note.isVisible()
        assert session_2021.report.get("table3:open.natural") == 1
    assert session_2021.undo_stack.count() == 0

    QtBot.keyClick(grid, "x")
    QtBot.keyClick(editor(grid), KEY.Key_Return)
    editor(grid).selectAll()
    QtBot.keyClicks(editor(grid), "7")  # corrected
    assert not grid.findChild(CellNote).isVisible()  # type: ignore[union-attr]
    QtBot.keyClick(editor(grid), KEY.Key_Return)
    assert session_2021.report.get("table3:open.natural") == 7
    assert grid.currentRef() == "table3:partial.natural"


def test_a_refused_paste_says_why_and_the_next_click_still_lands(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    go(grid, "table3:open.natural")
    assert not grid.paste_text("1\t2\r\n3\t约5\r\n")
    note = _note(grid)
    assert "商业企业" in note.text()
    assert not QToolTip.isVisible()
    target = index(grid, "table3:open.business")
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(target).center()
    )
    assert grid.currentRef() == "table3:open.business"
    assert not note.isVisible()


def _menu_on(grid: TableGrid, ref: str, choose: str) -> list[str]:
    offered: list[str] = []

    def pick(menu: QMenu) -> None:
        offered.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text() == choose).trigger()

    answers().next_menu(pick)
    where = grid.visualRect(index(grid, ref)).center()
    grid.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, grid.viewport().mapToGlobal(where))
    )
    return offered


def test_the_right_mouse_button_copies_pastes_and_clears(
    make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table3")
    grid.selectRefs(["table3:new.natural", "table3:new.business"])
    assert _menu_on(grid, "table3:new.natural", "复制") == ["复制", "粘贴", "清除"]
    assert QGuiApplication.clipboard().text().rstrip("\r\n").split("\t")[:2] == [
        str(session_2021.report.get("table3:new.natural")),
        str(session_2021.report.get("table3:new.business")),
    ]

    QGuiApplication.clipboard().setText("9")
    _menu_on(grid, "table3:carried_out.legal", "粘贴")  # a cell outside the selection: it
    assert session_2021.report.get("table3:carried_out.legal") == 9  # becomes the selection

    _menu_on(grid, "table3:carried_out.legal", "清除")
    assert session_2021.report.get("table3:carried_out.legal") is None
    assert session_2021.undo_stack.count() == 2
