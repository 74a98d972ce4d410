"""A figure is what a report can hold: past MAX_DIGITS digits it is text (rule R5 names it),
never a number too long to print, add up or store."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from app.domain.layout import ValueKind
from app.domain.values import MAX_DIGITS, CellValueError, looks_like_value, parse_value, read_value


def test_the_longest_figure_a_report_can_hold_is_a_number() -> None:
    assert parse_value("9" * MAX_DIGITS, ValueKind.COUNT).value == int("9" * MAX_DIGITS)
    assert parse_value("1" * 12 + "." + "5" * 6, ValueKind.MONEY).value == Decimal(
        "1" * 12 + "." + "5" * 6
    )


@pytest.mark.parametrize("digits", [MAX_DIGITS + 1, 4300, 5000, 100_000])
def test_longer_figures_are_refused_when_typed_and_kept_as_text_when_read(digits: int) -> None:
    text = "9" * digits
    started = time.perf_counter()
    with pytest.raises(CellValueError, match="位数太多") as caught:
        parse_value(text, ValueKind.COUNT)
    assert len(str(caught.value)) < 120  # the figure is cut in the message
    assert read_value(text, ValueKind.COUNT).value == text
    assert time.perf_counter() - started < 1.0


def test_text_longer_than_any_figure_is_not_taken_for_one() -> None:
    assert looks_like_value("1 234 567")
    assert not looks_like_value("1" + " " * 100 + "2")
    assert not looks_like_value("１" * 5000)
