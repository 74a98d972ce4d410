"""The units and years on the left."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.report import Report
from app.store import Store
from tests.ui.window_helpers import db_path, store
from ui.unit_tree import UnitTree

__all__ = ["db_path", "store"]  # fixtures


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
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["2021年度报告",
                                                                       "2020年度报告"]
    second = tree.tree.topLevelItem(1)
    assert second is not None and "乡镇" in second.toolTip(0)

    with qtbot.waitSignal(tree.report_chosen) as blocker:
        tree.tree.setCurrentItem(top.child(1))
    assert blocker.args == ["甲局", 2020]
    assert tree.select("甲局", 2021, emit=False)
    assert tree.current() == ("甲局", 2021)
    assert not tree.select("丙局", 2021)
