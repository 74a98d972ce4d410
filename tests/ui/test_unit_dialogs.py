"""The 单位 menu's dialogs: a unit's name and level, where it goes, a new year's report, the
recycle bin."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.store import BinEntry, UnitInfo
from ui.unit_dialogs import TOP, MoveUnitDialog, NewYearDialog, RecycleBinDialog, UnitDialog

OK = QDialogButtonBox.StandardButton.Ok


def test_a_name_taken_or_empty_is_refused_with_the_reason(qtbot: QtBot) -> None:
    dialog = UnitDialog("重命名单位", ["青山县教育局", "青山县财政局"], name="青山县教育局")
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(OK).isEnabled()  # its own name is not "taken"
    dialog.name.setText(" 青山县财政局 ")
    assert dialog.error.text() == "已有名为“青山县财政局”的单位"
    assert not dialog.buttons.button(OK).isEnabled()
    dialog.name.setText("")
    assert not dialog.buttons.button(OK).isEnabled()
    dialog.name.setText("青山县教育和体育局")
    dialog.level.setCurrentIndex(dialog.level.findData("township"))
    assert dialog.buttons.button(OK).isEnabled()
    assert dialog.chosen() == ("青山县教育和体育局", "township")


def test_a_unit_cannot_be_moved_under_itself_or_its_own(qtbot: QtBot) -> None:
    units = [
        UnitInfo("某市", "prefecture"),
        UnitInfo("某县", "county", "某市"),
        UnitInfo("某县教育局", "department", "某县"),
        UnitInfo("某县一中", "department", "某县教育局"),
        UnitInfo("另一县", "county", "某市"),
    ]
    dialog = MoveUnitDialog("某县", units, {"某县教育局", "某县一中"})
    qtbot.addWidget(dialog)
    offered = [dialog.choice.itemData(i) for i in range(dialog.choice.count())]
    assert offered == [None, "某市", "另一县"]
    assert dialog.chosen() == "某市"  # where it is now
    dialog.choice.setCurrentIndex(0)
    assert dialog.choice.currentText() == TOP and dialog.chosen() is None


def test_a_new_year_asks_which_year_and_from_which_report(qtbot: QtBot) -> None:
    dialog = NewYearDialog("青山县教育局", [2020, 2022], dt.date(2024, 1, 5))
    qtbot.addWidget(dialog)
    assert dialog.year.value() == 2023
    assert dialog.chosen() == (2023, 2022)
    sources = [dialog.source.itemText(i) for i in range(dialog.source.count())]
    assert sources[-1] == "空白报告" and sources[0].startswith("2022年度报告")
    dialog.source.setCurrentIndex(1)
    assert dialog.chosen() == (2023, 2020)
    dialog.year.setValue(2022)
    assert "已经存在" in dialog.error.text()
    assert not dialog.buttons.button(OK).isEnabled()
    dialog.year.setValue(2021)
    assert dialog.chosen() == (2021, 2020)  # only earlier years start it
    dialog.source.setCurrentIndex(dialog.source.count() - 1)
    assert dialog.chosen() == (2021, None)
    assert "2021" in dialog.layout_note.text() or "30号" in dialog.layout_note.text()


def test_a_unit_with_no_report_starts_from_a_blank_one(qtbot: QtBot) -> None:
    dialog = NewYearDialog("青山县教育局", [], dt.date(2024, 1, 5))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == (2023, None)


def test_the_recycle_bin_lists_what_was_deleted_and_asks_to_restore(qtbot: QtBot) -> None:
    entries = [
        BinEntry(7, "report", "青山县教育局", 2022, "2023-01-20T06:30:00+00:00", 0, 1),
        BinEntry(3, "unit", "青山县财政局", None, "2023-01-19T06:30:00+00:00", 2, 5),
    ]
    dialog = RecycleBinDialog(entries)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert (
        dialog.list.item(0).text().startswith("青山县教育局 2022年度报告　　删除于 2023年1月20日")
    )
    assert "含下级单位 1 个" in dialog.list.item(1).text()
    assert dialog.empty_note.isHidden()
    with qtbot.waitSignal(dialog.restore_requested) as restored:
        dialog.restore_button.click()
    assert restored.args == [7]
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.purge_requested) as purged:
        dialog.purge_button.click()
    assert purged.args == [3]
    dialog.show_entries([])
    assert not dialog.empty_note.isHidden()
    assert not dialog.restore_button.isEnabled() and not dialog.purge_all_button.isEnabled()
