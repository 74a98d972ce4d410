"""The units and years on the left."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.domain.report import Report
from app.store import Store
from tests.ui.window_helpers import db_path, store
from ui.unit_tree import UnitTree

__all__ = ["db_path", "store"]  # fixtures


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = []
    for i in range(item.childCount()):
        child = item.child(i)
        assert child is not None
        found.append(child)
    return found


def test_units_list_their_years_latest_first_and_choosing_one_opens_it(
    qtbot: QtBot, store: Store
) -> None:
    for year in (2020, 2021):
        store.save(Report(unit="甲局", year=year))
    store.add_unit("乙局", "township")
    tree = UnitTree()
    qtbot.addWidget(tree)
    tree.refresh(store)
    top = tree.tree.topLevelItem(0)
    assert top is not None and top.text(0) == "甲局"
    assert [child.text(0) for child in children(top)] == ["2021年度报告", "2020年度报告"]
    second = tree.tree.topLevelItem(1)
    assert second is not None and "乡镇" in second.toolTip(0)

    with qtbot.waitSignal(tree.report_chosen) as blocker:
        tree.tree.setCurrentItem(children(top)[1])
    assert blocker.args == ["甲局", 2020]
    assert tree.select("甲局", 2021, emit=False)
    assert tree.current() == ("甲局", 2021)
    assert not tree.select("丙局", 2021)


def test_units_sit_under_their_parent_and_stay_folded_as_left(qtbot: QtBot, store: Store) -> None:
    store.add_unit("某县", "county")
    store.add_unit("某县教育局", parent="某县")
    store.add_unit("某县一中", parent="某县教育局")
    store.save(Report(unit="某县", year=2022))
    store.save(Report(unit="某县一中", year=2022))
    tree = UnitTree()
    qtbot.addWidget(tree)
    tree.refresh(store)
    assert tree.tree.topLevelItemCount() == 1
    county = tree.tree.topLevelItem(0)
    assert county is not None
    assert [child.text(0) for child in children(county)] == ["2022年度报告", "某县教育局"]
    assert "下级单位 1 个" in county.toolTip(0)
    education = tree.unit_item("某县教育局")
    assert education is not None and not education.isExpanded()  # below the top: folded
    assert tree.select("某县一中", 2022, emit=False)
    assert tree.current() == ("某县一中", 2022)
    assert education.isExpanded()  # opened on the way to what was chosen
    tree.select("某县", 2022, emit=False)
    education.setExpanded(False)
    store.add_unit("某县财政局", parent="某县")
    tree.refresh(store)
    education = tree.unit_item("某县教育局")
    assert education is not None and not education.isExpanded()  # folded as the user left it
    assert tree.current() == ("某县", 2022)
    tree.select("某县一中", 2022, emit=False)  # what is chosen is shown, unfolding its way
    assert education.isExpanded()


def test_right_click_offers_the_windows_commands_for_what_was_clicked(
    qtbot: QtBot, store: Store
) -> None:
    from PySide6.QtGui import QAction

    store.add_unit("某县", "county")
    store.add_unit("某县教育局", parent="某县")
    tree = UnitTree()
    qtbot.addWidget(tree)
    tree.refresh(store)
    rename = QAction("重命名…", tree)
    tree.context_actions = lambda: [rename, None]
    shown: list[list[str]] = []
    tree.show_menu = lambda menu, _at: shown.append([a.text() for a in menu.actions()])
    item = tree.unit_item("某县教育局")
    assert item is not None
    at = tree.tree.visualItemRect(item).center()
    tree.tree.customContextMenuRequested.emit(at)
    assert shown == [["重命名…", ""]]
    assert tree.current() == ("某县教育局", None)
