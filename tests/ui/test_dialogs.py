"""The new-unit dialog: the year a report is written for, the layout it uses, duplicates refused,
names no longer than the store takes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.domain.report import MAX_UNIT_NAME
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


def test_a_name_pasted_from_a_paragraph_stops_where_the_store_would_refuse_it(
    qtbot: QtBot,
) -> None:
    """Pasting a paragraph into 单位名称 keeps its first 100 characters, which the store takes,
    instead of an OK that ends in the store's refusal."""
    dialog = NewUnitDialog([], dt.date(2022, 3, 1))
    qtbot.addWidget(dialog)
    QApplication.clipboard().setText("某县人民政府办公室" * 30)
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.name.text() == ("某县人民政府办公室" * 30)[:MAX_UNIT_NAME]
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
