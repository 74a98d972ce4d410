"""A county's tables as the sums of its units' tables (spec/interfaces.md §5).

Which cells are summed is the layout's word (`CellSpec.rollup`): SUM cells are added up,
SUM_FLAGGED ones too but marked (a rule in force in two units is counted twice), NONE cells are
the county's own. A blank cell counts as 0, and the units that left it blank are named; a cell
holding words instead of a figure counts as 0 too, named likewise. Pure: reports in, figures out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.county.places import place_name
from app.document.placeholders import NAMED_FIGURES
from app.domain.layout import CellSpec, Rollup, ValueKind
from app.domain.layouts import get_layout, layout_for_year
from app.domain.report import CellValue, Report
from app.domain.rollup_record import RollupRecord, RollupSource, set_rollup_record

Source = tuple[str, Report]  # the unit, its report
TEN_THOUSAND = Decimal(10000)
NAMED_REFS = tuple(sorted({ref for figure in NAMED_FIGURES for ref in figure.refs}))
SHOWN_CELLS = 3  # cells a note names before "等"


class RollupRefused(Exception):
    """The reports cannot be added up (other years, other layouts, one unit twice); the
    message names the odd ones out."""


@dataclass(frozen=True)
class Part:
    unit: str
    value: CellValue | None  # as the unit's report holds it; None: left blank
    unit_of_money: str = ""

    @property
    def counted(self) -> int | Decimal:
        return self.value if isinstance(self.value, int | Decimal) else 0


@dataclass(frozen=True)
class Summed:
    year: int
    layout_id: str
    sources: tuple[Source, ...]
    cells: dict[str, int | Decimal]
    money_units: dict[str, str]
    flagged: frozenset[str]  # summed, but the sum may count one document twice

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(unit for unit, _ in self.sources)

    def parts(self, ref: str) -> tuple[Part, ...]:
        """Who contributed what to one cell (the drill-down)."""
        return tuple(Part(unit, r.get(ref), r.money_units.get(ref, "")) for unit, r in self.sources)

    def with_source(self, unit: str, report: Report) -> Summed:
        """The sums once `unit`'s report is `report` (a changed figure, a new import): one
        report's cells subtracted and added, not 150 reports added up again."""
        at = next((i for i, (u, _) in enumerate(self.sources) if u == unit), None)
        if at is None:
            return add_up(self.year, [*self.sources, (unit, report)])
        check_sources(self.year, [(unit, report)])
        old = self.sources[at][1].cells
        new = report.cells
        cells = dict(self.cells)
        for ref in cells:
            if ref in self.money_units:
                continue
            cells[ref] += _figure(new.get(ref)) - _figure(old.get(ref))
        sources = (*self.sources[:at], (unit, report), *self.sources[at + 1 :])
        money_units = dict(self.money_units)
        layout = get_layout(self.layout_id)
        for ref in money_units:
            cells[ref], money_units[ref] = _money_sum(layout.spec(ref), [r for _, r in sources])
        return Summed(self.year, self.layout_id, sources, cells, money_units, self.flagged)

    def blanks(self) -> dict[str, list[str]]:
        """unit -> the summed cells it left blank (counted as 0)."""
        return self._missing(lambda v: v is None)

    def not_figures(self) -> dict[str, list[str]]:
        """unit -> the summed cells holding words instead of a figure (counted as 0)."""
        return self._missing(lambda v: isinstance(v, str))

    def _missing(self, test: Callable[[CellValue | None], bool]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for unit, report in self.sources:
            for ref in self.cells:
                if test(report.get(ref)):
                    found[unit].append(ref)
        return dict(found)


def check_sources(year: int, sources: Sequence[Source]) -> None:
    """Refuse (RollupRefused) what cannot be added up into a report of `year`."""
    if not sources:
        raise RollupRefused("没有可汇总的报告")
    other_years = [f"“{u}”（{r.year}年度）" for u, r in sources if r.year != year]
    if other_years:
        raise RollupRefused(
            f"不能汇总不同年度的报告：以下报告不是{year}年度的：" + "、".join(other_years)
        )
    layout = layout_for_year(year)
    other_layouts = []
    for unit, report in sources:
        ids = {report.table_layout_id(t.name) for t in layout.tables}
        if ids != {layout.id}:
            shown = "、".join(sorted(ids - {layout.id}))
            other_layouts.append(f"“{unit}”（{shown}年版格式）")
    if other_layouts:
        raise RollupRefused(
            f"不能汇总表格格式不同的报告：{year}年度应使用{layout.document}规定的"
            "格式，以下报告不是：" + "、".join(other_layouts)
        )
    seen: dict[str, int] = defaultdict(int)
    for unit, _ in sources:
        seen[unit] += 1
    twice = [u for u, n in seen.items() if n > 1]
    if twice:
        raise RollupRefused(
            "同一单位的报告只能汇总一份：" + "、".join(f"“{u}”" for u in twice) + "有多份"
        )


def add_up(year: int, sources: Sequence[Source]) -> Summed:
    """The cell-wise sums of `sources` (checked with check_sources first)."""
    check_sources(year, sources)
    layout = get_layout(layout_for_year(year).id)
    cells: dict[str, int | Decimal] = {}
    money_units: dict[str, str] = {}
    flagged = set()
    reports = [r for _, r in sources]
    figures = [r.cells for r in reports]
    for table in layout.tables:
        for spec in table.cells:
            if spec.rollup is Rollup.NONE:
                continue
            ref = spec.ref
            if spec.rollup is Rollup.SUM_FLAGGED:
                flagged.add(ref)
            if spec.kind is ValueKind.MONEY_WITH_UNIT:
                cells[ref], money_units[ref] = _money_sum(spec, reports)
                continue
            total: int | Decimal = 0
            for held in figures:  # the hot loop of a live roll-up: plain, no generator
                value = held.get(ref)
                if value is not None and value.__class__ is not str:
                    total += value  # type: ignore[operator]
            cells[ref] = total
    return Summed(year, layout.id, tuple(sources), cells, money_units, frozenset(flagged))


def _figure(value: CellValue | None) -> int | Decimal:
    return 0 if value is None or isinstance(value, str) else value


def _money_sum(spec: CellSpec, reports: Sequence[Report]) -> tuple[Decimal, str]:
    """A sum of money each unit wrote with its unit: in 元 when all wrote 元, else in 万元."""
    values = [
        (v, r.money_units.get(spec.ref) or "元")
        for r in reports
        if isinstance(v := r.cells.get(spec.ref), int | Decimal)
    ]
    if all(unit == "元" for _, unit in values):
        return sum((Decimal(v) for v, _ in values), start=Decimal(0)), "元"
    total = sum(
        (Decimal(v) / TEN_THOUSAND if unit == "元" else Decimal(v) for v, unit in values),
        start=Decimal(0),
    )
    return total, "万元"


def apply_sums(
    target: Report,
    summed: Summed,
    sources_named: Sequence[str] = (),
    hand_edited: frozenset[str] = frozenset(),
) -> Report:
    """`target` (the county's report: its text stays) with the sums in its tables, except
    the cells the user typed, and the record of what was summed. `sources_named` gives each
    source's file (or "数据库"), in the order of the sources."""
    report = target.copy()
    report.layout_id = summed.layout_id
    report.table_layouts = {}
    for ref, value in summed.cells.items():
        if ref in hand_edited:
            continue
        report.set(ref, value)
        if ref in summed.money_units:
            report.money_units[ref] = summed.money_units[ref]
    named = list(sources_named) + [""] * (len(summed.sources) - len(sources_named))
    record = RollupRecord(
        tuple(
            RollupSource(unit, r.year, where, _figures(r))
            for (unit, r), where in zip(summed.sources, named, strict=True)
        ),
        hand_edited & frozenset(summed.cells),
    )
    set_rollup_record(report, record)
    return report


def _figures(report: Report) -> dict[str, int | Decimal]:
    return {ref: v for ref in NAMED_REFS if isinstance(v := report.get(ref), int | Decimal)}


def notes(summed: Summed) -> list[str]:
    """What the office should know about the sums, in Chinese: blanks and words counted as 0
    (naming the units) and the flagged cells."""
    lines = []
    for unit, refs in summed.blanks().items():
        lines.append(f"“{unit}”有 {len(refs)} 格空白，按 0 计入：{_cells(refs, summed)}")
    for unit, refs in summed.not_figures().items():
        lines.append(f"“{unit}”有 {len(refs)} 格不是数字，按 0 计入：{_cells(refs, summed)}")
    if summed.flagged:
        lines.append(
            f"{_cells(sorted(summed.flagged), summed, every=True)}为各单位之和；"
            "同一文件可能由几个单位重复计算，请核对后再用"
        )
    return lines


def _cells(refs: Sequence[str], summed: Summed, every: bool = False) -> str:
    shown = refs if every else refs[:SHOWN_CELLS]
    names = "、".join(place_name(ref, summed.layout_id) for ref in shown)
    return names + ("等" if len(refs) > len(shown) else "")
