"""What a layout states about its figures besides where they stand: which cells add up to which,
what carries over from last year, and the parameters of the rules that differ by layout.

A relation names its terms by row or column key and holds in every row or every column of its
table (`Each`); `TableLayout.lines` turns it into cell references. The rules check these
relations, the grid shows them as hints and the county roll-up sums by them, so each is stated
once, in the layout's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Each(Enum):
    ROW = "row"  # the terms are column keys; the relation holds in every row
    COLUMN = "column"  # the terms are row keys; the relation holds in every column


@dataclass(frozen=True)
class Equation:
    """The figures of `left` add up to those of `right` (rules R1–R4).

    `message` names a broken one; it may use {row} and {column} (the labels of the first left
    cell), {total} and {parts} (the sums of the two sides) and {left} and {right} (a side
    written out with the terms' `names`: "本年新收 3 + 上年结转 0 = 3"). A rule judges only when
    the `required` terms are filled. `hint`, shown beside a one-term left side, may use {parts}.
    """

    rule: str
    each: Each
    left: tuple[str, ...]
    right: tuple[str, ...]
    message: str
    required: tuple[str, ...]
    names: tuple[tuple[str, str], ...] = ()  # term -> short name
    hint: str = ""

    def name(self, term: str) -> str:
        return dict(self.names).get(term, term)


@dataclass(frozen=True)
class EquationLine:
    """An equation in one row or column of its table, as cell references."""

    equation: Equation
    line: str  # the row key (Each.ROW) or the column key (Each.COLUMN)
    left: tuple[str, ...]
    right: tuple[str, ...]
    required: tuple[int, ...]  # where the required terms stand in `refs`

    @property
    def refs(self) -> tuple[str, ...]:
        return self.left + self.right


@dataclass(frozen=True)
class Helper:
    """A figure shown beside the grid to help, never stored or printed: the sum of `plus` less
    the sum of `minus` (rule R7: 法人或其他组织 = 总计 − 自然人). `hint` may use {value}."""

    rule: str
    each: Each
    plus: tuple[str, ...]
    minus: tuple[str, ...]
    hint: str


@dataclass(frozen=True)
class CarryOver:
    """This year's `target` starts as last year's `source` (上年结转 ← 结转下年度; rule R8).
    `message` may use {row}, {column}, {now}, {before} and {year} (last year)."""

    each: Each
    source: str
    target: str
    message: str


@dataclass(frozen=True)
class Stock:
    """Documents in force from year to year: `stock` = last year's `stock` + `added` −
    `removed` (rule R9, `mismatch`), and no more can be removed than there were (rule R10,
    `overdrawn`). The messages may use {row}, {now}, {before}, {added}, {removed}, {expected}."""

    each: Each
    stock: str
    added: str
    removed: str
    mismatch: str
    overdrawn: str


@dataclass(frozen=True)
class FeeStatement:
    """The chapter that must state the 信息处理费 charged (rule R12), and the cell counting the
    applications dropped for an unpaid fee."""

    chapter: str
    unpaid: str  # a cell reference, "table3:other_unpaid_fee.total"


@dataclass(frozen=True)
class LengthLimit:
    """A chapter's length as the notice limits it (rule R16), and how the notice writes it."""

    chapter: str
    characters: int
    as_written: str  # "一千字"
