"""What the Excel writer and reader agree on: sheet names and number formats that keep a
figure as entered (decimal places, the unit typed into a 2019 procurement cell)."""

from __future__ import annotations

import re
from decimal import Decimal

SHEET_NAMES = {"table2": "表二 主动公开", "table3": "表三 依申请公开", "table4": "表四 复议诉讼"}
TITLE_ROWS = 2  # the report's title and the chapter heading above each table
EXCEL_DIGITS = 15  # Excel keeps 15 significant digits; a longer figure is stored as text
_FORMAT_UNIT = re.compile(r'"(万元|元)"')


def number_format(value: int | Decimal, unit: str = "") -> str:
    """ "0", "0.00", "0.000000" as many places as entered; a unit as literal text."""
    places = 0
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    fmt = "0" + ("." + "0" * places if places else "")
    return fmt + (f'"{unit}"' if unit else "")


def places_and_unit(fmt: str) -> tuple[int | None, str]:
    """The decimal places a number format shows (None for General) and its unit text."""
    unit_match = _FORMAT_UNIT.search(fmt)
    unit = unit_match.group(1) if unit_match else ""
    body = _FORMAT_UNIT.sub("", fmt).split(";")[0]
    if "0" not in body and "#" not in body:
        return None, unit
    decimals = re.search(r"\.([0#]+)", body)
    return (len(decimals.group(1)) if decimals else 0), unit


def fits_excel(value: Decimal) -> bool:
    return len(value.as_tuple().digits) <= EXCEL_DIGITS
