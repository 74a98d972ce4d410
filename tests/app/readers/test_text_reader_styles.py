"""Reports pasted in every way people paste them read back figure for figure."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import ValueKind
from app.domain.layouts import get_layout
from app.domain.report import Report
from app.readers.text_reader import read_text
from app.rules import check
from tests.app.readers.pasted import render, table_rows

STYLES = ("tabs", "pipes", "word", "stream")


def sample_report(layout_id: str, rng: random.Random, blanks: bool = False) -> Report:
    year = 2020 if layout_id == "2019" else 2022
    report = Report(unit="某某县市场监督管理局", year=year)
    report.preamble = (
        f"本报告根据《中华人民共和国政府信息公开条例》编制。报告中所列数据统计期限自{year}年1月1日"
        f"起至{year}年12月31日止。"
    )
    report.chapters = {
        "1": f"{year}年，本局认真贯彻落实《条例》，全面推进政务公开工作。\n（一）主动公开\n全年主动公开信息120条。",
        "5": "一是公开内容不够全面；二是解读形式较单一。下一步将加强培训，丰富解读形式。",
        "6": "本年度未收取信息处理费。",
    }
    report.signature_unit = report.unit
    report.signature_date = dt.date(year + 1, 1, 20)
    for table in report.layout.tables:
        for spec in table.cells:
            if blanks and rng.random() < 0.1:
                continue
            if spec.kind is ValueKind.COUNT:
                report.set(spec.ref, rng.choice([0, 0, 1, 7, 23, 1500, 98765]))
            elif spec.kind is ValueKind.SIGNED_COUNT:
                report.set(spec.ref, rng.choice([0, -18, 26, 3]))
            else:
                report.set(
                    spec.ref,
                    rng.choice(
                        [
                            Decimal("0"),
                            Decimal("347.08"),
                            Decimal("24252.311082"),
                            Decimal("73802895.90"),
                        ]
                    ),
                )
                if spec.kind is ValueKind.MONEY_WITH_UNIT:
                    report.money_units[spec.ref] = rng.choice(["元", "万元"])
    return report


def assert_same_figures(read: Report, written: Report) -> None:
    for table in ("table2", "table3", "table4"):
        assert read.table_cells(table) == written.table_cells(table), table
    assert read.money_units == written.money_units


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("layout_id", ["2019", "2021"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6))
def test_pasted_report_reads_back(style: str, layout_id: str, seed: int) -> None:
    written = sample_report(layout_id, random.Random(seed), blanks=style != "stream")
    read = read_text(render(written, style))
    assert read.unit == written.unit
    assert read.year == written.year
    assert read.layout_id == layout_id
    assert read.table_layouts == {}
    assert_same_figures(read, written)
    assert read.signature_date == written.signature_date
    assert read.chapter("5") == written.chapter("5")
    assert read.chapter("6") == written.chapter("6")


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize("style", ["tabs", "pipes", "word"])
def test_full_width_digits_and_thousands_separators(style: str) -> None:
    written = sample_report("2021", random.Random(3))

    def odd_number(text: str) -> str:
        if text.isdigit() and len(text) > 3:
            return f"{int(text):,}"
        return text.translate(FULL_WIDTH)

    read = read_text(render(written, style, value=odd_number))
    assert_same_figures(read, written)


@pytest.mark.parametrize("style", ["tabs", "pipes", "word"])
def test_slash_and_dash_cells_are_blank_not_zero(style: str) -> None:
    written = sample_report("2021", random.Random(4))
    marks = iter(["/", "—", "", "／"] * 100)

    def slash(text: str) -> str:
        return next(marks) if text == "0" else text

    read = read_text(render(written, style, value=slash))
    zeros = {k for k, v in written.table_cells("table3").items() if v == 0}
    assert zeros and not zeros & set(read.table_cells("table3"))
    assert any(f.rule == "R6" for f in check(read))


def _typo(label: str) -> str:
    """Stray spaces, a half-width bracket, and one character wrong in long labels."""
    if len(label) > 8 and not label.startswith("（本列"):
        chars = list(label)
        chars[len(chars) - 2] = "殊"
        label = "".join(chars)
    return label.replace("（", "(", 1).replace("、", "、 ", 1)


@pytest.mark.parametrize("style", ["tabs", "pipes", "word"])
@pytest.mark.parametrize("layout_id", ["2019", "2021"])
def test_label_typos_and_spacing_variants(style: str, layout_id: str) -> None:
    written = sample_report(layout_id, random.Random(5))
    read = read_text(render(written, style, label=_typo))
    assert_same_figures(read, written)


def test_missing_chapter_heading_is_r14_but_tables_still_read() -> None:
    written = sample_report("2021", random.Random(6))
    headings = tuple(h if not h.startswith("三、") else "" for h in CHAPTER_HEADINGS)
    read = read_text(render(written, "tabs", headings=headings))
    assert_same_figures(read, written)
    r14 = [f for f in check(read) if f.rule == "R14"]
    assert [f.cells for f in r14] == [("chapter:3",)]


def test_2021_report_with_old_tables_is_read_and_flagged_r13() -> None:
    old = sample_report("2019", random.Random(7))
    text = render(old, "tabs").replace("2020年", "2021年")
    read = read_text(text)
    assert read.year == 2021
    assert read.layout_id == "2021"
    assert read.table_layouts == {"table2": "2019", "table3": "2019"}
    assert read.table_cells("table3") == old.table_cells("table3")
    r13 = [f for f in check(read) if f.rule == "R13"]
    assert {f.cells[0] for f in r13} == {"table2:", "table3:"}
    assert all(f.severity.value == "error" for f in r13)


def test_extra_subtotal_column_is_dropped_with_a_note() -> None:
    written = sample_report("2021", random.Random(8))
    table = get_layout("2021").table3
    rows = table_rows(written, table, "tabs")
    lines = []
    for r, cells in enumerate(rows):
        if r == 1:
            cells = ["自然人", "法人或其他组织小计", *cells[1:]]
        elif r >= table.header_rows:
            numbers = [int(c) for c in cells[-7:]]
            cells = [*cells[:-7], str(numbers[0]), str(sum(numbers[1:6])), *cells[-6:]]
        lines.append("\t".join(cells))
    text = "\n".join(
        ["某某局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *lines]
    )
    read = read_text(text)
    assert read.table_cells("table3") == written.table_cells("table3")
    assert any("多出一列" in note for note in read.reader_notes)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("layout_id", ["2019", "2021"])
def test_words_typed_into_figure_cells_stay_in_their_cells(style: str, layout_id: str) -> None:
    # "见附件" in a row's first figure cell reads like a label; it must not shift the row.
    written = sample_report(layout_id, random.Random(6))
    rules = "rules.made" if layout_id == "2019" else "rules.issued"
    typed = [
        "table3:new.natural",
        "table3:open.total",
        f"table2:{rules}",
        "table4:review.upheld",
        "table4:suit_after_review.total",
    ]
    if layout_id == "2021" and style != "stream":  # a row of one figure (stream: no telling)
        typed.append("table2:licensing.decisions")
    for ref in typed:
        written.set(ref, "见附件")
    read = read_text(render(written, style))
    assert_same_figures(read, written)
    r5 = {cell for f in check(read) if f.rule == "R5" for cell in f.cells}
    assert set(typed) <= r5


def test_a_unit_column_beside_the_labels_is_no_figure() -> None:
    # Some pages add a column "件" between a row's label and its figures: the figures keep
    # their columns (the unit is not taken for a figure typed into the first cell).
    written = sample_report("2021", random.Random(7))
    for ref in written.table_cells("table2"):
        written.set(f"table2:{ref}", 5)  # whole numbers, so every figure cell is digits
    lines = render(written, "tabs").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    for i in range(start, end):
        cells = lines[i].split("\t")
        first = next((j for j, c in enumerate(cells) if c.isdigit()), None)
        if first is not None:
            lines[i] = "\t".join([*cells[:first], "件", *cells[first:]])
    read = read_text("\n".join(lines))
    for table in ("table2", "table3"):
        assert read.table_cells(table) == written.table_cells(table), table


@pytest.mark.parametrize("style", STYLES)
def test_tables_are_found_by_their_labels_whatever_the_headings(style: str) -> None:
    written = sample_report("2021", random.Random(11))
    text = render(written, style)
    three, four, five = (text.index(h) for h in CHAPTER_HEADINGS[2:5])
    swapped = text[:three] + text[four:five] + text[three:four] + text[five:]
    garbled = render(
        written,
        style,
        headings=(
            *CHAPTER_HEADINGS[:3],
            "四、政府信息公开行政法复议、行政诉讼情况",
            "",
            CHAPTER_HEADINGS[5],
        ),
    )
    for pasted in (swapped, garbled):
        read = read_text(pasted)
        assert_same_figures(read, written)
        assert not [note for note in read.reader_notes if note.startswith("没有读到")]
