"""Starting a year's report from the year before."""

from __future__ import annotations

from app.domain.chapters import TEXT_CHAPTERS
from app.domain.layouts import layout_for_year
from app.domain.report import Report, default_title

DRAFT_MARK = "【请根据本年度情况修改】"


def start_next_year(previous: Report, year: int | None = None) -> tuple[Report, list[str]]:
    """A new report for the following year and what could not be carried over.

    上年结转 (carried_in) takes last year's 结转下年度 (carried_out); the layout is the one of the
    new year; the text chapters are copied as a draft, marked for review.
    """
    year = previous.year + 1 if year is None else year
    layout = layout_for_year(year)
    report = Report(
        unit=previous.unit,
        year=year,
        layout_id=layout.id,
        level=previous.level,
        title=default_title(previous.unit, year),
        preamble=previous.preamble.replace(str(previous.year), str(year)),
        signature_unit=previous.signature_unit or previous.unit,
        extra=dict(previous.extra),
    )
    notes: list[str] = []
    for column in layout.table3.column_keys:
        value = previous.number(f"table3:carried_out.{column}")
        if value is not None:
            report.set(f"table3:carried_in.{column}", value)
    for number in TEXT_CHAPTERS:
        text = previous.chapter(number)
        if text:
            report.chapters[number] = DRAFT_MARK + text
    if previous.layout_id != layout.id:
        notes.append(
            f"{year}年使用新的表格格式（{layout.document}），表二、表三的新栏目需重新填写；"
            "上年结转已从上年度“结转下年度继续办理”带入。"
        )
    return report, notes
