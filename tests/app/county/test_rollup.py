"""The roll-up: cell-wise sums of the units' tables, as the layout says which cells; blanks as 0
and named; the flagged cells; reports that cannot be added up refused, naming the odd ones."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.county.rollup import RollupRefused, add_up, apply_sums, notes
from app.document.placeholders import expand, problems
from app.domain.carry import start_next_year
from app.domain.report import Report
from app.domain.report_form import dumps
from app.domain.rollup_record import rollup_record
from app.readers.json_form import loads
from tests.app.county.county_data import COUNTY, DEPARTMENTS, TOWNSHIPS, unit_report

UNITS = (*DEPARTMENTS[:6], *TOWNSHIPS[:2])


def sources(year: int = 2022, units: tuple[str, ...] = UNITS) -> list[tuple[str, Report]]:
    return [(u, unit_report(u, year, 3)) for u in units]


def test_every_cell_is_the_sum_of_the_units() -> None:
    parts = sources()
    summed = add_up(2022, parts)
    layout = parts[0][1].layout
    for table in layout.tables:
        for spec in table.cells:
            expected = sum((r.get(spec.ref) or 0 for _, r in parts), start=0)
            assert summed.cells[spec.ref] == expected, spec.ref
    assert summed.cells["table2:fees.amount"] == sum(
        (r.get("table2:fees.amount") or 0 for _, r in parts), start=Decimal(0)
    )


def test_the_drill_down_names_who_gave_what() -> None:
    parts = sources()
    summed = add_up(2022, parts)
    drill = summed.parts("table3:new.total")
    assert [p.unit for p in drill] == list(UNITS)
    assert [p.value for p in drill] == [r.get("table3:new.total") for _, r in parts]
    assert sum(p.counted for p in drill) == summed.cells["table3:new.total"]


def test_the_sums_balance_when_the_units_do() -> None:
    from app.rules import check

    report = apply_sums(Report(unit=COUNTY, year=2022, level="county"), add_up(2022, sources()))
    assert not [f for f in check(report) if f.rule in ("R1", "R2", "R3", "R4")]


def test_a_blank_cell_counts_as_0_and_its_unit_is_named() -> None:
    parts = sources()
    parts[2][1].set("table3:open.natural", None)
    parts[2][1].set("table4:review.upheld", None)
    parts[5][1].set("table3:open.natural", "若干")
    summed = add_up(2022, parts)
    expected = sum(r.number("table3:open.natural") or 0 for _, r in parts)
    assert summed.cells["table3:open.natural"] == expected
    said = notes(summed)
    assert any(line.startswith(f"“{UNITS[2]}”有 2 格空白，按 0 计入") for line in said)
    assert any(line.startswith(f"“{UNITS[5]}”有 1 格不是数字") for line in said)
    assert any("现行有效件数" in line and "重复计算" in line for line in said)


def test_documents_in_force_are_summed_but_flagged() -> None:
    summed = add_up(2022, sources())
    assert summed.flagged == {"table2:rules.in_force", "table2:normative_docs.in_force"}
    summed_2020 = add_up(2020, sources(2020))
    assert summed_2020.flagged == {
        "table2:rules.total_public",
        "table2:normative_docs.total_public",
    }


def test_money_written_in_yuan_and_wanyuan_is_summed_in_wanyuan() -> None:
    parts = sources(2020, UNITS[:3])
    ref = "table2:procurement.amount"
    for (_, report), (value, unit) in zip(
        parts, [("347.08", "万元"), ("73802895.90", "元"), ("10", "万元")], strict=True
    ):
        report.set(ref, Decimal(value))
        report.money_units[ref] = unit
    summed = add_up(2020, parts)
    # 347.08 + 73802895.90 / 10000 + 10
    assert (summed.cells[ref], summed.money_units[ref]) == (Decimal("7737.36959"), "万元")


def test_money_all_in_yuan_stays_in_yuan() -> None:
    parts = sources(2020, UNITS[:2])
    ref = "table2:procurement.amount"
    for _, report in parts:
        report.set(ref, Decimal("100.50"))
        report.money_units[ref] = "元"
    summed = add_up(2020, parts)
    assert (summed.cells[ref], summed.money_units[ref]) == (Decimal("201.00"), "元")


def test_reports_of_other_years_are_refused_by_name() -> None:
    parts = sources()
    parts[3] = (UNITS[3], unit_report(UNITS[3], 2021, 3))
    with pytest.raises(RollupRefused, match=rf"不是2022年度的：“{UNITS[3]}”（2021年度）$"):
        add_up(2022, parts)


def test_reports_in_another_layout_are_refused_by_name() -> None:
    parts = sources()
    odd = parts[1][1]
    odd.table_layouts = {"table3": "2019"}
    with pytest.raises(RollupRefused, match=rf"以下报告不是：“{UNITS[1]}”（2019年版格式）"):
        add_up(2022, parts)


def test_one_unit_twice_or_no_unit_is_refused() -> None:
    parts = sources()
    with pytest.raises(RollupRefused, match=rf"“{UNITS[0]}”有多份"):
        add_up(2022, [*parts, parts[0]])
    with pytest.raises(RollupRefused, match="没有可汇总的报告"):
        add_up(2022, [])


def test_cells_typed_by_hand_stay_and_the_record_says_what_was_summed() -> None:
    county = Report(unit=COUNTY, year=2022, level="county")
    county.chapters["5"] = "本县自己的问题。"
    county.set("table3:new.total", 12345)
    made = apply_sums(
        county, add_up(2022, sources()), ["a.docx"] * len(UNITS), frozenset({"table3:new.total"})
    )
    assert made.get("table3:new.total") == 12345
    assert made.chapter("5") == "本县自己的问题。"
    record = rollup_record(made)
    assert record is not None
    assert [s.unit for s in record.sources] == list(UNITS)
    assert record.sources[0].source == "a.docx"
    assert record.hand_edited == {"table3:new.total"}
    data = json.loads(dumps(made))
    assert data["rollup"]["hand_edited"] == ["table3:new.total"]
    assert [s["unit"] for s in data["rollup"]["sources"]] == list(UNITS)
    assert rollup_record(loads(dumps(made))) == record  # through JSON and back


def test_the_breakdown_placeholder_lists_each_units_share() -> None:
    parts = sources()
    made = apply_sums(Report(unit=COUNTY, year=2022, level="county"), add_up(2022, parts))
    text = expand(
        "全县共收到申请{{本年新收申请总数}}件，其中{{本年新收申请总数（分单位）}}。", made
    )
    total = made.get("table3:new.total")
    shares = [
        f"{u.replace('青山县', '县', 1)}{r.get('table3:new.total')}件"
        for u, r in parts
        if r.get("table3:new.total")
    ]
    assert text == f"全县共收到申请{total}件，其中{'、'.join(shares)}。"
    assert problems("{{本年新收申请总数（分单位）}}", made) == []
    plain = Report(unit="某局", year=2022)
    assert "只能用于汇总报告" in problems("{{本年新收申请总数（分单位）}}", plain)[0].message


def test_next_years_report_of_a_county_is_no_roll_up_until_made_one() -> None:
    made = apply_sums(Report(unit=COUNTY, year=2022, level="county"), add_up(2022, sources()))
    assert rollup_record(start_next_year(made)[0]) is None


def test_one_report_replaced_gives_the_sums_of_adding_up_afresh() -> None:
    parts = sources(2020)
    summed = add_up(2020, parts)
    changed = parts[3][1].copy()
    changed.set("table3:open.natural", 999)
    changed.set("table4:review.total", None)
    changed.set("table2:procurement.amount", Decimal("5"))
    changed.money_units["table2:procurement.amount"] = "元"
    replaced = summed.with_source(UNITS[3], changed)
    fresh = add_up(2020, [*parts[:3], (UNITS[3], changed), *parts[4:]])
    assert replaced.cells == fresh.cells
    assert replaced.money_units == fresh.money_units
    assert replaced.parts("table3:open.natural")[3].value == 999
    other_year = unit_report(UNITS[3], 2021, 3)
    with pytest.raises(RollupRefused, match="2021年度"):
        summed.with_source(UNITS[3], other_year)
