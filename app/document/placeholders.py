"""Number placeholders in the report's text, written as the report's current figures.

A placeholder is `{{REF}}` where REF is a cell reference (`{{table3:new.total}}`) or several
joined by `+` (`{{table4:suit_direct.total+table4:suit_after_review.total}}`), or the Chinese
name of a common figure (`{{本年新收申请总数}}`). The window inserts them so that a figure the
text states can never disagree with the tables (rule R11); the document shows the figure.
Expanding is a pure function of the text and the report.

In a county's roll-up, a named figure followed by （分单位） (`{{本年新收申请总数（分单位）}}`)
gives each summed unit's share, as county reports write it: "县教育局12件、县财政局3件".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain.layouts import get_layout
from app.domain.report import Report
from app.domain.rollup_record import rollup_record

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
BY_UNIT = "（分单位）"
# The county's own name before its units' names: 青山县教育局 is written 县教育局 in 青山县's report.
_REGION = re.compile(r"^(.+?[省市县区旗])")


@dataclass(frozen=True)
class NamedFigure:
    name: str  # what the window offers the user
    refs: tuple[str, ...]  # summed

    @property
    def token(self) -> str:
        return "{{" + "+".join(self.refs) + "}}"


NAMED_FIGURES = (
    NamedFigure("本年新收申请总数", ("table3:new.total",)),
    NamedFigure("上年结转申请总数", ("table3:carried_in.total",)),
    NamedFigure("本年办理结果总数", ("table3:results_total.total",)),
    NamedFigure("予以公开总数", ("table3:open.total",)),
    NamedFigure("部分公开总数", ("table3:partial.total",)),
    NamedFigure("结转下年度总数", ("table3:carried_out.total",)),
    NamedFigure("行政复议总数", ("table4:review.total",)),
    NamedFigure("行政诉讼总数", ("table4:suit_direct.total", "table4:suit_after_review.total")),
    NamedFigure("行政许可处理决定数", ("table2:licensing.decisions",)),
    NamedFigure("行政处罚处理决定数", ("table2:penalty.decisions",)),
    NamedFigure("行政强制处理决定数", ("table2:coercion.decisions",)),
)
_BY_NAME = {f.name: f for f in NAMED_FIGURES}


def token_for(name: str) -> str:
    """The text to insert for a named figure: `{{table3:new.total}}`."""
    return _BY_NAME[name].token


def by_unit(report: Report, inner: str) -> str | None:
    """ "县教育局12件、县财政局3件" for `名称（分单位）` in a roll-up; None where it is not one."""
    named = _BY_NAME.get(inner.removesuffix(BY_UNIT)) if inner.endswith(BY_UNIT) else None
    record = rollup_record(report)
    if named is None or record is None:
        return None
    region = _REGION.match(report.unit)
    shares = []
    for source in record.sources:
        total = sum((source.figures.get(ref, 0) for ref in named.refs), start=0)
        if total:
            name = source.unit
            if region and name.startswith(region.group(1)) and name != region.group(1):
                name = region.group(1)[-1] + name[len(region.group(1)) :]
            shares.append(f"{name}{total}件")
    return "、".join(shares) if shares else "各单位均为0件"


@dataclass(frozen=True)
class Problem:
    placeholder: str  # as written, braces included
    message: str  # Chinese, for the user


def _refs(inner: str) -> tuple[str, ...]:
    named = _BY_NAME.get(inner)
    if named is not None:
        return named.refs
    return tuple(part.strip() for part in inner.split("+"))


def _known(report: Report, ref: str) -> bool:
    table, _, key = ref.partition(":")
    if table not in ("table2", "table3", "table4") or not key:
        return False
    return get_layout(report.table_layout_id(table)).table(table).has(key)


def _figure(report: Report, refs: tuple[str, ...]) -> str | None:
    """The figure, or None when a ref is unknown or a cell is not a number."""
    total: int | Decimal = 0
    for ref in refs:
        if not _known(report, ref):
            return None
        value = report.get(ref)
        if value is None:
            value = 0  # a blank cell stands for 0 in the format (rule R6 warns about it)
        if isinstance(value, str):
            return None
        total += value
    if len(refs) == 1:
        unit = report.money_units.get(refs[0], "")
        return f"{total}{unit}"
    return str(total)


def expand(text: str, report: Report) -> str:
    """The text with every placeholder it can resolve written as the current figure.

    A placeholder that names no cell of the report's layout stays as written, so the user sees
    it in the preview; `problems` lists it.
    """

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        figure = by_unit(report, inner) if inner.endswith(BY_UNIT) else None
        if figure is None:
            figure = _figure(report, _refs(inner))
        return match.group(0) if figure is None else figure

    return PLACEHOLDER.sub(replace, text)


def problems(text: str, report: Report) -> list[Problem]:
    found = []
    for match in PLACEHOLDER.finditer(text):
        if match.group(1).endswith(BY_UNIT):
            if by_unit(report, match.group(1)) is None:
                found.append(
                    Problem(
                        match.group(0),
                        f"占位符“{match.group(0)}”只能用于汇总报告"
                        "（且须是一个数字名称加“（分单位）”）",
                    )
                )
            continue
        refs = _refs(match.group(1))
        unknown = [ref for ref in refs if not _known(report, ref)]
        if unknown:
            found.append(Problem(match.group(0), f"占位符“{match.group(0)}”不对应表格中的任何一格"))
        elif _figure(report, refs) is None:
            found.append(Problem(match.group(0), f"占位符“{match.group(0)}”对应的表格数字无法识别"))
    return found
