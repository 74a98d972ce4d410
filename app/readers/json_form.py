"""Reading a report from JSON text (spec/interfaces.md §1); the form itself is
app.domain.report_form.

JSON text may claim what no report holds: millions of values, an integer of thousands of digits
(Python refuses to make one), nesting thousands deep (the parser runs out of stack), NaN, or a
lone UTF-16 surrogate ("\\ud800", which no file or database can store). Each is refused with a
sentence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.domain import report_form
from app.domain.report import Report
from app.domain.report_form import FormError, dumps, report_to_json
from app.readers.errors import ReadError

__all__ = ["dumps", "loads", "report_from_json", "report_to_json"]

# A report nests three deep (report, table, cell); fields a later version adds, a few more.
MAX_DEPTH = 32
MAX_NUMBER_TEXT = 40  # digits of any number in the file; a report's have at most 18
# Values in the file, counted before parsing by the commas between them (what nests without
# commas the parser refuses at a thousand levels): a report holds some hundreds, while
# 18 MB of "{}," made six million objects (1.3 GB, 30 s). A comma inside text counts too,
# which a report's Chinese text hardly has.
MAX_VALUES = 100_000
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(ValueError):
    """Raised by the parser's hooks: the message for the user."""


def report_from_json(data: Any) -> Report:
    """A report from parsed JSON; ReadError (Chinese) when it is not one."""
    try:
        return report_form.report_from_json(data)
    except FormError as exc:
        raise ReadError(str(exc)) from None


def loads(text: str) -> Report:
    if text.count(",") > MAX_VALUES:
        raise ReadError(f"JSON 中的数据项异常多（超过 {MAX_VALUES:,} 个），不是年度报告的数据")
    try:
        data = json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(f"JSON 格式错误（第{exc.lineno}行第{exc.colno}列）") from None
    except _Refused as exc:
        raise ReadError(str(exc)) from None
    except RecursionError:
        raise ReadError(f"JSON 的嵌套层数过多（超过 {MAX_DEPTH} 层），不是年度报告的数据") from None
    _check_values(data)
    return report_from_json(data)


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_TEXT:
        raise _Refused(f"JSON 中有位数过多的数字（{len(text)} 位），不是年度报告的数据")
    return int(text)


def _real(text: str) -> float:
    if len(text) > MAX_NUMBER_TEXT:
        raise _Refused(f"JSON 中有位数过多的数字（{len(text)} 位），不是年度报告的数据")
    return float(text)


def _constant(name: str) -> float:
    raise _Refused(f"JSON 中有非标准的数值“{name}”，不是年度报告的数据")


def _check_values(data: Any) -> None:
    """Refuse nesting past MAX_DEPTH and text with a lone surrogate (walked without
    recursion, so the check itself has no depth limit)."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise ReadError(
                    "JSON 中有无效的字符（单独的 UTF-16 代理项，如 \\ud800），文件可能已损坏"
                )
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise ReadError(f"JSON 的嵌套层数过多（超过 {MAX_DEPTH} 层），不是年度报告的数据")
        items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
        for key, item in items:
            if key is not None:
                pending.append((key, depth))
            pending.append((item, depth + 1))
