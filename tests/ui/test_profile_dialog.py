"""版式设置: choosing fonts and margins, refusing what cannot be printed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.document.profile import OFFICIAL, WINDOWS
from ui.profile_dialog import ProfileDialog


def test_choosing_windows_fonts_and_wider_margins(qtbot: QtBot) -> None:
    dialog = ProfileDialog(OFFICIAL, "测试局")
    qtbot.addWidget(dialog)
    dialog.fonts.setCurrentIndex(dialog.fonts.findData("windows"))
    dialog.margins["margin_left_mm"].setValue(30.0)
    profile = dialog.profile()
    assert profile.fonts == WINDOWS.fonts
    assert profile.margin_left_mm == 30.0
    assert profile.margin_top_mm == 37.0
    assert dialog.ok_button.isEnabled()


def test_too_many_lines_disables_ok_with_a_reason(qtbot: QtBot) -> None:
    dialog = ProfileDialog(OFFICIAL)
    qtbot.addWidget(dialog)
    dialog.lines.setValue(40)
    assert not dialog.ok_button.isEnabled()
    assert "行距" in dialog.problem.text()
    dialog.lines.setValue(22)
    assert dialog.ok_button.isEnabled() and dialog.problem.text() == ""


def test_reset_returns_to_the_standard(qtbot: QtBot) -> None:
    dialog = ProfileDialog(OFFICIAL)
    qtbot.addWidget(dialog)
    dialog.margins["margin_top_mm"].setValue(30.0)
    dialog.chars.setValue(26)
    dialog.reset.click()
    assert dialog.profile() == OFFICIAL
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None


def test_the_dialog_says_what_each_profile_sets_the_title_in_and_what_this_pc_lacks(
    qtbot: QtBot,
) -> None:
    dialog = ProfileDialog(OFFICIAL, "测试局", families=["FangSong", "KaiTi", "SimHei", "SimSun"])
    qtbot.addWidget(dialog)
    assert "方正小标宋简体" in dialog.fonts_used.text()
    dialog.fonts.setCurrentIndex(dialog.fonts.findData("windows"))
    assert dialog.fonts_used.text().startswith("标题 宋体加粗")
    assert "本机未安装方正小标宋简体、楷体_GB2312、仿宋_GB2312" in dialog.here.text()
    assert "默认用“Windows 自带字体" in dialog.here.text()
    everything = ProfileDialog(
        OFFICIAL, families=["仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体"]
    )
    qtbot.addWidget(everything)
    assert everything.here.text() == "本机已安装公文标准字体。"
