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
