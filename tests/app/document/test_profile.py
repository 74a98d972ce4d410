"""Layout profiles: GB/T 9704 values, the Windows fonts, and what the store keeps."""

from __future__ import annotations

import json

import pytest

from app.document.model import TextRole
from app.document.profile import (
    OFFICIAL,
    WINDOWS,
    LayoutProfile,
    ProfileError,
    default_profile,
    missing_fonts,
)


def test_the_official_profile_is_gb_t_9704() -> None:
    p = OFFICIAL
    assert (p.margin_top_mm, p.margin_bottom_mm, p.margin_left_mm, p.margin_right_mm) == (
        37,
        35,
        28,
        26,
    )
    assert (p.text_width_mm, p.text_height_mm) == (156, 225)
    assert (p.lines_per_page, p.chars_per_line) == (22, 28)
    assert p.line_pitch_pt == 28.95  # 579 twips: 22 lines fill the 225 mm block
    assert 22 * p.line_pitch_pt <= p.text_height_mm / 25.4 * 72 < 23 * p.line_pitch_pt


def test_each_role_has_its_official_font() -> None:
    assert OFFICIAL.font_for(TextRole.TITLE) == "方正小标宋简体"
    assert OFFICIAL.font_for(TextRole.HEADING1) == "黑体"
    assert OFFICIAL.font_for(TextRole.HEADING2) == "楷体_GB2312"
    assert OFFICIAL.font_for(TextRole.HEADING3) == "仿宋_GB2312"
    assert OFFICIAL.font_for(TextRole.BODY) == "仿宋_GB2312"
    assert OFFICIAL.size_for(TextRole.TITLE) == 22
    assert OFFICIAL.size_for(TextRole.BODY) == 16


def test_the_windows_profile_uses_fonts_every_windows_pc_has() -> None:
    names = {WINDOWS.font_for(role) for role in TextRole} | {WINDOWS.fonts.page_number}
    assert names == {"宋体", "黑体", "楷体", "仿宋"}
    assert WINDOWS.fonts.title_bold


def test_a_profile_survives_the_store_as_json() -> None:
    custom = LayoutProfile.from_dict(
        {"name": "windows", "margin_left_mm": 30, "lines_per_page": 23}
    )
    stored = json.loads(json.dumps(custom.to_dict(), ensure_ascii=False))
    assert LayoutProfile.from_dict(stored) == custom
    assert custom.fonts == WINDOWS.fonts
    assert custom.margin_left_mm == 30.0 and custom.lines_per_page == 23


def test_an_empty_stored_profile_is_the_official_one() -> None:
    assert LayoutProfile.from_dict({}) == OFFICIAL


def test_a_font_can_be_changed_alone() -> None:
    p = LayoutProfile.from_dict({"fonts": {"title": "方正小标宋_GBK"}})
    assert p.fonts.title == "方正小标宋_GBK"
    assert p.fonts.body == "仿宋_GB2312"


def test_unknown_keys_from_a_newer_version_are_ignored() -> None:
    assert LayoutProfile.from_dict({"gutter_mm": 5}) == OFFICIAL


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"margin_top_mm": 2}, "上边距"),
        ({"lines_per_page": 60}, "每页行数"),
        ({"chars_per_line": "28"}, "chars_per_line"),
        ({"lines_per_page": 40, "margin_top_mm": 50}, "行距小于正文字号"),
        ({"fonts": {"body": " "}}, "字体名称不能为空"),
        ([], "应为一个对象"),
    ],
)
def test_a_bad_profile_is_refused_in_chinese(data: object, words: str) -> None:
    with pytest.raises(ProfileError, match=words):
        LayoutProfile.from_dict(data)


def test_the_seal_gets_two_blank_lines_at_the_official_pitch() -> None:
    assert OFFICIAL.signature_lines == 2


OFFICIAL_PC = ["仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体", "Times New Roman"]
WINDOWS_PC = [
    "FangSong",
    "KaiTi",
    "SimHei",
    "SimSun",
    "NSimSun",
    "Microsoft YaHei",
    "DengXian",
    "Times New Roman",
]
LINUX_PC = ["Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"]


def test_a_pc_with_the_official_fonts_starts_with_the_official_profile() -> None:
    assert default_profile(OFFICIAL_PC) is OFFICIAL
    assert default_profile(OFFICIAL_PC + WINDOWS_PC) is OFFICIAL


def test_a_stock_windows_pc_starts_with_the_fonts_it_has() -> None:
    assert missing_fonts(OFFICIAL.fonts, WINDOWS_PC) == [
        "方正小标宋简体",
        "楷体_GB2312",
        "仿宋_GB2312",
    ]
    assert default_profile(WINDOWS_PC) is WINDOWS
    # Only 小标宋 installed, as many offices do: the body font is still missing.
    assert default_profile([*WINDOWS_PC, "方正小标宋简体"]) is WINDOWS
    assert WINDOWS.fonts.title == "宋体" and WINDOWS.fonts.title_bold


def test_without_either_set_or_without_a_font_database_the_official_names_are_written() -> None:
    assert default_profile(LINUX_PC) is OFFICIAL  # neither: the names a 公文 is to carry
    assert default_profile(None) is OFFICIAL  # the command line cannot ask
