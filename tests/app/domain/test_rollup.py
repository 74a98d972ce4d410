"""How the county roll-up treats each value cell, as the layouts state it (interfaces.md §5)."""

from app.domain.layout import Rollup
from app.domain.layouts import LAYOUTS, get_layout


def test_tables_3_and_4_are_summed_in_every_layout() -> None:
    for layout in LAYOUTS.values():
        for table in (layout.table3, layout.table4):
            assert {c.rollup for c in table.cells} == {Rollup.SUM}, (layout.id, table.name)


def test_2021_table_2_flags_only_the_documents_in_force() -> None:
    table = get_layout("2021").table2
    flagged = {c.key for c in table.cells if c.rollup is Rollup.SUM_FLAGGED}
    assert flagged == {"rules.in_force", "normative_docs.in_force"}
    summed = {c.key for c in table.cells if c.rollup is Rollup.SUM}
    assert summed == {
        "rules.issued",
        "rules.repealed",
        "normative_docs.issued",
        "normative_docs.repealed",
        "licensing.decisions",
        "penalty.decisions",
        "coercion.decisions",
        "fees.amount",
    }


def test_2019_table_2_flags_the_total_public_and_sums_the_rest() -> None:
    table = get_layout("2019").table2
    flagged = {c.key for c in table.cells if c.rollup is Rollup.SUM_FLAGGED}
    assert flagged == {"rules.total_public", "normative_docs.total_public"}
    summed = {c.key for c in table.cells if c.rollup is Rollup.SUM}
    assert {
        "licensing.prev_items",
        "fees.change",
        "procurement.projects",
        "procurement.amount",
        "rules.made",
    } <= summed
    assert not any(c.rollup is Rollup.NONE for c in table.cells)
