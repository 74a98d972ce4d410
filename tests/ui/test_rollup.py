"""A roll-up open in the window: sums made again when a unit's report changes, a cell typed over
by hand stays as typed and is marked, the drill-down names the units; choosing the units."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.county.in_store import county_report, roll_up_into
from app.domain.edits import SetCells
from app.store import Store
from tests.app.county.county_data import COUNTY, DEPARTMENTS, break_sum, unit_report
from tests.ui.window_helpers import cell_text, db_path, store
from ui.rollup_dialog import RollupUnitsDialog
from ui.rollup_panel import RollupPanel
from ui.rollup_session import RollupController
from ui.session import ReportSession

__all__ = ["db_path", "store"]  # fixtures

UNITS = list(DEPARTMENTS[:4])
REF = "table3:new.total"
OTHER = "table3:open.natural"


@pytest.fixture
def county_store(store: Store) -> Store:
    store.add_unit(COUNTY, "county")
    for unit in [*UNITS, DEPARTMENTS[4]]:
        store.add_unit(unit, parent=COUNTY)
    for unit in UNITS:  # the fifth has not reported
        store.save(unit_report(unit, 2022, 7))
    made, _ = roll_up_into(store, county_report(store, COUNTY, 2022), UNITS)
    store.save(made)
    return store


def sum_of(store: Store, ref: str) -> int:
    return sum(store.load(u, 2022).number(ref) or 0 for u in UNITS)  # type: ignore[union-attr,misc]


@pytest.fixture
def controller(qtbot: QtBot, county_store: Store) -> RollupController:
    report = county_store.load(COUNTY, 2022)
    assert report is not None
    session = ReportSession(report)
    controller = RollupController(session, county_store)
    controller.recompute()
    return controller


def test_the_sums_are_the_units_and_the_tooltip_names_them(
    controller: RollupController, county_store: Store
) -> None:
    report = controller.session.report
    assert report.get(REF) == sum_of(county_store, REF)
    note = controller.session.cell_notes[REF]
    assert note.kind == "summed"
    assert note.lines[0] == f"汇总：4 个单位之和 {report.get(REF)}"
    named = {line.strip().rsplit(" ", 1)[0] for line in note.lines[1:]}
    assert named == set(UNITS)
    assert controller.session.cell_notes["table2:rules.in_force"].kind == "flagged"


def test_a_changed_unit_changes_the_sum_and_a_typed_cell_stays(
    controller: RollupController, county_store: Store
) -> None:
    session = controller.session
    session.push(SetCells(((OTHER, 4321),), (), "修改"))
    assert controller.hand_edited == {OTHER}
    assert session.cell_notes[OTHER].kind == "hand_edited"
    changed = county_store.load(UNITS[2], 2022)
    assert changed is not None
    changed.set(REF, (changed.number(REF) or 0) + 100)
    changed.set(OTHER, 99999)
    county_store.save(changed)
    assert controller.recompute() >= 1
    assert session.report.get(REF) == sum_of(county_store, REF)
    assert session.report.get(OTHER) == 4321  # typed by hand: stays
    assert controller.sum_of(OTHER) == sum_of(county_store, OTHER)


def test_typing_the_sum_back_restoring_it_or_undo_makes_it_a_sum_again(
    controller: RollupController,
) -> None:
    session = controller.session
    total = session.report.get(OTHER)
    session.push(SetCells(((OTHER, 1),), (), "修改"))
    session.undo_stack.undo()
    assert controller.hand_edited == frozenset()
    session.push(SetCells(((OTHER, 1),), (), "修改"))
    controller.restore_sum(OTHER)
    assert (session.report.get(OTHER), controller.hand_edited) == (total, frozenset())
    session.push(SetCells(((OTHER, 1),), (), "修改"))
    session.push(SetCells(((OTHER, total),), (), "修改"))
    assert controller.hand_edited == frozenset()


def test_the_side_panel_lists_what_each_unit_gave(
    qtbot: QtBot, controller: RollupController, county_store: Store
) -> None:
    panel = RollupPanel()
    qtbot.addWidget(panel)
    panel.follow(controller)
    panel.show_cell(REF)
    rows = {
        cell_text(panel.parts, r, 0): cell_text(panel.parts, r, 1)
        for r in range(panel.parts.rowCount())
    }
    assert rows == {u: str(county_store.load(u, 2022).get(REF)) for u in UNITS}  # type: ignore[union-attr]
    assert "各单位之和" in panel.cell.text()
    assert panel.restore_button.isHidden()
    controller.session.push(SetCells(((REF, 7),), (), "修改"))
    assert not panel.restore_button.isHidden()
    assert "手工填写" in panel.heading.text() and "1 格" in panel.heading.text()
    panel.restore_button.click()
    assert controller.session.report.get(REF) == sum_of(county_store, REF)


def test_the_units_are_chosen_and_those_with_errors_can_be_left_out(
    qtbot: QtBot, county_store: Store
) -> None:
    wrong = county_store.load(UNITS[1], 2022)
    assert wrong is not None
    break_sum(wrong)
    county_store.save(wrong)
    dialog = RollupUnitsDialog(county_store, COUNTY, 2022)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        pass  # the check runs on its thread; its result arrives through the event loop
    assert dialog.chosen() == UNITS
    missing = dialog.list.item(4)
    assert not missing.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "未报送" in missing.text()
    assert UNITS[1] in dialog.errors_note.text()
    dialog.skip_errors_button.click()
    assert dialog.chosen() == [u for u in UNITS if u != UNITS[1]]
    dialog.none_button.click()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_a_unit_that_left_a_cell_blank_is_named_in_the_panel(
    qtbot: QtBot, county_store: Store
) -> None:
    blank = county_store.load(UNITS[2], 2022)
    assert blank is not None
    blank.set(OTHER, None)
    county_store.save(blank)
    report = county_store.load(COUNTY, 2022)
    assert report is not None
    controller = RollupController(ReportSession(report), county_store)
    controller.recompute()
    panel = RollupPanel()
    qtbot.addWidget(panel)
    panel.follow(controller)
    notes = [panel.notes.item(r).text() for r in range(panel.notes.count())]
    # One note a line, each marked, so two wrapped notes do not read as one.
    assert all(note.startswith("• ") for note in notes)
    [blank_note] = [n for n in notes if "空白" in n]
    assert UNITS[2] in blank_note and "按 0 计入" in blank_note
    assert any("重复计算" in n for n in notes)  # 现行有效 summed but flagged
    panel.show_cell(OTHER)
    parts = {
        cell_text(panel.parts, r, 0): cell_text(panel.parts, r, 1)
        for r in range(panel.parts.rowCount())
    }
    assert parts[UNITS[2]] == "（空白，按 0 计）"
    assert controller.session.report.get(OTHER) == sum_of(county_store, OTHER)
