"""R21 (two units' chapter 1 or 5 more than half the same) and R22 (tables as last year's)."""

from __future__ import annotations

import random

from app.county.cross_unit import UnitTexts, copied_between_units
from app.county.similarity import dice, grams, similar_texts
from app.domain.findings import Severity
from app.readers.files import read_report_file
from app.rules import check
from tests.app.county.county_data import (
    DEPARTMENTS,
    copy_chapter,
    copy_tables,
    next_year_of,
    unit_report,
)
from tests.paths import FIXTURES


def texts(unit: str, five: str, one: str = "", year: int = 2022) -> UnitTexts:
    return UnitTexts(unit, year, {"1": one, "5": five})


def test_dice_reads_as_the_share_of_the_text_in_common() -> None:
    a = "本机关政府信息公开工作存在的主要问题是公开内容不够全面，解读形式较为单一。"
    assert dice(grams(a), grams(a)) == 1.0
    assert dice(grams(a), grams("完全不同的另一段文字，讲的是别的事情，没有任何相同之处。")) == 0.0
    half = a + "下一步将加强培训提升能力，完善制度，规范流程，强化监督，推动工作上台阶。"
    assert 0.5 < dice(grams(a), grams(half)) < 0.8


def test_a_chapter_copied_from_another_unit_is_named_in_both_reports() -> None:
    education = unit_report("青山县教育局", 2022, 0)
    finance = unit_report("青山县财政局", 2022, 0)
    copy_chapter(finance, education)
    other = unit_report("青山县统计局", 2022, 0)
    found = copied_between_units(
        [UnitTexts(r.unit, r.year, r.chapters) for r in (education, finance, other)]
    )
    assert [f.rule for f in found[0]] == ["R21"]
    assert found[0][0].severity is Severity.WARNING
    assert found[0][0].cells == ("chapter:5",)
    assert "“青山县财政局”" in found[0][0].message
    assert "“青山县教育局”" in found[1][0].message
    assert found[2] == []


def test_chapter_one_is_compared_too_and_the_group_is_counted() -> None:
    source = unit_report("青山县教育局", 2022, 0)
    copies = []
    for unit in DEPARTMENTS[:5]:
        report = unit_report(unit, 2022, 0)
        copy_chapter(report, source, "1")
        copies.append(report)
    found = copied_between_units([UnitTexts(r.unit, r.year, r.chapters) for r in copies])
    for findings in found:
        assert [f.cells for f in findings] == [("chapter:1",)]
        assert "等 4 个单位" in findings[0].message


def test_the_real_reports_of_different_agencies_are_not_called_copies() -> None:
    reports = [read_report_file(p) for p in sorted(FIXTURES.glob("*.txt"))]
    batch = [UnitTexts(f"单位{i}", 2020, r.chapters) for i, r in enumerate(reports)]
    assert copied_between_units(batch) == [[] for _ in reports]


def test_one_units_two_files_and_other_years_are_not_compared() -> None:
    same = "我单位存在的主要问题是公开内容不够全面及时，政策解读形式较为单一，互动回应不够。" * 2
    batch = [
        texts("青山县教育局", same),
        texts("青山县 教育局", same),
        texts("青山县财政局", same, year=2021),
    ]
    assert copied_between_units(batch) == [[], [], []]


def test_short_texts_such_as_none_are_left_to_r14() -> None:
    assert copied_between_units([texts("甲局", "无。"), texts("乙局", "无。")]) == [[], []]


def test_a_template_copied_by_hundreds_among_a_thousand_is_found_whole() -> None:
    rng = random.Random(7)
    words = [chr(0x4E00 + rng.randrange(3000)) for _ in range(4000)]
    template = "".join(rng.choice(words) for _ in range(600))
    corpus = []
    for i in range(1000):
        if i % 3 == 0:  # a third copy the template, changing a few words
            chars = list(template)
            for _ in range(20):
                chars[rng.randrange(len(chars))] = rng.choice(words)
            corpus.append("".join(chars))
        else:
            corpus.append("".join(rng.choice(words) for _ in range(600)))
    found = similar_texts(corpus, [str(i) for i in range(1000)])
    copied = {i for i in range(1000) if i % 3 == 0}
    assert set(found) == copied
    assert {like.group for like in found.values()} == {len(copied) - 1}


def test_tables_identical_to_last_years_are_flagged_r22() -> None:
    previous = unit_report("青山县教育局", 2021, 0)
    report = next_year_of(previous, 1)
    assert "R22" not in {f.rule for f in check(report, previous)}
    copy_tables(report, previous)
    [finding] = [f for f in check(report, previous) if f.rule == "R22"]
    assert finding.severity is Severity.WARNING
    assert "2021年" in finding.message


def test_tables_that_are_all_zero_two_years_running_are_not_suspect() -> None:
    previous = unit_report("青山镇人民政府", 2021, 0)
    report = next_year_of(previous, 1)
    for r in (previous, report):
        for ref in list(r.cells):
            r.set(ref, 0)
    assert "R22" not in {f.rule for f in check(report, previous)}
