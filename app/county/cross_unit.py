"""Rules across the units of one batch (spec/format.md §6): R21, two units' chapter 1 or 5 more
than half the same (内容雷同: copied from another department, as the 国办 notice names it).

Pure: the reports' texts in, findings out, one list per report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.county.names import normal_name
from app.county.similarity import similar_texts
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.findings import Finding, Severity

COMPARED_CHAPTERS = ("1", "5")
SAME_SHARE = 0.5
NAMED = 2  # the other units a finding names; the rest are counted


@dataclass(frozen=True)
class UnitTexts:
    """What R21 needs of one report."""

    unit: str
    year: int
    chapters: dict[str, str]  # "1" and "5"


def copied_between_units(reports: Sequence[UnitTexts]) -> list[list[Finding]]:
    """R21 findings for each report (in the order given). Reports are compared within their
    year; two reports of one unit (a file sent twice) are not compared with each other."""
    findings: list[list[Finding]] = [[] for _ in reports]
    for year in sorted({r.year for r in reports}):
        members = [i for i, r in enumerate(reports) if r.year == year]
        owners = [normal_name(reports[i].unit) for i in members]
        for chapter in COMPARED_CHAPTERS:
            texts = [reports[i].chapters.get(chapter, "") for i in members]
            for local, like in similar_texts(texts, owners, threshold=SAME_SHARE).items():
                others = [reports[members[p.other]].unit for p in like.peers]
                findings[members[local]].append(
                    _finding(chapter, others, like.group, like.peers[0].share)
                )
    return findings


def _finding(chapter: str, others: list[str], group: int, share: float) -> Finding:
    heading = CHAPTER_HEADINGS[int(chapter) - 1]
    names = "、".join(f"“{u}”" for u in others[:NAMED])
    more = f"等 {group} 个单位" if group > NAMED else ""
    return Finding(
        "R21",
        Severity.WARNING,
        (f"chapter:{chapter}",),
        f"“{heading}”与{names}{more}的报告约 {share:.0%} 相同（内容雷同），应写本单位的实际情况",
    )
