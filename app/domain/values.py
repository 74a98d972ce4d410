"""Reading one figure as people type or paste it: full-width digits, thousands separators,
units in money cells, "/" and "—" for nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.layout import ValueKind
from app.domain.report import CellValue

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋　",
    "0123456789.,-+ ",
)
BLANK_MARKS = {"", "/", "／", "—", "——", "-", "－", "–", "无", "\\"}
# No count or sum of money in a report has more digits; past them a "figure" is kept as the
# text it is (rule R5 names it), so a file cannot make a number too long to print or add up.
MAX_DIGITS = 18
# A figure as typed, with separators, spaces and a unit, is never longer than this.
MAX_FIGURE_TEXT = 60
MONEY_UNITS = ("万元", "元")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_COUNTS = (ValueKind.COUNT, ValueKind.SIGNED_COUNT)


class CellValueError(ValueError):
    """A cell's text cannot be a figure of its kind; the message is for the user."""


@dataclass(frozen=True)
class ParsedValue:
    value: CellValue | None  # None: blank
    unit: str = ""


_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_LONGEST_MARK = max(map(len, BLANK_MARKS)) + max(map(len, MONEY_UNITS))
_DASH_MINUS = re.compile(r"^[–—－](?=\d)")


def normalize_number_text(text: str) -> str:
    if text.isascii() and text.isdigit():
        return text  # most cells of a table: nothing to fold
    t = text.translate(_FULL_WIDTH)
    t = _SPACES.sub("", t)
    t = t.replace("−", "-")
    # An en or em dash before digits is a minus sign typed in Word ("–18"); alone it means none.
    return _DASH_MINUS.sub("-", t)


def split_unit(text: str) -> tuple[str, str]:
    t = normalize_number_text(text)
    for unit in MONEY_UNITS:
        if t.endswith(unit):
            return t[: -len(unit)], unit
    return t, ""


def looks_like_value(text: str) -> bool:
    """True for a figure (or a blank mark) as it may stand in a table cell."""
    if len(text) > MAX_FIGURE_TEXT:
        return False
    if text.isascii() and text.isdigit():
        return True
    if _DIGIT.search(text) is None and len("".join(text.split())) > _LONGEST_MARK:
        return False  # no digit, and longer than a blank mark with its unit ("——万元")
    number, _ = split_unit(text)
    if number in BLANK_MARKS:
        return True
    if number[-1:] in ("件", "个", "项", "条"):
        number = number[:-1]
    return bool(_NUMBER.match(number) or _GROUPED.match(number))


def parse_value(text: str, kind: ValueKind) -> ParsedValue:
    """Strict: the text as a figure of `kind`, or CellValueError with a Chinese message."""
    if kind in _COUNTS and text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return ParsedValue(int(text))  # most cells of a table, read as below in a tenth the time
    number, unit = split_unit(text)
    if number in BLANK_MARKS:
        return ParsedValue(None)
    if _GROUPED.match(number):
        number = number.replace(",", "")
    if not _NUMBER.match(number):
        raise CellValueError(f"“{_shown(text)}”不是数字")
    if _digits(number) > MAX_DIGITS:
        raise CellValueError(f"“{_shown(text)}”的位数太多（最多 {MAX_DIGITS} 位）")
    if kind is ValueKind.MONEY_WITH_UNIT:
        return ParsedValue(_decimal(number, text), unit or "元")
    if unit:
        if kind is ValueKind.MONEY and unit == "万元":
            return ParsedValue(_decimal(number, text))
        raise CellValueError(f"“{_shown(text)}”：此格只填数字，不带单位")
    if kind is ValueKind.MONEY:
        return ParsedValue(_decimal(number, text))
    dec = _decimal(number, text)
    if dec != dec.to_integral_value():
        raise CellValueError(f"“{_shown(text)}”：此格应为整数")
    count = int(dec)
    if count < 0 and kind is ValueKind.COUNT:
        raise CellValueError(f"“{_shown(text)}”：此格不能为负数")
    return ParsedValue(count)


def read_value(text: str, kind: ValueKind) -> ParsedValue:
    """Lenient, for readers: what cannot be a figure of its kind is kept as read (rule R5)."""
    try:
        return parse_value(_without_count_word(text, kind), kind)
    except CellValueError:
        number, unit = split_unit(text)
        number = number.replace(",", "")
        if kind is ValueKind.MONEY and unit == "元":
            # The column is in 万元: keep the text as written so R5 shows it, never rescale it.
            return ParsedValue(text.strip())
        if _NUMBER.match(number) and _digits(number) <= MAX_DIGITS:
            dec = Decimal(number)
            if dec == dec.to_integral_value():
                return ParsedValue(int(dec), unit)
            return ParsedValue(dec, unit)
        return ParsedValue(text.strip())


def _digits(number: str) -> int:
    """The digits of a number that matched _NUMBER."""
    return len(number.lstrip("+-").replace(".", ""))


def _shown(text: str) -> str:
    """The typed text for a message, cut when long."""
    text = text.strip()
    return text if len(text) <= MAX_FIGURE_TEXT else text[:MAX_FIGURE_TEXT] + "…"


def _without_count_word(text: str, kind: ValueKind) -> str:
    """Some tables write "3件"; the word adds nothing to a count."""
    if kind in (ValueKind.COUNT, ValueKind.SIGNED_COUNT):
        stripped = text.strip()
        if stripped[-1:] in ("件", "个", "项", "条") and looks_like_value(stripped[:-1]):
            return stripped[:-1]
    return text


def _decimal(number: str, text: str) -> Decimal:
    try:
        value = Decimal(number.lstrip("+"))
    except InvalidOperation:
        raise CellValueError(f"“{_shown(text)}”不是数字") from None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise CellValueError(f"“{_shown(text)}”不是数字")
    if exponent < -6:
        raise CellValueError(f"“{_shown(text)}”：金额最多保留6位小数")
    return value
