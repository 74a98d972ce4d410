"""Rules on the report's text: R11, R12, R14, R16, R17, R19 (spec/format.md §6–7)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.findings import Finding, Severity
from app.domain.report import Report, chapter_heading, format_date

Number = int


@dataclass(frozen=True)
class StatedFigure:
    """A figure the text states and the table figures it may stand for."""

    name: str
    pattern: re.Pattern[str]
    refs: tuple[tuple[str, ...], ...]  # each alternative: cells whose sum the text may state


# Clause-bounded: no 。；， between the words and the number, so "在行政诉讼案件中，结果维持数0件"
# is not read as a count of suits.
_GAP = r"[^。；，,;\d]{0,16}?"
STATED_FIGURES = (
    StatedFigure(
        "收到政府信息公开申请",
        re.compile(rf"(?:收到|受理){_GAP}申请{_GAP}(\d+)\s*件|(?:收到|受理)(\d+)\s*件{_GAP}申请"),
        (("table3:new.total",), ("table3:new.total", "table3:carried_in.total")),
    ),
    StatedFigure(
        "结转下年度",
        re.compile(rf"(\d+)\s*件{_GAP}结转下年|结转下年度{_GAP}(\d+)\s*件"),
        (("table3:carried_out.total",),),
    ),
    StatedFigure(
        "行政复议",
        re.compile(rf"行政复议{_GAP}(\d+)\s*件"),
        (("table4:review.total",),),
    ),
    StatedFigure(
        "行政诉讼",
        re.compile(rf"行政诉讼{_GAP}(\d+)\s*件"),
        (("table4:suit_direct.total", "table4:suit_after_review.total"),),
    ),
)


def r11_text_figures(report: Report) -> list[Finding]:
    findings = []
    for number in ("1", "5", "6"):
        text = report.chapter(number)
        for figure in STATED_FIGURES:
            for match in figure.pattern.finditer(text):
                stated = int(next(g for g in match.groups() if g is not None))
                sums = [_sum(report, refs) for refs in figure.refs]
                known = [s for s in sums if s is not None]
                if not known or stated in known:
                    continue
                findings.append(
                    Finding(
                        "R11",
                        Severity.WARNING,
                        (f"chapter:{number}", *figure.refs[0]),
                        f"{CHAPTER_HEADINGS[int(number) - 1]}中写“{match.group(0)}”，"
                        f"表格中为 {known[0]} 件",
                    )
                )
    return findings


def _sum(report: Report, refs: tuple[str, ...]) -> int | None:
    values = [report.number(r) for r in refs]
    if any(v is None for v in values):
        return None
    return int(sum(v for v in values if v is not None))


_NUMERALS = "一二三四五六"
_FEE_WORDS = ("信息处理费",)
_NO_FEE = re.compile(
    r"(未|无|没有|不|均未)[^。；]{0,6}收取[^。；]{0,6}(信息处理费|费用)|"
    r"信息处理费[^。；]{0,4}(为|共)?\s*(0|零)"
)


def r12_fee(report: Report) -> list[Finding]:
    fee = report.layout.fee_statement
    if fee is None:
        return []
    chapter = f"chapter:{fee.chapter}"
    text = report.chapter(fee.chapter)
    findings = []
    if not any(w in text for w in _FEE_WORDS):
        findings.append(
            Finding(
                "R12",
                Severity.WARNING,
                (chapter,),
                f"“{chapter_heading(fee.chapter)}”应说明本年度收取信息处理费的情况"
                "（如“本年度未收取信息处理费”）",
            )
        )
    unpaid = report.number(fee.unpaid)
    if unpaid and _NO_FEE.search(text):
        findings.append(
            Finding(
                "R12",
                Severity.WARNING,
                (chapter, fee.unpaid),
                f"表三有 {unpaid} 件因逾期未缴纳费用不再处理，"
                f"第{_NUMERALS[int(fee.chapter) - 1]}部分却写未收取费用",
            )
        )
    return findings


def r14_chapters(report: Report) -> list[Finding]:
    findings = []
    found = report.headings_found
    if found is not None:
        missing = [n for n in "123456" if n not in found]
        for n in missing:
            findings.append(
                Finding(
                    "R14",
                    Severity.ERROR,
                    (f"chapter:{n}",),
                    f"缺少第{n}部分“{CHAPTER_HEADINGS[int(n) - 1]}”",
                )
            )
        present = [n for n in found if n in "123456"]
        if present != sorted(present):
            findings.append(
                Finding(
                    "R14",
                    Severity.ERROR,
                    tuple(f"chapter:{n}" for n in present),
                    "六个部分的顺序不对，应依次为：" + "；".join(CHAPTER_HEADINGS),
                )
            )
    for n in ("5", "6"):
        if n in (found or "123456") and _is_empty(report.chapter(n)):
            findings.append(
                Finding(
                    "R14",
                    Severity.WARNING,
                    (f"chapter:{n}",),
                    f"“{CHAPTER_HEADINGS[int(n) - 1]}”不能空着或只写“无”",
                )
            )
    return findings


def _is_empty(text: str) -> bool:
    squeezed = "".join(text.split()).rstrip("。.")
    return squeezed in ("", "无", "暂无", "没有")


def r16_chapter_length(report: Report) -> list[Finding]:
    findings = []
    for limit in report.layout.length_limits:
        length = len("".join(report.chapter(limit.chapter).split()))
        if length > limit.characters:
            findings.append(
                Finding(
                    "R16",
                    Severity.INFO,
                    (f"chapter:{limit.chapter}",),
                    f"“{chapter_heading(limit.chapter)}”共 {length} 字，"
                    f"格式要求原则上不超过{limit.as_written}",
                )
            )
    return findings


_PERIOD = re.compile(
    r"(\d{4})\s*年\s*1\s*月\s*1\s*日[^。；]{0,6}?(?:至|到|—|－|-)\s*"
    r"(\d{4})\s*年\s*12\s*月\s*31\s*日"
)
_TITLE_YEAR = re.compile(r"(\d{4})\s*年")


def r17_year_named(report: Report) -> list[Finding]:
    findings = []
    title_years = {int(y) for y in _TITLE_YEAR.findall(report.title)}
    if title_years and report.year not in title_years:
        findings.append(
            Finding(
                "R17",
                Severity.WARNING,
                ("title",),
                f"标题写的是{'、'.join(str(y) for y in sorted(title_years))}年，报告年度是{report.year}年",
            )
        )
    for match in _PERIOD.finditer(report.preamble):
        years = {int(match.group(1)), int(match.group(2))}
        if years != {report.year}:
            findings.append(
                Finding(
                    "R17",
                    Severity.WARNING,
                    ("preamble",),
                    f"统计期限“{match.group(0)}”不是{report.year}年",
                )
            )
    return findings


DEADLINES = {  # month, day of the year after the report year (spec/format.md §7)
    "department": (1, 31),
    "township": (1, 31),
    "county": (2, 20),
    "prefecture": (3, 10),
    "province": (3, 31),
}


def publication_deadline(year: int, level: str) -> dt.date:
    month, day = DEADLINES.get(level, DEADLINES["department"])
    return dt.date(year + 1, month, day)


def r19_deadline(report: Report) -> list[Finding]:
    date = report.signature_date
    if date is None:
        return []
    deadline = publication_deadline(report.year, report.level)
    if date > deadline:
        return [
            Finding(
                "R19",
                Severity.WARNING,
                ("signature",),
                f"落款日期{format_date(date)}晚于公布期限{format_date(deadline)}",
            )
        ]
    return []


TEXT_RULES: tuple[Callable[[Report], list[Finding]], ...] = (
    r11_text_figures,
    r12_fee,
    r14_chapters,
    r16_chapter_length,
    r17_year_named,
    r19_deadline,
)


def check_text(report: Report) -> list[Finding]:
    findings: list[Finding] = []
    for rule in TEXT_RULES:
        findings += rule(report)
    return findings
