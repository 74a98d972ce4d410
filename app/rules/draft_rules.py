"""Rule R20: what is still a draft (spec/format.md §6).

A report must not go for signature with a draft mark in it (【请根据本年度情况修改】, which a new
year's chapters start with, or any other 【…】 note; in a report read from a file, any that asks
the writer for something), with the date of its signature left empty,
or, when it was started from last year's report, with figures that were never filled in.
"""

from __future__ import annotations

import re

from app.domain.carry import carried_from
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.findings import Finding, Severity
from app.domain.layouts import get_layout
from app.domain.report import TABLE_NAMES, Report

# A bracketed note of a line at most: 【请根据本年度情况修改】, 【此处填写联系电话】.
DRAFT_NOTE = re.compile(r"【[^【】\n]{1,40}】")
# What makes a note an instruction to the writer. Published reports also use 【】 for their own
# sub-headings (【典型案例】, 【政策解读】): in a report read from a file only an instruction is a
# draft mark; in one written here any note is (the writer's own reminders too).
INSTRUCTION = re.compile(r"请|填|改|补|此处|待|删|核实|确认|[Xx×ＸｘＸ○〇*＊]{2}|某某|…|\.\.\.")
TABLE_WORDS = {"table2": "表二", "table3": "表三", "table4": "表四"}


def _texts(report: Report) -> list[tuple[str, str, str]]:
    """Each text of the report: its cell ref, what the user calls it, the text."""
    texts = [("title", "标题", report.title), ("preamble", "前言", report.preamble)]
    texts += [
        (f"chapter:{n}", heading, report.chapter(str(n)))
        for n, heading in enumerate(CHAPTER_HEADINGS, start=1)
    ]
    texts.append(("signature", "落款单位", report.signature_unit))
    return texts


def draft_notes(report: Report) -> list[Finding]:
    findings = []
    read_from_a_file = report.headings_found is not None
    for ref, name, text in _texts(report):
        for note in dict.fromkeys(m.group(0) for m in DRAFT_NOTE.finditer(text)):
            if read_from_a_file and not INSTRUCTION.search(note):
                continue
            findings.append(
                Finding(
                    "R20",
                    Severity.ERROR,
                    (ref,),
                    f"{name}中还有草稿标记“{note}”：请按本年度的情况修改后删去",
                )
            )
    return findings


def missing_date(report: Report) -> list[Finding]:
    # Only for a report written here: a published page read from a file often leaves the
    # signature out, and that copy is not unfinished.
    if report.headings_found is not None or report.signature_date is not None:
        return []
    return [
        Finding(
            "R20", Severity.ERROR, ("signature",), "落款日期还没有填写：请在“落款”中填写成文日期"
        )
    ]


def unfilled_figures(report: Report) -> list[Finding]:
    started_from = carried_from(report)
    if started_from is None:
        return []
    findings = []
    for name in TABLE_NAMES:
        table = get_layout(report.table_layout_id(name)).table(name)
        blank = tuple(s.ref for s in table.cells if report.get(s.ref) is None)
        if blank:
            findings.append(
                Finding(
                    "R20",
                    Severity.ERROR,
                    blank,
                    f"{TABLE_WORDS[name]}还有 {len(blank)} 个数字没有填写（本报告从{started_from}年度"
                    "报告开始）：请逐格填写，没有的填 0",
                )
            )
    return findings


def about_blanks(finding: Finding) -> bool:
    """Whether a finding is about figures left blank (R6, and R20's unfilled figures): the
    grid tints those cells rather than marking each as a mistake."""
    return finding.rule == "R6" or (finding.rule == "R20" and finding.cells[0].startswith("table"))


def check_draft(report: Report) -> list[Finding]:
    return draft_notes(report) + missing_date(report) + unfilled_figures(report)
