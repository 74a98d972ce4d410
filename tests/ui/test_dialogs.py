"""The new-unit dialog: the year a report is written for, the layout it uses, duplicates refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.dialogs import NewUnitDialog, default_report_year


def test_in_january_the_report_is_for_last_year() -> None:
    assert default_report_year(dt.date(2022, 1, 10)) == 2021
    assert default_report_year(dt.date(2022, 11, 1)) == 2022


def test_a_taken_name_is_refused_and_the_layout_is_named(qtbot: QtBot) -> None:
    dialog = NewUnitDialog(["高青县行政审批服务局"], dt.date(2021, 1, 5))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定" and not ok.isEnabled()
    dialog.name.setText(" 高青县行政审批服务局 ")
    assert not ok.isEnabled() and "已经存在" in dialog.error.text()
    dialog.name.setText("高青县财政局")
    assert ok.isEnabled() and dialog.error.text() == ""
    assert "〔2019〕60号" in dialog.layout_note.text()  # the 2020 report
    dialog.year.setValue(2021)
    assert "〔2021〕30号" in dialog.layout_note.text()
    dialog.level.setCurrentIndex(dialog.level.findText("乡镇（街道）"))
    assert dialog.result_unit().level == "township"
