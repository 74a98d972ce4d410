"""The menus come from one table of actions: what a user sees in each menu is its rows, and a
new menu with its commands is rows added to the table."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.store import Store
from tests.ui.window_helpers import WindowFactory, db_path, make_window, store, with_seed
from ui.window_menus import ACTIONS, MENUS, ActionRow, build_menus, update_actions

__all__ = ["db_path", "make_window", "store"]  # fixtures


def _menu(window: QMainWindow, menu_id: str) -> QMenu:
    menu = window.menuBar().findChild(QMenu, menu_id)
    assert menu is not None, menu_id
    return menu


def test_each_menu_shows_its_rows_in_order_with_a_line_between_groups(
    store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()] == list(MENUS.values())
    for menu_id in MENUS:
        rows = [row for row in ACTIONS if row.menu == menu_id]
        expected: list[QAction | None] = []
        for before, row in zip([None, *rows], rows, strict=False):
            if before is not None and before.group != row.group:
                expected.append(None)
            expected.append(window.actions_by_id[row.id])
        shown = [None if a.isSeparator() else a for a in _menu(window, menu_id).actions()]
        assert shown == expected, menu_id
    # The names the rest of the program uses are the table's actions.
    assert window.export_action is window.actions_by_id["export"]
    assert window.preview_action is window.preview_dock.toggleViewAction()
    assert window.redo_action.shortcuts()[1].toString() == "Ctrl+Shift+Z"


def test_the_undo_action_names_the_step_it_takes_back(
    store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    assert (window.undo_action.text(), window.redo_action.isEnabled()) == ("撤销", False)
    grid = window.view.grid("3")
    grid.grid_model.setData(grid.grid_model.index_of("table3:new.legal"), "1")
    assert window.undo_action.text().startswith("撤销 ") and len(window.undo_action.text()) > 3
    window.undo_action.trigger()
    assert window.undo_action.text() == "撤销" and window.redo_action.isEnabled()


class _Host(QMainWindow):
    """Only what a row of another menu needs: the window's table of actions."""

    def __init__(self) -> None:
        super().__init__()
        self.actions_by_id: dict[str, QAction] = {}
        self.unit_selected = False
        self.renamed: list[str] = []

    def as_widget(self) -> QWidget:
        return self


def test_a_new_menu_is_rows_of_the_table(qtbot: QtBot) -> None:
    host = _Host()
    qtbot.addWidget(host)
    rows = (
        ActionRow(
            "rename_unit",
            "units",
            "edit",
            "重命名单位…",
            lambda w: w.renamed.append("改名"),  # type: ignore[attr-defined]
            ("F2",),
            "改正单位名称中的错字",
            enabled_when=lambda w: w.unit_selected,  # type: ignore[attr-defined]
        ),
        ActionRow("board", "units", "county", "报送情况", lambda w: None),
    )
    build_menus(host, rows, {"units": "单位(&U)"})  # type: ignore[arg-type]
    menu = _menu(host, "units")
    assert [a.text() for a in menu.actions()] == ["重命名单位…", "", "报送情况"]
    rename = host.actions_by_id["rename_unit"]
    assert (rename.shortcut().toString(), rename.toolTip()) == ("F2", "改正单位名称中的错字")

    update_actions(host, rows)  # type: ignore[arg-type]
    assert not rename.isEnabled()
    host.unit_selected = True
    update_actions(host, rows)  # type: ignore[arg-type]
    assert rename.isEnabled()
    rename.trigger()
    assert host.renamed == ["改名"]


def test_a_row_for_a_menu_that_does_not_exist_is_refused(qtbot: QtBot) -> None:
    host = _Host()
    qtbot.addWidget(host)
    row = ActionRow("lost", "nowhere", "x", "无处可放")
    with pytest.raises(ValueError, match="nowhere"):
        build_menus(host, (row,), MENUS)  # type: ignore[arg-type]
