"""Which fonts stand in for the official ones, and what the preview tells the user."""

from __future__ import annotations

from app.document.profile import OFFICIAL, WINDOWS
from ui.preview.fonts import resolve_fonts

OFFICIAL_SET = ["仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体", "Times New Roman"]
WINDOWS_SET = ["FangSong", "KaiTi", "SimHei", "SimSun", "Times New Roman", "Arial"]
LINUX_SET = ["Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans", "Liberation Serif"]


def test_with_the_official_fonts_installed_nothing_is_said() -> None:
    fonts = resolve_fonts(OFFICIAL, OFFICIAL_SET)
    assert fonts.message == ""
    assert all(choice.exact for choice in fonts.choices.values())


def test_on_a_windows_pc_song_in_bold_stands_in_for_xiaobiaosong() -> None:
    fonts = resolve_fonts(OFFICIAL, WINDOWS_SET)
    title = fonts.choice("方正小标宋简体")
    assert (title.family, title.bold, title.exact) == ("SimSun", True, False)
    assert fonts.choice("仿宋_GB2312").family == "FangSong"
    assert fonts.choice("楷体_GB2312").family == "KaiTi"
    assert fonts.choice("黑体").exact  # 黑体 is SimHei under its English name
    message = fonts.message
    assert "未安装方正小标宋简体，预览以SimSun（加粗）代替" in message
    assert "楷体_GB2312" in message and "仿宋_GB2312" in message
    assert "建议在排版方案中选用“Windows 自带字体" in message


def test_the_windows_profile_on_a_windows_pc_needs_no_stand_in() -> None:
    fonts = resolve_fonts(WINDOWS, WINDOWS_SET)
    assert fonts.message == ""
    # 宋体 is the title (bold by the profile) and the page numbers: the font itself stays regular.
    assert not fonts.choice("宋体").bold


def test_without_any_chinese_office_font_noto_stands_in_and_the_message_says_so() -> None:
    fonts = resolve_fonts(OFFICIAL, LINUX_SET)
    assert fonts.choice("黑体").family == "Noto Sans CJK SC"
    assert fonts.choice("仿宋_GB2312").family == "Noto Serif CJK SC"
    assert fonts.choice("方正小标宋简体").bold
    assert fonts.choice("Times New Roman").family == "Liberation Serif"
    assert "未安装黑体，预览以Noto Sans CJK SC代替" in fonts.message
    assert "Times New Roman" not in fonts.message  # a metric twin; not worth a word


def test_a_computer_with_no_chinese_font_at_all_still_gets_a_plain_message() -> None:
    fonts = resolve_fonts(WINDOWS, ["DejaVu Sans"])
    assert fonts.choice("仿宋").family == ""
    assert "预览以系统默认字体代替" in fonts.message
    assert "建议" not in fonts.message  # already on the Windows profile
