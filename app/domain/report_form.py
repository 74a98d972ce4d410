"""The report as JSON data (spec/interfaces.md §1): to and from plain dicts, unknown fields kept.

Pure: the readers parse JSON text into the dicts this module reads (app.readers.json_form), the
store keeps the same form in its rows, and the exporters write it.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from app.domain.layout import ValueKind
from app.domain.layouts import LAYOUTS, get_layout
from app.domain.report import LEVELS, CellValue, Report
from app.domain.values import read_value

SCHEMA = "nianbao.report/1"
KNOWN = {
    "schema",
    "layout",
    "year",
    "unit",
    "level",
    "title",
    "preamble",
    "chapters",
    "table2",
    "table3",
    "table4",
    "signature",
    "table_layouts",
    "headings_found",
    "headings",
}
UNIT_SUFFIX = "_unit"
TABLES = ("table2", "table3", "table4")
MAX_COUNT = 10**18  # no figure of a report comes near; past it a number is not a figure


class FormError(ValueError):
    """The data is not a report in this form; str(error) is shown to the user."""


def report_to_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = dict(report.extra)
    data.update(
        {
            "schema": SCHEMA,
            "layout": report.layout_id,
            "year": report.year,
            "unit": report.unit,
            "level": report.level,
            "title": report.title,
            "preamble": report.preamble,
            "chapters": {
                n: report.chapters[n] for n in sorted(report.chapters) if report.chapters[n]
            },
        }
    )
    for table in TABLES:
        layout = get_layout(report.table_layout_id(table)).table(table)
        cells: dict[str, Any] = {}
        for spec in layout.cells:
            value = report.get(spec.ref)
            if value is None:
                continue
            cells[spec.key] = _json_value(value)
            unit = report.money_units.get(spec.ref)
            if unit:
                cells[spec.key + UNIT_SUFFIX] = unit
        data[table] = cells
    data["signature"] = {
        "unit": report.signature_unit,
        "date": report.signature_date.isoformat() if report.signature_date else "",
    }
    if report.table_layouts:
        data["table_layouts"] = dict(report.table_layouts)
    if report.headings_found is not None:
        data["headings_found"] = list(report.headings_found)
    headings = {part: dict(marks) for part, marks in sorted(report.headings.items()) if marks}
    if headings:
        data["headings"] = headings
    return data


def _json_value(value: CellValue) -> int | str:
    if isinstance(value, Decimal):
        return str(value)
    return value


def dumps(report: Report) -> str:
    return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"


def report_from_json(data: Any) -> Report:
    """A report from parsed JSON; FormError (Chinese) when it is not one."""
    if not isinstance(data, dict):
        raise FormError("不是年度报告的 JSON 数据（应为一个对象）")
    schema = data.get("schema", SCHEMA)
    if not isinstance(schema, str) or not schema.startswith("nianbao.report/"):
        raise FormError(f"不认识的数据格式“{schema}”")
    if schema != SCHEMA:
        raise FormError(f"数据格式“{schema}”由更新版本的年报编制器生成，请升级本程序")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise FormError("缺少报告年度（year），或年度不是 2000—2100 之间的整数")
    unit = _text(data, "unit")
    layout_id = str(data.get("layout") or "")
    if layout_id and layout_id not in LAYOUTS:
        known = "、".join(sorted(LAYOUTS))
        raise FormError(f"不认识的表格格式“{layout_id}”（应为 {known}）")
    level = str(data.get("level") or "department")
    if level not in LEVELS:
        raise FormError(f"不认识的单位层级“{level}”")
    report = Report(
        unit=unit,
        year=year,
        layout_id=layout_id,
        level=level,
        title=_text(data, "title"),
        preamble=_text(data, "preamble"),
    )
    chapters = data.get("chapters") or {}
    if not isinstance(chapters, dict):
        raise FormError("chapters 应为对象")
    report.chapters = {str(k): _text(chapters, k, "chapters.") for k in chapters}
    table_layouts = data.get("table_layouts") or {}
    if isinstance(table_layouts, dict):
        report.table_layouts = {
            str(k): str(v) for k, v in table_layouts.items() if k in TABLES and str(v) in LAYOUTS
        }
    for table in TABLES:
        _read_table(report, table, data.get(table) or {})
    signature = data.get("signature") or {}
    if isinstance(signature, dict):
        report.signature_unit = _text(signature, "unit", "signature.")
        report.signature_date = _date(signature.get("date"))
    found = data.get("headings_found")
    if isinstance(found, list):
        report.headings_found = [str(n) for n in found]
    report.headings = _headings(data.get("headings"))
    report.extra = {k: v for k, v in data.items() if k not in KNOWN}
    return report


def _headings(data: Any) -> dict[str, dict[str, int]]:
    """The heading marks; an entry that is not text -> level 0, 2, 3 or 4 is left out (they
    only say which font a line prints in, never a reason to refuse a report)."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, int]] = {}
    for part, marks in data.items():
        if not isinstance(marks, dict):
            continue
        kept = {
            str(text): level
            for text, level in marks.items()
            if text
            and isinstance(level, int)
            and not isinstance(level, bool)
            and level in (0, 2, 3, 4)
        }
        if kept:
            out[str(part)] = kept
    return out


def _read_table(report: Report, table: str, cells: Any) -> None:
    if not isinstance(cells, dict):
        raise FormError(f"{table} 应为对象")
    layout = get_layout(report.table_layout_id(table)).table(table)
    for key, raw in cells.items():
        if key.endswith(UNIT_SUFFIX):
            continue
        if not layout.has(key):
            raise FormError(
                f"{table} 中没有“{key}”这一格（{layout.name}，格式 "
                f"{report.table_layout_id(table)}）"
            )
        spec = layout.spec(key)
        report.set(spec.ref, _cell(raw, spec.kind, f"{table}.{key}"))
        unit = cells.get(key + UNIT_SUFFIX)
        if isinstance(unit, str) and unit:
            report.money_units[spec.ref] = unit


def _cell(raw: Any, kind: ValueKind, where: str) -> CellValue | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise FormError(f"{where} 的值不是数字")
    if isinstance(raw, int):
        if abs(raw) >= MAX_COUNT:
            raise FormError(f"{where} 的数字位数太多，不像是统计数字")
        return raw
    if isinstance(raw, float):
        raise FormError(f'{where} 的金额应写成字符串（如 "347.08"），不能写成小数')
    if isinstance(raw, str):
        return read_value(raw, kind).value
    raise FormError(f"{where} 的值不是数字")


def _text(data: dict[str, Any], key: str, where: str = "") -> str:
    """A text field: absent or null is empty; anything else but text is refused, since its
    Python spelling ("None", "{'a': 1}") would pass for what the report says."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormError(f"{where}{key} 应为文字")
    return value


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise FormError(f"落款日期“{value}”不是 YYYY-MM-DD 格式") from None
