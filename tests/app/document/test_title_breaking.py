"""Titles broken as GB/T 9704 wants: whole names on each line, balanced, the longer line above."""

from __future__ import annotations

import pytest

from app.document.title_breaking import text_width, title_lines

LINE = 20.0  # 2号 characters on the 156 mm line


def test_the_title_breaks_after_the_agency() -> None:
    assert title_lines("高青县行政审批服务局2020年政府信息公开工作年度报告", LINE) == [
        "高青县行政审批服务局",
        "2020年政府信息公开工作年度报告",
    ]


def test_a_short_title_stays_on_one_line() -> None:
    assert title_lines("政府信息公开工作年度报告", LINE) == ["政府信息公开工作年度报告"]


@pytest.mark.parametrize(
    ("agency", "lines"),
    [
        (
            "淮安市洪泽区经济技术开发区管理委员会经济发展局",
            ["淮安市洪泽区经济技术开发区", "管理委员会经济发展局"],
        ),
        (
            "某某省某某市某某县人民政府办公室政务公开与政务服务科",
            ["某某省某某市某某县人民政府", "办公室政务公开与政务服务科"],
        ),
        (
            "中共淮安市洪泽区委机构编制委员会办公室综合科",
            ["中共淮安市洪泽区委", "机构编制委员会办公室综合科"],
        ),
        (
            "国家税务总局淮安市洪泽区税务局第一税务分局",
            ["国家税务总局淮安市洪泽区", "税务局第一税务分局"],
        ),
        (
            "某某自治州某某县市场监督管理局综合执法大队",
            ["某某自治州某某县", "市场监督管理局综合执法大队"],
        ),
    ],
)
def test_a_long_agency_breaks_between_the_names_it_is_made_of(
    agency: str, lines: list[str]
) -> None:
    got = title_lines(agency + "2024年政府信息公开工作年度报告", LINE)
    assert got == [*lines, "2024年政府信息公开工作年度报告"]


@pytest.mark.parametrize(
    "agency",
    [
        "淮安市洪泽区发展和改革委员会",
        "中共某某县委机构编制委员会办公室",
        "某某经济技术开发区管理委员会经济发展局",
    ],
)
def test_an_agency_that_fits_is_one_line(agency: str) -> None:
    assert title_lines(agency + "2024年政府信息公开工作年度报告", LINE) == [
        agency,
        "2024年政府信息公开工作年度报告",
    ]


def test_names_are_never_cut_inside_on_a_narrow_line() -> None:
    lines = title_lines(
        "淮安市洪泽区经济技术开发区管理委员会经济发展局2024年政府信息公开工作年度报告", 11
    )
    assert lines == [
        "淮安市洪泽区",
        "经济技术开发区",
        "管理委员会经济发展局",
        "2024年政府信息公开工作",
        "年度报告",
    ]


def test_words_that_merely_contain_a_place_ending_are_not_broken() -> None:
    lines = title_lines(
        "某某市城市管理局某某市市场监督管理局某某区科学技术协会2024年政府信息公开工作年度报告", LINE
    )
    joined = "|".join(lines)
    for word in ("城市管理局", "市场监督管理局", "科学技术协会"):
        assert word in joined, lines


def test_about_goes_with_the_year_when_the_title_says_guanyu() -> None:
    assert title_lines("某某县人民政府办公室关于2024年政府信息公开工作年度报告", LINE) == [
        "某某县人民政府办公室",
        "关于2024年政府信息公开工作年度报告",
    ]


def test_a_name_wider_than_a_line_is_halved_without_cutting_figures() -> None:
    lines = title_lines(
        "某某12345便民服务热线运行维护保障服务工作专班2024年政府信息公开工作年度报告", 10
    )
    assert all(text_width(line) <= 10 for line in lines)
    assert any("12345" in line for line in lines)


def test_digits_count_half_a_character() -> None:
    assert text_width("2021年1月21日") == 6.5
