"""Starting a year's report from the year before."""

from __future__ import annotations

from app.domain.chapters import TEXT_CHAPTERS
from app.domain.layouts import layout_for_year
from app.domain.report import Report, default_title
from app.domain.rollup_record import set_rollup_record

DRAFT_MARK = "【请根据本年度情况修改】"
# The JSON field (spec/interfaces.md §1) naming the year a report was started from: its
# figures left blank are then unfinished work (rule R20), not a published report's blanks.
CARRIED_FROM = "carried_from"


def as_draft(text: str) -> str:
    """Last year's text as this year's draft, marked once however many years it was carried
    (app.document.headings reads a first line's heading past the mark)."""
    while text.lstrip().startswith(DRAFT_MARK):
        text = text.lstrip()[len(DRAFT_MARK) :]
    return DRAFT_MARK + text


def carried_from(report: Report) -> int | None:
    year = report.extra.get(CARRIED_FROM)
    return year if isinstance(year, int) else None


def start_next_year(previous: Report, year: int | None = None) -> tuple[Report, list[str]]:
    """A new report for the following year and what could not be carried over.

    The figures the new year's layout carries over are taken from last year's (上年结转 from
    结转下年度); the layout is the one of the new year; the text chapters are copied as a draft,
    marked for review.
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
        extra={**previous.extra, CARRIED_FROM: previous.year},
    )
    # Last year's roll-up summed last year's reports: this year's is made afresh (新建汇总报告).
    set_rollup_record(report, None)
    notes: list[str] = []
    for table in layout.tables:
        for carry in table.carry_over:
            for _, (source, target) in table.lines(carry.each, (carry.source, carry.target)):
                value = previous.number(source)
                if value is not None:
                    report.set(target, value)
    for number in TEXT_CHAPTERS:
        text = previous.chapter(number)
        if text:
            report.chapters[number] = as_draft(text)
    # The user's word on which lines are headings goes with the text it was said of.
    report.headings = {
        part: dict(marks)
        for part, marks in previous.headings.items()
        if part in (*TEXT_CHAPTERS, "preamble")
    }
    if previous.layout_id != layout.id:
        notes.append(
            f"{year}年使用新的表格格式（{layout.document}），表二、表三的新栏目需重新填写；"
            "上年结转已从上年度“结转下年度继续办理”带入。"
        )
    return report, notes
