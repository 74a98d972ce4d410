"""The placeholders offered for insertion: a roll-up also offers each figure by unit."""

from __future__ import annotations

from app.county.rollup import add_up, apply_sums
from app.domain.report import Report
from tests.app.county.county_data import COUNTY, DEPARTMENTS, unit_report
from ui.placeholders_ui import entries


def test_a_roll_up_offers_each_figure_by_unit_and_a_plain_report_does_not() -> None:
    parts = [(u, unit_report(u, 2022, 2)) for u in DEPARTMENTS[:3]]
    rolled = apply_sums(Report(unit=COUNTY, year=2022, level="county"), add_up(2022, parts))
    offered = {e.name: e.figure for e in entries(rolled)}
    shares = "、".join(
        f"{u.replace('青山县', '县', 1)}{r.get('table3:new.total')}件"
        for u, r in parts
        if r.get("table3:new.total")
    )
    assert offered["本年新收申请总数（分单位）"] == shares
    assert offered["本年新收申请总数"] == str(rolled.get("table3:new.total"))
    plain = {e.name for e in entries(parts[0][1])}
    assert "本年新收申请总数" in plain
    assert not any(name.endswith("（分单位）") for name in plain)
