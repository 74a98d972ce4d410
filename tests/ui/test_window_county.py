"""The county office in the window, driven as a user would: the unit tree's units renamed,
moved, deleted and restored; reports deleted and started by year; a folder imported; the
roll-up made, kept up to date and drilled into."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.edits import SetCells
from app.domain.rollup_record import rollup_record
from app.store import Store
from tests.app.county.county_data import (
    COUNTY,
    DEPARTMENTS,
    TOWNSHIPS,
    next_year_of,
    unit_report,
    write_county,
)
from tests.ui.answers import answers
from tests.ui.window_helpers import WindowFactory, cell_text, db_path, make_window, store
from ui.folder_import import FolderImportDialog
from ui.main_window import MainWindow
from ui.rollup_dialog import RollupUnitsDialog
from ui.unit_dialogs import MoveUnitDialog, NewYearDialog, RecycleBinDialog, UnitDialog

__all__ = ["db_path", "make_window", "store"]  # fixtures

UNITS = list(DEPARTMENTS[:4])
REF = "table3:new.total"
READING = 180_000  # ms: worker processes start on a shared, busy machine


@pytest.fixture
def county_store(store: Store) -> Store:
    store.add_unit(COUNTY, "county")
    for unit in UNITS:
        store.add_unit(unit, parent=COUNTY)
        old = unit_report(unit, 2021, 3)
        store.save(old)
        store.save(next_year_of(old, 4))
    return store


def tree_names(window: MainWindow) -> dict[str, str | None]:
    """unit -> the unit it sits under in the tree."""
    found: dict[str, str | None] = {}
    for item in window.units._unit_items():
        parent = item.parent()
        found[item.text(0)] = parent.text(0) if parent is not None else None
    return found


def press(window: MainWindow, action_id: str) -> None:
    window.actions_by_id[action_id].trigger()


def test_a_unit_is_renamed_moved_deleted_and_restored_from_the_tree(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    unit = UNITS[1]
    window.units.select(unit, 2022)
    assert window.session is not None and window.session.report.unit == unit

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, UnitDialog)
        dialog.name.setText("青山县发展改革局")
        dialog.accept()

    answers().next_dialog(rename)
    press(window, "rename_unit")
    assert tree_names(window)["青山县发展改革局"] == COUNTY
    assert unit not in tree_names(window)
    assert window.session is not None
    assert window.session.report.title.startswith("青山县发展改革局")  # reopened, renamed

    county_store.add_unit("另一个县人民政府", "county")
    window.refresh_units()
    window.units.select("青山县发展改革局")

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveUnitDialog)
        dialog.choice.setCurrentIndex(dialog.choice.findData("另一个县人民政府"))
        dialog.accept()

    answers().next_dialog(move)
    press(window, "move_unit")
    assert tree_names(window)["青山县发展改革局"] == "另一个县人民政府"

    window.units.select("青山县发展改革局", 2022)
    answers().next_button("是")
    press(window, "delete_unit")
    assert "青山县发展改革局" not in tree_names(window)
    assert window.session is None  # its report was open: let go of, nothing shown
    assert county_store.years("青山县发展改革局") == []

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RecycleBinDialog)
        assert "青山县发展改革局" in dialog.list.item(0).text()
        dialog.restore_button.click()
        assert dialog.list.count() == 0
        dialog.accept()

    answers().next_dialog(restore)
    press(window, "recycle_bin")
    assert tree_names(window)["青山县发展改革局"] == "另一个县人民政府"
    assert county_store.years("青山县发展改革局") == [2022, 2021]


def test_the_tree_right_click_menu_is_the_unit_menu(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    item = window.units.unit_item(UNITS[0])
    assert item is not None
    shown: list[str] = []

    def look(menu: QWidget) -> None:
        shown.extend(a.text() for a in menu.actions() if a.text())

    answers().next_menu(look)
    at = window.units.tree.visualItemRect(item).center()
    window.units.tree.customContextMenuRequested.emit(at)
    assert shown[:4] == ["新建下级单位…", "重命名…", "移到其他上级单位…", "删除单位…"]
    assert "报送情况…" in shown and "新建汇总报告…" in shown and "回收站…" in shown
    assert window.chosen_unit() == UNITS[0]


def test_a_report_is_deleted_to_the_bin_and_a_new_year_asks_from_which(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    unit = UNITS[2]
    window.units.select(unit, 2021)
    answers().next_button("否")
    press(window, "delete_report")
    assert county_store.years(unit) == [2022, 2021]  # 否: nothing deleted
    answers().next_button("是")
    press(window, "delete_report")
    assert county_store.years(unit) == [2022]
    assert county_store.recycle_bin()[0].label == f"{unit} 2021年度报告"

    window.units.select(unit, 2022)
    messages: list[str] = []

    def from_2022(dialog: QWidget) -> None:
        assert isinstance(dialog, NewYearDialog)
        assert dialog.chosen() == (2023, 2022)  # asked: the year after, from the latest

        def read(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            messages.append(box.text())
            box.accept()

        answers().next_dialog(read)
        dialog.accept()

    answers().next_dialog(from_2022)
    press(window, "new_year")
    assert county_store.years(unit) == [2023, 2022]
    assert window.session is not None and window.session.report.year == 2023
    last = county_store.load(unit, 2022)
    assert last is not None
    assert window.session.report.get("table3:carried_in.total") == last.get(
        "table3:carried_out.total"
    )
    assert "已从2022年度报告开始2023年度报告" in messages[0]


def test_a_folder_is_imported_under_the_chosen_county(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "2023年各单位报告"
    write_county(folder, 2023, (*UNITS, *DEPARTMENTS[4:9], *TOWNSHIPS[:3]))
    (folder / "坏的.docx").write_bytes(b"PK\x03\x04 damaged")
    window = make_window()
    window.units.select(COUNTY)

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, FolderImportDialog)
        if not dialog.rows:
            with qtbot.waitSignal(dialog.summary_ready, timeout=READING):
                pass
        assert dialog.table.rowCount() == 13
        dialog.import_button.click()

    answers().next_file(folder)
    answers().next_dialog(confirm)
    press(window, "import_folder")
    assert answers().files_asked[-1].kind == "folder"
    names = tree_names(window)
    for unit in (*DEPARTMENTS[4:9], *TOWNSHIPS[:3]):
        assert names[unit] == COUNTY
    assert all(county_store.years(u)[0] == 2023 for u in UNITS)
    assert len(county_store.receipts(2023)) == 12


def test_a_folder_dropped_on_the_window_is_imported(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "拖进来的文件夹"
    write_county(folder, 2023, UNITS[:2], form=".json")
    window = make_window()
    seen: list[int] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, FolderImportDialog)
        seen.append(len(dialog.files))
        dialog.reject()

    answers().next_dialog(cancel)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    window.files.dropped(_Drop(mime))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [2]
    assert county_store.years(UNITS[0]) == [2022, 2021]  # cancelled: nothing stored


class _Drop:
    """A drop event as the window's handler reads it."""

    def __init__(self, mime: QMimeData) -> None:
        self._mime = mime

    def mimeData(self) -> QMimeData:
        return self._mime

    def acceptProposedAction(self) -> None:
        pass

    def ignore(self) -> None:
        pass


def test_a_roll_up_is_made_kept_up_to_date_and_drilled_into(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    window.units.select(COUNTY)

    def take_all(dialog: QWidget) -> None:
        assert isinstance(dialog, RollupUnitsDialog)
        with qtbot.waitSignal(dialog.checked, timeout=60_000):
            pass
        assert dialog.chosen() == UNITS
        dialog.accept()

    answers().next_dialog(take_all)
    press(window, "new_rollup")
    session = window.session
    assert session is not None and session.report.unit == COUNTY
    record = rollup_record(session.report)
    assert record is not None and [s.unit for s in record.sources] == UNITS
    total = sum(county_store.load(u, 2022).number(REF) or 0 for u in UNITS)  # type: ignore[union-attr,misc]
    assert session.report.get(REF) == total
    part = window.county
    assert part.dock is not None and part.dock.isVisible()

    # The drill-down: on the cell's tooltip and in the side panel.
    window.view.show_part("3")  # type: ignore[union-attr]
    grid = window.view.current_grid()  # type: ignore[union-attr]
    assert grid is not None
    index = grid.grid_model.index_of(REF)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert all(unit in tooltip for unit in UNITS)
    grid.setCurrentIndex(index)
    assert part.panel is not None
    assert {cell_text(part.panel.parts, r, 0) for r in range(part.panel.parts.rowCount())} == set(
        UNITS
    )

    # A cell typed over by hand stays as typed and is marked.
    other = "table3:open.natural"
    session.push(SetCells(((other, 777),), (), "修改"))
    assert (
        grid.grid_model.index_of(other)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("（一）予以公开")
    )
    assert "【手工填写】" in grid.grid_model.index_of(other).data(Qt.ItemDataRole.ToolTipRole)
    window.save_pending()

    # A unit's report changes: the roll-up above it is made again, the typed cell kept.
    window.open_report(UNITS[0], 2022)
    department = window.session
    assert department is not None
    before = department.report.number(REF) or 0
    department.push(SetCells(((REF, before + 50),), (), "修改"))
    window.save_pending()
    rolled = county_store.load(COUNTY, 2022)
    assert rolled is not None
    assert rolled.get(REF) == total + 50
    assert rolled.get(other) == 777
    window.open_report(COUNTY, 2022)
    assert window.session is not None and window.session.report.get(REF) == total + 50
    assert rollup_record(window.session.report).hand_edited == {other}  # type: ignore[union-attr]


@pytest.mark.parametrize(("width", "below"), [(1024, True), (1280, False)])
def test_the_roll_up_panel_leaves_the_table_room_in_a_narrow_window(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory, width: int, below: bool
) -> None:
    window = make_window()
    window.resize(width, 700)
    assert window.county.commands.make_rollup(COUNTY, 2022, UNITS)
    part = window.county
    assert part.dock is not None and part.panel is not None
    qtbot.waitUntil(part.panel.isVisible)
    if below:  # a tab beside 校验结果, its figures in a second column
        assert window.dockWidgetArea(part.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        assert part.dock in window.tabifiedDockWidgets(window.findings_dock)
        assert part.panel.side_by_side()
        assert part.panel.parts.x() > part.panel.notes.x() + part.panel.notes.width()
        window.open_report(UNITS[0], 2022)  # no roll-up: the findings alone
        qtbot.waitUntil(lambda: not part.dock.isVisible())  # type: ignore[union-attr]
        assert window.findings.isVisible()
        window.open_report(COUNTY, 2022)  # the roll-up again: its tab in front
        qtbot.waitUntil(part.panel.isVisible)
    else:
        assert window.dockWidgetArea(part.dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert not part.panel.side_by_side()
        assert part.panel.parts.y() > part.panel.notes.y() + part.panel.notes.height()


def test_a_roll_up_is_refused_for_a_unit_with_no_subordinates(
    qtbot: QtBot, county_store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    window.units.select(UNITS[0])
    said: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    answers().next_dialog(read)
    press(window, "new_rollup")
    assert "有下级单位的单位" in said[0]
