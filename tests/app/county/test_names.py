"""A report is matched to a unit by the name in its title or signature: exactly as compared,
else close names are offered, never taken."""

from __future__ import annotations

import pytest

from app.county.names import closeness, match_unit, names_in, normal_name
from app.domain.report import Report

UNITS = [
    "青山县人民政府",
    "青山县教育局",
    "青山县人民政府办公室",
    "青山县财政局",
    "河东镇人民政府",
    "青山县市场监督管理局",
    "青山县公安局",
]


def report(unit: str, signature: str = "") -> Report:
    return Report(unit=unit, year=2022, signature_unit=signature)


@pytest.mark.parametrize(
    "written", ["青山县教育局", " 青山县 教育局", "青山县教育局　", "青山县教育局\u3000"]
)
def test_a_name_written_with_stray_spaces_matches_exactly(written: str) -> None:
    assert match_unit(report(written), UNITS).exact == "青山县教育局"


def test_full_width_letters_and_brackets_match_their_half_width_forms() -> None:
    units = ["青山县ＸＹ办公室（县委网信办）"]
    assert match_unit(report("青山县XY办公室(县委网信办)"), units).exact == units[0]
    assert normal_name("ＡＢ （一）") == "AB(一)"


def test_the_signature_matches_when_the_title_names_no_known_unit() -> None:
    found = match_unit(report("关于", signature="青山县财政局"), UNITS)
    assert found.exact == "青山县财政局"


def test_a_shortened_name_is_offered_not_taken() -> None:
    found = match_unit(report("县教育局"), UNITS)
    assert found.exact is None
    assert found.close[0][0] == "青山县教育局"
    assert found.name == "县教育局"


def test_a_typo_or_a_shorter_form_is_offered_with_the_closest_first() -> None:
    for written in ("青山县市场监督管里局", "青山县市场监管局"):
        found = match_unit(report(written), UNITS)
        assert found.exact is None
        assert [name for name, _ in found.close] == ["青山县市场监督管理局"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("青山镇人民政府", "青山县人民政府"),  # a township is not its county
        ("河东镇人民政府", "河西镇人民政府"),  # nor another township
        ("青山县教育局", "青山县公安局"),  # nor another department
        ("青山县人民政府办公室", "青山县人民政府"),  # nor the office its government
        ("某县教育局", "青山县教育局"),  # nor another county's department
        ("城关街道办事处", "西湖街道办事处"),
    ],
)
def test_names_sharing_many_characters_are_not_offered_for_each_other(a: str, b: str) -> None:
    assert closeness(a, b) < 0.6


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("河东镇", "河东镇人民政府"),
        ("河东镇政府", "河东镇人民政府"),
        ("城关街道", "城关街道办事处"),
        ("青山县", "青山县人民政府"),
        ("县发展和改革局", "青山县发展和改革局"),
        ("青山县人力资源社会保障局", "青山县人力资源和社会保障局"),
    ],
)
def test_the_same_unit_written_otherwise_is_offered(a: str, b: str) -> None:
    assert closeness(a, b) >= 0.6


def test_an_unknown_unit_is_neither_matched_nor_offered() -> None:
    found = match_unit(report("柳林乡人民政府"), ["青山县公安局", "青山县统计局"])
    assert (found.exact, found.close, found.name) == (None, (), "柳林乡人民政府")


def test_names_are_given_once_each_in_order() -> None:
    assert names_in(report("青山县教育局", "青山县 教育局")) == ["青山县教育局"]
    assert names_in(report("", "青山县教育局")) == ["青山县教育局"]


def test_closeness_orders_the_likely_above_the_unlikely() -> None:
    assert closeness("青山县教育局", "青山县教育局") == 1.0
    assert closeness("教育局", "青山县教育局") > closeness("教育局", "青山县财政局")
    assert closeness("", "青山县教育局") == 0.0
