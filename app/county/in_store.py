"""Roll-ups kept in the database: made from a county's subordinate units, and made again when one
of the reports they summed changes (the cells the user typed stay as typed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.county.rollup import Source, Summed, add_up, apply_sums
from app.document.placeholders import BY_UNIT
from app.domain.report import Report
from app.domain.rollup_record import rollup_record
from app.store import Store

FROM_DATABASE = "数据库"
_REGION_WORD = re.compile(r"([省市县区旗])")


@dataclass(frozen=True)
class Gathered:
    sources: list[Source]
    missing: list[str]  # chosen units with no report of the year


def gather(store: Store, units: Sequence[str], year: int) -> Gathered:
    sources, missing = [], []
    for unit in units:
        report = store.load(unit, year)
        if report is None:
            missing.append(unit)
        else:
            sources.append((unit, report))
    return Gathered(sources, missing)


def draft_chapter_one(county: str) -> str:
    """The breakdown sentence a county report opens its chapter 1 with, as placeholders."""
    found = _REGION_WORD.search(county)
    region = "全" + (found.group(1) if found else "县")
    return (
        f"{region}共收到政府信息公开申请{{{{本年新收申请总数}}}}件，其中"
        f"{{{{本年新收申请总数{BY_UNIT}}}}}。"
    )


def county_report(store: Store, county: str, year: int) -> Report:
    """The county's report of `year` as stored, or a new one opening with the breakdown."""
    stored = store.load(county, year)
    if stored is not None:
        return stored
    info = store.unit(county)
    report = Report(
        unit=county, year=year, level=info.level if info else "county", signature_unit=county
    )
    report.chapters["1"] = draft_chapter_one(county)
    return report


def roll_up_into(store: Store, target: Report, units: Sequence[str]) -> tuple[Report, Summed]:
    """`target` with its tables summed from `units`' reports of its year (its text, and the
    cells typed by hand, kept). Not saved."""
    gathered = gather(store, units, target.year)
    summed = add_up(target.year, gathered.sources)
    record = rollup_record(target)
    edited = record.hand_edited if record else frozenset()
    return apply_sums(target, summed, [FROM_DATABASE] * len(gathered.sources), edited), summed


def refreshed(store: Store, report: Report) -> Report | None:
    """A roll-up made again from the current reports of the units it summed; None when the
    report is no roll-up or nothing changed."""
    record = rollup_record(report)
    if record is None:
        return None
    made, _ = roll_up_into(store, report, [s.unit for s in record.sources])
    if made.cells == report.cells and rollup_record(made) == record:
        return None
    return made


def rollups_above(store: Store, unit: str, year: int) -> list[str]:
    """The units above `unit` whose report of `year` is a roll-up summing it, nearest first."""
    found: list[str] = []
    below = unit
    info = store.unit(unit)
    while info is not None and info.parent and info.parent not in found:
        above = store.load(info.parent, year)
        record = rollup_record(above) if above is not None else None
        if record is None or below not in {s.unit for s in record.sources}:
            break
        found.append(info.parent)
        below, info = info.parent, store.unit(info.parent)
    return found


def refresh_above(store: Store, unit: str, year: int) -> list[str]:
    """After `unit`'s report of `year` changed: the roll-ups above it made again and saved;
    the units whose roll-ups changed."""
    changed = []
    for county in rollups_above(store, unit, year):
        report = store.load(county, year)
        fresh = refreshed(store, report) if report is not None else None
        if fresh is not None:
            store.save(fresh)
            changed.append(county)
    return changed
